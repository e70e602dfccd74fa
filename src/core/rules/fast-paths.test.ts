/**
 * Property tests of the rules' fast paths against the plain code they replace: voucher keys against
 * normalizeVoucher, the entry grouper against one joined key per row, byDate against a localeCompare sort,
 * isoYear against Number(slice), recipientYears against one "recipient|year" key per row, and the context's
 * spending/match lists against the loops the spending rules used to run.
 */
import fc from "fast-check";
import { entryGrouper } from "../classify/entry-key";
import { resolveAccount } from "../model/accounts";
import type { Entry, LedgerField } from "../model/types";
import { createContext } from "./context";
import { ruleById, runChecks } from "./engine";
import { matchToPlan } from "../match/plan-match";
import { yearPeriod } from "../model/period";
import { normalizeVoucher, voucherKey } from "./ledger/vouchers";
import { books } from "./testing";
import { HAS_BALANCE, TRANSFER, UNREADABLE_AMOUNT, byDate, dayNumber, hasUnreadableAmount, isoYear, recipientKey, RecipientKeyer } from "./util";
import { groupByDate, recipientYears, recipientYearsOf } from "./welfare/per-recipient";

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

describe("voucherKey", () => {
  // Voucher texts as ledgers write them, from a small alphabet so that different spellings of one number meet.
  const part = pick(["记", "收", "付", "转", "第", "号", "字", "-", "—", " ", "0", "1", "2", "9", "０", "１", "#", "a", "12345678901"]);
  const voucher = fc.oneof(
    fc.array(part, { maxLength: 8 }).map((xs) => xs.join("")),
    fc.tuple(pick(["记", "收", "第", "字", "号"]), fc.integer({ min: 0, max: 10 }), fc.nat({ max: 1e12 })).map(([s, zeros, n]) => `${s}-${"0".repeat(zeros)}${n}`),
    fc.nat({ max: 2e9 }).map(String),
  );

  test("two vouchers get the same key exactly when they normalise to the same number", () => {
    fc.assert(
      fc.property(voucher, voucher, (a, b) => {
        const na = a ? normalizeVoucher(a) || undefined : undefined;
        const nb = b ? normalizeVoucher(b) || undefined : undefined;
        expect(voucherKey(a) === undefined).toBe(na === undefined);
        expect(voucherKey(a) === voucherKey(b)).toBe(na === nb);
      }),
      { numRuns: 3000 },
    );
  });

  test("the common forms", () => {
    expect(voucherKey("记-0000012")).toBe(voucherKey("记字第12号"));
    expect(voucherKey("记-0000012")).not.toBe(voucherKey("收-0000012"));
    expect(voucherKey("记-0000012")).not.toBe(voucherKey("12"));
    expect(voucherKey("记-000")).toBe(voucherKey("记0"));
    expect(voucherKey("记-0012345678901")).toBe(voucherKey("记12345678901"));
  });
});

