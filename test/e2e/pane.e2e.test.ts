/**
 * The demo page in headless Chromium: the real bundle, the real gateway, the fake Excel loaded with the sample
 * workbook. Reads the books and checks the pane shows what the core reader gives in node for the same sample.
 * Run after a build (npm run test:e2e builds first); builds dist/ itself when it is missing.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Books, WorkbookSnapshot } from "../../src/core/model/types";
import { readBooks } from "../../src/core/read/books";
import { findingMessage } from "../../src/core/i18n";
import { COMMON_LEDGER_FIELDS, columnLetter } from "../../src/taskpane/books-model";
import { MAX_LISTED_FINDINGS } from "../../src/taskpane/components/FindingList";
import { ROOT, openPage, type PageRun } from "./harness";

jest.setTimeout(180_000);

const sample = JSON.parse(readFileSync(path.join(ROOT, "samples", "sample-workbook.json"), "utf8")) as WorkbookSnapshot;

describe("demo page: 账簿 tab over the sample workbook", () => {
  let run: PageRun;
  let expected: Books;

  beforeAll(async () => {
    expected = readBooks(sample);
    run = await openPage("demo.html");
  });

  afterAll(async () => {
    await run?.close();
  });

  it("reads the books and shows the detected roles, mapping and counts", async () => {
    const { page } = run;
    await page.getByTestId("read-books").click();
    await page.getByTestId("count-entries").waitFor({ timeout: 60_000 });

    expect(await page.getByTestId("count-entries").innerText()).toBe(String(expected.ledger.entries.length));
    expect(await page.getByTestId("count-plan-lines").innerText()).toBe(String(expected.plan?.lines.length ?? 0));
    expect(await page.getByTestId("count-findings").innerText()).toBe(String(expected.findings.length));

    // Roles: the dropdown buttons show the detected plan sheet and every ledger sheet.
    const planRole = await page.getByTestId("role-plan").innerText();
    if (expected.roles.planSheet) expect(planRole).toContain(expected.roles.planSheet);
    const ledgerRole = await page.getByTestId("role-ledger").innerText();
    expect(expected.roles.ledgerSheets.length).toBeGreaterThan(0);
    for (const s of expected.roles.ledgerSheets) expect(ledgerRole).toContain(s);

    // Mapping: each common ledger field sits on the column the reader chose, shown by letter.
    for (const m of expected.ledger.mappings) {
      const card = page.getByTestId(`mapping-ledger-${m.sheet}`);
      await expect(card.count()).resolves.toBe(1);
      for (const field of COMMON_LEDGER_FIELDS) {
        const column = m.columns[field] ?? 0;
        const row = card.getByTestId(`map-${field}`);
        expect(await row.getAttribute("data-column")).toBe(String(column));
        if (column > 0) expect(await row.innerText()).toContain(`${columnLetter(column)} 列`);
      }
    }
    if (expected.plan) {
      const card = page.getByTestId(`mapping-plan-${expected.plan.sheet}`);
      for (const [field, column] of Object.entries(expected.plan.mapping.columns)) {
        expect(await card.getByTestId(`map-${field}`).getAttribute("data-column")).toBe(String(column));
      }
    }

    // Reading findings, worded in Chinese by the catalogue.
    const listed = page.getByTestId("finding");
    expect(await listed.count()).toBe(Math.min(expected.findings.length, MAX_LISTED_FINDINGS));
    if (expected.findings.length > 0) {
      expect(await listed.first().innerText()).toContain(findingMessage(expected.findings[0], "zh-CN"));
    }

    await run.screenshot("foundation");
    await run.screenshot("foundation-full", { fullPage: true });
  });

  it("saves the confirmed choices in the workbook", async () => {
    const { page } = run;
    await page.getByTestId("confirm-save").click();
    await page.getByTestId("save-done").waitFor({ timeout: 10_000 });
    expect(await page.getByTestId("save-done").innerText()).toContain("已保存");
    // What landed in the (fake) workbook's settings: the confirmed roles, under the readChoices key.
    const stored = await page.evaluate(() => {
      const settings = window.__fake?.settings() ?? {};
      const key = Object.keys(settings).find((k) => k.endsWith("readChoices"));
      return key === undefined ? undefined : settings[key];
    });
    const saved = typeof stored === "string" ? JSON.parse(stored) : stored;
    expect(saved?.roles).toEqual(expected.roles);
  });

  it("speaks English with ?lang=en", async () => {
    const { page } = run;
    await page.goto(`${run.origin}/demo.html?lang=en`);
    await page.getByTestId("read-books").waitFor();
    expect(await page.getByTestId("read-books").innerText()).toBe("Read the books");
    expect(await page.getByTestId("tab-books").innerText()).toBe("Books");
  });

  it("taskpane.html outside Excel: Office.onReady gives host null and the pane says so", async () => {
    const { page } = run;
    await page.goto(`${run.origin}/taskpane.html`);
    const note = page.getByTestId("environment-note");
    await note.waitFor({ timeout: 30_000 });
    expect(await note.innerText()).toContain("未在 Excel 中运行");
    expect(run.requests.some((u) => u.endsWith("/office-js/o15apptofilemappingtable.js"))).toBe(true);
  });

  it("never leaves localhost and raises no page errors", () => {
    expect(run.requests.some((u) => u.endsWith("/demo.js"))).toBe(true);
    expect(run.offLocalRequests()).toEqual([]);
    expect(run.errors).toEqual([]);
  });
});
