/**
 * REFERENCE for the tests: the .xlsx loader as it was before the purpose-built reader (src/cli/load/xlsx.ts),
 * kept verbatim so the property test can compare the two on generated workbooks.
 *
 * .xlsx -> WorkbookSnapshot with exceljs's STREAMING reader: rows arrive one at a time and only their values are
 * kept, so a 1M-row sheet costs its values, not exceljs's object model. The snapshot looks like what Excel's
 * `range.values` gives the pane: dates as serial numbers, formulas as their cached results, errors as "#REF!"
 * text, blanks as "". Merged areas are read from the sheet XML (the streaming reader skips them).
 */
// Loaded on first use: requiring exceljs costs ~0.4 s of CPU, which a CSV check should not pay.
const loadExcelJs = async () => (await import("exceljs")).default;
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/types";
import type { Progress } from "../../src/cli/progress";

/** Excel serial of a JS Date as exceljs builds it (UTC midnight = whole serial). */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/** One exceljs cell value -> the value Excel's range.values would show. */
export function toCellValue(value: unknown): CellValue {
  if (value === null || value === undefined) return "";
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      // A formula whose cached result is an error arrives as NaN from the streaming reader.
      return Number.isNaN(value) ? "#VALUE!" : value;
    case "object": {
      if (value instanceof Date) return dateToSerial(value);
      const o = value as Record<string, unknown>;
      if ("error" in o) return String(o.error);
      if ("result" in o) return toCellValue(o.result);
      if ("formula" in o || "sharedFormula" in o) return ""; // a formula never calculated: Excel would show 0 or "", we cannot know
      if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((r) => r.text).join("");
      if ("text" in o) return String(o.text); // hyperlinks
      return "";
    }
    default:
      return String(value);
  }
}

/**
 * Wraps a worksheet's XML byte stream to pick up `<mergeCell ref="A1:F1"/>`: they come after <sheetData>, so
 * scanning each chunk with Buffer.indexOf (native, fast) costs nothing measurable. A short tail of the previous
 * chunk is kept so a tag cut between two chunks is still found.
 */
async function* tapMerges(source: AsyncIterable<Buffer | string>, merges: string[]): AsyncGenerator<Buffer | string> {
  const TAG = "<mergeCell ";
  let tail = "";
  for await (const chunk of source) {
    yield chunk;
    const buf = typeof chunk === "string" ? Buffer.from(chunk) : chunk;
    if (buf.indexOf(TAG) < 0 && !(tail + buf.subarray(0, 64).toString("latin1")).includes(TAG)) {
      tail = buf.subarray(Math.max(0, buf.length - 64)).toString("latin1");
      continue;
    }
    const text = tail + buf.toString("latin1"); // refs are ASCII
    const re = /<mergeCell\s+ref="([A-Z]+\d+(?::[A-Z]+\d+)?)"/g;
    let m: RegExpExecArray | null;
    let end = 0;
    while ((m = re.exec(text))) {
      merges.push(m[1]);
      end = re.lastIndex;
    }
    // Keep what follows the last complete tag (never a tag already counted), at most 64 characters.
    tail = text.slice(Math.max(end, text.length - 64));
  }
}

export interface XlsxReadOptions {
  progress?: Progress;
  /** File size, for the progress bar (bytes of sheet XML are not known up front, so rows are counted). */
  size?: number;
}

/** Reads every worksheet of an .xlsx file. Throws (with exceljs's message) when the file is not a workbook. */
export async function readXlsxWithExcelJs(path: string, options: XlsxReadOptions = {}): Promise<WorkbookSnapshot> {
  const ExcelJS = await loadExcelJs();
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "cache", // needed to tell a date serial from a plain number
    worksheets: "emit",
    entries: "ignore",
  });
  const sheets: SheetSnapshot[] = [];
  let rowsRead = 0;
  for await (const ws of reader as unknown as AsyncIterable<any>) {
    const merges: string[] = [];
    ws.iterator = tapMerges(ws.iterator, merges);
    const values: CellValue[][] = [];
    const formats: string[][] = [];
    let hasFormats = false;
    let width = 0;
    for await (const row of ws as AsyncIterable<any>) {
      const r = row.number - 1;
      const cells: CellValue[] = [];
      // row._cells is exceljs's sparse cell list (index = column - 1); reading it avoids building row.values.
      const rowCells: any[] = row._cells;
      for (let c = 0; c < rowCells.length; c++) {
        const cell = rowCells[c];
        if (!cell) {
          cells.push("");
          continue;
        }
        const v = cell.value;
        cells.push(toCellValue(v));
        if (v instanceof Date) {
          // Keep the date format so the reader knows this number is a date (only date cells: saves memory).
          (formats[r] ??= [])[c] = cell.numFmt ?? "yyyy-mm-dd";
          hasFormats = true;
        }
      }
      if (cells.length > width) width = cells.length;
      values[r] = cells;
      if (++rowsRead % 5000 === 0) options.progress?.tick(rowsRead);
    }
    // Rows absent from the XML are blank rows; a rectangle of "" like range.values.
    for (let r = 0; r < values.length; r++) {
      const row = (values[r] ??= []);
      while (row.length < width) row.push("");
    }
    const snapshot: SheetSnapshot = { name: ws.name, values };
    if (hasFormats) {
      for (let r = 0; r < values.length; r++) formats[r] ??= [];
      snapshot.numberFormats = formats;
    }
    if (merges.length) snapshot.merges = merges;
    sheets.push(snapshot);
  }
  return { sheets };
}
