/**
 * The printed balance of each row must equal the previous balance + income − expense, to the fen.
 * Each sheet is its own journal (a cash journal and a bank journal have separate balances). The run starts from
 * the opening row (上年结转/期初余额) when there is one, else from the first printed balance.
 * Only the row where the balance breaks is reported: a row is flagged when its printed balance matches neither
 * the correct running balance nor the previous printed balance carried forward, so an error the treasurer carried
 * on is reported once, and a single typo followed by a correct row is reported once. We then continue from the
 * correct running value.
 * A row whose income, expense or amount could not be read (Entry.unreadable) is not reported: the reader already
 * reported its cause. The run re-synchronises to that row's printed balance (or, when that is unreadable too, to
 * the next printed balance) and continues.
 */
import type { Entry, Finding, Fen } from "../../model/types";
import type { Rule, RuleContext } from "../types";
import { cellOf, finding, yuan } from "../util";

export interface SheetStart {
  balance: Fen;
  /** Entries at or above this row come before the opening and are not part of the run. */
  afterRow: number;
}

export function openingOf(ctx: RuleContext, sheet: string): SheetStart | undefined {
  const row = ctx.books.ledger.subtotals.find((s) => s.sheet === sheet && s.kind === "opening" && s.balance !== undefined);
  if (row) return { balance: row.balance!, afterRow: row.row };
  const o = ctx.books.ledger.opening;
  if (o && o.source.sheet === sheet) return { balance: o.amount, afterRow: o.source.row };
  return undefined;
}

/** True when the row's money in or out could not be read, so its effect on the balance is unknown. */
export function hasUnreadableAmount(e: Entry): boolean {
  const u = e.unreadable;
  if (!u || u.length === 0) return false;
  return u.includes("income") || u.includes("expense") || u.includes("amount");
}

/**
 * The entries of each sheet in row order. Shared by running-balance and subtotal-mismatch through a memo keyed by
 * the run's context (callers only read the lists), and sorted only when out of order: the reader gives a sheet's
 * rows top to bottom, and the stable sort would leave them as they are.
 */
const bySheetOfRun = new WeakMap<RuleContext, Map<string, Entry[]>>();

export function entriesBySheet(ctx: RuleContext): Map<string, Entry[]> {
  const memo = bySheetOfRun.get(ctx);
  if (memo) return memo;
  const m = new Map<string, Entry[]>();
  let sheet: string | undefined;
  let l: Entry[] | undefined;
  for (const e of ctx.entries) {
    if (e.sheet !== sheet || !l) {
      // A sheet's rows come together: one lookup per run of rows rather than per row.
      sheet = e.sheet;
      l = m.get(sheet);
      if (!l) m.set(sheet, (l = []));
    }
    l.push(e);
  }
  for (const list of m.values()) {
    let sorted = true;
    for (let i = 1; i < list.length && sorted; i++) if (list[i - 1].row > list[i].row) sorted = false;
    if (!sorted) list.sort((a, b) => a.row - b.row);
  }
  bySheetOfRun.set(ctx, m);
  return m;
}

export const runningBalance: Rule = {
  id: "running-balance",
  area: "ledger",
  tier: "basic",
  severity: "error",
  run(ctx) {
    const out: Finding[] = [];
    for (const [sheet, rows] of entriesBySheet(ctx)) {
      const start = openingOf(ctx, sheet);
      let correct: Fen | undefined = start?.balance;
      let printed: Fen | undefined = start?.balance;
      let sincePrinted = 0;
      for (const e of rows) {
        if (start && e.row <= start.afterRow) continue;
        if (hasUnreadableAmount(e)) {
          // Its delta is unknown: trust its printed balance, else wait for the next printed one.
          correct = e.balance;
          printed = e.balance;
          sincePrinted = 0;
          continue;
        }
        const delta = e.income - e.expense;
        if (correct === undefined) {
          // No opening row: the first printed balance is taken as given.
          if (e.balance !== undefined) {
            correct = e.balance;
            printed = e.balance;
            sincePrinted = 0;
          }
          continue;
        }
        correct += delta;
        sincePrinted += delta;
        if (e.balance === undefined) continue;
        const carried = printed! + sincePrinted;
        if (e.balance !== correct && e.balance !== carried) {
          out.push(
            finding(
              "running-balance",
              "error",
              { printed: yuan(e.balance), printedFen: e.balance, expected: yuan(correct), expectedFen: correct, difference: yuan(e.balance - correct), differenceFen: e.balance - correct },
              [cellOf(e, "balance")],
            ),
          );
        }
        printed = e.balance;
        sincePrinted = 0;
      }
    }
    return out;
  },
};
