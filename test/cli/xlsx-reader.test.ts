/**
 * The purpose-built .xlsx reader (src/cli/load/xlsx*.ts) against the exceljs streaming reader it replaced
 * (test/cli/xlsx-exceljs-reference.ts): the same snapshot for generated workbooks written by exceljs (both its
 * writers), plus hand-written XML for what exceljs never writes (inline strings, shared formulas, prefixes...).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isDeepStrictEqual } from "node:util";
import ExcelJS from "exceljs";
import fc from "fast-check";
import JSZip from "jszip";
import type { CellValue, WorkbookSnapshot } from "../../src/core/model/types";
import { readXlsx } from "../../src/cli/load/xlsx";
import { parseXml, type XmlAttrs, type XmlHandler } from "../../src/cli/load/xlsx-xml";
import { readXlsxWithExcelJs } from "./xlsx-exceljs-reference";

// exceljs's own second entity decoding of inline strings (lib/utils/utils.js).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { xmlDecode } = require("exceljs/lib/utils/utils") as { xmlDecode: (s: string) => string };

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "union-books-xlsx-reader-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// ---------------------------------------------------------------------------------------------------------------
// Generated workbooks

type GenCell =
  | { kind: "string"; value: string }
  | { kind: "number"; value: number; numFmt?: string }
  | { kind: "date"; value: Date; numFmt?: string }
  | { kind: "boolean"; value: boolean }
  | { kind: "formula"; formula: string; result?: number | string | { error: string } }
  | { kind: "error"; value: string }
  | { kind: "rich"; runs: string[] }
  | { kind: "link"; text: string }
  | { kind: "empty" };

interface GenSheet {
  name: string;
  hidden: boolean;
  rows: { index: number; cells: { col: number; cell: GenCell }[]; dateRow: boolean }[];
  merges: string[];
}

const chars = [..."ab Z09中文工会经费领取人<>&\"';#=-.\n\r\t"];
const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(...chars), maxLength: 12 }),
  fc.constantFrom("&amp;", "&lt;b&gt;", "&#x4E2D;", "a&quot;b", "记-0000001", "  两端空格  ", "职工活动支出—文体活动费"),
);
const numFmts = ["yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "yyyy-mm-dd hh:mm:ss", "0.00", "#,##0.00", "@", "m/d/yy"];
const genCell: fc.Arbitrary<GenCell> = fc.oneof(
  text.map((value) => ({ kind: "string" as const, value })),
  fc
    .tuple(
      fc.oneof(
        fc.integer({ min: -1e9, max: 1e9 }),
        fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }),
        fc.constantFrom(0, 0.1, 1e-7, 2255.43, -6.73, 123456789.123456, 45658, 45658.5, 1e21),
      ),
      fc.option(fc.constantFrom(...numFmts), { nil: undefined }),
    )
    .map(([value, numFmt]) => ({ kind: "number" as const, value, numFmt })),
  fc
    .tuple(
      fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2100, 0, 1)), noInvalidDate: true }),
      fc.option(fc.constantFrom("yyyy-mm-dd", 'yyyy"年"m"月"d"日"', "yyyy-mm-dd hh:mm"), { nil: undefined }),
    )
    .map(([value, numFmt]) => ({ kind: "date" as const, value, numFmt })),
  fc.boolean().map((value) => ({ kind: "boolean" as const, value })),
  fc
    .option(
      fc.oneof(
        fc.constantFrom(0, 1500, -2.5),
        text,
        fc.constantFrom("#DIV/0!", "#N/A").map((error) => ({ error })),
      ),
      { nil: undefined },
    )
    .map((result) => ({ kind: "formula" as const, formula: "A1*2", result })),
  fc.constantFrom("#REF!", "#N/A", "#VALUE!").map((value) => ({ kind: "error" as const, value })),
  fc.array(text, { minLength: 1, maxLength: 3 }).map((runs) => ({ kind: "rich" as const, runs })),
  text.map((t) => ({ kind: "link" as const, text: t })),
  fc.constant({ kind: "empty" as const }),
);

const genSheet = (name: string): fc.Arbitrary<GenSheet> =>
  fc.record({
    name: fc.constant(name),
    hidden: fc.boolean(),
    rows: fc
      .uniqueArray(
        fc.record({
          index: fc.integer({ min: 1, max: 40 }),
          cells: fc.uniqueArray(fc.record({ col: fc.integer({ min: 1, max: 9 }), cell: genCell }), {
            maxLength: 7,
            selector: (c) => c.col,
          }),
          dateRow: fc.boolean(),
        }),
        { maxLength: 14, selector: (r) => r.index },
      )
      .map((rows) => rows.sort((a, b) => a.index - b.index)),
    // Disjoint areas, so any subset can be merged.
    merges: fc.subarray(["A1:B1", "C3:D4", "F10:F12"]),
  });

const genWorkbook = fc
  .uniqueArray(fc.constantFrom("明细账", "经费预算", "收&支", "Sheet A", "O'Brien", "说明"), { minLength: 1, maxLength: 3 })
  .chain((names) => fc.tuple(...names.map(genSheet)));

function cellValue(cell: GenCell): ExcelJS.CellValue {
  switch (cell.kind) {
    case "string":
    case "number":
    case "date":
    case "boolean":
      return cell.value;
    case "formula":
      return cell.result === undefined
        ? ({ formula: cell.formula } as ExcelJS.CellFormulaValue)
        : ({ formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue);
    case "error":
      return { error: cell.value } as ExcelJS.CellErrorValue;
    case "rich":
      return { richText: cell.runs.map((t, i) => (i % 2 ? { text: t, font: { bold: true } } : { text: t })) };
    case "link":
      return { text: cell.text, hyperlink: "https://example.org/" };
    case "empty":
      return null;
  }
}

function fill(ws: ExcelJS.Worksheet, sheet: GenSheet, commit: boolean): void {
  for (const row of sheet.rows) {
    const r = ws.getRow(row.index);
    if (row.dateRow) r.numFmt = "yyyy-mm-dd";
    for (const { col, cell } of row.cells) {
      const c = r.getCell(col);
      c.value = cellValue(cell);
      if ((cell.kind === "number" || cell.kind === "date") && cell.numFmt) c.numFmt = cell.numFmt;
    }
    if (commit) r.commit();
  }
}

async function writeInMemory(sheets: GenSheet[], file: string): Promise<void> {
  const book = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name, { state: s.hidden ? "hidden" : "visible" });
    fill(ws, s, false);
    for (const m of s.merges) ws.mergeCells(m);
  }
  await book.xlsx.writeFile(file);
}

async function writeStreaming(sheets: GenSheet[], file: string, useSharedStrings: boolean): Promise<void> {
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings, useStyles: true });
  for (const s of sheets) {
    const ws = book.addWorksheet(s.name, { state: s.hidden ? "hidden" : "visible" });
    for (const m of s.merges) ws.mergeCells(m);
    fill(ws, s, true);
    ws.commit();
  }
  await book.commit();
}

/**
 * The two snapshots are equal, except where the exceljs reader lost data:
 * - it broke a UTF-8 character that straddled two inflated chunks (it decoded each chunk on its own and got
 *   U+FFFD; generated texts never contain U+FFFD);
 * - of an inline rich text (`inlineRich`: the runs of the rich texts written as inline strings) it kept only the
 *   last run, each <t> starting the value anew; the reader joins the runs, as exceljs did for rich text in the
 *   shared strings. Such a cell must hold exactly that: exceljs the last run, the reader all of them, both as
 *   read from XML (line ends as "\n") and entity-decoded once more, as exceljs did with inline strings.
 */
