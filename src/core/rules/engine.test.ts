import { INTERNAL_ERROR, isSelected, ruleById, rules, runChecks } from "./engine";
import { books, yuan } from "./testing";
import type { Rule } from "./types";
import { hasKey, findingMessage, findingFix } from "../i18n";
import { packById } from "../packs";

const sample = books({
  year: 2025,
  entries: [
    { date: "2025-01-05", summary: "会费", income: yuan(100), expense: yuan(5) },
    { date: "2024-12-01", summary: "春节慰问金", expense: yuan(50) },
  ],
});

describe("runChecks", () => {
  test("a rule that throws becomes one internal-error finding naming it; the others still run", () => {
    const boom: Rule = { id: "boom", area: "engine", tier: "basic", severity: "error", run: () => { throw new Error("kaput"); } };
    const registry = [ruleById("income-and-expense-in-one-row")!, boom, ruleById("date-outside-period")!];
    const r = runChecks(sample, {}, registry);
    expect(r.findings.map((f) => f.rule)).toEqual(["income-and-expense-in-one-row", INTERNAL_ERROR, "date-outside-period"]);
    expect(r.findings[1]).toMatchObject({ severity: "error", params: { rule: "boom", error: "kaput" } });
    expect(r.ran).toEqual(["income-and-expense-in-one-row", "boom", "date-outside-period"]);
  });
  test("records a time for every rule that ran", () => {
    const r = runChecks(sample);
    expect(Object.keys(r.timings).sort()).toEqual([...r.ran].sort());
    for (const ms of Object.values(r.timings)) expect(ms).toBeGreaterThanOrEqual(0);
  });
  test("tiers: basic only, default basic+strict, optional by id", () => {
    const basic = runChecks(sample, { tiers: ["basic"] }).ran;
    expect(basic.every((id) => ruleById(id)!.tier === "basic")).toBe(true);
    const all = runChecks(sample).ran;
    expect(all).toContain("festival-gift-over-cap");
    expect(all).not.toContain("dates-out-of-order");
    expect(runChecks(sample, { enable: ["dates-out-of-order"] }).ran).toContain("dates-out-of-order");
    expect(isSelected(ruleById("dates-out-of-order")!, { tiers: ["optional"] })).toBe(true);
  });
  test("returns the pack used, with the user's overrides applied", () => {
    const r = runChecks(sample, { pack: packById("hubei-2018"), capOverrides: { welfareCaps: { festival: yuan(1500) } } });
    expect(r.pack.id).toBe("hubei-2018");
    expect(r.pack.welfareCaps.festival).toBe(yuan(1500));
    expect(r.pack.welfareCaps.birthday).toBe(yuan(300));
  });
});

describe("registry and catalogue", () => {
  test("rule ids are unique", () => {
    expect(new Set(rules.map((r) => r.id)).size).toBe(rules.length);
  });
  test.each([...rules.map((r) => r.id), INTERNAL_ERROR])("%s has message, fix, title and why in zh-CN and en", (id) => {
    for (const lang of ["zh-CN", "en"] as const) {
      for (const key of [`finding.${id}.message`, `finding.${id}.fix`, `rule.${id}.title`, `rule.${id}.why`]) expect(hasKey(key, lang)).toBe(true);
    }
  });
  test("messages name amounts in yuan and leave no placeholder unfilled", () => {
    const r = runChecks(sample);
    expect(r.findings.length).toBeGreaterThan(0);
    for (const f of r.findings) {
      for (const lang of ["zh-CN", "en"] as const) {
        expect(findingMessage(f, lang)).not.toMatch(/\{\{|\$t\(|^finding\./);
        expect(findingFix(f, lang)).not.toMatch(/\{\{|\$t\(|^finding\./);
      }
    }
    const both = r.findings.find((f) => f.rule === "income-and-expense-in-one-row")!;
    expect(findingMessage(both)).toContain("100.00 元");
  });
});