describe("entryGrouper", () => {
  const text = fc.option(pick(["", "a", "b", "会费", "慰问"]), { nil: undefined });
  const accounts = [undefined, resolveAccount("50104"), resolveAccount("50104"), resolveAccount("50102"), resolveAccount("职工活动支出—生日慰问")];
  const entry = fc
    .record({ summary: pick(["会费收入", "慰问", ""]), note: text, planItem: text, fundCategory: text, accountText: text, subAccountText: text, account: fc.nat({ max: accounts.length - 1 }) })
    .map((r): Entry => ({ index: 0, sheet: "s", row: 1, income: 0, expense: 1, cells: {}, ...r, account: accounts[r.account] }));
  const joinedKey = (e: Entry) =>
    [e.summary, e.note, e.planItem, e.fundCategory, e.accountText, e.subAccountText, e.account ? `${e.account.code}/${e.account.path.join("/")}` : "-"].map((t) => t ?? "").join("\u0000");

  test("rows share a record exactly when their texts and account read alike (also past the scan limit)", () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 200 }), (rows) => {
        const groupOf = entryGrouper(() => ({}));
        const byKey = new Map<string, object>();
        const records = new Set<object>();
        for (const e of rows) {
          const record = groupOf(e);
          const k = joinedKey(e);
          if (!byKey.has(k)) {
            expect(records.has(record)).toBe(false); // a new kind of row gets a new record
            byKey.set(k, record);
            records.add(record);
          }
          expect(record).toBe(byKey.get(k));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("date helpers", () => {
  const date = fc.option(
    fc.oneof(
      fc.date({ min: new Date("1999-01-01"), max: new Date("2031-12-31"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      pick(["2025-1-5", "二〇二五", " 2025", "20x5-01-01", "", "2025"]),
    ),
    { nil: undefined },
  );
  const dated = (dates: (string | undefined)[]) => dates.map((d, i): Entry => ({ index: i, sheet: "s", row: i + 2, date: d, summary: "", income: 0, expense: 1, cells: {} }));

  test("byDate orders rows as a stable localeCompare sort does", () => {
    fc.assert(
      fc.property(fc.array(date, { maxLength: 30 }), fc.boolean(), (dates, isoOnly) => {
        const rows = dated(isoOnly ? dates.map((d) => (d && /^\d{4}-\d{2}-\d{2}$/.test(d) ? d : undefined)) : dates);
        const expected = [...rows].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
        expect(byDate(rows)).toEqual(expected);
        expect(byDate(rows).map((e) => e.row)).toEqual(expected.map((e) => e.row));
      }),
      { numRuns: 1000 },
    );
  });

  test("dayNumber: ISO dates compare and give their year as their texts do; others are -1, none is 0", () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        const [x, y] = [dayNumber(a), dayNumber(b)];
        expect(x === 0).toBe(a === undefined);
        expect(x === -1).toBe(a !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(a));
        if (x > 0) expect(Math.floor(x / 10000)).toBe(isoYear(a));
        if (x > 0 && y > 0) {
          expect(x < y).toBe(a! < b!);
          expect(x === y).toBe(a === b);
        }
      }),
      { numRuns: 2000 },
    );
  });

  test("isoYear reads the first four characters as Number(slice) does", () => {
    fc.assert(
      fc.property(fc.option(fc.oneof(date.map((d) => d ?? ""), fc.string({ maxLength: 6 })), { nil: undefined }), (d) => {
        const reference = !d || d.length < 4 ? undefined : Number.isFinite(Number(d.slice(0, 4))) ? Number(d.slice(0, 4)) : undefined;
        expect(isoYear(d)).toBe(reference);
      }),
      { numRuns: 2000 },
    );
  });
});

describe("recipientYears", () => {
  /** The grouping as it was: one "recipient|year" key per row. */
  function reference(entries: Entry[], fallbackYear: number | undefined) {
    const groups = new Map<string, { key: string; year: number | undefined; entries: Entry[] }>();
    const out: { key: string; year: number | undefined; entries: Entry[] }[] = [];
    for (const e of entries) {
      const year = isoYear(e.date) ?? fallbackYear;
      const who = recipientKey(e);
      if (!who) {
        out.push({ key: `row:${e.sheet}!${e.row}`, year, entries: [e] });
        continue;
      }
      const k = `${who}|${year ?? ""}`;
      let g = groups.get(k);
      if (!g) groups.set(k, (g = { key: who, year, entries: [] }));
      if (g.entries.length === 0) out.push(g);
      g.entries.push(e);
    }
    return out;
  }
  const row = fc.record({
    date: fc.option(pick(["2024-12-31", "2025-03-01", "2025-07-02", "2026-01-01"]), { nil: undefined }),
    memberId: fc.option(pick(["M001", " M001", "M002", "", "  "]), { nil: undefined }),
    counterparty: fc.option(pick(["张三", "张 三", "李四", "全体会员", "5人"]), { nil: undefined }),
  });

  test("RecipientKeyer gives recipientKey, row after row", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (specs) => {
        const keyer = new RecipientKeyer();
        for (const s of specs) {
          const e: Entry = { index: 0, sheet: "s", row: 2, summary: "", income: 0, expense: 1, cells: {}, ...s };
          expect(keyer.keyOf(e)).toBe(recipientKey(e));
        }
      }),
      { numRuns: 500 },
    );
  });

  test("groups rows by recipient and year, in order of first row", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), fc.option(pick([2025, Number.NaN]), { nil: undefined }), (specs, fallback) => {
        const entries = specs.map((s, i): Entry => ({ index: i, sheet: "s", row: i + 2, summary: "", income: 0, expense: 1, cells: {}, ...s }));
        const got = recipientYears(entries, fallback).map((g) => ({ key: g.key, year: g.year, entries: g.entries }));
        expect(got).toEqual(reference(entries, fallback));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("context lists for the spending rules", () => {
  const summaries = ["宴请检查组", "购买购物卡", "春游 30人 大巴 住宿", "提现备用", "会费收入", "张三生日蛋糕券", "秋游"];
  const row = fc.record({ summary: pick(summaries), income: pick([0, 100]), expense: pick([0, 100, -5]) });

  test("spending and spendingMatches give what the loops over counted rows gave", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (specs) => {
        const ctx = createContext(books({ entries: specs }));
        expect(ctx.spending).toEqual(ctx.counted.filter((e) => e.expense > 0));
        for (const id of ["entertainment-or-banquet", "shopping-card-or-cash-gift", "outing", "overnight"]) {
          const words = ctx.keywords(id);
          const expected = ctx.counted.filter((e) => e.expense > 0 && words.match(e.summary) !== undefined);
          const { entries, terms } = ctx.spendingMatches(id);
          expect(entries).toEqual(expected);
          expect(terms).toEqual(expected.map((e) => words.match(e.summary)));
          for (const e of ctx.entries) expect(ctx.summaryMatch(id, e)).toBe(words.match(e.summary));
        }
        for (const e of ctx.entries) expect(ctx.recipient(e)).toBe(recipientKey(e));
      }),
      { numRuns: 200 },
    );
  });
});

