/**
 * The demo page: the real pane and the real gateway, over an in-memory fake of Excel loaded with the sample
 * workbook, with a read-only view of that workbook beside the pane (the pane fixed at the right, as in Excel;
 * on a narrow screen the workbook sits above it). Nothing leaves the page (no Excel, no network); the e2e tests
 * drive this page in headless Chromium.
 */
import { createRoot } from "react-dom/client";
import type { WorkbookSnapshot } from "../core/model/types";
import { langFromDisplayLanguage } from "../core/i18n";
import { createExcelGateway } from "../excel/excel-gateway";
import { createCoreRunner } from "../worker/core-runner";
import { mountPane, paneLanguage } from "../taskpane/Pane";
import { silenceOfficeTelemetryOutsideOffice } from "../taskpane/office-telemetry";
import { createFakeExcel, snapshotToFakeInit, type FakeExcel } from "./fake-excel";
import { WorkbookView, type WorkbookStore } from "./WorkbookView";
import sample from "../../samples/sample-workbook.json";

declare global {
  interface Window {
    /** The fake workbook, for tests that inspect what the pane wrote (sheets, settings). */
    __fake?: ReturnType<typeof createFakeExcel>;
    /** Redraws the workbook view after a test changed the fake directly. */
    __refreshWorkbookView?: () => void;
  }
}

const PANE_WIDTH = 360;

/**
 * Tells the view when the workbook may have changed: after every Excel.run, whether it succeeded or failed
 * (a failed batch may still have applied its earlier syncs).
 */
function watch(fake: FakeExcel): WorkbookStore & { bump(): void } {
  let version = 0;
  const listeners = new Set<() => void>();
  const bump = () => {
    version++;
    for (const l of listeners) l();
  };
  const run = fake.Excel.run.bind(fake.Excel);
  fake.Excel.run = <T,>(batch: (context: unknown) => Promise<T>): Promise<T> => run(batch).finally(bump);
  return {
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    version: () => version,
    bump,
  };
}

/** Two areas: the workbook view (filling the rest) and the pane (fixed width at the right). */
function layout(root: HTMLElement): { workbook: HTMLElement; pane: HTMLElement } {
  const style = document.createElement("style");
  style.textContent = `
    #demo-shell { display: flex; height: 100vh; overflow: hidden; }
    #demo-workbook { flex: 1; min-width: 0; border-right: 1px solid #c8c8c8; }
    #root { width: ${PANE_WIDTH}px; flex: none; overflow-y: auto; }
    @media (max-width: 760px) {
      #demo-shell { flex-direction: column; height: auto; overflow: visible; }
      #demo-workbook { height: 40vh; border-right: none; border-bottom: 1px solid #c8c8c8; }
      #root { width: auto; overflow: visible; }
    }`;
  document.head.appendChild(style);
  const shell = document.createElement("div");
  shell.id = "demo-shell";
  const workbook = document.createElement("div");
  workbook.id = "demo-workbook";
  root.parentElement!.insertBefore(shell, root);
  shell.append(workbook, root);
  return { workbook, pane: root };
}

async function start(): Promise<void> {
  // The demo page loads the local office.js so Office-dependent code behaves as in the pane; outside Office it
  // resolves with host null and never defines Excel, so the fake installed below survives.
  if (typeof Office !== "undefined") await Office.onReady();
  silenceOfficeTelemetryOutsideOffice();
  const fake = createFakeExcel(snapshotToFakeInit(sample as unknown as WorkbookSnapshot));
  const store = watch(fake);
  window.__fake = fake;
  window.__refreshWorkbookView = store.bump;
  (window as unknown as { Excel: unknown }).Excel = fake.Excel;

  const container = document.getElementById("root");
  if (!container) throw new Error("demo.html has no #root element");
  const { workbook, pane } = layout(container);
  createRoot(workbook).render(<WorkbookView fake={fake} store={store} />);
  mountPane(pane, {
    gateway: createExcelGateway(),
    runner: createCoreRunner(),
    environment: "demo",
    lang: langFromDisplayLanguage(paneLanguage(undefined, window.location.search)),
  });
}

void start();
