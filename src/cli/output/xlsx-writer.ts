/**
 * SheetModel[] -> a NEW .xlsx file, the same models the pane writes into Excel: values, number formats, styles,
 * merges, column widths, frozen rows and print setup (A4, fit to width, repeated title rows, page numbers).
 * Charts (ChartModel) are not written: exceljs cannot create native charts; the pane adds them in Excel.
 * Report sheets are small (hundreds of rows), so exceljs's in-memory workbook is used: it is the writer that
 * supports print titles (a defined name), which the streaming writer lacks.
 */
import type ExcelJS from "exceljs";
import type { CellModel, CellStyle, SheetModel } from "../../core/render/sheet-model";

const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
const BOX: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** The style properties a cell's setters write (cell.font = … is cell.style.font = …). */
type StyleTarget = Partial<Pick<ExcelJS.Style, "numFmt" | "font" | "alignment" | "fill" | "border">>;

/** How each style looks; the pane's adapter uses the same intent (bold titles, shaded headers, ruled totals). */
function applyStyle(cell: StyleTarget, style: CellStyle | undefined): void {
  switch (style) {
    case "title":
      cell.font = { bold: true, size: 16 };
      cell.alignment = { horizontal: "center", vertical: "middle" };
      break;
    case "subtitle":
      cell.font = { size: 11, color: { argb: "FF404040" } };
      cell.alignment = { horizontal: "center" };
      break;
    case "header":
      cell.font = { bold: true };
      cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
      cell.border = BOX;
      break;
    case "label":
      cell.border = BOX;
      break;
    case "total":
      cell.font = { bold: true };
      cell.border = { ...BOX, top: { style: "double", color: { argb: "FF000000" } } };
      break;
    case "note":
      cell.font = { italic: true, size: 9, color: { argb: "FF595959" } };
      break;
    case "warning":
      cell.font = { bold: true, color: { argb: "FFC00000" } };
      break;
    case "signature":
      cell.alignment = { horizontal: "left", vertical: "bottom" };
      break;
    default:
      break;
  }
}

/**
 * One style object per (style, number format, kind of value), shared by every cell that has them. exceljs
 * remembers the style id of each style object it has seen (a WeakMap) but works it out afresh, rendering fonts,
 * borders and the style as XML to find duplicates, for every new object: with one object per cell that was
 * about a second on a report with ~50k detail rows. The kind of value is part of the key because exceljs's
 * memo assumes one object always has one id, while a cell without a number format gets "General" for a number
 * and none for text. The objects are the same as the setters built per cell, so the file is the same.
 */
type StyleCache = Map<string, StyleTarget>;

function valueKind(v: CellModel["v"]): string {
  if (v === null || v === undefined || v === "") return "blank";
  return typeof v;
}

function writeCell(cell: ExcelJS.Cell, model: CellModel, styles: StyleCache): void {
  // "" is a blank cell in Excel: write nothing rather than an empty string.
  if (model.v !== null && model.v !== undefined && model.v !== "") cell.value = model.v;
  if (!model.fmt && !model.style) return; // the cell keeps the plain style it was created with
  const key = `${model.style ?? ""}\u0001${model.fmt ?? ""}\u0001${valueKind(model.v)}`;
  let style = styles.get(key);
  if (!style) {
    style = {};
    if (model.fmt) style.numFmt = model.fmt;
    applyStyle(style, model.style);
    styles.set(key, style);
  }
  cell.style = style as ExcelJS.Style;
}

/** Adds one SheetModel as a worksheet. */
export function addSheet(book: ExcelJS.Workbook, model: SheetModel, styles: StyleCache = new Map()): ExcelJS.Worksheet {
  const print = model.print;
  const ws = book.addWorksheet(model.name, {
    views: model.freezeRows ? [{ state: "frozen", ySplit: model.freezeRows }] : [],
    pageSetup: print
      ? {
          paperSize: 9, // A4
          orientation: print.orientation,
          fitToPage: true,
          fitToWidth: print.fitToPagesWide,
          fitToHeight: 0, // as many pages tall as needed
          printTitlesRow: print.repeatRows,
        }
      : undefined,
    headerFooter: print?.pageNumbers ? { oddFooter: "&C第 &P 页，共 &N 页" } : undefined,
  });
  model.columnWidths?.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  model.rows.forEach((cells, r) => {
    const row = ws.getRow(r + 1);
    cells.forEach((cell, c) => {
      if (cell) writeCell(row.getCell(c + 1), cell, styles);
    });
  });
  for (const m of model.merges ?? []) ws.mergeCells(m);
  return ws;
}

/** Loaded on first use: requiring exceljs costs ~0.4 s of CPU that `check` never needs. */
export async function workbookOf(models: readonly SheetModel[]): Promise<ExcelJS.Workbook> {
  const { Workbook } = (await import("exceljs")).default;
  const book = new Workbook();
  book.creator = "工会经费助手 union-books";
  // A fixed date keeps the file reproducible for the same books (no clock in the output).
  book.created = new Date(Date.UTC(2000, 0, 1));
  book.modified = book.created;
  const styles: StyleCache = new Map();
  for (const m of models) addSheet(book, m, styles);
  return book;
}

/**
 * Deflate level 1 rather than JSZip's default 6: on a report with ~50k detail rows the default spent about a
 * second compressing for a file ~25% smaller; the cells, styles and layout inside are the same either way.
 */
const ZIP = { compression: "DEFLATE", compressionOptions: { level: 1 } } as const;

export async function writeXlsx(path: string, models: readonly SheetModel[]): Promise<void> {
  await (await workbookOf(models)).xlsx.writeFile(path, { zip: ZIP } as Partial<ExcelJS.XlsxWriteOptions>);
}
