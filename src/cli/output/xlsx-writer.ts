/**
 * SheetModel[] -> a NEW .xlsx file, the same models the pane writes into Excel: values, number formats, styles,
 * merges, column widths, frozen rows and print setup (A4, fit to width, repeated title rows, page numbers).
 *
 * Written straight as SpreadsheetML (./xlsx/) rather than through exceljs: exceljs's in-memory workbook built a
 * Row/Cell object and a style model per cell and its XML as many small strings, ~4 s (and most of the 820 MB
 * peak) for the ~55k detail rows of a 100k-row ledger; its streaming writer was hardly faster and cannot write
 * print titles. Here each sheet's XML is written row by row from the models into byte buffers, texts go into one
 * shared-string table, one cell format (xf) per distinct (style, number format), and yazl zips the parts
 * (deflated by node:zlib on the thread pool while the next sheet is written).
 * Charts (ChartModel) are not written; the pane adds them in Excel.
 */
import type { SheetModel } from "../../core/render/sheet-model";
import { StyleTable } from "./xlsx/styles";
import { SharedStrings, worksheetPart } from "./xlsx/sheet";
import { XlsxZip } from "./xlsx/zip";
import { THEME_XML } from "./xlsx/theme";
import { appPropsXml, contentTypesXml, corePropsXml, rootRelsXml, workbookRelsXml, workbookXml } from "./xlsx/package";

const utf8 = (s: string): Buffer => Buffer.from(s, "utf8");

function xlsxZip(models: readonly SheetModel[]): XlsxZip {
  const zip = new XlsxZip();
  zip.add("[Content_Types].xml", utf8(contentTypesXml(models.length, [])));
  zip.add("_rels/.rels", utf8(rootRelsXml()));
  zip.add("docProps/app.xml", utf8(appPropsXml(models)));
  zip.add("docProps/core.xml", utf8(corePropsXml()));
  zip.add("xl/workbook.xml", utf8(workbookXml(models)));
  zip.add("xl/_rels/workbook.xml.rels", utf8(workbookRelsXml(models.length)));
  zip.add("xl/theme/theme1.xml", utf8(THEME_XML));
  const styles = new StyleTable();
  const strings = new SharedStrings();
  models.forEach((model, i) => {
    zip.add(`xl/worksheets/sheet${i + 1}.xml`, worksheetPart(model, styles, strings));
  });
  // The styles and the text table are complete only once every sheet is written.
  zip.add("xl/styles.xml", utf8(styles.toXml()));
  zip.add("xl/sharedStrings.xml", strings.toBuffer());
  return zip;
}

/** The .xlsx file's bytes. */
export function xlsxBytes(models: readonly SheetModel[]): Promise<Buffer> {
  return xlsxZip(models).bytes();
}

export function writeXlsx(path: string, models: readonly SheetModel[]): Promise<void> {
  return xlsxZip(models).writeTo(path);
}
