/**
 * Test fixtures as books, written like the ledger: `books({ entries: [{ date, summary, expense: yuan(300) }] })`.
 * Each entry lands on sheet "明细账" row 2, 3, … (row 1 is the header) with a fixed column per field, so tests can
 * assert addresses: A 日期, B 凭证号, C 摘要, D 科目, E 收入, F 支出, G 余额, H 领取人, I 会员编号, J 支付方式,
 * K 与会员关系, L 审批单号, M 备注, N 预算项目. Plan lines land on sheet "预算" row 2, 3, … with
 * A 收/支, B 项目, C 预算数, D 调整数, E 调整后预算, F 审批日期.
 */
import type { AccountRef, Books, Entry, LedgerField, PlanField, PlanLine, SubtotalRow } from "../model/types";
import { accountByCode } from "../model/accounts";
import { refAt } from "./util";

export const LEDGER_SHEET = "明细账";
export const PLAN_SHEET = "预算";

export const yuan = (n: number): number => Math.round(n * 100);

const ledgerColumns: Partial<Record<LedgerField, number>> = {
  date: 1, voucher: 2, summary: 3, account: 4, income: 5, expense: 6, balance: 7, counterparty: 8,
  memberId: 9, paymentMethod: 10, relation: 11, approval: 12, note: 13, planItem: 14,
};
const planColumns: Partial<Record<PlanField, number>> = { kind: 1, planItem: 2, budget: 3, adjustment: 4, adjustedBudget: 5, approvalDate: 6 };

/** An account of the 2010 chart by code, with its path of names. */
export function acct(code: string): AccountRef {
  const a = accountByCode(code);
  if (!a) throw new Error(`no account ${code}`);
  const path: string[] = [];
  for (let x: typeof a | undefined = a; x; x = x.parent ? accountByCode(x.parent) : undefined) path.unshift(x.name);
  return { code: a.code, name: a.name, kind: a.kind, path };
}

export type EntrySpec = Partial<Omit<Entry, "index" | "row" | "cells">> & { row?: number };
export type LineSpec = Partial<Omit<PlanLine, "index" | "row" | "cells">> & { label: string };
export type SubtotalSpec = Omit<SubtotalRow, "cells" | "sheet"> & { sheet?: string };

export interface BooksSpec {
  entries?: EntrySpec[];
  plan?: LineSpec[];
  subtotals?: SubtotalSpec[];
  opening?: { amount: number; row?: number };
  year?: number;
  memberCount?: number;
  openingBalance?: number;
  findings?: Books["findings"];
  /** Ledger fields the sheet has columns for; default every field used by some entry (plus date/summary/amounts). */
  columns?: LedgerField[];
}

export function books(spec: BooksSpec = {}): Books {
  const used = new Set<LedgerField>(spec.columns ?? ["date", "summary", "income", "expense"]);
  const entries: Entry[] = (spec.entries ?? []).map((s, i) => {
    const row = s.row ?? i + 2;
    const sheet = s.sheet ?? LEDGER_SHEET;
    const cells: Entry["cells"] = {};
    const e: Entry = { index: i, sheet, row, summary: s.summary ?? "", income: s.income ?? 0, expense: s.expense ?? 0, cells, ...stripRow(s) };
    for (const [field, col] of Object.entries(ledgerColumns) as [LedgerField, number][]) {
      const present = field === "account" ? e.account !== undefined || e.accountText !== undefined : (e as unknown as Record<string, unknown>)[field] !== undefined;
      if (present && (field !== "income" || e.income !== 0) && (field !== "expense" || e.expense !== 0)) {
        cells[field] = refAt(sheet, row, col);
        if (!spec.columns) used.add(field);
      }
    }
    return e;
  });
  const columns: Partial<Record<LedgerField, number>> = {};
  for (const f of used) columns[f] = ledgerColumns[f];
  const sheets = [...new Set([LEDGER_SHEET, ...entries.map((e) => e.sheet)])];
  const lines: PlanLine[] = (spec.plan ?? []).map((s, i) => {
    const row = i + 2;
    const budget = s.budget ?? 0;
    const cells: PlanLine["cells"] = { kind: refAt(PLAN_SHEET, row, 1), planItem: refAt(PLAN_SHEET, row, 2), budget: refAt(PLAN_SHEET, row, 3) };
    if (s.adjustment !== undefined) cells.adjustment = refAt(PLAN_SHEET, row, 4);
    if (s.adjustedBudget !== undefined || s.adjustment !== undefined) cells.adjustedBudget = refAt(PLAN_SHEET, row, 5);
    if (s.approvalDate !== undefined) cells.approvalDate = refAt(PLAN_SHEET, row, 6);
    return {
      index: i,
      sheet: PLAN_SHEET,
      row,
      kind: s.kind ?? "expense",
      planItem: s.planItem ?? s.label,
      ...s,
      budget,
      adjustedBudget: s.adjustedBudget ?? budget + (s.adjustment ?? 0),
      cells,
    };
  });
  return {
    roles: { planSheet: spec.plan || spec.memberCount !== undefined ? PLAN_SHEET : undefined, ledgerSheets: sheets },
    plan: spec.plan || spec.memberCount !== undefined || spec.openingBalance !== undefined
      ? {
          sheet: PLAN_SHEET,
          lines,
          openingBalance: spec.openingBalance,
          year: spec.year,
          memberCount: spec.memberCount,
          mapping: { sheet: PLAN_SHEET, headerRows: [1], columns: planColumns, labels: {}, confidence: 1 },
        }
      : undefined,
    ledger: {
      sheets,
      entries,
      subtotals: (spec.subtotals ?? []).map((s) => {
        const sheet = s.sheet ?? LEDGER_SHEET;
        const cells: SubtotalRow["cells"] = { summary: refAt(sheet, s.row, 3) };
        if (s.income !== undefined) cells.income = refAt(sheet, s.row, 5);
        if (s.expense !== undefined) cells.expense = refAt(sheet, s.row, 6);
        if (s.balance !== undefined) cells.balance = refAt(sheet, s.row, 7);
        return { ...s, sheet, cells };
      }),
      opening: spec.opening ? { amount: spec.opening.amount, source: refAt(LEDGER_SHEET, spec.opening.row ?? 1, 7) } : undefined,
      year: spec.year,
      mappings: sheets.map((sheet) => ({ sheet, headerRows: [1], columns, labels: {}, confidence: 1 })),
    },
    findings: spec.findings ?? [],
  };
}

function stripRow(s: EntrySpec): Omit<EntrySpec, "row"> {
  const { row: _row, ...rest } = s;
  return rest;
}
