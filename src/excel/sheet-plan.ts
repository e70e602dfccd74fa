/**
 * Turns a SheetModel into what the adapter writes: padded value and number-format matrices, runs of styled cells,
 * column widths in points. Pure, so it is tested without Excel.
 */
import type { CellModel, CellStyle, SheetModel } from "../core/render/sheet-model";

export type WrittenValue = string | number | boolean;

export interface StyleRun {
  /** 0-based row and first column of a run of same-styled cells in one row. */
  row: number;
  column: number;
  count: number;
  style: CellStyle;
}

export interface SheetPlan {
  columnCount: number;
  values: WrittenValue[][];
  numberFormats: string[][];
  styles: StyleRun[];
}

/**
 * Text Excel would turn into something else when written through `values` ("001" -> 1, "1-2" -> a date,
 * "=..." -> a formula, "50%" -> 0.5). Such cells get the text format "@" so the sheet shows what the model says.
 */
export function isCoercibleText(s: string): boolean {
  const t = s.trim();
  if (t === "") return false;
  if (/^[=+\-@]/.test(t)) return true;
  if (/^[(（]?[¥$￥]?[\d.,\s]+%?[)）]?$/.test(t)) return true; // numbers, amounts, percentages
  if (/^\d{1,4}[-/.年]\d{1,2}([-/.月](\d{1,4}日?)?)?$/.test(t)) return true; // dates such as 3-5, 2025/3/5, 2025年3月
  if (/^\d{1,2}:\d{2}/.test(t)) return true; // times
  return /^(true|false)$/i.test(t);
}

function numberFormatOf(cell: CellModel | undefined): string {
  if (!cell) return "General";
  if (cell.fmt) return cell.fmt;
  return typeof cell.v === "string" && isCoercibleText(cell.v) ? "@" : "General";
}

export function planSheet(model: SheetModel): SheetPlan {
  const columnCount = Math.max(1, ...model.rows.map((r) => r.length), model.columnWidths?.length ?? 0);
  const values: WrittenValue[][] = [];
  const numberFormats: string[][] = [];
  const styles: StyleRun[] = [];
  model.rows.forEach((cells, r) => {
    const valueRow: WrittenValue[] = [];
    const formatRow: string[] = [];
    for (let c = 0; c < columnCount; c++) {
      const cell = cells[c];
      // null would mean "leave unchanged" to Excel; the sheet is new, so write an empty string instead.
      valueRow.push(cell?.v ?? "");
      formatRow.push(numberFormatOf(cell));
      const style = cell?.style;
      const last = styles[styles.length - 1];
      if (style && last && last.row === r && last.style === style && last.column + last.count === c) last.count++;
      else if (style) styles.push({ row: r, column: c, count: 1, style });
    }
    values.push(valueRow);
    numberFormats.push(formatRow);
  });
  return { columnCount, values, numberFormats, styles };
}

/** What each style looks like. Borders: "box" draws thin lines around every cell of the run, "top" one above it. */
export interface StyleFormat {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontColor?: string;
  fill?: string;
  horizontalAlignment?: "Left" | "Center" | "Right";
  wrapText?: boolean;
  borders?: "box" | "top";
}

export const STYLE_FORMATS: Record<CellStyle, StyleFormat> = {
  title: { bold: true, size: 16, horizontalAlignment: "Center" },
  subtitle: { size: 11, fontColor: "#404040", horizontalAlignment: "Center" },
  header: { bold: true, fill: "#D9E1F2", horizontalAlignment: "Center", wrapText: true, borders: "box" },
  label: {},
  total: { bold: true, fill: "#F2F2F2", borders: "top" },
  note: { size: 9, fontColor: "#595959" },
  warning: { bold: true, fontColor: "#C00000" },
  signature: { size: 11 },
};

/** Column width in Excel points for a width in characters (about 7 pixels = 5.25 points per digit, plus padding). */
export function columnWidthPoints(characters: number): number {
  return Math.round((characters * 5.25 + 5) * 100) / 100;
}
