/**
 * The ONE in-memory table both sample outputs come from: the .xlsx (via exceljs) and the JSON
 * WorkbookSnapshot (what Excel's `range.values` would return). Each cell holds the value exactly as the
 * snapshot shows it (dates as serials, typed text as text, blanks absent) plus a style name; the number
 * format is derived from the style in one place so the two outputs cannot disagree.
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/types";
import { columnLetters } from "../../src/core/model/a1";

export type CellStyle =
  | "title" // big bold centred title
  | "subtitle" // second title line
  | "caption" // small left text above the table ("会员人数：120人")
  | "captionRight" // small right text above the table ("单位：元")
  | "header" // column header, bold, grey fill, centred
  | "section" // "一、收入" band
  | "text" // ordinary text, left
  | "center" // short text or small integers, centred (序号, 月, 日, 借或贷)
  | "money" // a number shown as #,##0.00
  | "typedAmount" // an amount typed as text ("1,200.00", "¥350"): the cell is formatted as Text
  | "date" // a date serial shown as yyyy-mm-dd
  | "totalText" // label of a subtotal row, bold
  | "totalMoney" // amount of a subtotal row, bold
  | "noteText"; // free notes (the 说明 sheet), wrapped

/** The number format each style carries; "General" is what Excel reports for an unformatted cell. */
export function numFmtOf(style: CellStyle): string {
  switch (style) {
    case "money":
    case "totalMoney":
      return "#,##0.00";
    case "typedAmount":
      return "@";
    case "date":
      return "yyyy-mm-dd";
    default:
      return "General";
  }
}

export interface TableCell {
  value: CellValue;
  style: CellStyle;
}

export interface TableSheet {
  name: string;
  /** cells[r][c], 0-based; row 0 is sheet row 1. Missing cells are blank. */
  cells: (TableCell | undefined)[][];
  merges: string[];
  /** Character widths of columns A, B, ... */
  columnWidths: number[];
  /** 1-based first and last rows of the bordered table (titles above and signatures below stay borderless). */
  tableTopRow: number;
  tableBottomRow: number;
  /** Rows kept visible when scrolling (the header). */
  frozenRows: number;
  landscape: boolean;
}

export interface TableWorkbook {
  sheets: TableSheet[];
}

/** 1-based column number -> letters (1 -> "A", 27 -> "AA"): the core's one implementation. */
export const columnLetter = columnLetters;

export function a1(row: number, column: number): string {
  return `${columnLetter(column)}${row}`;
}

/** Builds one sheet row by row; rows and columns are 1-based like the sheet. */
export class SheetBuilder {
  private readonly cells: (TableCell | undefined)[][] = [];
  private readonly merges: string[] = [];
  private tableTopRow = 1;
  private tableBottomRow = 0;
  private frozenRows = 0;

  constructor(
    private readonly name: string,
    private readonly columnWidths: number[],
    private readonly landscape = true,
  ) {}

  get width(): number {
    return this.columnWidths.length;
  }

  /** The 1-based number of the next row to be written. */
  get nextRow(): number {
    return this.cells.length + 1;
  }

  set(row: number, column: number, value: CellValue, style: CellStyle): void {
    while (this.cells.length < row) this.cells.push([]);
    this.cells[row - 1][column - 1] = { value, style };
  }

  /** Appends a row; `values[i]` goes to column i+1, undefined leaves the cell blank but still styled. */
  addRow(values: (CellValue | undefined)[], styles: CellStyle | CellStyle[]): number {
    const row = this.nextRow;
    this.cells.push([]);
    for (let c = 0; c < this.width; c++) {
      const style = Array.isArray(styles) ? styles[c] ?? "text" : styles;
      const value = values[c];
      this.cells[row - 1][c] = { value: value === undefined || value === null ? "" : value, style };
    }
    return row;
  }

  merge(range: string): void {
    this.merges.push(range);
  }

  markTableTop(row: number, frozenRows: number): void {
    this.tableTopRow = row;
    this.frozenRows = frozenRows;
  }

  /** Marks the last bordered row; when never called the table runs to the last row. */
  markTableBottom(row: number): void {
    this.tableBottomRow = row;
  }

  build(): TableSheet {
    return {
      name: this.name,
      cells: this.cells.map((r) => [...r]),
      merges: [...this.merges],
      columnWidths: [...this.columnWidths],
      tableTopRow: this.tableTopRow,
      tableBottomRow: this.tableBottomRow || this.cells.length,
      frozenRows: this.frozenRows,
      landscape: this.landscape,
    };
  }
}

/**
 * The snapshot Excel would give for the sheet's used range: every row padded to the widest column, blanks
 * as "", merged areas holding their value in the top-left cell only.
 */
export function toSheetSnapshot(sheet: TableSheet): SheetSnapshot {
  const rowCount = sheet.cells.length;
  const columnCount = Math.max(sheet.columnWidths.length, ...sheet.cells.map((r) => r.length));
  const values: CellValue[][] = [];
  const numberFormats: string[][] = [];
  for (let r = 0; r < rowCount; r++) {
    const valueRow: CellValue[] = [];
    const formatRow: string[] = [];
    for (let c = 0; c < columnCount; c++) {
      const cell = sheet.cells[r][c];
      valueRow.push(cell === undefined || cell.value === null ? "" : cell.value);
      formatRow.push(cell === undefined ? "General" : numFmtOf(cell.style));
    }
    values.push(valueRow);
    numberFormats.push(formatRow);
  }
  return { name: sheet.name, values, numberFormats, merges: [...sheet.merges] };
}

export function toWorkbookSnapshot(book: TableWorkbook): WorkbookSnapshot {
  return { sheets: book.sheets.map(toSheetSnapshot) };
}
