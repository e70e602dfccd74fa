/**
 * The purpose-built .xlsx writer (src/cli/output/xlsx-writer.ts): a sound package (content types,
 * relationships, every part well-formed XML), and each sheet read back by exceljs is its SheetModel: texts with
 * markup, control characters and `_xHHHH_` look-alikes, numbers of every kind, blank and styled-blank cells,
 * merges, widths, frozen rows, print titles (with a quote in the sheet name) and page setup.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellModel, SheetModel } from "../../src/core/render/sheet-model";
import { writeXlsx, xlsxBytes } from "../../src/cli/output/xlsx-writer";
import { checkPackage, expectSheetMatchesModel, xmllint } from "./xlsx-check";

async function readBack(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as ArrayBuffer);
  return book;
}

const print = (repeatRows?: string): SheetModel["print"] => ({ paper: "A4", orientation: "portrait", fitToPagesWide: 1, repeatRows, pageNumbers: true });

const texts: CellModel[] = [
  { v: "a & b < c > d \"e\" 'f'" },
  { v: "  leading and trailing  " },
  { v: "two\nlines" },
  { v: "tab\there, bell\u0007, nul\u0000, esc\u001b" },
  { v: "literal _x0041_ stays" },
  { v: "困难帮扶 · 慰问 🎉" },
  { v: "]]> <![CDATA[" },
];

const numbers: CellModel[] = [
  { v: 0 },
  { v: -0 },
  { v: 1234567.89, fmt: "#,##0.00" },
  { v: -0.01, fmt: "#,##0.00" },
  { v: 0.9091, fmt: "0.0%" },
  { v: 1 / 3 },
  { v: 1e21 },
  { v: -987654321012.34, fmt: "#,##0.00" },
  { v: 5e-7 },
  { v: 45678, fmt: "yyyy-mm-dd" },
  { v: 12, fmt: "0" },
];

function detailSheet(rows: number): SheetModel {
  const out: CellModel[][] = [
    [{ v: "内部资料 不得公开", style: "warning" }],
    [{ v: "福利慰问明细", style: "title" }],
    [{ v: "2025年", style: "subtitle" }],
    [{ v: "单位：元", style: "note" }],
    ["日期", "凭证号", "摘要", "金额", "人数"].map((v) => ({ v, style: "header" as const })),
  ];
  for (let i = 0; i < rows; i++)
    out.push([
      { v: 45658 + (i % 365), fmt: "yyyy-mm-dd" },
      // Nearly all different: past the writer's sample, such a column is written as inline strings.
      {
        v: i % 100 === 7 ? ` 记-${i} & <b> ` : i % 100 === 57 ? ` 记-${i} & <b> \u0001 _x0041_ ` : i % 50 === 9 ? `记-${i}\n第二行` : `记-${String(i).padStart(5, "0")}`,
      },
      { v: i % 3 === 0 ? "春节慰问" : i % 3 === 1 ? "生日蛋糕卡" : "" },
      { v: (i * 37) / 100, fmt: "#,##0.00" },
      { v: i % 7, fmt: "0" },
    ]);
  out.push([{ v: "合计", style: "total" }, { v: null, style: "total" }, { v: null, style: "total" }, { v: 123.45, fmt: "#,##0.00", style: "total" }, { v: "", style: "total" }]);
  out.push([]);
  out.push([{ v: "编制：", style: "signature" }, { v: null }, { v: "审核：", style: "signature" }]);
  return {
    name: "福利慰问明细（内部）",
    kind: "welfare-detail",
    internal: true,
    rows: out,
    columnWidths: [12, 10, 30, 14, 9],
    merges: ["A1:E1", "A2:E2", "A3:E3", "A4:E4"],
    freezeRows: 5,
    print: { ...print("1:5")!, orientation: "landscape" },
  };
}

const models: SheetModel[] = [
  {
    name: "Texts & 'quotes' ok",
    kind: "disclosure",
    internal: false,
    rows: [[{ v: "Title", style: "title" }], texts, numbers, [{ v: null, fmt: "#,##0.00" }, { v: "", style: "label" }, { v: null }, { v: Number.NaN, fmt: "#,##0.00" }, { v: Number.POSITIVE_INFINITY }]],
    columnWidths: [20, 0, 8.43, 9, 40],
    merges: ["A1:G1", "B6:C7"],
    freezeRows: 1,
    print: print("1:1"),
  },
  detailSheet(1500),
  { name: "Empty", kind: "findings", internal: false, rows: [] },
  {
    name: "No print",
    kind: "consolidation",
    internal: false,
    rows: [[], [{ v: "second row" }], [undefined as unknown as CellModel, { v: 2 }]],
    print: { paper: "A4", orientation: "landscape", fitToPagesWide: 2, pageNumbers: false },
  },
];

describe("xlsx writer", () => {
  let bytes: Buffer;
  beforeAll(async () => {
    bytes = await xlsxBytes(models);
  });

  test("the package is sound: content types, relationships, well-formed parts", async () => {
    const pkg = await checkPackage(bytes);
    expect(pkg.problems).toEqual([]);
    expect(pkg.parts).toEqual(
      expect.arrayContaining([
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/app.xml",
        "docProps/core.xml",
        "xl/workbook.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/styles.xml",
        "xl/sharedStrings.xml",
        "xl/theme/theme1.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet4.xml",
      ]),
    );
    // Print titles are sheet-local defined names, quoted, with a quote in the name doubled.
    const wb = pkg.texts.get("xl/workbook.xml")!;
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="0">'Texts &amp; ''quotes'' ok'!$1:$1</definedName>`);
    expect(wb).toContain(`<definedName name="_xlnm.Print_Titles" localSheetId="1">'福利慰问明细（内部）'!$1:$5</definedName>`);
    expect(wb.match(/_xlnm\.Print_Titles/g)).toHaveLength(2);
    // The detail sheet's voucher column went inline once its texts proved nearly all different.
    const detail = pkg.texts.get("xl/worksheets/sheet2.xml")!;
    expect(detail).toContain('<c r="B1013" t="inlineStr"><is><t xml:space="preserve"> 记-1007 &amp; &lt;b&gt; </t></is></c>');
    expect(detail).toContain('<c r="B1015" t="inlineStr"><is><t xml:space="preserve">记-1009\n第二行</t></is></c>');
    expect(detail).toMatch(/<c r="B1063" t="s"><v>\d+<\/v><\/c>/); // " 记-1057 … \u0001 _x0041_ ": in the table
    expect(detail.match(/t="inlineStr"/g)!.length).toBeGreaterThan(900);
  });

  test("the checker itself finds a broken package", async () => {
    const JSZip = (await import("jszip")).default;
    const zip = await JSZip.loadAsync(bytes);
    zip.file("xl/worksheets/sheet2.xml", "<worksheet><sheetData></worksheet>");
    zip.remove("xl/styles.xml");
    const broken = await zip.generateAsync({ type: "nodebuffer" });
    const { problems } = await checkPackage(broken);
    expect(problems.some((p) => p.startsWith("xl/worksheets/sheet2.xml is not well-formed"))).toBe(true);
    expect(problems.some((p) => p.includes("missing xl/styles.xml"))).toBe(true);
    expect(xmllint("<a><b></a>")).not.toBe("");
  });

  test("each sheet read back by exceljs is its model", async () => {
    const book = await readBack(bytes);
    expect(book.worksheets.map((w) => w.name)).toEqual(models.map((m) => m.name));
    for (const m of models) expectSheetMatchesModel(book.getWorksheet(m.name)!, m);
    // Spot checks the comparison relies on.
    const first = book.worksheets[0];
    expect(first.getCell("B2").value).toBe(texts[1].v);
    expect(first.getCell("D2").value).toBe(texts[3].v);
    expect(first.getCell("E2").value).toBe("literal _x0041_ stays");
    expect(first.getCell("G2").value).toBe("]]> <![CDATA[");
    expect(first.getCell("F3").value).toBe(1 / 3);
    expect(first.getCell("H3").value).toBe(-987654321012.34);
    expect(first.getCell("D4").value).toBeNull(); // NaN: blank, keeps its format
    expect(first.getCell("D4").numFmt).toBe("#,##0.00");
    expect(first.getColumn(2).width).toBeUndefined(); // a width of 0 is "not set"
    expect(book.getWorksheet("No print")!.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 2, fitToHeight: 0 });
  });

  test("numbers are written as their shortest round-trip spelling", async () => {
    const pkg = await checkPackage(bytes);
    const sheet = pkg.texts.get("xl/worksheets/sheet1.xml")!;
    const values = [...sheet.matchAll(/<c r="([A-Z]+3)"[^>]*><v>([^<]*)<\/v><\/c>/g)].map((m) => [m[1], m[2]]);
    expect(values).toEqual(numbers.map((n, i) => [`${String.fromCharCode(65 + i)}3`, String(n.v)]));
  });

  test("writeXlsx writes the same bytes to a file, and the same models give the same file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xlsx-writer-"));
    try {
      const file = join(dir, "out.xlsx");
      await writeXlsx(file, models);
      expect(readFileSync(file).equals(bytes)).toBe(true);
      expect((await xlsxBytes(models)).equals(bytes)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("a write to a folder that does not exist fails with an error", async () => {
    await expect(writeXlsx(join(tmpdir(), "no-such-folder-xlsx-writer", "out.xlsx"), models)).rejects.toThrow();
  });
});
