/**
 * A host-independent description of a sheet the add-in generates. The Excel adapter and the command line both
 * write exactly this, so what the treasurer prints from Excel and what the CLI writes agree cell for cell.
 */

/** A cell: a value (money as yuan numbers with a money format, never floats computed here), a format and a style. */
export interface CellModel {
  v: string | number | null;
  /** Excel number format, e.g. "#,##0.00" for money, "0.0%" for ratios, "yyyy-mm-dd" for date serials. */
  fmt?: string;
  style?: CellStyle;
}

export type CellStyle = "title" | "subtitle" | "header" | "label" | "total" | "note" | "warning" | "signature";

export interface PrintSetup {
  paper: "A4";
  orientation: "portrait" | "landscape";
  /** Fit the sheet to this many pages wide (1 = one page wide). */
  fitToPagesWide: number;
  /** Rows repeated at the top of every printed page, e.g. "1:4". */
  repeatRows?: string;
  /** Page numbers in the footer ("第 &P 页，共 &N 页"). */
  pageNumbers: boolean;
}

/** A native chart the adapter adds (Excel only; the CLI may skip it). Ranges are A1 on the same sheet. */
export interface ChartModel {
  type: "bar" | "column";
  title: string;
  /** A1 range of category labels and of each series, e.g. "A5:A12" and ["E5:E12"]. */
  categories: string;
  series: { name: string; values: string }[];
  /** Top-left cell the chart is anchored at. */
  anchor: string;
}

export type GeneratedSheetKind =
  | "budget-execution"
  | "hardship-summary"
  | "hardship-detail"
  | "welfare-summary"
  | "welfare-detail"
  | "disclosure"
  | "findings"
  | "consolidation";

export interface SheetModel {
  /** Sheet name: at most 31 characters, none of []:*?/\ ; internal sheets contain "内部". */
  name: string;
  kind: GeneratedSheetKind;
  /** Internal sheets are for the committee only: "内部" in the name and "内部资料 不得公开" in the title row. */
  internal: boolean;
  /** Rows of cells from A1; rows may differ in length (the writer pads). */
  rows: CellModel[][];
  /** Column widths in characters. */
  columnWidths?: number[];
  /** Merged areas, e.g. "A1:F1". */
  merges?: string[];
  /** Rows to freeze at the top. */
  freezeRows?: number;
  print?: PrintSetup;
  charts?: ChartModel[];
}
