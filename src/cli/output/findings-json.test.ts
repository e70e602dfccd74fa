/** The JSON written in chunks is exactly the JSON of the whole document. */
import type { Finding } from "../../core/model/types";
import { textMaker } from "./fast-text";
import { findingsJsonChunks, type CheckSummary } from "./findings";

const summary: CheckSummary = {
  errors: 1, warnings: 1, infos: 0, entries: 3, planLines: 0, ledgerSheets: ["明细账"], pack: "national", files: ["a.csv"],
  ms: { load: 1, read: 2, checks: 3 },
};

/** The document as one JSON.stringify of everything (what `check --json` printed before it wrote in chunks). */
function whole(findings: Finding[]): string {
  const text = textMaker("zh-CN");
  const out = findings.map((f) => ({
    rule: f.rule, severity: f.severity, message: text.message(f), fix: text.fix(f),
    locations: f.locations.map((l) => ({ sheet: l.sheet, row: l.row, column: l.column, address: l.address })),
    params: f.params,
  }));
  return JSON.stringify({ findings: out, summary }, null, 2);
}

function finding(i: number): Finding {
  return {
    rule: i % 2 ? "negative-amount" : "missing-voucher",
    severity: i % 2 ? "error" : "warning",
    params: { value: `-${i}.00\n"引号"\t`, summary: "摘要" },
    locations: [{ sheet: "明细账", row: i + 2, column: 6, address: `F${i + 2}` }],
    fix: "",
  } as Finding;
}

describe("findingsJsonChunks", () => {
  test.each([0, 1, 2, 2001, 4500])("%i findings", (n) => {
    const findings = Array.from({ length: n }, (_, i) => finding(i));
    const chunks = [...findingsJsonChunks(findings, summary, "zh-CN")];
    expect(chunks.join("\n")).toBe(whole(findings));
    expect(JSON.parse(chunks.join("\n")).findings).toHaveLength(n);
    if (n > 2000) expect(chunks.length).toBeGreaterThan(3);
  });
});
