/**
 * subtotal-mismatch checks each row against the previous printed checkpoint of its kind plus the entries between,
 * and skips rows that cover an unreadable amount (its cause is already reported).
 */
import { runChecks } from "../engine";
import { books, yuan, type BooksSpec, type EntrySpec, type SubtotalSpec } from "../testing";

function check(spec: BooksSpec) {
  return runChecks(books(spec), { tiers: [], enable: ["subtotal-mismatch"] }).findings.filter((f) => f.rule === "subtotal-mismatch" || f.rule === "internal-error");
}
const where = (fs: ReturnType<typeof check>) => fs.map((f) => `${f.params.label}:${f.params.field}@${f.locations[0].address}`);

// Opening 1000. Jan: +100 (row 2), -30 (row 3); totals rows 4-5. Feb: -20 (row 6), -50 (row 7); totals rows 8-9.
// Mar: +10 (row 10); totals rows 11-12.
const e = (row: number, date: string, income: number, expense: number, balance: number, extra: EntrySpec = {}): EntrySpec =>
  ({ row, date, summary: "x", income: yuan(income), expense: yuan(expense), balance: yuan(balance), ...extra });
const entries = (feb7: EntrySpec = {}): EntrySpec[] => [
  e(2, "2025-01-05", 100, 0, 1100),
  e(3, "2025-01-09", 0, 30, 1070),
  e(6, "2025-02-03", 0, 20, 1050),
  { ...e(7, "2025-02-04", 0, 50, 1000), ...feb7 },
  e(10, "2025-03-01", 10, 0, 1010),
];
const month = (row: number, m: number, income: number, expense: number, balance: number): SubtotalSpec =>
  ({ kind: "monthTotal", label: "本月合计", row, month: m, income: yuan(income), expense: yuan(expense), balance: yuan(balance) });
const year = (row: number, m: number, income: number, expense: number, balance: number): SubtotalSpec =>
  ({ kind: "yearTotal", label: "本年累计", row, month: m, income: yuan(income), expense: yuan(expense), balance: yuan(balance) });
const opening: SubtotalSpec = { kind: "opening", label: "上年结转", row: 1, balance: yuan(1000) };
const rightTotals = (): SubtotalSpec[] => [
  opening, month(4, 1, 100, 30, 1070), year(5, 1, 100, 30, 1070), month(8, 2, 0, 70, 1000), year(9, 2, 100, 100, 1000),
  month(11, 3, 10, 0, 1010), year(12, 3, 110, 100, 1010),
];

describe("subtotal-mismatch against the previous printed checkpoint", () => {
  test("right totals give nothing", () => {
    expect(check({ entries: entries(), subtotals: rightTotals() })).toEqual([]);
  });

  test("a wrong month total is reported once; the right 本年累计 below it is not", () => {
    const subtotals = rightTotals();
    subtotals[3] = month(8, 2, 0, 80, 1000);
    expect(where(check({ entries: entries(), subtotals }))).toEqual(["本月合计:expense@F8"]);
  });

  test("a wrong 本年累计 is reported where it breaks, not again in the next month built on it", () => {
    const subtotals = rightTotals();
    subtotals[4] = year(9, 2, 100, 110, 1000); // 10 too much, then March carries it on: 110 + 10 in, 110 out
    subtotals[6] = year(12, 3, 110, 110, 1010);
    expect(where(check({ entries: entries(), subtotals }))).toEqual(["本年累计:expense@F9"]);
  });

  test("a single typo in a 本年累计 followed by a right one is reported once", () => {
    const subtotals = rightTotals();
    subtotals[4] = year(9, 2, 100, 110, 1000);
    expect(where(check({ entries: entries(), subtotals }))).toEqual(["本年累计:expense@F9"]);
  });

  test("a 本年累计 built from a wrong printed 本月合计 is not reported a second time", () => {
    const subtotals = rightTotals();
    subtotals[3] = month(8, 2, 0, 80, 1000);
    subtotals[4] = year(9, 2, 100, 110, 1000);
    expect(where(check({ entries: entries(), subtotals }))).toEqual(["本月合计:expense@F8"]);
  });

  test("rows covering an unreadable amount are skipped; the next checkpoints are checked from the printed ones", () => {
    // Row 7's 支出 could not be read (the reader reported it): the entry carries 0 and the mark.
    const unreadable = entries({ expense: 0, unreadable: ["expense"] });
    expect(check({ entries: unreadable, subtotals: rightTotals() })).toEqual([]);
    // ... but a real error later is still found, and income of the same rows is still checked.
    const subtotals = rightTotals();
    subtotals[3] = month(8, 2, 5, 70, 1000);
    subtotals[5] = month(11, 3, 10, 1, 1010);
    expect(where(check({ entries: unreadable, subtotals }))).toEqual(["本月合计:income@E8", "本月合计:expense@F11"]);
  });

  test("the first 本年累计 is checked from the opening", () => {
    const subtotals = rightTotals();
    subtotals[2] = year(5, 1, 90, 30, 1070);
    expect(where(check({ entries: entries(), subtotals }))).toEqual(["本年累计:income@E5"]);
  });

  test("过次页/承前页 carrying the month so far, and a 承前页 repeating the 过次页", () => {
    const subtotals: SubtotalSpec[] = [
      opening,
      { kind: "carriedForward", label: "过次页", row: 4, income: yuan(100), expense: yuan(30), balance: yuan(1070) },
      { kind: "broughtForward", label: "承前页", row: 5, income: yuan(100), expense: yuan(30), balance: yuan(1070) },
      { kind: "carriedForward", label: "过次页", row: 8, income: yuan(100), expense: yuan(99), balance: yuan(1000) },
    ];
    expect(where(check({ entries: entries(), subtotals }))).toEqual(["过次页:expense@F8"]);
  });

  test("a subtotal balance is checked against the running balance, re-synchronised at an unreadable row", () => {
    const unreadable = entries({ expense: 0, unreadable: ["expense"], balance: yuan(1000) });
    const subtotals = rightTotals();
    subtotals[3] = month(8, 2, 0, 70, 999);
    expect(where(check({ entries: unreadable, subtotals }))).toEqual(["本月合计:balance@G8"]);
  });
});
