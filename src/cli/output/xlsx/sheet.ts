/**
 * One SheetModel -> xl/worksheets/sheetN.xml. The detail sheets have tens of thousands of rows, so the per-cell
 * work is kept small: bytes written straight into buffers (./bytes.ts), column letters looked up once per sheet,
 * the cell format remembered per column (a detail column keeps its style and format row after row), and texts
 * put in the shared-string table (one Map lookup).
 */
import type { CellModel, CellStyle, SheetModel } from "../../../core/render/sheet-model";
import { columnLetters, parseRange, type CellRect } from "../../../core/model/a1";
import type { StyleTable } from "./styles";
import { XML_DECL, cellText, escapeXml, needsPreserve, needsXstring } from "./xml";
import { AsciiWriter } from "./bytes";

/** The workbook's text table: each distinct text once, cells refer to it by index (t="s"). */
export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private readonly list: string[] = [];
  /** Number of cells that refer to the table (the sst's count attribute). */
  count = 0;

  get size(): number {
    return this.list.length;
  }

  id(s: string): number {
    this.count++;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      this.list.push(s);
      this.ids.set(s, id);
    }
    return id;
  }

  /** xl/sharedStrings.xml. */
  toBuffer(): Buffer {
    const parts: Buffer[] = [Buffer.from(`${XML_DECL}<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.count}" uniqueCount="${this.list.length}">`, "utf8")];
    let chunk = "";
    for (const s of this.list) {
      chunk += needsPreserve(s) ? `<si><t xml:space="preserve">${cellText(s)}</t></si>` : `<si><t>${cellText(s)}</t></si>`;
      if (chunk.length > 65_536) {
        parts.push(Buffer.from(chunk, "utf8"));
        chunk = "";
      }
    }
    parts.push(Buffer.from(`${chunk}</sst>`, "utf8"));
    return Buffer.concat(parts);
  }
}

/** Texts of a column looked up in the shared-string table before deciding whether the column is written inline. */
const INLINE_SAMPLE = 512;

/** A merged area and the format its master (top-left) cell has: the other cells get it too, as in Excel. */
interface Merge extends CellRect {
  xf: number;
}

function mergesOf(model: SheetModel, styles: StyleTable): Merge[] {
  const out: Merge[] = [];
  for (const m of model.merges ?? []) {
    const rect = parseRange(m);
    if (!rect) throw new Error(`unreadable merged area "${m}" on sheet ${model.name}`);
    const master = model.rows[rect.top - 1]?.[rect.left - 1];
    out.push({ ...rect, xf: master ? styles.xf(master.style, master.fmt || undefined) : 0 });
  }
  return out;
}

/** A cell's value as written: a number, a text, or nothing (a blank cell). */
function hasValue(v: CellModel["v"]): boolean {
  // NaN and ±Infinity have no spelling in a cell value: such a cell is written blank (keeping its format).
  return typeof v === "number" ? Number.isFinite(v) : typeof v === "string" && v !== "";
}

/**
 * The worksheet part for one model. Cells are written into an AsciiWriter; the part's head (which needs the
 * sheet's used range) is put in front once the rows are done.
 */
