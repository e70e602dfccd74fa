/**
 * Test builders: write Books the way the treasurer writes the books, without going through the reader.
 *   books({ entries: [e("2025-01-05", "1月会费", { account: "401", income: yuan(1200) })], plan: [...] })
 * Amounts are fen; `yuan(12.5)` turns a yuan figure into fen for readability.
 */
import type { Books, Entry, Fen, PlanKind, PlanLine, SourceRef } from "../model/types";
import { resolveAccount } from "../model/accounts";
import { roundToFen } from "../model/money";

export function yuan(amount: number): Fen {
  return roundToFen(amount);
}

export type EntrySpec = Partial<Omit<Entry, "account" | "index" | "sheet" | "row" | "cells">> & {
  /** A 科目 text or code, resolved through the chart like the reader does. */
  account?: string;
  sheet?: string;
  row?: number;
};

/** One ledger entry: date, summary and the rest. Index, sheet, row and cells are filled by `books`. */
export function e(date: string | undefined, summary: string, spec: EntrySpec = {}): EntrySpec {
  return { ...spec, date, summary };
}

export interface LineSpec {
  kind?: PlanKind;
  label: string;
  category?: string;
  subCategory?: string;
  planItem?: string;
  /** Resolved through the chart; defaults to resolving category + subCategory. Pass null for "unresolved". */
  account?: string | null;
  budget: Fen;
  adjustment?: Fen;
}

function ref(sheet: string, row: number, column: number): SourceRef {
  const letter = String.fromCharCode(64 + column);
  return { sheet, row, column, address: `${letter}${row}` };
}

export interface BooksSpec {
  entries: EntrySpec[];
  plan?: LineSpec[];
  opening?: Fen;
  planOpening?: Fen;
  memberCount?: number;
  unionName?: string;
  ledgerSheets?: string[];
}

export function books(spec: BooksSpec): Books {
  const defaultSheet = spec.ledgerSheets?.[0] ?? "明细账";
  const rowOfSheet = new Map<string, number>();
  const entries: Entry[] = spec.entries.map((s, index) => {
    const sheet = s.sheet ?? defaultSheet;
    const row = s.row ?? (rowOfSheet.get(sheet) ?? 4) + 1;
    rowOfSheet.set(sheet, row);
    const { account: accountText, sheet: _sheet, row: _row, ...rest } = s;
    const entry: Entry = {
      ...rest,
      index,
      sheet,
      row,
      summary: s.summary ?? "",
      income: s.income ?? 0,
      expense: s.expense ?? 0,
      accountText,
      account: accountText ? resolveAccount(accountText, s.subAccountText) : undefined,
      cells: {
        date: ref(sheet, row, 1),
        summary: ref(sheet, row, 3),
        ...(s.income ? { income: ref(sheet, row, 5) } : {}),
        ...(s.expense ? { expense: ref(sheet, row, 6) } : {}),
        ...(s.balance !== undefined ? { balance: ref(sheet, row, 7) } : {}),
      },
    };
    return entry;
  });
  const lines: PlanLine[] | undefined = spec.plan?.map((l, index) => {
    const row = index + 3;
    const account =
      l.account === null ? undefined : resolveAccount(l.account ?? l.category ?? l.label, l.account ? undefined : l.subCategory);
    const adjustedBudget = l.budget + (l.adjustment ?? 0);
    return {
      index,
      sheet: "预算",
      row,
      kind: l.kind ?? "expense",
      label: l.label,
      category: l.category,
      subCategory: l.subCategory,
      planItem: l.planItem,
      account,
      budget: l.budget,
      adjustment: l.adjustment,
      adjustedBudget,
      cells: { budget: ref("预算", row, 4) },
    };
  });
  const ledgerSheets = spec.ledgerSheets ?? [...new Set(entries.map((x) => x.sheet))];
  return {
    roles: { planSheet: lines ? "预算" : undefined, ledgerSheets },
    plan: lines
      ? {
          sheet: "预算",
          lines,
          openingBalance: spec.planOpening,
          year: 2025,
          unionName: spec.unionName,
          memberCount: spec.memberCount,
          mapping: { sheet: "预算", headerRows: [2], columns: {}, labels: {}, confidence: 1 },
        }
      : undefined,
    ledger: {
      sheets: ledgerSheets.length > 0 ? ledgerSheets : [defaultSheet],
      entries,
      subtotals: [],
      opening: spec.opening !== undefined ? { amount: spec.opening, source: ref(defaultSheet, 4, 7) } : undefined,
      year: 2025,
      mappings: [],
    },
    findings: [],
  };
}

/**
 * A realistic small union year: dues, allocation, a hardship subsidy, festival goods, a birthday, two hardship
 * payments, a 送温暖 visit, a sports match, a cash withdrawal (transfer), a projector over budget, and a
 * hospital visit to a member who also received hardship aid. Balances are printed on every row.
 */
export function sampleBooks(): Books {
  let balance = yuan(50000);
  const row = (date: string, summary: string, spec: EntrySpec): EntrySpec => {
    balance += (spec.income ?? 0) - (spec.expense ?? 0);
    return e(date, summary, { ...spec, balance });
  };
  return books({
    opening: yuan(50000),
    memberCount: 100,
    unionName: "示例公司工会",
    plan: [
      { kind: "income", label: "会费收入", category: "会费收入", budget: yuan(14400) },
      { kind: "income", label: "拨缴经费收入", category: "拨缴经费收入", budget: yuan(60000) },
      { kind: "income", label: "上级补助收入", category: "上级补助收入", budget: yuan(5000) },
      { label: "文体活动", category: "职工活动支出", subCategory: "文体活动", budget: yuan(10000) },
      { label: "节日慰问", category: "职工活动支出", planItem: "节日慰问", account: "50104", budget: yuan(20000), adjustment: yuan(-2000) },
      { label: "维权支出", category: "维权支出", budget: yuan(10000) },
      { label: "资本性支出", category: "资本性支出", budget: yuan(5000) },
    ],
    entries: [
      row("2025-01-10", "1月会费", { account: "401", income: yuan(1200) }),
      row("2025-01-15", "拨缴经费", { account: "402", income: yuan(30000) }),
      row("2025-01-20", "春节慰问品", { account: "50104", planItem: "节日慰问", counterparty: "惠民超市", expense: yuan(12000), paymentMethod: "转账" }),
      row("2025-02-10", "张三生日蛋糕", { account: "50104", counterparty: "张三", memberId: "M001", expense: yuan(200) }),
      row("2025-03-05", "李四子女金秋助学", { account: "50204", counterparty: "李四", memberId: "M002", expense: yuan(6000), paymentMethod: "银行卡" }),
      row("2025-03-06", "王五大病医疗救助", { account: "50204", counterparty: "王五", memberId: "M003", expense: yuan(2000), paymentMethod: "银行卡" }),
      row("2025-04-01", "上级帮扶补助", { account: "40304", income: yuan(5000) }),
      row("2025-04-10", "职工篮球赛", { account: "50102", expense: yuan(3000) }),
      row("2025-05-01", "提取备用金", { expense: yuan(1000) }),
      row("2025-06-20", "购置投影仪", { account: "50502", counterparty: "某科技有限公司", expense: yuan(6800) }),
      row("2025-06-25", "李四住院慰问", { account: "50104", counterparty: "李四", memberId: "M002", expense: yuan(500) }),
      row("2025-07-10", "送温暖慰问王五", { account: "50205", counterparty: "王五", memberId: "M003", expense: yuan(1000) }),
    ],
  });
}
