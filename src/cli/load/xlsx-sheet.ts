/**
 * One worksheet's XML -> SheetSnapshot, cell by cell as exceljs's streaming reader + toCellValue (used before)
 * turned it into values, so the checks see the same snapshot:
 * - dates: a plain number whose style (the cell's `s`, else the row's) has a date format becomes the serial
 *   exceljs gets by a round trip through a JS Date (rounded to the millisecond; a 1904 workbook's serials
 *   shifted to the 1900 system), and its format goes to numberFormats;
 * - formulas: the cached result. exceljs kept a formula's result only when it was truthy, so a formula whose
 *   cached result is 0, "" or an error reads as ""; a formula without text (a shared formula's other cells)
 *   keeps any result, with an error result as "#VALUE!";
 * - error cells as their text ("#REF!"), booleans, shared strings, inline strings; the text of `t="str"` and
 *   inline strings is entity-decoded a second time (exceljs did: "&amp;lt;" reads as "<");
 * - rows as numbered (missing rows are blank rows), each row as long as its last <c>, all padded to the widest.
 * Where exceljs lost data on unusual files this reader does not: inline rich text keeps all its runs, phonetic
 * guides are not text, and cells or rows without an r attribute follow the previous one.
 */
import type { CellValue, SheetSnapshot } from "../../core/model/types";
import type { Styles } from "./xlsx-parts";
import type { XmlAttrs, XmlHandler } from "./xlsx-xml";

export interface SheetContext {
  /** undefined when the workbook has no shared strings part. */
  sharedStrings: string[] | undefined;
  styles: Styles;
  date1904: boolean;
  /** Called with the number of rows read so far (all sheets), every 5000 rows. */
  onRows?: (rowsRead: number) => void;
  rowsRead: number;
}

/** Cell types (the `t` attribute) the value depends on. */
const enum T {
  Number, // absent, "n", "d" and anything unknown: parseFloat
  Shared, // s
  Str, // str
  Inline, // inlineStr
  Error, // e
  Bool, // b
}

/** The `t` attribute's values; anything else reads as a number (exceljs: parseFloat). */
const TYPES = new Map<string, T>([
  ["s", T.Shared],
  ["str", T.Str],
  ["inlineStr", T.Inline],
  ["e", T.Error],
  ["b", T.Bool],
]);

const enum Target {
  None,
  V,
  F,
  T,
}

/** exceljs's utils.xmlDecode, applied to str/inlineStr text after the parser already decoded it. */
function xmlDecodeAgain(s: string): string {
  if (!s.includes("&")) return s;
  return s.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case "&lt;":
        return "<";
      case "&gt;":
        return ">";
      case "&amp;":
        return "&";
      case "&apos;":
        return "'";
      case "&quot;":
        return '"';
      default:
        return c;
    }
  });
}

/** Serial -> JS Date -> serial as exceljs + dateToSerial did (NaN outside the Date range). */
function dateSerial(v: number, date1904: boolean): number {
  const ms = Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000);
  return new Date(ms).getTime() / 86_400_000 + 25_569;
}

const MERGE_REF = /^[A-Z]+\d+(?::[A-Z]+\d+)?$/;

/** The column (0-based) of a cell reference "B12" (or "$B$12") from its letters; -1 when it has none. */
function columnOf(text: string, start: number, end: number): number {
  let c = 0;
  for (let k = start; k < end; k++) {
    const ch = text.charCodeAt(k);
    if (ch >= 0x41 && ch <= 0x5a) c = c * 26 + ch - 64;
    else if (ch !== 0x24) break;
  }
  return c - 1;
}

/** A style index as parseInt(s, 10) || 0 reads it. */
function styleOf(text: string, start: number, end: number): number {
  let s = 0;
  let k = start;
  for (; k < end; k++) {
    const ch = text.charCodeAt(k);
    if (ch < 0x30 || ch > 0x39) break;
    s = s * 10 + ch - 0x30;
  }
  return k === end ? s : parseInt(text.slice(start, end), 10) || 0;
}

/** The cell type of a `t` value. */
function typeOf(text: string, start: number, end: number): T {
  const len = end - start;
  if (len === 1) {
    const ch = text.charCodeAt(start);
    return ch === 0x73 ? T.Shared : ch === 0x65 ? T.Error : ch === 0x62 ? T.Bool : T.Number;
  }
  return len === 3 || len === 9 ? (TYPES.get(text.slice(start, end)) ?? T.Number) : T.Number;
}

export class SheetReader implements XmlHandler {
  collect = false;
  readonly values: CellValue[][] = [];
  private readonly formats: string[][] = [];
  private hasFormats = false;
  private width = 0;
  private readonly merges: string[] = [];

  private inSheetData = false;
  private inRow = false;
  private rowIndex = -1;
  private rowStyle: ReturnType<Styles["style"]> = null;
  private cells: CellValue[] = [];

  private inCell = false;
  private col = -1;
  private cellStyleId = 0;
  private cellType = T.Number;
  private hasF = false;
  private formulaText = false;
  private hasV = false;
  /** The text of <v> (or of <t> in an inline string). */
  private value = "";
  private target = Target.None;
  private phonetic = 0;

  constructor(private readonly ctx: SheetContext) {}

  /** The elements whose attributes the reader needs. */
  static readonly ATTRS = ["c", "row", "mergeCell"];

