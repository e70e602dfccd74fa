/** Filtering and grouping of check findings, as plain functions. */
import type { Finding, Severity } from "../core/model/types";
import {
  SHOW_ALL,
  countByRule,
  countBySeverity,
  filterFindings,
  groupFindings,
  highlightCells,
  indexFindings,
  runnerPhaseKey,
  totalMs,
} from "./findings-model";
import { uiCatalog } from "../core/i18n/catalog/ui";

function finding(rule: string, severity: Severity, address: string, sheet = "明细账"): Finding {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { rule, severity, params: {}, locations: [{ sheet, row: Number(m[2]), column: m[1].charCodeAt(0) - 64, address }] };
}

const findings: Finding[] = [
  finding("running-balance", "error", "J10"),
  finding("over-budget", "warning", "G14", "预算"),
  finding("running-balance", "error", "J20"),
  finding("birthday-twice", "warning", "H30"),
  finding("over-budget", "error", "G15", "预算"),
  finding("missing-voucher", "info", "C40"),
];

describe("findings model", () => {
  it("groups by severity, most severe first, then by rule in order of first appearance", () => {
    const groups = groupFindings(indexFindings(findings));
    expect(groups.map((g) => [g.severity, g.count])).toEqual([["error", 3], ["warning", 2], ["info", 1]]);
    expect(groups[0].rules.map((r) => [r.rule, r.items.map((i) => i.index)])).toEqual([
      ["running-balance", [0, 2]],
      ["over-budget", [4]],
    ]);
    // A rule that emits two severities has a group under each, with distinct keys.
    expect(groups[1].rules.map((r) => r.key)).toEqual(["warning:over-budget", "warning:birthday-twice"]);
  });

  it("counts per severity and per rule", () => {
    expect(countBySeverity(findings)).toEqual({ error: 3, warning: 2, info: 1 });
    expect(countByRule(findings)).toEqual([
      { rule: "running-balance", count: 2 },
      { rule: "over-budget", count: 2 },
      { rule: "birthday-twice", count: 1 },
      { rule: "missing-voucher", count: 1 },
    ]);
  });

  it("filters by severity, rule and words (message text and addresses), keeping the original order", () => {
    const all = indexFindings(findings);
    const idx = (items: { index: number }[]) => items.map((i) => i.index);
    expect(idx(filterFindings(all, SHOW_ALL))).toEqual([0, 1, 2, 3, 4, 5]);
    expect(idx(filterFindings(all, { severities: ["warning", "info"] }))).toEqual([1, 3, 5]);
    expect(idx(filterFindings(all, { severities: [] }))).toEqual([]);
    expect(idx(filterFindings(all, { ...SHOW_ALL, rule: "over-budget" }))).toEqual([1, 4]);
    expect(idx(filterFindings(all, { severities: ["error"], rule: "over-budget" }))).toEqual([4]);
    // Addresses are searchable, case-insensitive, with the sheet name.
    expect(idx(filterFindings(all, { ...SHOW_ALL, query: "预算!g1" }))).toEqual([1, 4]);
    // Words come from textOf; every word must match; full-width spaces separate words too.
    const textOf = (f: Finding) => (f.rule === "birthday-twice" ? "宋金凤 一年内两次生日慰问" : "其他");
    expect(idx(filterFindings(all, { ...SHOW_ALL, query: "宋金凤\u3000生日" }, textOf))).toEqual([3]);
    expect(idx(filterFindings(all, { ...SHOW_ALL, query: "宋金凤 超支" }, textOf))).toEqual([]);
  });

  it("marks every location of every finding with its severity", () => {
    const twoPlaces: Finding = {
      ...finding("duplicate-voucher", "error", "C5"),
      locations: [finding("x", "error", "C5").locations[0], finding("x", "error", "C9").locations[0]],
    };
    expect(highlightCells([twoPlaces, findings[1]]).map((c) => `${c.ref.sheet}!${c.ref.address}:${c.severity}`)).toEqual([
      "明细账!C5:error",
      "明细账!C9:error",
      "预算!G14:warning",
    ]);
  });

  it("totals the rule timings in whole milliseconds", () => {
    expect(totalMs({})).toBe(0);
    expect(totalMs({ a: 0.2, b: 0.1 })).toBe(1);
    expect(totalMs({ a: 100.4, b: 20.3 })).toBe(121);
  });

  it("has words for every runner phase, and a fallback", () => {
    for (const phase of ["read", "summarize", "prepare", "check", "render", undefined, "something-new"]) {
      const key = runnerPhaseKey(phase);
      expect(uiCatalog["zh-CN"][key]).toBeTruthy();
      expect(uiCatalog.en[key]).toBeTruthy();
    }
    expect(runnerPhaseKey("something-new")).toBe("ui.findings.phase.working");
  });
});
