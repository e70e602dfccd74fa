/**
 * Entry.cells and SubtotalRow.cells without building a SourceRef for every mapped field of every row: on a
 * 100k-row ledger that was half the reader's time, yet a check asks for a handful of cells. One prototype per
 * (sheet, mapping) holds a getter per mapped field that builds the SourceRef from the row on access; each row's
 * `cells` is a tiny object holding only its row number (under a symbol, so it never shows as a field).
 * The contract is unchanged: `entry.cells.summary` is a correct SourceRef, `"summary" in cells` and `for...in`
 * see every mapped field, JSON.stringify gives the plain record, and a field can still be assigned.
 */
import type { LedgerField, SourceRef } from "../model/types";

const ROW = Symbol("row");

export type RowCells = Partial<Record<LedgerField, SourceRef>>;

export interface CellSlot {
  field: LedgerField;
  column: number;
  /** Column letters ("F"). */
  letters: string;
}

/** A maker of `cells` objects for rows of one sheet read with one mapping. */
export function cellsFactory(sheet: string, slots: readonly CellSlot[]): (row: number) => RowCells {
  class Cells {
    [ROW]: number;
    constructor(row: number) {
      this[ROW] = row;
    }
  }
  const descriptors: PropertyDescriptorMap = {};
  for (const { field, column, letters } of slots) {
    descriptors[field] = {
      enumerable: true,
      configurable: true,
      get(this: Cells): SourceRef {
        const row = this[ROW];
        return { sheet, row, column, address: letters + row };
      },
      // Assigning a field (a caller correcting a location) shadows the getter with a plain own property.
      set(this: Cells, value: SourceRef | undefined) {
        Object.defineProperty(this, field, { value, writable: true, enumerable: true, configurable: true });
      },
    };
  }
  descriptors.toJSON = {
    enumerable: false,
    value(this: Record<string, unknown>) {
      const plain: Record<string, unknown> = {};
      for (const k in this) plain[k] = this[k];
      return plain;
    },
  };
  Object.defineProperties(Cells.prototype, descriptors);
  return (row) => new Cells(row) as unknown as RowCells;
}