function expectSameSnapshot(actual: WorkbookSnapshot, reference: WorkbookSnapshot, inlineRich: string[][] = []): void {
  const asRead = (t: string) => xmlDecode(t.replace(/\r\n?/g, "\n"));
  // Each run is its own <t> in the XML, so its line ends are normalised apart: a run ending in "\r" followed by one
  // starting with "\n" reads as two line ends, not one.
  const lostRuns = (ref: CellValue, got: CellValue) =>
    inlineRich.some((runs) => ref === asRead(runs[runs.length - 1]) && got === runs.map(asRead).join(""));
  const broken = (v: CellValue) => typeof v === "string" && v.includes("\uFFFD");
  const cleaned = {
    sheets: reference.sheets.map((s, i) => ({
      ...s,
      values: s.values.map((row, r) =>
        row.map((v, c) => {
          const got = actual.sheets[i]?.values[r]?.[c];
          return broken(v) || (!Object.is(v, got) && got !== undefined && lostRuns(v, got)) ? got : v;
        }),
      ),
    })),
  };
  expect(actual).toEqual(cleaned);
  // toEqual does not tell -0 from 0 or a hole from undefined in every position: check values strictly too.
  expect(isDeepStrictEqual(actual.sheets.map((s) => s.values), cleaned.sheets.map((s) => s.values))).toBe(true);
}

