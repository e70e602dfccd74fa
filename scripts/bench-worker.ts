/**
 * What moving the core into a Web Worker costs and saves, on a 100k-row ledger:
 *   - structuredClone of the WorkbookSnapshot (what postMessage pays once per "read"),
 *   - read + check through the shared handler (what leaves the UI thread),
 *   - structuredClone of the Books vs of the BooksSummary (why the Books stay in the worker).
 * Run: npx tsx scripts/bench-worker.ts [rows=100000]. Prints; asserts nothing (times vary by machine).
 */
import type { CellValue, WorkbookSnapshot } from "../src/core/model/types";
import { handleRequest, runToEnd } from "../src/worker/handle";
import type { CoreRequest, HandlerState } from "../src/worker/protocol";
import { bigLedgerRows, bigPlanLines, newPlanTotals, CSV_HEADER, PLAN_CSV_HEADER } from "./lib/big-ledger";
import { isoToSerial } from "./lib/excel-serial";

function bigSnapshot(rows: number): WorkbookSnapshot {
  const totals = newPlanTotals();
  const ledger: CellValue[][] = [["2025年工会经费收支明细账"], CSV_HEADER];
  const dateFormats: string[][] = [[""], CSV_HEADER.map(() => "General")];
  for (const r of bigLedgerRows(rows, totals)) {
    // As Excel gives them: dates as serials under a date format, money as yuan numbers, blanks as "".
    ledger.push([
      isoToSerial(r.date), r.voucher, r.summary, r.account, r.planItem,
      r.incomeFen ? r.incomeFen / 100 : "", r.expenseFen ? r.expenseFen / 100 : "", r.balanceFen / 100,
      r.counterparty, r.memberId, r.method,
    ]);
    dateFormats.push(["yyyy-mm-dd", ...CSV_HEADER.slice(1).map(() => "General")]);
  }
  const plan: CellValue[][] = [["2025年工会经费预算"], ["会员人数：5000"], PLAN_CSV_HEADER];
  for (const l of bigPlanLines(totals)) {
    plan.push([l.kind === "income" ? "收入" : l.category, l.account, l.item, l.budgetFen / 100, "", l.budgetFen / 100]);
  }
  return {
    sheets: [
      { name: "预算表", values: plan },
      { name: "明细账", values: ledger, numberFormats: dateFormats, merges: ["A1:K1"] },
    ],
  };
}

const ms = (t0: number) => `${(performance.now() - t0).toFixed(0)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const jsonBytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v));

function time<T>(label: string, f: () => T): T {
  const t0 = performance.now();
  const v = f();
  console.log(`${label.padEnd(52)} ${ms(t0)}`);
  return v;
}

const rows = Number(process.argv[2] ?? 100_000);
console.log(`node ${process.version}, ${rows} ledger rows`);
const wb = time("build snapshot", () => bigSnapshot(rows));
console.log(`${"snapshot JSON size".padEnd(52)} ${mb(jsonBytes(wb))}`);
for (let i = 1; i <= 3; i++) time(`structuredClone(WorkbookSnapshot) #${i}`, () => structuredClone(wb));

let state: HandlerState = {};
const handle = (req: CoreRequest) => {
  const h = runToEnd(handleRequest(req, state), () => undefined);
  state = h.state;
  if (h.response.kind === "error") throw new Error(h.response.message);
  return h.response;
};
const read = time("handler read (readBooks + summarizeBooks)", () => handle({ id: 1, kind: "read", payload: { workbook: wb } }));
if (read.request === "read") {
  console.log(`${"  entries / reader findings".padEnd(52)} ${read.result.counts.entries} / ${read.result.counts.findings}`);
  console.log(`${"  BooksSummary JSON size".padEnd(52)} ${(jsonBytes(read.result) / 1024).toFixed(1)} KB`);
}
time("structuredClone(BooksSummary)", () => structuredClone(read));
time("structuredClone(Books) (what we avoid)", () => structuredClone(state.books));
console.log(`${"Books JSON size (what we avoid)".padEnd(52)} ${mb(jsonBytes(state.books))}`);
const check = time("handler check (runChecks, national pack)", () => handle({ id: 2, kind: "check", payload: {} }));
if (check.request === "check") {
  console.log(`${"  findings".padEnd(52)} ${check.result.findings.length}`);
  const slow = Object.entries(check.result.timings).sort((a, b) => b[1] - a[1]).slice(0, 3);
  console.log(`${"  slowest rules".padEnd(52)} ${slow.map(([id, t]) => `${id} ${t.toFixed(0)} ms`).join(", ")}`);
  time("structuredClone(CheckOutcome)", () => structuredClone(check));
}
time("handler check again (same books, 2025H1)", () => handle({ id: 3, kind: "check", payload: { periodText: "2025H1" } }));
