/**
 * Locating a finding on a ledger entry: the cell of a field it was read from, or its amount cell. Used by the
 * rules (through rules/util) and by the reader, which reports on entries too (double entry, overlapping sheets).
 */
import type { Entry, LedgerField, SourceRef } from "./types";
import { columnLetters } from "./a1";

export function refAt(sheet: string, row: number, column = 1): SourceRef {
  return { sheet, row, column, address: `${columnLetters(column)}${row}` };
}

/** The cell of the first field the entry was read from, else the row's first cell. */
export function cellOf(e: Entry, ...fields: LedgerField[]): SourceRef {
  for (const f of fields) {
    const c = e.cells[f];
    if (c) return c;
  }
  const any = e.cells.summary ?? e.cells.date ?? Object.values(e.cells)[0];
  return any ? { ...any } : refAt(e.sheet, e.row);
}

/** The amount cell of an entry: the expense cell for a payment, the income cell for a receipt. */
export function amountCell(e: Entry): SourceRef {
  // cellOf spelled out: this runs for most findings, and the rest-parameter call was a measurable cost.
  const c = e.cells;
  const found = e.expense !== 0 ? c.expense || c.amount || c.income : c.income || c.amount || c.expense;
  return found || cellOf(e);
}
