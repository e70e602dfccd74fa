/** The JSON written in chunks is exactly the JSON of the whole document. */
import type { Finding } from "../../core/model/types";
import { textMaker } from "./fast-text";
import { findingJson, findingJsonSlow, findingsJsonChunks, quoteJson, type CheckSummary } from "./findings";

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
  test.each([0, 1, 2, 249, 250, 251, 500, 2001, 4500])("%i findings", (n) => {
    const findings = Array.from({ length: n }, (_, i) => finding(i));
    const chunks = [...findingsJsonChunks(findings, summary, "zh-CN")];
    expect(chunks.join("\n")).toBe(whole(findings));
    expect(JSON.parse(chunks.join("\n")).findings).toHaveLength(n);
    if (n > 2000) expect(chunks.length).toBeGreaterThan(3);
  });
});

describe("findingJson (the direct writer) equals findingJsonSlow (JSON.stringify)", () => {
  /** A small deterministic generator, so a failure can be replayed. */
  function rng(seed: number): () => number {
    let s = seed >>> 0;
    return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  }
  const texts = ["", "明细账", "a\"b", "back\\slash", "line\nbreak\r\t", "\u0000\u001f", "\ud800 lone", "😀 emoji", "</script>", "1,234.50", "记-0000012"];
  const numbers = [0, -0, 1, -12.5, 2025, 1e21, 1.5e-7, Number.NaN, Number.POSITIVE_INFINITY, 123456789012];
  const odd: unknown[] = [true, null, undefined, { nested: 1 }, [1, 2]];

  function generated(seed: number): { f: Finding; message: string; fix: string } {
    const r = rng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
    const value = (): unknown => (r() < 0.05 ? pick(odd) : r() < 0.5 ? pick(texts) : pick(numbers));
    const params: Record<string, unknown> = {};
    const keys = ["cell", "sheet", "2", "value", "名称", "a\"k", "10", "count"];
    for (let i = 0, n = Math.floor(r() * 6); i < n; i++) params[pick(keys)] = value();
    const locations = Array.from({ length: Math.floor(r() * 4) }, () => ({
      sheet: r() < 0.03 ? (undefined as unknown as string) : pick(texts), row: pick(numbers), column: pick(numbers), address: pick(texts),
    }));
    const f = { rule: pick(["negative-amount", "a\"b"]), severity: pick(["error", "warning", "info"]), params, locations } as unknown as Finding;
    return { f, message: pick(texts), fix: pick(texts) };
  }

  test("on 5000 generated findings, odd values included", () => {
    let fast = 0;
    for (let seed = 1; seed <= 5000; seed++) {
      const { f, message, fix } = generated(seed);
      const expected = findingJsonSlow(f, message, fix);
      expect(findingJson(f, message, fix)).toBe(expected);
      if (!JSON.stringify(f.params).includes("{\"nested\"")) fast++;
    }
    expect(fast).toBeGreaterThan(1000);
  });

  test("empty locations and params", () => {
    const f = { rule: "no-plan-sheet", severity: "warning", params: {}, locations: [] } as unknown as Finding;
    expect(findingJson(f, "m", "x")).toBe(findingJsonSlow(f, "m", "x"));
  });
});

describe("quoteJson", () => {
  test("is JSON.stringify for every character (and some long texts)", () => {
    for (let c = 0; c <= 0xffff; c++) {
      const text = `a${String.fromCharCode(c)}b`;
      expect(quoteJson(text)).toBe(JSON.stringify(text));
    }
    for (const text of ["", "ledger", "J1333", "明细账", "😀", "x".repeat(64), "x".repeat(65), `${"中".repeat(70)}"`]) {
      expect(quoteJson(text)).toBe(JSON.stringify(text));
    }
  });
});
