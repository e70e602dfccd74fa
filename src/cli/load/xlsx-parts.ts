/**
 * The workbook-level parts of an .xlsx, read the way exceljs's streaming reader (used before) read them, so the
 * snapshot stays the same: sheet names from xl/workbook.xml + its rels, the 1904 date system, number formats of
 * the cell styles (to tell a date serial from a number) and the shared strings (rich text runs joined).
 */
import { parseXml, type XmlHandler } from "./xlsx-xml";

export interface WorkbookPart {
  sheets: { name: string; rId: string | undefined }[];
  /** <workbookPr date1904="1"/> (exceljs accepted only "1"). */
  date1904: boolean;
}

export async function readWorkbookPart(xml: Buffer | undefined): Promise<WorkbookPart> {
  const part: WorkbookPart = { sheets: [], date1904: false };
  if (!xml) return part;
  await parseXml(
    xml,
    {
      collect: false,
      open(name, a) {
        if (name === "sheet") {
          // r:id in the relationships namespace; the prefix is usually "r".
          let rId = a.get("r:id");
          for (let i = 0; rId === undefined && i < a.count; i++) if (a.names[i].endsWith(":id")) rId = a.value(i);
          part.sheets.push({ name: a.get("name") ?? "", rId });
        } else if (name === "workbookPr") {
          part.date1904 = a.get("date1904") === "1";
        }
      },
      close() {},
      text() {},
    },
    ["sheet", "workbookPr"],
  );
  return part;
}

/** Relationship id -> part path inside the zip ("rId3" -> "xl/worksheets/sheet1.xml"). */
export async function readWorkbookRels(xml: Buffer | undefined): Promise<Map<string, string>> {
  const rels = new Map<string, string>();
  if (!xml) return rels;
  await parseXml(
    xml,
    {
      collect: false,
      open(name, a) {
        if (name !== "Relationship") return;
        const id = a.get("Id");
        const target = a.get("Target");
        if (id !== undefined && target !== undefined) rels.set(id, resolveTarget(target));
      },
      close() {},
      text() {},
    },
    ["Relationship"],
  );
  return rels;
}

/** A workbook relationship's Target: relative to xl/, or absolute from the package root ("/xl/..."). */
function resolveTarget(target: string): string {
  const parts = target.startsWith("/") ? [] : ["xl"];
  for (const seg of target.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") parts.pop();
    else parts.push(seg);
  }
  return parts.join("/");
}

/** Built-in number formats exceljs knows a format code for (the others, e.g. 27-36 and 50-58, have none). */
const BUILTIN_FORMATS: Record<number, string> = {
  0: "General",
  1: "0",
  2: "0.00",
  3: "#,##0",
  4: "#,##0.00",
  9: "0%",
  10: "0.00%",
  11: "0.00E+00",
  12: "# ?/?",
  13: "# ??/??",
  14: "mm-dd-yy",
  15: "d-mmm-yy",
  16: "d-mmm",
  17: "mmm-yy",
  18: "h:mm AM/PM",
  19: "h:mm:ss AM/PM",
  20: "h:mm",
  21: "h:mm:ss",
  22: 'm/d/yy "h":mm',
  37: "#,##0 ;(#,##0)",
  38: "#,##0 ;[Red](#,##0)",
  39: "#,##0.00 ;(#,##0.00)",
  40: "#,##0.00 ;[Red](#,##0.00)",
  45: "mm:ss",
  46: "[h]:mm:ss",
  47: "mmss.0",
  48: "##0.0E+0",
  49: "@",
};

/** exceljs's test for a date format: y m d h s b outside quotes and [brackets]. */
export function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  return /[ymdhMsb]+/.test(fmt.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));
}

/** A cell style (cellXfs entry) as far as values care: its number format and whether that is a date format. */
export interface CellStyle {
  numFmt: string | undefined;
  isDate: boolean;
}

export interface Styles {
  /** The style with this index, or null when there is none (exceljs's getStyleModel). */
  style(id: number): CellStyle | null;
}

/** No styles.xml: exceljs's default style manager has only style 0, without a number format. */
const NO_STYLES: Styles = { style: (id) => (id === 0 ? { numFmt: undefined, isDate: false } : null) };

export async function readStyles(xml: Buffer | undefined): Promise<Styles> {
  if (!xml) return NO_STYLES;
  const formats = new Map<number, string>();
  const xfNumFmtIds: number[] = [];
  let section = "";
  await parseXml(
    xml,
    {
      collect: false,
      open(name, a) {
        if (name === "numFmts" || name === "cellXfs") section = name;
        else if (name === "numFmt" && section === "numFmts") {
          const code = a.get("formatCode");
          // exceljs drops the backslash of escaped characters (\- -> -); the numberFormats keep that form.
          if (code !== undefined) formats.set(parseInt(a.get("numFmtId") ?? "", 10), code.replace(/[\\](.)/g, "$1"));
        } else if (name === "xf" && section === "cellXfs") {
          xfNumFmtIds.push(parseInt(a.get("numFmtId") ?? "", 10));
        }
      },
      close(name) {
        if (name === section) section = "";
      },
      text() {},
    },
    ["numFmt", "xf"],
  );
  const cache: (CellStyle | undefined)[] = [];
  return {
    style(id) {
      if (!(id >= 0 && id < xfNumFmtIds.length)) return null;
      let s = cache[id];
      if (!s) {
        const fmtId = xfNumFmtIds[id];
        // exceljs: `if (style.numFmtId)`, so 0 and a missing id give no format.
        const numFmt = fmtId ? (formats.get(fmtId) || BUILTIN_FORMATS[fmtId]) || undefined : undefined;
        s = cache[id] = { numFmt, isDate: isDateFormat(numFmt) };
      }
      return s;
    },
  };
}

/**
 * Shared strings, streamed (a big workbook's table can be tens of MB). Rich text: the runs' texts joined, as
 * exceljs's richText did; phonetic guides (<rPh>) are not part of the text.
 */
export async function readSharedStrings(chunks: AsyncIterable<Buffer>): Promise<string[]> {
  const strings: string[] = [];
  let text = "";
  let runs: string[] | null = null;
  let runText = "";
  let inRun = false;
  let phonetic = 0;
  const handler: XmlHandler = {
    collect: false,
    open(name) {
      switch (name) {
        case "si":
          text = "";
          runs = null;
          break;
        case "r":
          if (phonetic) break;
          inRun = true;
          runText = "";
          break;
        case "rPh":
          phonetic++;
          break;
        case "t":
          if (!phonetic) handler.collect = true;
          break;
      }
    },
    close(name) {
      switch (name) {
        case "t":
          handler.collect = false;
          break;
        case "r":
          if (phonetic) break;
          (runs ??= []).push(runText);
          inRun = false;
          break;
        case "rPh":
          phonetic--;
          break;
        case "si":
          strings.push(runs ? runs.join("") : text);
          break;
      }
    },
    text(piece) {
      if (inRun) runText += piece;
      else text += piece;
    },
  };
  await parseXml(chunks, handler);
  return strings;
}