/**
 * The exceljs reader's snapshot. That reader (through unzipper) now and then, on a busy machine, stops going
 * through the zip early: it then reads the sheets as "Sheet1"... without styles, or fails on the missing workbook
 * part. Such a read is retried (at most 5 times); the one used has the sheets' real names.
 */
async function referenceRead(file: string, names: string[]): Promise<WorkbookSnapshot> {
  let last: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    try {
      const reference = await readXlsxWithExcelJs(file);
      if (isDeepStrictEqual(reference.sheets.map((s) => s.name), names)) return reference;
      last = new Error(`exceljs read the sheets as ${reference.sheets.map((s) => s.name).join(", ")}`);
    } catch (e) {
      last = e;
    }
  }
  throw last;
}

test("the same snapshot as the exceljs streaming reader, for workbooks written by exceljs (both writers)", async () => {
  let n = 0;
  await fc.assert(
    fc.asyncProperty(genWorkbook, fc.constantFrom("memory", "stream-shared", "stream-inline"), async (sheets, writer) => {
      const file = join(dir, `gen-${n++}.xlsx`);
      if (writer === "memory") await writeInMemory(sheets, file);
      else await writeStreaming(sheets, file, writer === "stream-shared");
      const reference = await referenceRead(file, sheets.map((s) => s.name));
      const actual = await readXlsx(file);
      const inlineRich =
        writer === "stream-inline"
          ? sheets.flatMap((s) => s.rows.flatMap((row) => row.cells.flatMap(({ cell }) => (cell.kind === "rich" ? [cell.runs] : []))))
          : [];
      expectSameSnapshot(actual, reference, inlineRich);
      rmSync(file);
    }),
    { numRuns: 60 },
  );
}, 120_000);

test("the same snapshot as the exceljs reader for the sample workbook", async () => {
  const file = join(__dirname, "..", "..", "samples", "工会经费样例-2025.xlsx");
  expectSameSnapshot(await readXlsx(file), await readXlsxWithExcelJs(file));
});

// ---------------------------------------------------------------------------------------------------------------
// Hand-written packages

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

async function writeZip(file: string, parts: [string, string][]): Promise<void> {
  const zip = new JSZip();
  for (const [name, xml] of parts) zip.file(name, xml);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
}

