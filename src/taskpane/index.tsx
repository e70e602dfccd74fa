/**
 * Add-in entry. Waits for Office.js, then mounts the pane with the real gateway. Outside Office (a plain
 * browser, the e2e run) `Office.onReady` resolves with host null: the pane still renders and says so.
 */
import { langFromDisplayLanguage } from "../core/i18n";
import { createExcelGateway } from "../excel/excel-gateway";
import { createCoreRunner } from "../worker/core-runner";
import { mountPane, paneLanguage } from "./Pane";
import { silenceOfficeTelemetryOutsideOffice } from "./office-telemetry";
import type { PaneEnvironment } from "./components/App";

async function officeHost(): Promise<{ host: unknown; displayLanguage?: string }> {
  if (typeof Office === "undefined") return { host: null };
  const info = await Office.onReady();
  let displayLanguage: string | undefined;
  try {
    displayLanguage = Office.context?.displayLanguage;
  } catch {
    // Outside a host Office.context has no document; the language then comes from ?lang= or defaults to zh-CN.
  }
  return { host: info.host, displayLanguage };
}

async function start(): Promise<void> {
  const { host, displayLanguage } = await officeHost();
  const environment: PaneEnvironment = host ? "excel" : "browser";
  if (!host) silenceOfficeTelemetryOutsideOffice();
  const container = document.getElementById("root");
  if (!container) throw new Error("taskpane.html has no #root element");
  mountPane(container, {
    gateway: createExcelGateway(),
    runner: createCoreRunner(),
    environment,
    lang: langFromDisplayLanguage(paneLanguage(displayLanguage, window.location.search)),
  });
}

void start();
