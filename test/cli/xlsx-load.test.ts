/** The streaming .xlsx loader gives what Excel's range.values gives the pane: serials, cached results, error text, merges. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readXlsx } from "../../src/cli/load/xlsx";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "union-books-xlsx-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("dates -> serials, formulas -> cached results, errors -> text, merges kept, blank rows kept", async () => {
  const book = new ExcelJS.Workbook();
  const ws = book.addWorksheet("明细账");
  ws.getCell("A1").value = "2025年明细账";
  ws.mergeCells("A1:D1");
  ws.addRow(["日期", "摘要", "收入", "余额"]);
  ws.getCell("A3").value = new Date(Date.UTC(2025, 0, 5));
  ws.getCell("A3").numFmt = "yyyy-mm-dd";
  ws.getCell("B3").value = { richText: [{ text: "收到" }, { text: "会费", font: { bold: true } }] };
  ws.getCell("C3").value = 500;
  ws.getCell("D3").value = { formula: "C3+1000", result: 1500 };
  ws.getCell("D5").value = { error: "#REF!" };
  for (let r = 10; r < 300; r++) ws.getCell(`A${r}`).value = `行${r}`;
  ws.mergeCells("B10:C11");
  book.addWorksheet("说明").getCell("A1").value = "备注";
  const file = join(dir, "t.xlsx");
  await book.xlsx.writeFile(file);

  const wb = await readXlsx(file);
  expect(wb.sheets.map((s) => s.name)).toEqual(["明细账", "说明"]);
  const s = wb.sheets[0];
  expect(s.values[0][0]).toBe("2025年明细账");
  expect(s.values[2][0]).toBe(45662); // 2025-01-05
  expect(s.numberFormats?.[2]?.[0]).toBe("yyyy-mm-dd");
  expect(s.values[2][1]).toBe("收到会费");
  expect(s.values[2][3]).toBe(1500);
  expect(s.values[4][3]).toBe("#REF!");
  expect(s.values[3]).toEqual(["", "", "", ""]); // a blank row is a row of "" like range.values
  expect(s.values).toHaveLength(299);
  expect(s.merges?.sort()).toEqual(["A1:D1", "B10:C11"]);
});

test("a file that is not a workbook throws (the CLI turns it into exit 2)", async () => {
  const { writeFileSync } = await import("node:fs");
  const file = join(dir, "bad.xlsx");
  writeFileSync(file, "PK but not really");
  await expect(readXlsx(file)).rejects.toThrow();
});
