/**
 * `union-books report` and `consolidate` as whole processes: the written sheets are the pane's SheetModels cell
 * for cell, the input stays byte-identical, and a broken file in a folder is listed without stopping the rest.
 */
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { WorkbookSnapshot } from "../../src/core/model/types";
import { readBooks } from "../../src/core/read/books";
import { renderAll } from "../../src/core/render/all";
import { DEFAULT_SETTINGS, reportInputsFrom } from "../../src/core/settings/addin-settings";
import { reconcile } from "../../src/core/reports/reconcile";
import { yearPeriod } from "../../src/core/model/period";
import type { SheetModel } from "../../src/core/render/sheet-model";
import { SAMPLE_JSON, SAMPLE_XLSX, runCli } from "./run-cli";
import { checkPackage, expectSheetMatchesModel } from "./xlsx-check";

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

async function readBack(file: string): Promise<ExcelJS.Workbook> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  return book;
}

/** The SheetModels the pane would write for the sample snapshot. */
function expectedSheets(): { sheets: SheetModel[]; refused: boolean } {
  const wb: WorkbookSnapshot = JSON.parse(readFileSync(SAMPLE_JSON, "utf8"));
  const books = readBooks(wb);
  // The pane's inputs with its default settings (national pack): the CLI must write exactly what the pane writes.
  const inputs = reportInputsFrom(DEFAULT_SETTINGS, books);
  const r = renderAll(books, yearPeriod(books.ledger.year!), inputs.disclosure, inputs.context);
  return { sheets: r.sheets, refused: r.refused !== undefined };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "union-books-report-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("report", () => {
  test("writes the SheetModels into a new workbook, leaves FILE byte-identical", async () => {
    const input = join(dir, "books.xlsx");
    copyFileSync(SAMPLE_XLSX, input);
    const before = sha(input);
    const out = join(dir, "report.xlsx");
    const r = runCli(["report", input, "-o", out]);
    expect(sha(input)).toBe(before);

    const expected = expectedSheets();
    // The sample carries a deliberate unreadable amount, so its books do not reconcile: exit 1, loud stderr.
    expect(r.code).toBe(expected.refused ? 1 : 0);
    if (expected.refused) expect(r.stderr).toContain("!!");

    const { problems } = await checkPackage(readFileSync(out));
    expect(problems).toEqual([]);
    const book = await readBack(out);
    expect(book.worksheets.map((w) => w.name)).toEqual(expected.sheets.map((s) => s.name));
    for (const model of expected.sheets) expectSheetMatchesModel(book.getWorksheet(model.name)!, model);
  });

  test("refuses to overwrite the input and needs an .xlsx output", () => {
    const input = join(dir, "same.xlsx");
    copyFileSync(SAMPLE_XLSX, input);
    const before = sha(input);
    const r = runCli(["report", input, "-o", input]);
    expect(r.code).toBe(2);
    expect(sha(input)).toBe(before);
    expect(runCli(["report", input, "-o", join(dir, "out.csv")]).code).toBe(2);
  });
});

describe("consolidate", () => {
  test("two good workbooks and one broken file: the broken one is listed, the totals are still written", async () => {
    const folder = mkdtempSync(join(dir, "unions-"));
    copyFileSync(SAMPLE_XLSX, join(folder, "一分会.xlsx"));
    // A second union: a small CSV ledger (with no plan beside it).
    writeFileSync(
      join(folder, "二分会.csv"),
      "\uFEFF日期,凭证号,摘要,会计科目,收入,支出,余额\r\n2025-01-01,,上年结转,,,,1000.00\r\n2025-01-05,记-001,收到1月会费,会费收入,500.00,,1500.00\r\n2025-02-10,记-002,职工篮球赛,文体活动费,,300.00,1200.00\r\n",
    );
    writeFileSync(join(folder, "三分会.xlsx"), "not a workbook");
    const out = join(dir, "consolidated.xlsx");
    const r = runCli(["consolidate", folder, "-o", out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("三分会.xlsx");

    const book = await readBack(out);
    const summary = book.worksheets[0];
    const rows = summary.getSheetValues().filter(Boolean) as unknown[][];
    const fileRow = (name: string) => rows.find((row) => row?.[1] === name)!;
    expect(fileRow("三分会.xlsx")[9]).toMatch(/三分会\.xlsx/); // status column says why
    const csvRow = fileRow("二分会.csv");
    expect(csvRow[3]).toBe(500); // income
    expect(csvRow[4]).toBe(300); // expense
    expect(csvRow[5]).toBe(1200); // closing balance

    // The sample's own figures, from the core.
    const wb: WorkbookSnapshot = JSON.parse(readFileSync(SAMPLE_JSON, "utf8"));
    const books = readBooks(wb);
    const rec = reconcile(books, yearPeriod(books.ledger.year!));
    const xlsxRow = fileRow("一分会.xlsx");
    expect(xlsxRow[3]).toBeCloseTo(rec.income / 100, 2);

    const totals = rows[rows.length - 1];
    expect(totals[3]).toBeCloseTo(rec.income / 100 + 500, 2);
    expect(totals[4]).toBeCloseTo(rec.expense / 100 + 300, 2);
    expect(totals[5]).toBeCloseTo(rec.ledgerClosing / 100 + 1200, 2);
    // A findings sheet per readable union, none for the broken file.
    expect(book.worksheets).toHaveLength(3);
    expect(book.worksheets.slice(1).every((w) => w.name.startsWith("内部"))).toBe(true);
  });
});
