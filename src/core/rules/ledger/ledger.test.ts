import { runChecks } from "../engine";
import { books, yuan, acct, type BooksSpec } from "../testing";
import type { CheckOptions } from "../types";
import { normalizeVoucher } from "./vouchers";

function check(rule: string, spec: BooksSpec, options: CheckOptions = {}) {
  return runChecks(books(spec), { ...options, tiers: [], enable: [rule] }).findings.filter((f) => f.rule === rule || f.rule === "internal-error");
}

describe("reader findings surface as rules", () => {
  const readerFinding = (rule: string) => ({ rule, severity: "error" as const, params: { text: "12..5" }, locations: [{ sheet: "明细账", row: 4, column: 5, address: "E4" }] });
  test.each(["unparseable-amount", "unparseable-date", "unknown-account"])("%s returns the reader's findings of that id only", (rule) => {
    const found = check(rule, { findings: [readerFinding(rule), readerFinding("something-else")] });
    expect(found).toHaveLength(1);
    expect(found[0].locations[0].address).toBe("E4");
    expect(check(rule, { findings: [readerFinding("something-else")] })).toEqual([]);
  });
});

describe("date-outside-period", () => {
  test("a 2024 date in 2025 books", () => {
    const f = check("date-outside-period", { year: 2025, entries: [{ date: "2025-03-01", summary: "会费", income: 100 }, { date: "2024-12-30", summary: "会费", income: 100 }] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { date: "2024-12-30", start: "2025-01-01" } });
    expect(f[0].locations[0].address).toBe("A3");
  });
  test("all dates inside, or no year known", () => {
    expect(check("date-outside-period", { year: 2025, entries: [{ date: "2025-12-31", summary: "会费", income: 1 }] })).toEqual([]);
    expect(check("date-outside-period", { entries: [{ date: "2020-01-01", summary: "会费", income: 1 }] })).toEqual([]);
  });
});

describe("dates-out-of-order (optional)", () => {
  test("one mistyped date gives one finding", () => {
    const f = check("dates-out-of-order", {
      entries: [{ date: "2025-03-01" }, { date: "2025-02-03" }, { date: "2025-03-05" }, { date: "2025-03-09" }].map((e) => ({ ...e, summary: "x", expense: 1 })),
    });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "info", params: { date: "2025-02-03", previous: "2025-03-01" } });
    expect(f[0].locations[0].address).toBe("A3");
  });
  test("not run by default", () => {
    const r = runChecks(books({ entries: [{ date: "2025-03-01" }, { date: "2025-02-01" }] }));
    expect(r.ran).not.toContain("dates-out-of-order");
  });
  test("ordered dates", () => {
    expect(check("dates-out-of-order", { entries: [{ date: "2025-01-01" }, { date: "2025-01-01" }, { date: "2025-02-01" }] })).toEqual([]);
  });
});

describe("income-and-expense-in-one-row / negative-amount", () => {
  test("both amounts on one row", () => {
    const f = check("income-and-expense-in-one-row", { entries: [{ summary: "x", income: yuan(10), expense: yuan(5) }, { summary: "y", income: yuan(10) }] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", params: { income: "10.00", expense: "5.00" } });
    expect(f[0].locations.map((l) => l.address)).toEqual(["E2", "F2"]);
  });
  test("a negative expense", () => {
    const f = check("negative-amount", { entries: [{ summary: "冲销", expense: yuan(-20) }, { summary: "x", expense: yuan(20) }] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { amount: "-20.00", amountFen: -2000 } });
    expect(f[0].locations[0].address).toBe("F2");
    expect(check("negative-amount", { entries: [{ summary: "x", income: 5 }] })).toEqual([]);
  });
});

describe("missing-voucher", () => {
  test("flags an empty voucher cell when the sheet has a voucher column", () => {
    const f = check("missing-voucher", { entries: [{ date: "2025-01-02", voucher: "1", summary: "a", expense: 1 }, { date: "2025-01-03", summary: "b", expense: 1 }] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { date: "2025-01-03" } });
    expect(f[0].locations[0].address).toBe("B3");
  });
  test("a ledger without a voucher column is not flagged", () => {
    expect(check("missing-voucher", { entries: [{ date: "2025-01-03", summary: "b", expense: 1 }] })).toEqual([]);
  });
});

describe("duplicate-voucher", () => {
  test("normalises voucher spellings but keeps the series", () => {
    expect(normalizeVoucher("记字第 012 号")).toBe(normalizeVoucher("记-12"));
    expect(normalizeVoucher("收1")).not.toBe(normalizeVoucher("付1"));
    expect(normalizeVoucher("记-100")).not.toBe(normalizeVoucher("记-10"));
    expect(normalizeVoucher("100")).toBe("100");
  });
  test("same number on different dates (yearly numbering) is an error", () => {
    const f = check("duplicate-voucher", {
      entries: [
        { date: "2025-01-02", voucher: "1", summary: "a", expense: 1 },
        { date: "2025-02-03", voucher: "2", summary: "b", expense: 1 },
        { date: "2025-03-04", voucher: "2", summary: "c", expense: 1 },
      ],
    });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", params: { voucher: "2", count: 2, context: "dates", numbering: "yearly" } });
    expect(f[0].locations.map((l) => l.address)).toEqual(["B3", "B4"]);
  });
  test("numbers restarting every month are not duplicates; a repeat within a month is", () => {
    const entries = [];
    for (const m of ["01", "02", "03"]) for (const v of ["1", "2"]) entries.push({ date: `2025-${m}-0${v}`, voucher: v, summary: "x", expense: 1 });
    entries.push({ date: "2025-03-09", voucher: "2", summary: "y", income: 5 });
    const f = check("duplicate-voucher", { entries });
    expect(f).toHaveLength(1);
    expect(f[0].params).toMatchObject({ numbering: "monthly", voucher: "2" });
    expect(f[0].locations.map((l) => l.address)).toEqual(["B7", "B8"]);
  });
  test("lines of one multi-line voucher are reported once, as info", () => {
    const f = check("duplicate-voucher", {
      entries: [
        { date: "2025-01-02", voucher: "5", summary: "中秋慰问品 月饼", expense: 100 },
        { date: "2025-01-02", voucher: "5", summary: "中秋慰问品 水果", expense: 200 },
        { date: "2025-01-02", voucher: "5", summary: "中秋慰问品 运费", expense: 10 },
      ],
    });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "info", params: { context: "multiline", count: 3 } });
  });
  test("distinct numbers", () => {
    expect(check("duplicate-voucher", { entries: [{ date: "2025-01-02", voucher: "1" }, { date: "2025-01-03", voucher: "2" }] })).toEqual([]);
  });
});

