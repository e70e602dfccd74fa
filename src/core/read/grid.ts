/**
 * A sheet snapshot seen in sheet coordinates (1-based rows and columns, honouring `origin`), plus a view of
 * the top rows with merged cells filled in: Excel keeps a merged cell's value only in its top-left cell, but a
 * header merged across "金额 | 金额" or down "日期 / 日期" means that text for every cell it covers.
 */
import type { CellValue, RowSource, SheetSnapshot } from "../model/types";
import { parseRange } from "../model/a1";

/**
 * Rows of a row source kept in memory: header detection (HEADER_SCAN_ROWS = 30 rows and the row under them) and
 * the title rows above a header read only these.
 */
const KEPT_TOP_ROWS = 64;

export class Grid {
  readonly name: string;
  /** Sheet row of values[0]. */
  readonly top: number;
  /** Sheet column of values[r][0]. */
  readonly left: number;
  /** Last sheet row of the used range. */
  readonly bottom: number;
  /**
   * Last column of the top rows (the first KEPT_TOP_ROWS, merges included): all that header and title scans
   * need. Cells right of it in those rows are blank, so scanning to `right` would find nothing more there.
   */
  readonly topRight: number;
  private rightColumn?: number;
  private readonly values: CellValue[][];
  /** Rows made on demand (SheetSnapshot.rows); the first rows are kept, as header detection reads them often. */
  private readonly source?: RowSource;
  private readonly sourceTop: CellValue[][] = [];
  private readonly formats?: string[][];
  private readonly merges: string[];
  private filledTop?: { rows: number; values: CellValue[][] };

  constructor(snapshot: SheetSnapshot) {
    this.name = snapshot.name;
    this.values = snapshot.values ?? [];
    this.source = snapshot.rows;
    this.top = snapshot.origin?.row ?? 1;
    this.left = snapshot.origin?.column ?? 1;
    this.formats = snapshot.numberFormats;
    this.merges = snapshot.merges ?? [];
    if (this.source) {
      const height = this.source.length;
      let width = 0;
      for (let i = 0; i < Math.min(height, KEPT_TOP_ROWS); i++) {
        const row = this.source.row(i) ?? [];
        this.sourceTop.push(row);
        if (row.length > width) width = row.length;
      }
      this.bottom = this.top + height - 1;
      let topRight = this.left + width - 1;
      const lastTopRow = this.top + this.sourceTop.length - 1;
      for (const m of this.merges) {
        const rect = parseRange(m);
        if (rect && rect.top <= lastTopRow && rect.right > topRight) topRight = rect.right;
      }
      this.topRight = topRight;
    } else {
      let width = 0;
      for (const row of this.values) if (row && row.length > width) width = row.length;
      this.bottom = this.top + this.values.length - 1;
      this.rightColumn = this.left + width - 1;
      this.topRight = this.rightColumn;
    }
  }

  /**
   * Last column of the used range. With a row source it is found on first use (a pass over the whole sheet),
   * which only a reader that needs it pays for: ledger reading does not.
   */
  get right(): number {
    if (this.rightColumn === undefined) this.rightColumn = this.left + this.source!.width - 1;
    return this.rightColumn;
  }

  /** The raw value at a sheet cell; null outside the used range. */
  get(row: number, column: number): CellValue {
    const r = this.rowValues(row);
    if (!r) return null;
    const v = r[column - this.left];
    return v === undefined ? null : v;
  }

  numberFormat(row: number, column: number): string | undefined {
    return this.formats?.[row - this.top]?.[column - this.left];
  }

  /**
   * The row's values array (index = column - left), or undefined for a missing row. With a row source, rows
   * below the kept top are made afresh on each call: read each once (the ledger reader does).
   */
  rowValues(row: number): CellValue[] | undefined {
    const i = row - this.top;
    if (!this.source) return this.values[i];
    return i < this.sourceTop.length ? this.sourceTop[i] : this.source.row(i);
  }

  /**
   * The value at a cell of the first `rows` rows with merges filled from their top-left cell.
   * Used only for header and title detection, so only the top of the sheet is copied.
   */
  filled(row: number, column: number, rows: number): CellValue {
    if (!this.filledTop || this.filledTop.rows < rows) this.filledTop = { rows, values: this.fillTop(rows) };
    const r = this.filledTop.values[row - this.top];
    if (!r) return this.get(row, column);
    const v = r[column - this.left];
    return v === undefined ? null : v;
  }

  private fillTop(rows: number): CellValue[][] {
    const copy: CellValue[][] = [];
    for (let i = 0; i < Math.min(rows, this.bottom - this.top + 1); i++) copy.push(this.rowValues(this.top + i)?.slice() ?? []);
    const lastRow = this.top + copy.length - 1;
    for (const m of this.merges) {
      const rect = parseRange(m);
      if (!rect || rect.top > lastRow) continue;
      const value = this.get(rect.top, rect.left);
      if (value === null || value === "") continue;
      for (let r = rect.top; r <= Math.min(rect.bottom, lastRow); r++) {
        const target = copy[r - this.top];
        if (!target) continue;
        for (let c = rect.left; c <= rect.right; c++) {
          const i = c - this.left;
          if (i < 0) continue;
          const existing = target[i];
          if (existing === null || existing === undefined || existing === "") target[i] = value;
        }
      }
    }
    return copy;
  }
}

/** True when the value is blank (null, empty or whitespace-only text). */
export function isBlank(v: CellValue): boolean {
  if (v === null || v === undefined) return true;
  if (typeof v === "string") {
    for (let i = 0; i < v.length; i++) {
      const c = v.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13 && c !== 0x3000 && c !== 0xa0) return false;
    }
    return true;
  }
  return false;
}

/** A cell as trimmed text ("" for blank); numbers as written by JS (1001 -> "1001"). */
export function cellText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "string") return v.trim();
  return String(v);
}