describe("the shared row arrays (ctx.rows) and the by-position answers", () => {
  const summaries = ["宴请检查组", "购买购物卡", "提现备用", "会费收入", "张三生日蛋糕券", "李四住院慰问金", "困难职工生活救助", "退回多付款", "现金存入银行"];
  const accounts = [undefined, "401", "50104", "50204", "101", "50102", "131"];
  const row = fc.record({
    summary: pick(summaries),
    income: pick([0, 100, -3]),
    expense: pick([0, 100, 250_000, -5]),
    code: pick(accounts),
    date: fc.option(pick(["2025-01-05", "2024-12-31", "2025-09-30", "2025-1-5", ""]), { nil: undefined }),
    paymentMethod: fc.option(pick(["现金", "转账"]), { nil: undefined }),
    voucher: fc.option(pick(["1", "记-0000002", " ", ""]), { nil: undefined }),
    memberId: fc.option(pick(["M001", " M001", "M002"]), { nil: undefined }),
    counterparty: fc.option(pick(["张三", "全体会员"]), { nil: undefined }),
    balance: fc.option(pick([0, 100, 12345]), { nil: undefined }),
    unreadable: fc.option(pick([["income"], ["date"], ["amount"]] as LedgerField[][]), { nil: undefined }),
  });
  type RowSpec = { memberId: string | undefined; counterparty: string | undefined; summary: string; income: number; expense: number; code: string | undefined; date: string | undefined; paymentMethod: string | undefined; voucher: string | undefined; balance: number | undefined; unreadable: LedgerField[] | undefined };
  const build = (specs: RowSpec[]) =>
    books({
      year: 2025,
      entries: specs.map(({ code, ...s }) => ({ ...s, account: code ? resolveAccount(code) : undefined })),
      plan: [{ label: "会费收入", kind: "income", budget: 100 }, { label: "职工活动支出", category: "职工活动支出", budget: 100 }],
    });

  test("rows give what the per-entry questions give", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), (specs) => {
        const ctx = createContext(build(specs));
        const all = ctx.entries.map((_, i) => i);
        const { rows } = ctx;
        expect([...rows.income]).toEqual(ctx.entries.map((e) => e.income));
        expect([...rows.expense]).toEqual(ctx.entries.map((e) => e.expense));
        expect(rows.accounts).toEqual(ctx.entries.map((e) => e.account));
        expect(rows.dates).toEqual(ctx.entries.map((e) => e.date));
        expect(rows.sheets).toEqual(ctx.entries.map((e) => e.sheet));
        expect([...rows.rowNumbers]).toEqual(ctx.entries.map((e) => e.row));
        expect(rows.paymentMethods).toEqual(ctx.entries.map((e) => e.paymentMethod));
        expect(rows.vouchers).toEqual(ctx.entries.map((e) => e.voucher));
        ctx.entries.forEach((e, i) => {
          expect(rows.flags[i] & HAS_BALANCE ? rows.balances[i] : undefined).toBe(e.balance);
          expect((rows.flags[i] & UNREADABLE_AMOUNT) !== 0).toBe(hasUnreadableAmount(e));
          expect((rows.flags[i] & TRANSFER) !== 0).toBe(ctx.isTransfer(e));
          for (let j = 0; j < i; j++) expect(rows.groups[i] === rows.groups[j]).toBe(ctx.groupAt(i) === ctx.groupAt(j));
          for (let j = 0; j < i; j++) expect(ctx.groupAt(i) === ctx.groupAt(j)).toBe(JSON.stringify([e.summary, e.account?.code]) === JSON.stringify([ctx.entries[j].summary, ctx.entries[j].account?.code]));
        });
        expect([...rows.transfers]).toEqual(all.filter((i) => ctx.isTransfer(ctx.entries[i])));
        expect([...rows.counted]).toEqual(all.filter((i) => !ctx.isTransfer(ctx.entries[i])));
        expect([...rows.spending]).toEqual(all.filter((i) => !ctx.isTransfer(ctx.entries[i]) && ctx.entries[i].expense > 0));
        expect(ctx.counted).toEqual([...rows.counted].map((i) => ctx.entries[i]));
        expect([...rows.days]).toEqual(ctx.entries.map((e) => dayNumber(e.date)));
        for (const o of ["birthday", "sickness", "festival", "other"] as const) {
          expect(ctx.welfareAt(o).map((i) => ctx.entries[i])).toEqual(ctx.welfare(o));
          const byPosition = recipientYearsOf(ctx, o, 2025);
          expect(byPosition.map(({ positions: _p, ...g }) => g)).toEqual(recipientYears(ctx.welfare(o), 2025, (e) => ctx.recipient(e)));
          for (const g of byPosition) expect(groupByDate(ctx, g)).toEqual(byDate(g.entries));
        }
        ctx.entries.forEach((e, i) => expect(ctx.recipientAt(i)).toBe(recipientKey(e)));
        ctx.entries.forEach((e, i) => {
          expect(ctx.transferAt(i)).toBe(ctx.isTransfer(e));
          expect(ctx.occasionAt(i)).toBe(ctx.occasion(e));
          expect(ctx.hardshipAt(i)).toBe(ctx.hardship(e));
          expect(ctx.summaryMatchAt("shopping-card-or-cash-gift", i)).toBe(ctx.summaryMatch("shopping-card-or-cash-gift", e));
        });
      }),
      { numRuns: 200 },
    );
  });

  test("the plan match read from the row arrays equals the one read from the entries", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 60 }), fc.boolean(), (specs, withPeriod) => {
        const b = build(specs);
        const period = withPeriod ? yearPeriod(2025) : undefined;
        const ctx = createContext(b, { period });
        expect(ctx.planMatch()).toEqual(matchToPlan(b, period));
      }),
      { numRuns: 200 },
    );
  });
});

