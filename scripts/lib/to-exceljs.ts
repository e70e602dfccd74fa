/**
 * Turns the in-memory table into an exceljs workbook that looks hand-made: merged titles, widths, borders,
 * money formats, a frozen header and an A4 print setup. Values are written exactly as the table holds them;
 * only date cells become JS Dates so that Excel shows and stores them as dates.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { serialToDate } from "./excel-serial";
import { numFmtOf, type CellStyle, type TableSheet, type TableWorkbook } from "./sheet-table";

const FONT = "宋体";
const THIN: Partial<ExcelJS.Border> = { style: "thin", color: { argb: "FF808080" } };
const GREY: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFE7E6E6" } };
const PALE: ExcelJS.Fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFF2F2F2" } };

/** A fixed timestamp for document properties and zip entries (JSZip stores UTC), so regenerating gives the same bytes. */
const FIXED_TIME = new Date(Date.UTC(2025, 11, 31, 8, 0, 0));

function styleCell(cell: ExcelJS.Cell, style: CellStyle, bordered: boolean): void {
  const numFmt = numFmtOf(style);
  if (numFmt !== "General") cell.numFmt = numFmt;
  const bold = style === "title" || style === "subtitle" || style === "header" || style === "section" || style === "totalText" || style === "totalMoney";
  const size = style === "title" ? 16 : style === "subtitle" ? 13 : 10;
  cell.font = { name: style === "title" ? "黑体" : FONT, size, bold };
  switch (style) {
    case "title":
    case "subtitle":
    case "header":
    case "center":
      cell.alignment = { horizontal: "center", vertical: "middle", wrapText: style === "header" };
      break;
    case "captionRight":
    case "money":
    case "typedAmount":
    case "totalMoney":
      cell.alignment = { horizontal: "right", vertical: "middle" };
      break;
    case "noteText":
      cell.alignment = { horizontal: "left", vertical: "top", wrapText: true };
      break;
    default:
      cell.alignment = { horizontal: "left", vertical: "middle" };
  }
  if (style === "header") cell.fill = GREY;
  if (style === "section" || style === "totalText" || style === "totalMoney") cell.fill = PALE;
  if (bordered) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
}

function addSheet(book: ExcelJS.Workbook, sheet: TableSheet): void {
  const ws = book.addWorksheet(sheet.name, {
    views: sheet.frozenRows > 0 ? [{ state: "frozen", ySplit: sheet.frozenRows, xSplit: 0 }] : [],
    pageSetup: {
      paperSize: 9, // A4
      orientation: sheet.landscape ? "landscape" : "portrait",
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: sheet.frozenRows > 0 ? `${sheet.tableTopRow}:${sheet.frozenRows}` : undefined,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  });
  ws.columns = sheet.columnWidths.map((width) => ({ width }));
  sheet.cells.forEach((row, r) => {
    const sheetRow = r + 1;
    const bordered = sheetRow >= sheet.tableTopRow && sheetRow <= sheet.tableBottomRow;
    row.forEach((tableCell, c) => {
      if (!tableCell) return;
      const cell = ws.getCell(sheetRow, c + 1);
      const { value, style } = tableCell;
      if (style === "date" && typeof value === "number") cell.value = serialToDate(value);
      else if (value !== "" && value !== null) cell.value = value;
      styleCell(cell, style, bordered);
    });
    if (sheetRow === 1) ws.getRow(sheetRow).height = 28;
  });
  for (const range of sheet.merges) ws.mergeCells(range);
}

export function buildExcelWorkbook(table: TableWorkbook): ExcelJS.Workbook {
  const book = new ExcelJS.Workbook();
  book.creator = "工会经费助手 样例生成器";
  book.lastModifiedBy = "工会经费助手 样例生成器";
  book.created = FIXED_TIME;
  book.modified = FIXED_TIME;
  for (const sheet of table.sheets) addSheet(book, sheet);
  return book;
}

/**
 * The .xlsx bytes, repacked with fixed zip entry dates (exceljs stamps each entry with "now"), so an
 * unchanged sample regenerates to identical bytes and does not churn in git.
 */
export async function toXlsxBuffer(table: TableWorkbook): Promise<Buffer> {
  const raw = await buildExcelWorkbook(table).xlsx.writeBuffer();
  const zip = await JSZip.loadAsync(raw as ArrayBuffer);
  const repacked = new JSZip();
  const names = Object.keys(zip.files).filter((name) => !zip.files[name].dir).sort();
  for (const name of names) {
    repacked.file(name, await zip.files[name].async("uint8array"), { date: FIXED_TIME, createFolders: false });
  }
  return repacked.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 9 } });
}
