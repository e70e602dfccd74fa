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
import { HAS_BALANCE, UNREADABLE_AMOUNT, cellOf, finding, yuan } from "../util";

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

/**
 * The positions (in ctx.entries) of each sheet's rows in row order, from the shared row arrays: the same lists as
 * entriesBySheet, without reading any row object. Sorted (stably, by row) only when out of order.
 */
function positionsBySheet(ctx: RuleContext): Map<string, Int32Array> {
  const { sheets, rowNumbers } = ctx.rows;
  const n = sheets.length;
  const counts = new Map<string, number>();
  for (let i = 0; i < n; ) {
    // A sheet's rows come together: counted run by run.
    const name = sheets[i];
    let j = i + 1;
    while (j < n && sheets[j] === name) j++;
    counts.set(name, (counts.get(name) ?? 0) + (j - i));
    i = j;
  }
  const m = new Map<string, Int32Array>();
  const filled = new Map<string, number>();
  for (const [name, count] of counts) {
    m.set(name, new Int32Array(count));
    filled.set(name, 0);
  }
  for (let i = 0; i < n; ) {
    const name = sheets[i];
    const list = m.get(name)!;
    let k = filled.get(name)!;
    for (; i < n && sheets[i] === name; i++) list[k++] = i;
    filled.set(name, k);
  }
  for (const [name, list] of m) {
    let sorted = true;
    for (let k = 1; k < list.length && sorted; k++) if (rowNumbers[list[k - 1]] > rowNumbers[list[k]]) sorted = false;
    if (!sorted) m.set(name, Int32Array.from(Array.from(list).sort((a, b) => rowNumbers[a] - rowNumbers[b])));
  }
  return m;
}

export const runningBalance: Rule = {
  id: "running-balance",
  area: "ledger",
  tier: "basic",
  severity: "error",
  run(ctx) {
    const out: Finding[] = [];
    // The amounts and balances come from the shared row arrays: only a row whose balance breaks is read itself.
    const { income, expense, balances, flags, rowNumbers } = ctx.rows;
    for (const [sheet, positions] of positionsBySheet(ctx)) {
      const start = openingOf(ctx, sheet);
      let correct: Fen | undefined = start?.balance;
      let printed: Fen | undefined = start?.balance;
      let sincePrinted = 0;
      for (let k = 0; k < positions.length; k++) {
        const i = positions[k];
        if (start && rowNumbers[i] <= start.afterRow) continue;
        const balance = flags[i] & HAS_BALANCE ? balances[i] : undefined;
        if (flags[i] & UNREADABLE_AMOUNT) {
          // Its delta is unknown: trust its printed balance, else wait for the next printed one.
          correct = balance;
          printed = balance;
          sincePrinted = 0;
          continue;
        }
        const delta = income[i] - expense[i];
        if (correct === undefined) {
          // No opening row: the first printed balance is taken as given.
          if (balance !== undefined) {
            correct = balance;
            printed = balance;
            sincePrinted = 0;
          }
          continue;
        }
        correct += delta;
        sincePrinted += delta;
        if (balance === undefined) continue;
        const carried = printed! + sincePrinted;
        if (balance !== correct && balance !== carried) {
          const e = ctx.entries[i];
          out.push(
            finding(
              "running-balance",
              "error",
              { printed: yuan(balance), printedFen: balance, expected: yuan(correct), expectedFen: correct, difference: yuan(balance - correct), differenceFen: balance - correct },
              [cellOf(e, "balance")],
            ),
          );
        }
        printed = balance;
        sincePrinted = 0;
      }
    }
    return out;
  },
};