function workbookParts(sheets: { name: string; target: string; state?: string }[], date1904 = false): [string, string][] {
  return [
    [
      "xl/workbook.xml",
      `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS} ${RNS}>${date1904 ? '<workbookPr date1904="1"/>' : ""}<sheets>` +
        sheets
          .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`)
          .join("") +
        "</sheets></workbook>",
    ],
    [
      "xl/_rels/workbook.xml.rels",
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        sheets
          .map(
            (s, i) =>
              `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="${s.target}"/>`,
          )
          .join("") +
        "</Relationships>",
    ],
  ];
}

const STYLES = `<?xml version="1.0"?><styleSheet ${NS}><numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy\\-mm\\-dd"/></numFmts>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs>
<dxfs count="1"><dxf><numFmt numFmtId="165" formatCode="yyyy"/></dxf></dxfs></styleSheet>`;

test("inline strings, rich inline runs, entities, CDATA, comments and line ends", async () => {
  const file = join(dir, "inline.xlsx");
  const sheet = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet ${NS}><!-- written by hand -->
  <sheetData>
    <row r="1">
      <c r="A1" t="inlineStr"><is><t>工会经费 &amp; 会费</t></is></c>
      <c r="B1" t="inlineStr"><is><r><t>收到</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 会费</t></r></is></c>
      <c r="C1" t="inlineStr"><is><t>&#x4E2D;&#22269;&lt;&gt;&quot;&apos;</t></is></c>
      <c r="D1" t="inlineStr"><is><t><![CDATA[a<b>&c]]></t></is></c>
      <c r="E1" t="inlineStr"><is><t>第一行&#13;
第二行\r\n第三行</t></is></c>
      <c r="F1" t="inlineStr"><is><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></is></c>
      <c r="G1" t="inlineStr"><is><t>a<!-- gap -->b</t></is></c>
      <c r="H1" t="inlineStr"><is><t/></is></c>
    </row>
    <row r="3"><c r="B3" t="str"><v>&amp;lt;双重&amp;gt;</v></c></row>
  </sheetData>
</worksheet>`;
  await writeZip(file, [...workbookParts([{ name: "收&amp;支", target: "worksheets/sheet1.xml" }]), ["xl/worksheets/sheet1.xml", sheet]]);
  const wb = await readXlsx(file);
  expect(wb.sheets.map((s) => s.name)).toEqual(["收&支"]);
  expect(wb.sheets[0].values).toEqual([
    ["工会经费 & 会费", "收到 会费", "中国<>\"'", "a<b>&c", "第一行\r\n第二行\n第三行", "漢字", "ab", ""],
    ["", "", "", "", "", "", "", ""],
    // t="str" text is entity-decoded twice, as exceljs did.
    ["", "<双重>", "", "", "", "", "", ""],
  ]);
  // The exceljs reader agrees on what it read right; otherwise it kept only the last run (B1) or the phonetic
  // text (F1), and it ignored CDATA (D1 read as "").
  const reference = await readXlsxWithExcelJs(file);
  const cols = [0, 2, 7];
  expect(cols.map((c) => wb.sheets[0].values[0][c])).toEqual(cols.map((c) => reference.sheets[0].values[0][c]));
  expect(wb.sheets[0].values[2]).toEqual(reference.sheets[0].values[2]);
});

test("numbers, dates by cell and row style, formulas, shared formulas, errors, booleans, shared strings", async () => {
  const file = join(dir, "values.xlsx");
  const sst = `<?xml version="1.0"?><sst ${NS} count="3" uniqueCount="3"><si><t>会费收入</t></si>
<si><r><t>职工</t></r><r><rPr><i/></rPr><t>活动</t></r></si><si><t>漢字</t><rPh sb="0" eb="2"><t>カンジ</t></rPh></si></sst>`;
  const sheet = `<?xml version="1.0"?><worksheet ${NS}><sheetData>
<row r="1"><c r="A1" s="1"><v>45658</v></c><c r="B1" s="2"><v>45658.75</v></c><c r="C1"><v>2255.43</v></c><c r="D1"><v>-6.73</v></c><c r="E1"><v>1.5E-3</v></c><c r="F1"><v>12345678901234567</v></c><c r="G1"><v></v></c></row>
<row r="2" s="1" customFormat="1"><c r="A2"><v>45659</v></c><c r="B2" s="0"><v>45659</v></c><c r="C2" s="2"><v>45660</v></c></row>
<row r="3"><c r="A3"><f>B3*2</f><v>3000</v></c><c r="B3"><f>C3-C3</f><v>0</v></c><c r="C3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c><c r="D3" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="E3"><f t="shared" ref="E3:E5" si="0">A3+1</f><v>3001</v></c></row>
<row r="4"><c r="E4"><f t="shared" si="0"/><v>0</v></c><c r="F4" t="e"><f t="shared" si="0"/><v>#REF!</v></c><c r="G4"><f>A1</f></c></row>
<row r="5"><c r="A5" t="e"><v>#N/A</v></c><c r="B5" t="b"><v>1</v></c><c r="C5" t="b"><v>0</v></c><c r="D5" t="s"><v>0</v></c><c r="E5" t="s"><v>1</v></c><c r="F5" t="s"><v>2</v></c><c r="G5" t="s"><v>9</v></c></row>
<row r="7"/>
</sheetData><mergeCells count="2"><mergeCell ref="A1:B1"/><mergeCell ref="C5:D6"/></mergeCells></worksheet>`;
  await writeZip(file, [
    ...workbookParts([{ name: "明细账", target: "worksheets/sheet1.xml" }]),
    ["xl/styles.xml", STYLES],
    ["xl/sharedStrings.xml", sst],
    ["xl/worksheets/sheet1.xml", sheet],
  ]);
  const wb = await readXlsx(file);
  const s = wb.sheets[0];
  expect(s.values).toEqual([
    [45658, 45658.75, 2255.43, -6.73, 0.0015, 12345678901234568, "#VALUE!"],
    [45659, 45659, 45660, "", "", "", ""],
    // exceljs kept a formula's cached result only when truthy: 0 and errors read as "".
    [3000, "", "xy", "", 3001, "", ""],
    // A shared formula's other cells keep their result, an error one as "#VALUE!"; no cached result reads "".
    ["", "", "", "", 0, "#VALUE!", ""],
    ["#N/A", true, false, "会费收入", "职工活动", "漢字", ""],
    ["", "", "", "", "", "", ""],
    ["", "", "", "", "", "", ""],
  ]);
  expect(s.numberFormats?.[0]?.[0]).toBe("yyyy-mm-dd"); // backslash escapes dropped, as exceljs did
  expect(s.numberFormats?.[0]?.[1]).toBe("mm-dd-yy"); // built-in 14
  expect(s.numberFormats?.[1]?.[0]).toBe("yyyy-mm-dd"); // from the row's style
  expect(s.numberFormats?.[1]?.[1]).toBe("yyyy-mm-dd"); // s="0" on the cell: the row's style applies (exceljs: `if (c.s)`)
  expect(s.numberFormats?.[0]?.[2]).toBeUndefined();
  expect(s.merges).toEqual(["A1:B1", "C5:D6"]);
  // The exceljs reader gives the same, except the phonetic guide it took for the text.
  const reference = await readXlsxWithExcelJs(file);
  reference.sheets[0].values[4][5] = "漢字";
  expect(wb).toEqual(reference);
});

test("sheets in the workbook's order with their names, hidden ones too; parts in any zip order", async () => {
  const file = join(dir, "order.xlsx");
  const sheet = (v: string) => `<worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${v}</t></is></c></row></sheetData></worksheet>`;
  await writeZip(file, [
    // Sheets stored before the workbook part, and numbered against the workbook's order.
    ["xl/worksheets/sheet2.xml", sheet("二")],
    ["xl/worksheets/sheet1.xml", sheet("一")],
    ["xl/worksheets/sheet3.xml", sheet("孤")],
    ...workbookParts(
      [
        { name: "预算", target: "/xl/worksheets/sheet2.xml" },
        { name: "明细账", target: "worksheets/sheet1.xml", state: "hidden" },
      ],
      true,
    ),
  ]);
  const wb = await readXlsx(file);
  expect(wb.sheets.map((s) => [s.name, s.values[0][0]])).toEqual([
    ["预算", "二"],
    ["明细账", "一"],
    ["Sheet3", "孤"], // a worksheet the workbook does not list: last, named as exceljs named it
  ]);
  // exceljs's reader listed sheets in the zip's order, not the workbook's (and did not match these hand-written
  // parts to their names: "Sheet2", "Sheet1", "Sheet3"); the pane sees the workbook's order, as here.
});

test("1904 date system: serials come out in the 1900 system, as exceljs's Date round trip gave them", async () => {
  const file = join(dir, "d1904.xlsx");
  const sheet = `<worksheet ${NS}><sheetData><row r="1"><c r="A1" s="1"><v>44196</v></c><c r="B1"><v>44196</v></c></row></sheetData></worksheet>`;
  await writeZip(file, [
    ...workbookParts([{ name: "S", target: "worksheets/sheet1.xml" }], true),
    ["xl/styles.xml", STYLES],
    ["xl/worksheets/sheet1.xml", sheet],
  ]);
  const wb = await readXlsx(file);
  expect(wb.sheets[0].values[0]).toEqual([44196 + 1462, 44196]);
  expect(wb).toEqual(await readXlsxWithExcelJs(file));
});

test("prefixed element names and cells or rows without r", async () => {
  const file = join(dir, "prefixed.xlsx");
  const sheet = `<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row><x:c t="inlineStr"><x:is><x:t>甲</x:t></x:is></x:c><x:c><x:v>1</x:v></x:c></x:row>
<x:row><x:c r="C2"><x:v>2</x:v></x:c><x:c><x:v>3</x:v></x:c></x:row></x:sheetData></x:worksheet>`;
  await writeZip(file, [...workbookParts([{ name: "S", target: "worksheets/sheet1.xml" }]), ["xl/worksheets/sheet1.xml", sheet]]);
  expect((await readXlsx(file)).sheets[0].values).toEqual([
    ["甲", 1, "", ""],
    ["", "", 2, 3],
  ]);
});

test("not a zip, a cut-off zip and a damaged sheet are errors (the CLI turns them into exit 2)", async () => {
  const notZip = join(dir, "not.xlsx");
  writeFileSync(notZip, "PK but not really");
  await expect(readXlsx(notZip)).rejects.toThrow();

  const good = join(dir, "good.xlsx");
  const rows = Array.from({ length: 2000 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join("");
  await writeZip(good, [
    ...workbookParts([{ name: "S", target: "worksheets/sheet1.xml" }]),
    ["xl/worksheets/sheet1.xml", `<worksheet ${NS}><sheetData>${rows}</sheetData></worksheet>`],
  ]);
  expect((await readXlsx(good)).sheets[0].values).toHaveLength(2000);
  const bytes = readFileSync(good);

  const cut = join(dir, "cut.xlsx");
  writeFileSync(cut, bytes.subarray(0, bytes.length >> 1));
  await expect(readXlsx(cut)).rejects.toThrow();

  // Garble the middle of the sheet's deflate data (the central directory stays intact).
  const damaged = Buffer.from(bytes);
  const at = damaged.indexOf("xl/worksheets/sheet1.xml") + 200;
  for (let i = at; i < at + 64; i++) damaged[i] ^= 0x5a;
  const bad = join(dir, "damaged.xlsx");
  writeFileSync(bad, damaged);
  await expect(readXlsx(bad)).rejects.toThrow();
});

// ---------------------------------------------------------------------------------------------------------------
// The XML adapter over htmlparser2's Tokenizer: any chunking gives the same events

async function events(xml: Buffer, cuts: number[], attrsOf: string[]): Promise<string[]> {
  const out: string[] = [];
  const TEXT = "T:";
  const handler: XmlHandler = {
    collect: false,
    open(name: string, attrs: XmlAttrs) {
      const a: Record<string, string> = {};
      for (let i = 0; i < attrs.count; i++) a[attrs.names[i]] = attrs.value(i);
      out.push(`<${name} ${JSON.stringify(a)}>`);
      handler.collect = true;
    },
    close(name: string) {
      out.push(`</${name}>`);
    },
    text(text: string) {
      out.push(TEXT + text);
    },
  };
  async function* chunks() {
    let from = 0;
    for (const cut of [...cuts, xml.length]) {
      yield xml.subarray(from, cut);
      from = cut;
    }
  }
  await parseXml(chunks(), handler, attrsOf);
  // Adjacent texts are one text, however they were cut.
  return out.reduce<string[]>((acc, e) => {
    if (e.startsWith(TEXT) && acc.length && acc[acc.length - 1].startsWith(TEXT)) acc[acc.length - 1] += e.slice(TEXT.length);
    else acc.push(e);
    return acc;
  }, []);
}

test("the XML adapter gives the same events however the bytes are cut into chunks", async () => {
  const xml = Buffer.from(
    `<?xml version="1.0"?><a:root xmlns:a="urn:x" k='v"1'><b x="1&amp;2" y='a>b' z="t\tn\r\nq">文本 &lt;中&gt; &#x1F600;&#13;</b>` +
      `<!-- c --><c/><d>x<![CDATA[<raw>&amp;]]>尾</d><e>a\r\nb\rc</e><f>&foo;&#65;&#x42;&lt</f></a:root>`,
  );
  const whole = await events(xml, [], ["root", "b"]);
  expect(whole).toEqual([
    `<root {"xmlns:a":"urn:x","k":"v\\"1"}>`,
    `<b {"x":"1&2","y":"a>b","z":"t n q"}>`,
    "T:文本 <中> 😀\r",
    "</b>",
    "<c {}>",
    "</c>",
    "<d {}>",
    "T:x<raw>&amp;尾",
    "</d>",
    "<e {}>",
    "T:a\nb\nc",
    "</e>",
    "<f {}>",
    "T:&foo;AB&lt", // unknown or unfinished entities are left as written
    "</f>",
    "</root>",
  ]);
  await fc.assert(
    fc.asyncProperty(fc.uniqueArray(fc.integer({ min: 1, max: xml.length - 1 }), { maxLength: 8 }), async (cuts) => {
      expect(await events(xml, cuts.sort((p, q) => p - q), ["root", "b"])).toEqual(whole);
    }),
  );
});
