/**
 * duplicate-voucher on the paths the fast grouping takes: small plain numbers (typed array), numbers beyond the
 * array and written-out numbers (Map), several sheets, and the order findings come out in.
 */
import { runChecks } from "../engine";
import { books, type EntrySpec } from "../testing";
import { voucherNumbersRestartMonthly } from "./vouchers";

const run = (entries: EntrySpec[]) =>
  runChecks(books({ entries }), { tiers: [], enable: ["duplicate-voucher"] }).findings.filter((f) => f.rule === "duplicate-voucher" || f.rule === "internal-error");

describe("duplicate-voucher grouping", () => {
  test("a large number and a written-out number group like small ones, in order of their first row", () => {
    const f = run([
      { date: "2025-01-02", voucher: "记-0099999", summary: "a", expense: 1 },
      { date: "2025-01-03", voucher: "7", summary: "b", expense: 1 },
      { date: "2025-01-04", voucher: "记字第 99999 号", summary: "c", expense: 1 },
      { date: "2025-01-05", voucher: "123456789", summary: "d", expense: 1 },
      { date: "2025-01-06", voucher: "７", summary: "e", expense: 1 }, // full-width: normalises to 7
      { date: "2025-01-07", voucher: "123456789", summary: "f", expense: 1 },
    ]);
    expect(f.map((x) => [x.params.voucher, x.params.count, x.locations.map((l) => l.address)])).toEqual([
      ["记-0099999", 2, ["B2", "B4"]],
      ["7", 2, ["B3", "B6"]],
      ["123456789", 2, ["B5", "B7"]],
    ]);
  });

  test("the same number on two sheets is two vouchers", () => {
    const f = run([
      { sheet: "现金日记账", date: "2025-01-02", voucher: "3", summary: "a", expense: 1 },
      { sheet: "银行日记账", date: "2025-01-03", voucher: "3", summary: "b", expense: 1 },
    ]);
    expect(f).toEqual([]);
  });

  test("a number and its written-out form with leading zeros are one voucher; a series prefix is another", () => {
    const f = run([
      { date: "2025-01-02", voucher: "12", summary: "a", expense: 1 },
      { date: "2025-01-03", voucher: "第012号", summary: "b", income: 1 },
      { date: "2025-01-04", voucher: "收12", summary: "c", expense: 1 },
    ]);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", params: { voucher: "12", count: 2, context: "dates" } });
  });

  test("rows whose voucher normalises to nothing are never duplicates", () => {
    expect(run([
      { date: "2025-01-02", voucher: "—", summary: "a", expense: 1 },
      { date: "2025-02-02", voucher: "—", summary: "b", income: 1 },
    ])).toEqual([]);
  });

  test("monthly numbering is recognised from two numbers spanning months, also through the exported helper", () => {
    const entries: EntrySpec[] = [];
    for (const m of ["01", "02", "03", "04"]) for (const v of ["1", "2", "3"]) entries.push({ date: `2025-${m}-1${v}`, voucher: v, summary: "x", expense: 1 });
    const b = books({ entries });
    expect(voucherNumbersRestartMonthly(b.ledger.entries)).toBe(true);
    expect(run(entries)).toEqual([]);
    const yearly = books({ entries: entries.map((e, i) => ({ ...e, voucher: String(i + 1) })) });
    expect(voucherNumbersRestartMonthly(yearly.ledger.entries)).toBe(false);
  });
});