describe("running-balance", () => {
  const rows = (balances: number[]) =>
    balances.map((b) => ({ date: "2025-01-05", summary: "支出", expense: yuan(10), balance: yuan(b) }));
  test("a single typo is reported once; the next correct row is not", () => {
    const f = check("running-balance", { opening: { amount: yuan(100) }, entries: rows([90, 81, 70, 60]) });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", params: { printed: "81.00", expected: "80.00", difference: "1.00" } });
    expect(f[0].locations[0].address).toBe("G3");
  });
  test("an error carried forward is reported only where it breaks", () => {
    const f = check("running-balance", { opening: { amount: yuan(100) }, entries: rows([90, 81, 71, 61]) });
    expect(f).toHaveLength(1);
    expect(f[0].locations[0].address).toBe("G3");
  });
  test("a second, independent break is reported too", () => {
    const f = check("running-balance", { opening: { amount: yuan(100) }, entries: rows([90, 81, 71, 65]) });
    expect(f.map((x) => x.locations[0].address)).toEqual(["G3", "G5"]);
  });
  test("the first row is checked against the opening balance", () => {
    const f = check("running-balance", { opening: { amount: yuan(100) }, entries: rows([95]) });
    expect(f[0].params).toMatchObject({ expected: "90.00" });
  });
  test("without an opening the first printed balance is the start", () => {
    expect(check("running-balance", { entries: rows([500, 490, 480]) })).toEqual([]);
  });
  test("consistent to the fen", () => {
    expect(check("running-balance", { opening: { amount: 10001 }, entries: [{ income: 1, balance: 10002 }, { expense: 2, balance: 10000 }] })).toEqual([]);
  });
});

describe("subtotal-mismatch", () => {
  const entries = [
    { date: "2025-01-05", summary: "会费", income: yuan(100), balance: yuan(100) },
    { date: "2025-01-09", summary: "慰问", expense: yuan(30), balance: yuan(70) },
    { date: "2025-02-03", summary: "会费", income: yuan(50), balance: yuan(120), row: 5 },
  ];
  test("a month total that does not add up", () => {
    const f = check("subtotal-mismatch", {
      entries,
      subtotals: [
        { kind: "monthTotal", label: "本月合计", row: 4, month: 1, income: yuan(100), expense: yuan(35), balance: yuan(70) },
        { kind: "monthTotal", label: "本月合计", row: 6, month: 2, income: yuan(50), expense: 0, balance: yuan(120) },
        { kind: "yearTotal", label: "本年累计", row: 7, month: 2, income: yuan(150), expense: yuan(30), balance: yuan(120) },
      ],
    });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", params: { label: "本月合计", field: "expense", stated: "35.00", computed: "30.00" } });
    expect(f[0].locations[0].address).toBe("F4");
  });
  test("a wrong year-to-date total and balance", () => {
    const f = check("subtotal-mismatch", {
      entries,
      subtotals: [{ kind: "yearTotal", label: "本年累计", row: 7, income: yuan(140), expense: yuan(30), balance: yuan(121) }],
    });
    expect(f.map((x) => [x.params.field, x.locations[0].address])).toEqual([["income", "E7"], ["balance", "G7"]]);
  });
  test("correct totals", () => {
    expect(
      check("subtotal-mismatch", {
        entries,
        subtotals: [
          { kind: "monthTotal", label: "本月合计", row: 4, month: 1, income: yuan(100), expense: yuan(30), balance: yuan(70) },
          { kind: "carriedForward", label: "过次页", row: 8, income: yuan(150), expense: yuan(30), balance: yuan(120) },
        ],
      }),
    ).toEqual([]);
  });
});

describe("wrong-side", () => {
  test("income booked to an expense account", () => {
    const f = check("wrong-side", { entries: [{ summary: "收到文体活动费", account: acct("50102"), income: yuan(500) }] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { account: "文体活动费", context: "expense", amount: "500.00" } });
    expect(f[0].locations[0].address).toBe("D2");
  });
  test("a refund to an expense account, and ordinary rows, are fine", () => {
    expect(check("wrong-side", { entries: [{ summary: "退回多付场地费", account: acct("50102"), income: yuan(50) }, { summary: "会费", account: acct("401"), income: yuan(50) }] })).toEqual([]);
  });
});

describe("internal-transfer-counted", () => {
  test("a cash withdrawal booked to an expense account", () => {
    const f = check("internal-transfer-counted", { entries: [{ summary: "提现备用", account: acct("50104"), expense: yuan(2000) }] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { amount: "2,000.00" } });
    expect(f[0].locations[0].address).toBe("D2");
  });
  test("a withdrawal booked to cash", () => {
    expect(check("internal-transfer-counted", { entries: [{ summary: "提现备用", account: acct("101"), expense: yuan(2000) }] })).toEqual([]);
  });
});
