/**
 * A sheet kept in double entry (a 序时账 or voucher list, as accounting software exports it): every voucher is
 * written as its lines, each on its own account with 借方 or 贷方, e.g. 借 职工活动支出 800 / 贷 银行存款 800.
 *
 * The reader's usual reading of 借方/贷方 is a cash or bank journal's (借方 = money in), and on such a sheet it
 * turned every expense into income and counted every transaction twice. Here the sheet is turned into the single
 * entry the product reads everywhere else:
 *  - the lines on an income, expense or other counter-account are kept, with their sides swapped into that
 *    account's terms (贷方 = income, 借方 = expense: a credit to 会费收入 is dues received, a debit to 文体活动费 is
 *    money spent), so flows, budget matching and every check read them as they would a 收支明细账 row;
 *  - the lines on 库存现金/银行存款 are the other half of those same vouchers (or a move between cash and bank):
 *    they are left out, so nothing is counted twice;
 *  - a voucher with no cash or bank line that moves an income or expense account into net assets is the
 *    period-end closing (结转本年结余), which would cancel the year's income and expense: left out too.
 * What is left out is never silent: one info finding per sheet lists every such line.
 *
 * A sheet is taken for double entry only on evidence: a 科目 column, amount columns headed 借方 and 贷方, and
 * vouchers that put a cash or bank line next to a line on another account, for most vouchers of two or more lines.
 * A cash journal whose 科目 column holds the counter-account never has both in one voucher.
 */
import type { ColumnMapping, Entry, Finding, LedgerField, SourceRef } from "../model/types";
import { isBookAccount } from "../model/accounts";
import { cellOf } from "../model/entry-cells";
import { finding } from "./findings";

const DEBIT = /借|debit|^dr\b/i;
const CREDIT = /贷|credit|^cr\b/i;

/** A voucher's rows: its number within the month (numbers may restart monthly), rows without a number alone. */
function voucherGroups(entries: readonly Entry[]): Entry[][] {
  const byKey = new Map<string, Entry[]>();
  const groups: Entry[][] = [];
  for (const e of entries) {
    const voucher = e.voucher?.trim();
    if (!voucher) {
      groups.push([e]);
      continue;
    }
    const key = `${(e.date ?? "").slice(0, 7)}\u0000${voucher}`;
    let g = byKey.get(key);
    if (!g) {
      byKey.set(key, (g = []));
      groups.push(g);
    }
    g.push(e);
  }
  return groups;
}

const onBook = (e: Entry) => e.account !== undefined && isBookAccount(e.account.code);

/** Does the sheet, read with this mapping, look like double entry (see the module comment)? */
export function isDoubleEntry(mapping: Pick<ColumnMapping<LedgerField>, "columns" | "labels">, entries: readonly Entry[]): boolean {
  const { columns, labels } = mapping;
  if (columns.account === undefined && columns.subAccount === undefined) return false;
  if (columns.income === undefined || columns.expense === undefined) return false;
  if (!DEBIT.test(labels.income ?? "") || !CREDIT.test(labels.expense ?? "")) return false;
  let multi = 0;
  let mixed = 0;
  for (const g of voucherGroups(entries)) {
    if (g.length < 2) continue;
    multi++;
    if (g.some(onBook) && g.some((e) => e.account !== undefined && !onBook(e))) mixed++;
  }
  return mixed >= 2 && mixed * 2 >= multi;
}

/** A closing voucher: no cash or bank line, and a line on a net-asset account (本年结余, 累计结余 …). */
function isClosing(g: readonly Entry[]): boolean {
  return !g.some(onBook) && g.some((e) => e.account?.kind === "netAsset");
}

/** The row's 借方 and 贷方 read in its account's terms: what was income becomes expense and the reverse. */
function swapSides(e: Entry): void {
  const income = e.income;
  e.income = e.expense;
  e.expense = income;
  const cells = e.cells;
  const incomeCell = cells.income;
  const expenseCell = cells.expense;
  // (Assigning a field of the reader's lazy cells shadows its getter: see lazy-cells.ts.)
  cells.income = expenseCell;
  cells.expense = incomeCell;
  if (e.unreadable) e.unreadable = e.unreadable.map((f) => (f === "income" ? "expense" : f === "expense" ? "income" : f));
}

export interface SingleEntry {
  entries: Entry[];
  findings: Finding[];
}

/**
 * The sheet's entries in single entry (see the module comment), numbered from `firstIndex` as Ledger.entries
 * numbers them. The entries kept are the same objects, changed in place.
 */
export function toSingleEntry(sheet: string, entries: readonly Entry[], firstIndex: number): SingleEntry {
  const left: { cash: SourceRef[]; closing: SourceRef[] } = { cash: [], closing: [] };
  const excluded = new Set<Entry>();
  for (const g of voucherGroups(entries)) {
    const closing = isClosing(g);
    for (const e of g) {
      if (closing) left.closing.push(cellOf(e, "account", "subAccount"));
      else if (onBook(e)) left.cash.push(cellOf(e, "account", "subAccount"));
      else continue;
      excluded.add(e);
    }
  }
  const kept: Entry[] = [];
  for (const e of entries) {
    if (excluded.has(e)) continue;
    swapSides(e);
    e.index = firstIndex + kept.length;
    kept.push(e);
  }
  const locations = [...left.cash, ...left.closing].sort((a, b) => a.row - b.row);
  const findings = [finding("double-entry-journal", locations, { sheet, kept: kept.length, cash: left.cash.length, closing: left.closing.length })];
  return { entries: kept, findings };
}
