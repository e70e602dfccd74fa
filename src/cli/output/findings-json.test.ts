/** `check --json`'s document: written in lines, it is exactly the compact JSON of the whole, one finding per line. */
import type { Finding } from "../../core/model/types";
import { textMaker } from "./fast-text";
import { findingsJsonChunks, type CheckSummary } from "./findings";

const summary: CheckSummary = {
  errors: 1, warnings: 1, infos: 0, entries: 3, planLines: 0, ledgerSheets: ["明细账"], pack: "national", files: ["a.csv"],
  ms: { load: 1, read: 2, checks: 3 },
};

/** The document as one JSON.stringify of everything. */
function whole(findings: Finding[]): unknown {
  const text = textMaker("zh-CN");
  const out = findings.map((f) => ({
    rule: f.rule, severity: f.severity, message: text.message(f), fix: text.fix(f),
    locations: f.locations.map((l) => ({ sheet: l.sheet, row: l.row, column: l.column, address: l.address })),
    params: f.params,
  }));
  return { findings: out, summary };
}

function finding(i: number): Finding {
  return {
    rule: i % 2 ? "negative-amount" : "missing-voucher",
    severity: i % 2 ? "error" : "warning",
    params: { value: `-${i}.00\n"引号"\t`, summary: "摘要\u2028" },
    // A location as the reader makes it may carry more than the four fields; the JSON keeps only those.
    locations: [{ sheet: "明细账", row: i + 2, column: 6, address: `F${i + 2}`, extra: "x" } as Finding["locations"][number]],
  } as Finding;
}

describe("findingsJsonChunks", () => {
  test.each([0, 1, 2, 249, 250, 251, 500, 2001, 4500])("%i findings", (n) => {
    const findings = Array.from({ length: n }, (_, i) => finding(i));
    const chunks = [...findingsJsonChunks(findings, summary, "zh-CN")];
    const text = chunks.join("\n");
    const parsed = JSON.parse(text);
    expect(parsed).toEqual(whole(findings));
    expect(parsed.findings).toHaveLength(n);
    expect(Object.keys(parsed.findings[0]?.locations[0] ?? { sheet: 1, row: 1, column: 1, address: 1 })).toEqual(["sheet", "row", "column", "address"]);
    // One finding per line: the first and last lines open and close the document.
    const lines = text.split("\n");
    expect(lines).toHaveLength(n + 2);
    expect(lines[0]).toBe('{"findings":[');
    expect(lines[n + 1]).toBe(`],"summary":${JSON.stringify(summary)}}`);
    for (let i = 1; i <= n; i++) expect(JSON.parse(lines[i].replace(/,$/, "")).rule).toBe(findings[i - 1].rule);
    if (n > 2000) expect(chunks.length).toBeGreaterThan(3);
  });
});