describe("running-balance over the row arrays", () => {
  /** The rule as it was written over the entries (grouped per sheet, sorted by row), for comparison. */
  function reference(entries: Entry[]): { row: number; printed: number; expected: number }[] {
    const bySheet = new Map<string, Entry[]>();
    for (const e of entries) bySheet.set(e.sheet, [...(bySheet.get(e.sheet) ?? []), e]);
    const out: { row: number; printed: number; expected: number }[] = [];
    for (const rows of bySheet.values()) {
      rows.sort((a, b) => a.row - b.row);
      let correct: number | undefined;
      let printed: number | undefined;
      let since = 0;
      for (const e of rows) {
        if (hasUnreadableAmount(e)) {
          correct = printed = e.balance;
          since = 0;
          continue;
        }
        const delta = e.income - e.expense;
        if (correct === undefined) {
          if (e.balance !== undefined) {
            correct = printed = e.balance;
            since = 0;
          }
          continue;
        }
        correct += delta;
        since += delta;
        if (e.balance === undefined) continue;
        if (e.balance !== correct && e.balance !== printed! + since) out.push({ row: e.row, printed: e.balance, expected: correct });
        printed = e.balance;
        since = 0;
      }
    }
    return out;
  }
  const row = fc.record({
    sheet: pick(["现金日记账", "银行日记账"]),
    row: fc.integer({ min: 2, max: 40 }),
    income: pick([0, 100]),
    expense: pick([0, 30]),
    balance: fc.option(pick([0, 70, 100, 170]), { nil: undefined }),
    unreadable: fc.option(pick([["income"], ["date"]] as LedgerField[][]), { nil: undefined }),
  });

  test("reports the rows the per-entry walk reports, sheets interleaved and rows out of order", () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 40 }), (specs) => {
        const b = books({ entries: specs.map((s) => ({ ...s, summary: "x" })) });
        const got = runChecks(b, {}, [ruleById("running-balance")!]).findings.map((f) => ({ row: f.locations[0].row, printed: f.params.printedFen, expected: f.params.expectedFen }));
        expect(got).toEqual(reference(b.ledger.entries));
      }),
      { numRuns: 500 },
    );
  });
});