export function worksheetPart(model: SheetModel, styles: StyleTable, strings: SharedStrings, drawingRelId?: string): Buffer {
  const merges = mergesOf(model, styles);
  let width = 0;
  for (const row of model.rows) if (row.length > width) width = row.length;
  for (const m of merges) if (m.right > width) width = m.right;
  const letters: string[] = [];
  for (let c = 0; c < width; c++) letters.push(columnLetters(c + 1));

  // Per-column memo of the last (style, format) -> xf: detail rows repeat them down each column.
  const memoStyle: (CellStyle | undefined)[] = [];
  const memoFmt: (string | undefined)[] = [];
  const memoXf: number[] = [];
  const xfOf = (cell: CellModel, c: number): number => {
    const style = cell.style;
    const fmt = cell.fmt || undefined;
    if (style === undefined && fmt === undefined) return 0;
    if (memoXf[c] !== undefined && memoStyle[c] === style && memoFmt[c] === fmt) return memoXf[c];
    memoStyle[c] = style;
    memoFmt[c] = fmt;
    return (memoXf[c] = styles.xf(style, fmt));
  };

  // Texts go to the shared-string table, except in a column whose texts are nearly all different: there the
  // table would only add a lookup per cell (and each text is stored once either way), so after a sample of
  // INLINE_SAMPLE texts with fewer than 1 in 10 repeats the column's further texts are written in the cell.
  const inline: (boolean | undefined)[] = [];
  const seen: number[] = [];
  const fresh: number[] = [];
  const decideInline = (c: number, isNew: boolean): void => {
    seen[c] = (seen[c] ?? 0) + 1;
    if (isNew) fresh[c] = (fresh[c] ?? 0) + 1;
    if (seen[c] === INLINE_SAMPLE) inline[c] = (fresh[c] ?? 0) * 10 > INLINE_SAMPLE * 9;
  };

  const w = new AsciiWriter();
  let lastRow = 0;
  let lastCol = 0;
  /** One <c>: "" and null are blank cells, written only when they carry a format (a ruled empty cell). */
  const writeCell = (c: number, row: string, xf: number, v: CellModel["v"]): void => {
    w.ascii('<c r="');
    w.ascii(letters[c]);
    w.ascii(row);
    if (xf !== 0) {
      w.ascii('" s="');
      w.uint(xf);
    }
    if (typeof v === "number" && Number.isFinite(v)) {
      w.ascii('"><v>');
      w.number(v);
      w.ascii("</v></c>");
    } else if (typeof v === "string" && v !== "") {
      if (inline[c] === true && !needsXstring(v)) {
        // A column of texts that hardly repeat (cell references, voucher numbers): written in the cell. A text
        // that needs the _xHHHH_ spelling still goes to the table, where every reader decodes it.
        w.ascii(needsPreserve(v) ? '" t="inlineStr"><is><t xml:space="preserve">' : '" t="inlineStr"><is><t>');
        w.utf8(cellText(v));
        w.ascii("</t></is></c>");
      } else {
        w.ascii('" t="s"><v>');
        const before = strings.size;
        w.uint(strings.id(v));
        if (inline[c] !== false) decideInline(c, strings.size > before);
        w.ascii("</v></c>");
      }
    } else {
      w.ascii('"/>');
    }
    if (c + 1 > lastCol) lastCol = c + 1;
  };

  const plainRow = (cells: readonly (CellModel | undefined)[], r: number): void => {
    let any = false;
    for (let c = 0; c < cells.length && !any; c++) {
      const cell = cells[c];
      any = cell !== undefined && cell !== null && (hasValue(cell.v) || cell.style !== undefined || !!cell.fmt);
    }
    if (!any) return;
    const row = String(r);
    w.ascii('<row r="');
    w.ascii(row);
    w.ascii('">');
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      const xf = xfOf(cell, c);
      if (xf !== 0 || hasValue(cell.v)) writeCell(c, row, xf, cell.v);
    }
    w.ascii("</row>");
    lastRow = r;
  };

  // Rows crossing a merged area (title banners: a handful per sheet) take the slow path: the area's other
  // cells are written empty with the master's format, so borders and fills cover the whole area, and a value
  // under a covered cell is left out (Excel hides it).
  const mergedRow = (cells: readonly (CellModel | undefined)[], r: number, across: Merge[]): void => {
    const xfs: number[] = [];
    const values: CellModel["v"][] = [];
    cells.forEach((cell, c) => {
      if (!cell) return;
      xfs[c] = xfOf(cell, c);
      values[c] = cell.v;
    });
    for (const m of across) {
      for (let c = m.left - 1; c < m.right; c++) {
        if (r === m.top && c === m.left - 1) continue;
        xfs[c] = m.xf;
        values[c] = null;
      }
    }
    const written: number[] = [];
    for (let c = 0; c < xfs.length; c++) if (xfs[c] !== undefined && (xfs[c] !== 0 || hasValue(values[c]))) written.push(c);
    if (written.length === 0) return;
    const row = String(r);
    w.ascii(`<row r="${row}">`);
    for (const c of written) writeCell(c, row, xfs[c], values[c]);
    w.ascii("</row>");
    lastRow = r;
  };

  const rowsWithMerges = new Map<number, Merge[]>();
  for (const m of merges) for (let r = m.top; r <= m.bottom; r++) rowsWithMerges.set(r, [...(rowsWithMerges.get(r) ?? []), m]);
  let rowCount = model.rows.length;
  for (const m of merges) if (m.bottom > rowCount) rowCount = m.bottom;
  for (let i = 0; i < rowCount; i++) {
    const cells = model.rows[i] ?? [];
    const across = rowsWithMerges.get(i + 1);
    if (across) mergedRow(cells, i + 1, across);
    else plainRow(cells, i + 1);
  }
  const body = w.chunks();

  const print = model.print;
  const freeze = model.freezeRows ?? 0;
  const head =
    XML_DECL +
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    (print ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : "") +
    `<dimension ref="${lastRow ? `A1:${columnLetters(Math.max(lastCol, 1))}${lastRow}` : "A1"}"/>` +
    "<sheetViews>" +
    (freeze > 0
      ? `<sheetView workbookViewId="0"><pane ySplit="${freeze}" topLeftCell="A${freeze + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView>`
      : '<sheetView workbookViewId="0"/>') +
    "</sheetViews>" +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    colsXml(model.columnWidths) +
    "<sheetData>";
  const tail =
    "</sheetData>" +
    (merges.length ? `<mergeCells count="${merges.length}">${(model.merges ?? []).map((m) => `<mergeCell ref="${escapeXml(m)}"/>`).join("")}</mergeCells>` : "") +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
    (print
      ? // A4 (paperSize 9), as many pages wide as asked and as tall as needed.
        `<pageSetup paperSize="9" orientation="${print.orientation}" fitToWidth="${print.fitToPagesWide}" fitToHeight="0"/>`
      : "") +
    (print?.pageNumbers ? `<headerFooter><oddFooter>${escapeXml("&C第 &P 页，共 &N 页")}</oddFooter></headerFooter>` : "") +
    (drawingRelId ? `<drawing r:id="${drawingRelId}"/>` : "") +
    "</worksheet>";
  // One copy of the body into the part (a detail sheet's body is ~130 MB at a million ledger rows).
  return Buffer.concat([Buffer.from(head, "utf8"), ...body, Buffer.from(tail, "utf8")]);
}

/** Column widths in characters; runs of equal widths become one <col>. */
function colsXml(widths: readonly number[] | undefined): string {
  if (!widths?.length) return "";
  let xml = "";
  for (let i = 0; i < widths.length; i++) {
    const w = widths[i];
    if (typeof w !== "number" || !(w > 0)) continue;
    let j = i;
    while (j + 1 < widths.length && widths[j + 1] === w) j++;
    xml += `<col min="${i + 1}" max="${j + 1}" width="${w}" customWidth="1"/>`;
    i = j;
  }
  return xml ? `<cols>${xml}</cols>` : "";
}
