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

/** How each style looks; the pane's adapter uses the same intent (bold titles, shaded headers, ruled totals). */
function applyStyle(cell: ExcelJS.Cell, style: CellStyle | undefined): void {
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

function writeCell(cell: ExcelJS.Cell, model: CellModel): void {
  // "" is a blank cell in Excel: write nothing rather than an empty string.
  if (model.v !== null && model.v !== undefined && model.v !== "") cell.value = model.v;
  if (model.fmt) cell.numFmt = model.fmt;
  applyStyle(cell, model.style);
}

/** Adds one SheetModel as a worksheet. */
export function addSheet(book: ExcelJS.Workbook, model: SheetModel): ExcelJS.Worksheet {
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
      if (cell) writeCell(row.getCell(c + 1), cell);
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
  for (const m of models) addSheet(book, m);
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
