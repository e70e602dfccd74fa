/**
 * The demo page: the real pane and the real gateway, over an in-memory fake of Excel loaded with the sample
 * workbook. Nothing leaves the page (no Excel, no network); the e2e tests drive this page in headless Chromium.
 */
import type { WorkbookSnapshot } from "../core/model/types";
import { langFromDisplayLanguage } from "../core/i18n";
import { createExcelGateway } from "../excel/excel-gateway";
import { createCoreRunner } from "../worker/core-runner";
import { mountPane, paneLanguage } from "../taskpane/Pane";
import { createFakeExcel, snapshotToFakeInit } from "./fake-excel";
import sample from "../../samples/sample-workbook.json";

declare global {
  interface Window {
    /** The fake workbook, for tests that inspect what the pane wrote (sheets, settings). */
    __fake?: ReturnType<typeof createFakeExcel>;
  }
}

async function start(): Promise<void> {
  // The demo page loads the local office.js so Office-dependent code behaves as in the pane; outside Office it
  // resolves with host null and never defines Excel, so the fake installed below survives.
  if (typeof Office !== "undefined") await Office.onReady();
  const fake = createFakeExcel(snapshotToFakeInit(sample as unknown as WorkbookSnapshot));
  window.__fake = fake;
  (window as unknown as { Excel: unknown }).Excel = fake.Excel;

  const container = document.getElementById("root");
  if (!container) throw new Error("demo.html has no #root element");
  mountPane(container, {
    gateway: createExcelGateway(),
    runner: createCoreRunner(),
    environment: "demo",
    lang: langFromDisplayLanguage(paneLanguage(undefined, window.location.search)),
  });
}

void start();
