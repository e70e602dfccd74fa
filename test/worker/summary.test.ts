/** summarizeBooks: what the pane gets instead of the Books stays small whatever the ledger's size. */
import { MAX_SUMMARY_FINDINGS, summarizeBooks } from "../../src/worker/summary";
import type { Books, Entry, Finding } from "../../src/core/model/types";

function bigBooks(entryCount: number, findingCount = 0): Books {
  const entries: Entry[] = [];
  for (let i = 0; i < entryCount; i++) {
    const month = 1 + (i % 12);
    const row = i + 2;
    entries.push({
      index: i,
      sheet: "明细账",
      row,
      date: `2025-${String(month).padStart(2, "0")}-15`,
      voucher: `记${i + 1}`,
      summary: i % 2 ? "生日慰问（蛋糕券）" : "收会员会费",
      income: i % 2 ? 0 : 50000,
      expense: i % 2 ? 20000 : 0,
      cells: { date: { sheet: "明细账", row, column: 1, address: `A${row}` } },
    });
  }
  const findings: Finding[] = [];
  for (let i = 0; i < findingCount; i++) {
    const row = i + 2;
    findings.push({
      rule: i % 10 === 0 ? "unparseable-amount" : "unparseable-date",
      severity: i % 10 === 0 ? "error" : "warning",
      params: { value: "2025-13-45" },
      locations: [{ sheet: "明细账", row, column: 1, address: `A${row}` }],
    });
  }
  return {
    roles: { planSheet: "预算表", ledgerSheets: ["明细账"] },
    ledger: {
      sheets: ["明细账"],
      entries,
      subtotals: [],
      year: 2025,
      mappings: [{ sheet: "明细账", headerRows: [1], columns: { date: 1, summary: 2, income: 3, expense: 4 }, labels: { date: "日期" }, confidence: 1 }],
      opening: { amount: 1000000, source: { sheet: "明细账", row: 2, column: 8, address: "H2" } },
    },
    findings,
  };
}

const jsonSize = (v: unknown) => new TextEncoder().encode(JSON.stringify(v)).length;

describe("summarizeBooks", () => {
  it("counts and totals the entries", () => {
    const s = summarizeBooks(bigBooks(1000));
    expect(s.counts).toEqual({ entries: 1000, planLines: 0, subtotals: 0, findings: 0 });
    expect(s.ledgerTotals).toEqual({ income: 500 * 50000, expense: 500 * 20000, opening: 1000000, firstDate: "2025-01-15", lastDate: "2025-12-15" });
    expect(s.year).toBe(2025);
    expect(s.plan).toBeUndefined();
  });

  it("stays small for a 100k-entry ledger: its size does not grow with the entries", () => {
    const small = jsonSize(summarizeBooks(bigBooks(1000)));
    const big = summarizeBooks(bigBooks(100_000));
    expect(big.counts.entries).toBe(100_000);
    const bigSize = jsonSize(big);
    expect(bigSize).toBeLessThan(200 * 1024);
    // Only the digits of the totals differ.
    expect(Math.abs(bigSize - small)).toBeLessThan(64);
  });

  it("caps the reader's findings, errors first, and counts them all by rule", () => {
    const s = summarizeBooks(bigBooks(100_000, 100_000));
    expect(s.findings).toHaveLength(MAX_SUMMARY_FINDINGS);
    expect(s.counts.findings).toBe(100_000);
    expect(s.findingsByRule).toEqual({ "unparseable-amount": 10_000, "unparseable-date": 90_000 });
    expect(s.findings.every((f) => f.severity === "error")).toBe(true);
    // Errors keep the reader's order (row order).
    expect(s.findings.slice(0, 3).map((f) => f.locations[0].address)).toEqual(["A2", "A12", "A22"]);
    expect(jsonSize(s)).toBeLessThan(200 * 1024);
  });
});
