/**
 * Does 期初结余 + 本期收入 − 本期支出 (+ other movements) equal the ledger's closing balance, to the fen?
 *
 * Definitions (tested in reconcile.test.ts):
 *  - Year opening: the ledger's stated opening (上年结转/期初余额 row); else, when every ledger sheet's first
 *    entry prints a balance, the sum of (that balance − that entry's movement) ("inferred"); else the plan's
 *    上年结余; else 0 ("none").
 *  - Period opening: year opening + the movement (收入 − 支出, every account) of entries dated before the period.
 *  - Income and expenditure: entries in the period that are income or expenditure (./match/flow), internal
 *    transfers excluded. Other movements: in-period entries that are neither (transfers between the union's own
 *    accounts, balance-sheet rows); they net to 0 when the ledger covers both cash and bank.
 *  - Ledger closing, "printed-balance": per ledger sheet, the printed balance of the last entry (in sheet
 *    order) dated on or before the period end, summed over sheets. Used when every ledger sheet with such
 *    entries has a balance on that last one.
 *  - Ledger closing, "computed": otherwise, opening + all movements to the period end (equal by construction:
 *    a ledger without balances cannot contradict itself, and the sheet says which method was used).
 * Entries without a date cannot be placed in time: they are left out and counted in `undatedEntries`.
 */
import type { Books, Entry, Fen } from "../model/types";
import type { Period } from "../model/period";
import { sumFen } from "../model/money";
import { cashMovement } from "../match/flow";
import { budgetFlow } from "../match/plan-match";
import { cellLabel } from "./common";
import type { ReportClassifier } from "./classes";

export type OpeningSource = "ledger" | "inferred" | "plan" | "none";

export interface Reconciliation {
  opening: Fen;
  openingSource: OpeningSource;
  income: Fen;
  expense: Fen;
  /** In-period movements that are neither income nor expenditure (transfers, balance-sheet rows). */
  otherMovements: Fen;
  expectedClosing: Fen;
  ledgerClosing: Fen;
  closingMethod: "printed-balance" | "computed";
  /** The cells whose printed balances make up the ledger closing ("明细账!H40"). */
  closingCells: string[];
  /** ledgerClosing − expectedClosing; 0 when reconciled. */
  difference: Fen;
  undatedEntries: number;
}

function yearOpening(books: Books): { amount: Fen; source: OpeningSource } {
  const ledger = books.ledger;
  if (ledger.opening) return { amount: ledger.opening.amount, source: "ledger" };
  const firsts = ledger.sheets
    .map((sheet) => ledger.entries.find((e) => e.sheet === sheet))
    .filter((e): e is Entry => e !== undefined);
  if (firsts.length > 0 && firsts.every((e) => e.balance !== undefined)) {
    return { amount: sumFen(firsts.map((e) => e.balance! - cashMovement(e))), source: "inferred" };
  }
  if (books.plan?.openingBalance !== undefined) return { amount: books.plan.openingBalance, source: "plan" };
  return { amount: 0, source: "none" };
}

function printedClosing(books: Books, period: Period): { amount: Fen; cells: string[] } | undefined {
  const lasts: Entry[] = [];
  for (const sheet of books.ledger.sheets) {
    const dated = books.ledger.entries.filter((e) => e.sheet === sheet && e.date !== undefined && e.date <= period.end);
    if (dated.length === 0) continue;
    const last = dated[dated.length - 1];
    if (last.balance === undefined) return undefined;
    lasts.push(last);
  }
  if (lasts.length === 0) return undefined;
  return {
    amount: sumFen(lasts.map((e) => e.balance!)),
    cells: lasts.map((e) => {
      const ref = e.cells.balance;
      return ref ? `${ref.sheet}!${ref.address}` : cellLabel(e);
    }),
  };
}

/** `cls`: the run's shared classifier when there is one (the same answers as budgetFlow, memoised). */
export function reconcile(books: Books, period: Period, cls?: ReportClassifier): Reconciliation {
  const entries = books.ledger.entries;
  const opening0 = yearOpening(books);
  const before = sumFen(entries.filter((e) => e.date !== undefined && e.date < period.start).map(cashMovement));
  const opening = opening0.amount + before;

  let income = 0;
  let expense = 0;
  let otherMovements = 0;
  for (const e of entries) {
    if (e.date === undefined || e.date < period.start || e.date > period.end) continue;
    const flow = cls ? cls.flow(e) : budgetFlow(e);
    const movement = cashMovement(e);
    if (flow?.kind === "income") {
      income += flow.amount;
      otherMovements += movement - flow.amount;
    } else if (flow?.kind === "expense") {
      expense += flow.amount;
      otherMovements += movement + flow.amount;
    } else {
      otherMovements += movement;
    }
  }
  const expectedClosing = opening + income - expense + otherMovements;
  const printed = printedClosing(books, period);
  const ledgerClosing = printed?.amount ?? expectedClosing;
  return {
    opening,
    openingSource: opening0.source,
    income,
    expense,
    otherMovements,
    expectedClosing,
    ledgerClosing,
    closingMethod: printed ? "printed-balance" : "computed",
    closingCells: printed?.cells ?? [],
    difference: ledgerClosing - expectedClosing,
    undatedEntries: entries.filter((e) => e.date === undefined).length,
  };
}
