/**
 * The package parts around the sheets: [Content_Types].xml, relationships, workbook.xml (sheet list and the
 * `_xlnm.Print_Titles` names that repeat title rows on every printed page) and document properties.
 */
import type { SheetModel } from "../../../core/render/sheet-model";
import { XML_DECL, escapeXml } from "./xml";
import { absoluteRows } from "../../../core/model/a1";

const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument";

/** A fixed date keeps the file reproducible for the same books (no clock in the output). */
const CREATED = "2000-01-01T00:00:00Z";
export const CREATOR = "工会经费助手 union-books";

export interface ExtraPart {
  /** Path inside the package, e.g. "xl/charts/chart1.xml". */
  path: string;
  contentType: string;
}

export function contentTypesXml(sheetCount: number, extra: readonly ExtraPart[]): string {
  let overrides = `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>`;
  for (let i = 1; i <= sheetCount; i++) overrides += `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`;
  for (const p of extra) overrides += `<Override PartName="/${p.path}" ContentType="${p.contentType}"/>`;
  return (
    XML_DECL +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    overrides +
    `<Override PartName="/xl/theme/theme1.xml" ContentType="${CT}.theme+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/>` +
    "</Types>"
  );
}

export function rootRelsXml(): string {
  return (
    XML_DECL +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
    "</Relationships>"
  );
}

/** Sheet i (0-based) has relationship id rId{i+1}; styles, theme and shared strings come after the sheets. */
export function workbookRelsXml(sheetCount: number): string {
  let rels = "";
  for (let i = 1; i <= sheetCount; i++) rels += `<Relationship Id="rId${i}" Type="${REL}/worksheet" Target="worksheets/sheet${i}.xml"/>`;
  return (
    XML_DECL +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    rels +
    `<Relationship Id="rId${sheetCount + 1}" Type="${REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheetCount + 2}" Type="${REL}/theme" Target="theme/theme1.xml"/>` +
    `<Relationship Id="rId${sheetCount + 3}" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    "</Relationships>"
  );
}

/** 'name' quoted for a formula: a quote inside is doubled. */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function workbookXml(models: readonly SheetModel[]): string {
  const sheets = models.map((m, i) => `<sheet name="${escapeXml(m.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("");
  const names = models
    .map((m, i) =>
      m.print?.repeatRows
        ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeXml(`${quotedSheet(m.name)}!${absoluteRows(m.print.repeatRows)}`)}</definedName>`
        : "",
    )
    .join("");
  return (
    XML_DECL +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_R}">` +
    '<workbookPr defaultThemeVersion="164011"/>' +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    `<sheets>${sheets}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : "") +
    '<calcPr calcId="171027"/>' +
    "</workbook>"
  );
}

export function corePropsXml(): string {
  return (
    XML_DECL +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    `<dc:creator>${escapeXml(CREATOR)}</dc:creator>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${CREATED}</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${CREATED}</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

export function appPropsXml(models: readonly SheetModel[]): string {
  const titles = models.map((m) => `<vt:lpstr>${escapeXml(m.name)}</vt:lpstr>`).join("");
  return (
    XML_DECL +
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
    "<Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>" +
    `<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>${models.length}</vt:i4></vt:variant></vt:vector></HeadingPairs>` +
    `<TitlesOfParts><vt:vector size="${models.length}" baseType="lpstr">${titles}</vt:vector></TitlesOfParts>` +
    "<LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged>" +
    "</Properties>"
  );
}