  open(name: string, a: XmlAttrs): void {
    switch (name) {
      case "c":
        if (this.inRow) this.openCell(a);
        return;
      case "v":
        if (this.inCell) {
          this.hasV = true;
          this.value = "";
          this.target = Target.V;
          this.collect = true;
        }
        return;
      case "f":
        if (this.inCell) {
          this.hasF = true;
          this.target = Target.F;
          this.collect = true;
        }
        return;
      case "is":
        if (this.inCell) this.resetValue();
        return;
      case "t":
        if (this.inCell && !this.phonetic) {
          if (!this.hasV) this.resetValue();
          this.target = Target.T;
          this.collect = true;
        }
        return;
      case "rPh":
        if (this.inCell) this.phonetic++;
        return;
      case "row":
        if (this.inSheetData) this.openRow(a);
        return;
      case "sheetData":
        this.inSheetData = true;
        return;
      case "mergeCell": {
        const ref = a.get("ref");
        if (ref && MERGE_REF.test(ref)) this.merges.push(ref);
        return;
      }
    }
  }

  close(name: string): void {
    switch (name) {
      case "c":
        if (this.inCell) this.closeCell();
        return;
      case "v":
      case "f":
      case "t":
        this.target = Target.None;
        this.collect = false;
        return;
      case "rPh":
        if (this.phonetic) this.phonetic--;
        return;
      case "row":
        if (this.inRow) this.closeRow();
        return;
      case "sheetData":
        this.inSheetData = false;
        return;
    }
  }

  text(piece: string): void {
    switch (this.target) {
      case Target.V:
      case Target.T:
        this.value = this.value === "" ? piece : this.value + piece;
        return;
      case Target.F:
        if (piece !== "") this.formulaText = true;
        return;
    }
  }

  private resetValue(): void {
    this.hasV = true;
    this.value = "";
  }

  private openRow(a: XmlAttrs): void {
    const r = parseInt(a.get("r") ?? "", 10);
    const style = a.get("s");
    this.rowIndex = r >= 1 ? r - 1 : this.rowIndex + 1;
    // exceljs gave a row's cells the row's style when <row> has an s attribute (even s="0").
    this.rowStyle = style !== undefined ? this.ctx.styles.style(parseInt(style, 10)) : null;
    this.cells = [];
    this.col = -1;
    this.inRow = true;
  }

  private closeRow(): void {
    const cells = this.cells;
    this.values[this.rowIndex] = cells;
    if (cells.length > this.width) this.width = cells.length;
    this.inRow = false;
    this.inCell = false;
    const ctx = this.ctx;
    if (++ctx.rowsRead % 5000 === 0) ctx.onRows?.(ctx.rowsRead);
  }

  private openCell(a: XmlAttrs): void {
    let col = -1;
    let styleId = 0;
    let type = T.Number;
    // Read from the text as written (no string per attribute); a value with an entity, tab or line end is decoded.
    for (let i = 0; i < a.count; i++) {
      const name = a.names[i];
      if (name !== "r" && name !== "s" && name !== "t") continue;
      if (!a.plain(i)) {
        const v = a.value(i);
        if (name === "r") col = columnOf(v, 0, v.length);
        else if (name === "s") styleId = parseInt(v, 10) || 0;
        else type = TYPES.get(v) ?? T.Number;
        continue;
      }
      const src = a.src[i];
      const start = a.start[i];
      const end = a.end[i];
      if (name === "r") col = columnOf(src, start, end);
      else if (name === "s") styleId = styleOf(src, start, end);
      else type = typeOf(src, start, end);
    }
    this.col = col >= 0 ? col : this.col + 1;
    this.cellStyleId = styleId;
    this.cellType = type;
    this.hasF = false;
    this.formulaText = false;
    this.hasV = false;
    this.value = "";
    this.phonetic = 0;
    this.inCell = true;
  }

  private closeCell(): void {
    this.inCell = false;
    this.target = Target.None;
    this.collect = false;
    let value: CellValue = "";
    let dateFormat: string | undefined;
    if (this.hasF) {
      if (this.hasV) {
        const result = this.cellType === T.Str ? xmlDecodeAgain(this.value) : parseFloat(this.value);
        if (this.formulaText) value = result || "";
        else value = typeof result === "number" && Number.isNaN(result) ? "#VALUE!" : result;
      }
    } else if (this.hasV) {
      switch (this.cellType) {
        case T.Shared: {
          const s = this.ctx.sharedStrings?.[parseInt(this.value, 10)];
          value = s ?? "";
          break;
        }
        case T.Str:
        case T.Inline:
          value = xmlDecodeAgain(this.value);
          break;
        case T.Error:
          value = this.value;
          break;
        case T.Bool:
          value = parseInt(this.value, 10) !== 0;
          break;
        default: {
          const n = parseFloat(this.value);
          const style = this.cellStyleId ? this.ctx.styles.style(this.cellStyleId) : null;
          const fmt = style ? style.numFmt : this.rowStyle?.numFmt;
          if (fmt && (style ? style.isDate : this.rowStyle!.isDate)) {
            value = dateSerial(n, this.ctx.date1904);
            dateFormat = fmt;
          } else value = Number.isNaN(n) ? "#VALUE!" : n;
        }
      }
    }
    const c = this.col;
    const cells = this.cells;
    while (cells.length < c) cells.push("");
    cells[c] = value;
    if (dateFormat !== undefined) {
      (this.formats[this.rowIndex] ??= [])[c] = dateFormat;
      this.hasFormats = true;
    }
  }

  /** The snapshot once the part has been read. */
  snapshot(name: string): SheetSnapshot {
    const { values, width, formats } = this;
    // Rows absent from the XML are blank rows; a rectangle of "" like range.values.
    for (let r = 0; r < values.length; r++) {
      const row = (values[r] ??= []);
      while (row.length < width) row.push("");
    }
    const snapshot: SheetSnapshot = { name, values };
    if (this.hasFormats) {
      for (let r = 0; r < values.length; r++) formats[r] ??= [];
      snapshot.numberFormats = formats;
    }
    if (this.merges.length) snapshot.merges = this.merges;
    return snapshot;
  }
}
