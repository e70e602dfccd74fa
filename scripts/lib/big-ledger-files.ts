/**
 * Writes big ledgers to disk (Node only): CSV in UTF-8 with BOM or in GBK, and xlsx through exceljs's
 * streaming writer (one ledger sheet plus a plan sheet), each with a plan.
 */
import { createWriteStream, mkdirSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import {
  CSV_HEADER,
  PLAN_CSV_HEADER,
  bigLedgerRows,
  bigPlanLines,
  bigRowFields,
  csvLine,
  newPlanTotals,
  planLineFields,
  type PlanTotals,
} from "./big-ledger";
import { isoToSerial, serialToDate } from "./excel-serial";

export type BigFormat = "csv" | "gbk" | "xlsx";

export interface BigResult {
  files: string[];
  rows: number;
  closingFen: number;
}

const CHUNK_LINES = 2000;

async function writeText(path: string, lines: Iterable<string>, encoding: "utf8" | "gbk"): Promise<void> {
  const out = createWriteStream(path);
  const encode = (text: string): Buffer => (encoding === "gbk" ? iconv.encode(text, "gbk") : Buffer.from(text, "utf8"));
  // Excel needs the BOM to open UTF-8 CSV as UTF-8; GBK files carry none.
  let chunk = encoding === "utf8" ? "\uFEFF" : "";
  let n = 0;
  for (const line of lines) {
    chunk += line;
    if (++n % CHUNK_LINES === 0) {
      if (!out.write(encode(chunk))) await once(out, "drain");
      chunk = "";
    }
  }
  out.end(encode(chunk));
  await once(out, "finish");
}

function* ledgerLines(count: number, totals: PlanTotals, seed?: number): Generator<string> {
  yield csvLine(CSV_HEADER);
  for (const row of bigLedgerRows(count, totals, seed)) yield csvLine(bigRowFields(row));
}

function* planLines(totals: PlanTotals): Generator<string> {
  yield csvLine(PLAN_CSV_HEADER);
  for (const line of bigPlanLines(totals)) yield csvLine(planLineFields(line));
}

export async function writeBigCsv(dir: string, count: number, encoding: "utf8" | "gbk", seed?: number): Promise<BigResult> {
  mkdirSync(dir, { recursive: true });
  const suffix = encoding === "gbk" ? "-gbk" : "";
  const ledgerPath = join(dir, `ledger${suffix}.csv`);
  const planPath = join(dir, `plan${suffix}.csv`);
  const totals = newPlanTotals();
  await writeText(ledgerPath, ledgerLines(count, totals, seed), encoding);
  await writeText(planPath, planLines(totals), encoding);
  return { files: [ledgerPath, planPath], rows: count, closingFen: totals.closingFen };
}

/** One xlsx with the ledger sheet "明细账" and the plan sheet "经费预算"; inline strings keep memory flat. */
export async function writeBigXlsx(dir: string, count: number, seed?: number): Promise<BigResult> {
  if (count + 2 > 1_048_576) throw new Error("an xlsx sheet holds at most 1,048,576 rows");
  mkdirSync(dir, { recursive: true });
  const path = join(dir, "books.xlsx");
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: false, useStyles: true });
  book.created = new Date(Date.UTC(2025, 11, 31));
  const money = { numFmt: "#,##0.00" };
  const ledger = book.addWorksheet("明细账", { views: [{ state: "frozen", ySplit: 1 }] });
  ledger.columns = CSV_HEADER.map((header, i) => ({
    header,
    width: [12, 13, 22, 24, 14, 12, 12, 14, 10, 10, 9][i],
    style: i === 0 ? { numFmt: "yyyy-mm-dd" } : i >= 5 && i <= 7 ? money : {},
  }));
  const totals = newPlanTotals();
  for (const r of bigLedgerRows(count, totals, seed)) {
    ledger
      .addRow([
        serialToDate(isoToSerial(r.date)),
        r.voucher,
        r.summary,
        r.account,
        r.planItem,
        r.incomeFen ? r.incomeFen / 100 : null,
        r.expenseFen ? r.expenseFen / 100 : null,
        r.balanceFen / 100,
        r.counterparty,
        r.memberId,
        r.method,
      ])
      .commit();
  }
  ledger.commit();
  const plan = book.addWorksheet("经费预算");
  plan.columns = PLAN_CSV_HEADER.map((header, i) => ({ header, width: [14, 22, 14, 14, 10, 14][i], style: i >= 3 ? money : {} }));
  for (const line of bigPlanLines(totals)) {
    plan.addRow([line.kind === "income" ? "收入" : line.category, line.account, line.item, line.budgetFen / 100, null, line.budgetFen / 100]).commit();
  }
  plan.commit();
  await book.commit();
  return { files: [path], rows: count, closingFen: totals.closingFen };
}

export async function writeBig(dir: string, count: number, format: BigFormat, seed?: number): Promise<BigResult> {
  if (format === "xlsx") return writeBigXlsx(dir, count, seed);
  return writeBigCsv(dir, count, format === "gbk" ? "gbk" : "utf8", seed);
}
