/**
 * Perf sanity check, not a test (no timed assertions in jest): `npx tsx src/core/read/read.bench.ts [rows]`.
 * Builds a 12-column ledger with month subtotals, text amounts and a few bad cells, and times readBooks.
 */
import type { CellValue } from "../model/types";
import { readBooks } from "./books";

const rows = Number(globalThis.process?.argv?.[2] ?? 100_000);
const accounts = ["会费收入", "50102", "职工活动支出—文体活动费", "50204", "402", "困难职工帮扶费"];
const values: CellValue[][] = [
  ["2025年经费收支明细账", null, null, null, null, null, null, null, null, null, null, null],
  ["日期", "凭证号", "摘要", "科目", "明细科目", "收入", "支出", "余额", "收款人", "支付方式", "经费类别", "备注"],
];
let balance = 0;
for (let i = 0; i < rows; i++) {
  const month = 1 + Math.floor((i * 12) / rows);
  const day = 1 + (i % 28);
  if (i > 0 && i % 5000 === 0) values.push([null, null, "本月合计", null, null, 1, 1, balance, null, null, null, null]);
  const income = i % 3 === 0 ? (i % 1000) + 0.5 : null;
  const expense = i % 3 !== 0 ? (i % 7 === 0 ? `${i % 500}.25` : i % 500) : null;
  balance += (income ?? 0) - (typeof expense === "number" ? expense : 0);
  values.push([
    45658 + month * 30 + day, `记-${i}`, `摘要${i % 97}`, accounts[i % accounts.length], null,
    income, i % 10007 === 0 ? "12..3" : expense, balance, `收款人${i % 50}`, "转账", "工会经费", null,
  ]);
}
const wb = { sheets: [{ name: "明细账", values, numberFormats: undefined }] };
// CPU time (user + system) when the host can tell it (Node), else wall time; median of 5 runs after a warm-up.
const cpu = (globalThis as { process?: { cpuUsage(): { user: number; system: number } } }).process?.cpuUsage;
const clockMs = (): number => {
  if (!cpu) return performance.now();
  const u = cpu();
  return (u.user + u.system) / 1000;
};
readBooks(wb);
const times: number[] = [];
for (let run = 0; run < 5; run++) {
  const t0 = clockMs();
  const books = readBooks(wb);
  const ms = clockMs() - t0;
  times.push(ms);
  console.log(`run ${run + 1}: ${rows} rows x 12 cols -> ${books.ledger.entries.length} entries, ` +
    `${books.ledger.subtotals.length} subtotals, ${books.findings.length} findings in ${ms.toFixed(0)} ms ${cpu ? "CPU" : "wall"}`);
}
times.sort((a, b) => a - b);
console.log(`median ${times[2].toFixed(0)} ms ${cpu ? "CPU" : "wall"}`);
