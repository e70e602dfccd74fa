/**
 * .xlsx -> WorkbookSnapshot, streaming: the zip is read through its central directory (yauzl, xlsx-zip.ts), each
 * sheet's XML is inflated chunk by chunk (node:zlib) into htmlparser2's tokenizer (xlsx-xml.ts) and only the cell
 * values are kept (xlsx-sheet.ts), so a 1M-row sheet costs its values, not its XML or an object model. The
 * snapshot looks like what Excel's `range.values` gives the pane: dates as serial numbers, formulas as their cached
 * results, errors as "#REF!" text, blanks as "". It is the snapshot exceljs's streaming reader gave before
 * (test/cli/xlsx-reader.test.ts compares the two), except where that reader lost data: UTF-8 characters cut
 * between two inflated chunks (U+FFFD), all but the last run of an inline rich text, CDATA text, and the sheet
 * order of a zip that stores sheets out of the workbook's order (it went by the zip; this reader by the workbook).
 */
import type { SheetSnapshot, WorkbookSnapshot } from "../../core/model/types";
import type { Progress } from "../progress";
import { readSharedStrings, readStyles, readWorkbookPart, readWorkbookRels } from "./xlsx-parts";
import { SheetReader, type SheetContext } from "./xlsx-sheet";
import { parseXml } from "./xlsx-xml";
import { openZip } from "./xlsx-zip";

export interface XlsxReadOptions {
  progress?: Progress;
  /** File size, for the progress bar (bytes of sheet XML are not known up front, so rows are counted). */
  size?: number;
}

/** Worksheet parts as exceljs recognised them (chartsheets and dialog sheets are not read). */
const WORKSHEET_PART = /xl\/worksheets\/sheet(\d+)[.]xml/;

/**
 * The worksheets to read, in the workbook's order (xl/workbook.xml, through its rels), named as there; hidden
 * sheets included. A worksheet part the workbook does not list comes last, named "Sheet<n>" as exceljs did.
 */
function worksheetList(
  names: string[],
  sheets: { name: string; rId: string | undefined }[],
  rels: Map<string, string>,
): { name: string; part: string }[] {
  const parts = names.filter((n) => WORKSHEET_PART.test(n));
  const out: { name: string; part: string }[] = [];
  const taken = new Set<string>();
  for (const sheet of sheets) {
    const part = sheet.rId === undefined ? undefined : rels.get(sheet.rId);
    if (part === undefined || taken.has(part) || !parts.includes(part)) continue;
    taken.add(part);
    out.push({ name: sheet.name, part });
  }
  for (const part of parts) if (!taken.has(part)) out.push({ name: `Sheet${WORKSHEET_PART.exec(part)![1]}`, part });
  return out;
}

/** Reads every worksheet of an .xlsx file. Throws when the file is not a zip or a part is not readable XML. */
export async function readXlsx(path: string, options: XlsxReadOptions = {}): Promise<WorkbookSnapshot> {
  const zip = await openZip(path);
  try {
    const [workbookXml, relsXml, stylesXml] = await Promise.all([
      zip.read("xl/workbook.xml"),
      zip.read("xl/_rels/workbook.xml.rels"),
      zip.read("xl/styles.xml"),
    ]);
    const [workbook, rels, styles] = await Promise.all([
      readWorkbookPart(workbookXml),
      readWorkbookRels(relsXml),
      readStyles(stylesXml),
    ]);
    const sharedStrings = zip.has("xl/sharedStrings.xml")
      ? await readSharedStrings(zip.stream("xl/sharedStrings.xml"))
      : undefined;
    const ctx: SheetContext = {
      sharedStrings,
      styles,
      date1904: workbook.date1904,
      rowsRead: 0,
      onRows: options.progress ? (n) => options.progress!.tick(n) : undefined,
    };
    const sheets: SheetSnapshot[] = [];
    for (const { name, part } of worksheetList(zip.names, workbook.sheets, rels)) {
      const reader = new SheetReader(ctx);
      await parseXml(zip.stream(part), reader, SheetReader.ATTRS);
      sheets.push(reader.snapshot(name));
    }
    return { sheets };
  } finally {
    zip.close();
  }
}
