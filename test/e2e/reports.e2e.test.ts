/**
 * The 报表 tab on the demo page, as a treasurer would use it: save the disclosure details in 设置, read the books,
 * generate every report (the sample's disclosure is refused: one amount, 银行存款日记账!H130 "1,2O0.00", is not a
 * number and the books are 1,200.00 元 out), correct that one cell, generate again. The sheets written equal what the
 * core renders in node for the same corrected workbook and settings; a second run writes the same; the user's own
 * sheets are untouched cell for cell; no public sheet names a hardship recipient; deleting removes exactly the
 * generated sheets; nothing leaves localhost. Run alone: `npx jest test/e2e/reports.e2e.test.ts --runInBand`.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { CellValue, WorkbookSnapshot } from "../../src/core/model/types";
import type { SheetModel } from "../../src/core/render/sheet-model";
import { readBooks } from "../../src/core/read/books";
import { renderAll } from "../../src/core/render/all";
import { yearPeriod } from "../../src/core/model/period";
import { hardshipSummary } from "../../src/core/reports/hardship";
import { loadSettings, reportInputsFrom } from "../../src/core/settings/addin-settings";
import { ROOT, openPage, type PageRun } from "./harness";

jest.setTimeout(300_000);

const LEDGER = "银行存款日记账";
const BAD_CELL = "H130";
const sample = JSON.parse(readFileSync(path.join(ROOT, "samples", "sample-workbook.json"), "utf8")) as WorkbookSnapshot;

/** The sample with H130 corrected to 1200, as the treasurer fixes it (sample sheets start at A1). */
function corrected(): WorkbookSnapshot {
  const wb = JSON.parse(JSON.stringify(sample)) as WorkbookSnapshot;
  const ledger = wb.sheets.find((s) => s.name === LEDGER)!;
  expect(ledger.origin ?? { row: 1, column: 1 }).toEqual({ row: 1, column: 1 });
  expect(ledger.values[129][7]).toBe("1,2O0.00");
  ledger.values[129][7] = 1200;
  return wb;
}

/** Non-empty cells by "row,column": how a written sheet and its model are compared (Excel pads with blanks). */
function cellMap(rows: (CellValue | string | number | null | undefined)[][]): Record<string, CellValue> {
  const out: Record<string, CellValue> = {};
  rows.forEach((row, r) =>
    row.forEach((v, c) => {
      if (v !== null && v !== undefined && v !== "") out[`${r},${c}`] = v as CellValue;
    }),
  );
  return out;
}

const modelCells = (m: SheetModel) => cellMap(m.rows.map((row) => row.map((cell) => cell?.v ?? null)));

describe("demo page: 报表 tab over the sample workbook", () => {
  let run: PageRun;
  let userSheets: string[];
  let baseline: Record<string, string>;

  const fingerprints = (names: string[]) =>
    run.page.evaluate((ns) => Object.fromEntries(ns.map((n) => [n, window.__fake!.fingerprint(n)])), names);
  const sheetNames = () => run.page.evaluate(() => window.__fake!.sheetNames());
  const valuesOf = (name: string) => run.page.evaluate((n) => window.__fake!.values(n) ?? [], name);

  /** Clicks 生成报表 and waits until the run has finished (the button is enabled again and a result is shown). */
  async function generate(): Promise<void> {
    const { page } = run;
    const button = page.getByTestId("generate-reports");
    await button.click();
    await page.waitForFunction(
      () => {
        const b = document.querySelector('[data-testid="generate-reports"]') as HTMLButtonElement | null;
        const shown = document.querySelector('[data-testid="reports-done"],[data-testid="reports-error"]');
        return b && !b.disabled && !document.querySelector('[data-testid="reports-progress"]') && shown;
      },
      undefined,
      { timeout: 120_000 },
    );
    expect(await page.getByTestId("reports-error").count()).toBe(0);
  }

  beforeAll(async () => {
    run = await openPage("demo.html", { viewport: { width: 1400, height: 900 } });
    await run.page.getByTestId("read-books").waitFor({ timeout: 60_000 });
    userSheets = await sheetNames();
    expect(userSheets).toEqual(sample.sheets.map((s) => s.name));
    baseline = await fingerprints(userSheets);
  });

  afterAll(async () => {
    await run?.close();
  });

  it("saves the disclosure details in 设置", async () => {
    const { page } = run;
    await page.getByTestId("tab-settings").click();
    await page.getByTestId("setting-unionName").fill("江城机械厂工会");
    await page.getByTestId("setting-signatories.chair").fill("王建国");
    await page.getByTestId("setting-signatories.preparer").fill("陈会计");
    await page.getByTestId("setting-preparedDate").fill("2026-01-15");
    await page.getByTestId("setting-objectionChannel").fill("工会办公室");
    // A bad value is named and not saved.
    await page.getByTestId("setting-memberCount").fill("八十");
    await page.getByTestId("settings-save").click();
    expect(await page.getByTestId("settings-errors").innerText()).toContain("会员人数");
    await page.getByTestId("setting-memberCount").scrollIntoViewIfNeeded();
    await run.screenshot("settings-invalid");
    expect(await page.evaluate(() => window.__fake!.settings()["ufa.settings"])).toBeUndefined();
    await page.getByTestId("setting-memberCount").fill("");
    await page.getByTestId("settings-save").click();
    await page.getByTestId("settings-saved").waitFor({ timeout: 10_000 });
    const saved = JSON.parse(String(await page.evaluate(() => window.__fake!.settings()["ufa.settings"])));
    expect(saved).toMatchObject({ unionName: "江城机械厂工会", signatories: { chair: "王建国", preparer: "陈会计" }, preparedDate: "2026-01-15" });
  });

  it("refuses the disclosure of the sample (1,200.00 元 unread) and writes the other reports", async () => {
    const { page } = run;
    await page.getByTestId("tab-books").click();
    await page.getByTestId("read-books").click();
    await page.getByTestId("count-entries").waitFor({ timeout: 60_000 });

    await page.getByTestId("tab-reports").click();
    expect(await page.getByTestId("period-label").innerText()).toContain("2025年");
    await generate();

    const refused = page.getByTestId("disclosure-refused");
    await refused.waitFor();
    const text = await refused.innerText();
    expect(text).toContain("无法生成经费收支公开表");
    expect(text).toContain("1,200.00");
    expect(text).toContain("银行存款日记账!J316");
    // The refusal takes the treasurer to the closing balance it compared.
    await page.getByTestId("refusal-goto").first().click();
    await page.waitForFunction(() => window.__fake!.activeSheet() === "银行存款日记账" && window.__fake!.selection() === "J316");

    const names = await sheetNames();
    const generated = names.filter((n) => !userSheets.includes(n));
    expect(generated).toEqual(expect.arrayContaining(["预算执行情况", "困难帮扶汇总", "福利慰问汇总", "困难帮扶明细（内部）", "福利慰问明细（内部）"]));
    expect(generated).not.toContain("经费收支公开表");
    expect(generated).toHaveLength(5);
    await run.screenshot("reports-refused");
  });

  it("after the treasurer corrects H130, writes all four reports exactly as the core renders them", async () => {
    const { page } = run;
    await page.evaluate(
      async ({ sheet, cell }) => {
        const excel = (window as unknown as { Excel: { run(b: (ctx: any) => Promise<void>): Promise<void> } }).Excel;
        await excel.run(async (ctx) => {
          ctx.workbook.worksheets.getItem(sheet).getRange(cell).values = [[1200]];
          await ctx.sync();
        });
      },
      { sheet: LEDGER, cell: BAD_CELL },
    );
    const fixedLedger = await fingerprints([LEDGER]);
    expect(fixedLedger[LEDGER]).not.toBe(baseline[LEDGER]);
    // Only that one cell changed.
    const before = cellMap(sample.sheets.find((s) => s.name === LEDGER)!.values);
    const after = cellMap(await valuesOf(LEDGER));
    const changed = Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]);
    expect(changed).toEqual(["129,7"]);
    baseline = { ...baseline, ...fixedLedger };

    await generate();
    expect(await page.getByTestId("disclosure-refused").count()).toBe(0);
    expect(await page.getByTestId("reports-done").innerText()).toContain("规则包");

    // The core in node, for the same corrected workbook and the settings the pane saved.
    const settings = loadSettings(JSON.parse(String(await page.evaluate(() => window.__fake!.settings()["ufa.settings"])))).settings;
    const books = readBooks(corrected());
    const period = yearPeriod(books.ledger.year ?? books.plan!.year!);
    const { disclosure, context } = reportInputsFrom(settings, books, "zh-CN");
    const expected = renderAll(books, period, disclosure, context, "zh-CN");
    expect(expected.refused).toBeUndefined();
    const kinds = expected.sheets.map((s) => s.kind).sort();
    expect(kinds).toEqual(["budget-execution", "disclosure", "hardship-detail", "hardship-summary", "welfare-detail", "welfare-summary"]);

    const names = await sheetNames();
    expect(names.filter((n) => !userSheets.includes(n)).sort()).toEqual(expected.sheets.map((s) => s.name).sort());
    for (const model of expected.sheets) {
      expect({ sheet: model.name, cells: cellMap(await valuesOf(model.name)) }).toEqual({ sheet: model.name, cells: modelCells(model) });
    }
    // The disclosure names the rule pack it used.
    const disclosureSheet = expected.sheets.find((s) => s.kind === "disclosure")!;
    expect(JSON.stringify(await valuesOf(disclosureSheet.name))).toContain(context.packName);

    // A second run writes the same content.
    const first = await fingerprints(expected.sheets.map((s) => s.name));
    await generate();
    expect(await fingerprints(expected.sheets.map((s) => s.name))).toEqual(first);

    // The user's sheets: every cell and format as before (the ledger as corrected).
    expect(await fingerprints(userSheets)).toEqual(baseline);

    // No public sheet names a hardship recipient or their member number.
    const detail = hardshipSummary(books, period, { openingBalance: settings.hardshipOpeningFen }).detail;
    const secrets = [...new Set(detail.flatMap((d) => [d.recipient, d.memberId]).filter((s): s is string => !!s && s.trim().length > 1))];
    expect(secrets.length).toBeGreaterThan(0);
    for (const model of expected.sheets.filter((s) => !s.name.includes("内部"))) {
      const texts = (await valuesOf(model.name)).flat().filter((v): v is string => typeof v === "string");
      const leaks = secrets.filter((s) => texts.some((t) => t.includes(s)));
      expect({ sheet: model.name, leaks }).toEqual({ sheet: model.name, leaks: [] });
    }
    // ...while the internal detail does list them (so the scan above could have found them).
    const internalTexts = (await valuesOf("困难帮扶明细（内部）")).flat().filter((v): v is string => typeof v === "string");
    expect(secrets.some((s) => internalTexts.some((t) => t.includes(s)))).toBe(true);

    // 转到 the disclosure: the workbook view follows the active sheet.
    await page.locator(`[data-testid="generated-sheet"][data-name="${disclosureSheet.name}"] [data-testid="goto-sheet"]`).click();
    await page.waitForFunction((n) => window.__fake!.activeSheet() === n, disclosureSheet.name);
    await page.getByTestId("workbook-view-sheet").filter({ hasText: disclosureSheet.name }).waitFor();
    expect(await page.getByTestId("workbook-grid").getAttribute("data-sheet")).toBe(disclosureSheet.name);
    expect(await page.getByTestId("workbook-grid").innerText()).toContain("经费收支公开表");
    await run.screenshot("disclosure");
  });

  it("deletes exactly the generated sheets, and nothing left the machine", async () => {
    const { page } = run;
    await page.getByTestId("remove-generated").click();
    await page.getByTestId("removed-note").waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("removed-note").innerText()).toContain("已删除 6 张");
    expect(await sheetNames()).toEqual(userSheets);
    expect(await fingerprints(userSheets)).toEqual(baseline);
    expect(await page.getByTestId("generated-sheet").count()).toBe(0);
    expect(run.offLocalRequests()).toEqual([]);
    expect(run.errors).toEqual([]);
  });
});
