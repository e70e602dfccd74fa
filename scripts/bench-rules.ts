// Benchmark of runChecks over a deterministic 100k-entry Books built in memory: npx tsx scripts/bench-rules.ts
// Prints the median of 5 runs and the slowest rules (median per rule). No file or network access.
// Optional arguments: entry count (default 100000) and number of runs (default 5): npx tsx scripts/bench-rules.ts 1000000 3
import { createHash } from "node:crypto";
import type { Books, Entry } from "../src/core/model/types";
import { runChecks } from "../src/core/rules/engine";
import { acct, books } from "../src/core/rules/testing";

const N = Number(process.argv[2] ?? 100_000);

/** A small linear congruential generator: the same books on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

function buildBooks(n: number): Books {
  const r = rng(42);
  const summaries = [
    ["会费收入", "401", "in"], ["拨缴经费", "402", "in"], ["篮球比赛场地费", "50102", "out"], ["中秋节慰问品 月饼", "50104", "out"],
    ["张三生日蛋糕券", "50104", "out"], ["李四住院慰问金", "50104", "out"], ["困难职工生活救助", "50204", "out"], ["职工培训讲课费", "50101", "out"],
    ["提现备用", "101", "out"], ["办公用品", "50305", "out"], ["春游 30人 大巴", "50102", "out"], ["宴请检查组", "50305", "out"],
  ] as const;
  const names = Array.from({ length: 300 }, (_, i) => `会员${i}`);
  const accounts = new Map(summaries.map(([, code]) => [code, acct(code)]));
  let balance = 10_000_000;
  const entries: Partial<Entry>[] = [];
  for (let i = 0; i < n; i++) {
    const [summary, code, dir] = summaries[Math.floor(r() * summaries.length)];
    const amount = 100 * (1 + Math.floor(r() * 3000));
    const day = Math.floor((i / n) * 365);
    const d = new Date(Date.UTC(2025, 0, 1 + day)).toISOString().slice(0, 10);
    const income = dir === "in" ? amount : 0;
    const expense = dir === "out" ? amount : 0;
    balance += income - expense;
    entries.push({
      date: d,
      voucher: String(i % 10 === 9 ? i : i + 1), // every tenth voucher has two lines
      summary,
      account: accounts.get(code),
      income,
      expense,
      balance: r() < 0.001 ? balance + 1 : balance,
      counterparty: names[Math.floor(r() * names.length)],
      paymentMethod: r() < 0.1 ? "现金" : "转账",
      planItem: code.startsWith("50102") ? "文体活动" : undefined,
    });
  }
  return books({
    year: 2025,
    memberCount: 300,
    opening: { amount: 10_000_000 },
    entries,
    plan: [
      { label: "会费收入", kind: "income", budget: 50_000_000 },
      { label: "文体活动", budget: 10_000_000, adjustment: 500_000 },
      { label: "职工活动支出", category: "职工活动支出", budget: 10_000_000 },
    ],
  });
}

const t0 = performance.now();
const b = buildBooks(N);
console.log(`built ${b.ledger.entries.length} entries in ${(performance.now() - t0).toFixed(0)} ms`);

// A digest of the findings, to show that a faster version gives the same output.
// The first run is timed apart: nothing is compiled yet, as in a CLI process or the pane's first click.
const firstStart = performance.now();
const first = runChecks(b);
const firstMs = performance.now() - firstStart;
const digest = createHash("sha256").update(JSON.stringify(first.findings)).digest("hex").slice(0, 16);
console.log(`first run (nothing compiled yet): ${firstMs.toFixed(1)} ms; findings sha256 ${digest}`);

const RUNS = Number(process.argv[3] ?? 5);
const runs: { total: number; timings: Record<string, number>; findings: number }[] = [];
const cpu: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const s = performance.now();
  const c = process.cpuUsage();
  const r = runChecks(b);
  const used = process.cpuUsage(c);
  cpu.push((used.user + used.system) / 1000);
  runs.push({ total: performance.now() - s, timings: r.timings, findings: r.findings.length });
}
const medianOf = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const median = medianOf(runs.map((r) => r.total));
console.log(`runChecks median of ${RUNS}: ${median.toFixed(1)} ms (runs: ${runs.map((x) => x.total.toFixed(0)).join(", ")} ms), ${runs[0].findings} findings`);
// CPU time is less sensitive than wall time to other jobs on a shared machine (GC threads count too).
console.log(`CPU time median: ${medianOf(cpu).toFixed(1)} ms; fastest run: ${Math.min(...runs.map((r) => r.total)).toFixed(1)} ms`);
// Per rule, the median over the runs (a shared machine makes any single run noisy).
const perRule = Object.keys(runs[0].timings).map((id) => [id, medianOf(runs.map((r) => r.timings[id] ?? 0))] as const);
console.log(`slowest rules, first run: ${Object.entries(first.timings).sort((x, y) => y[1] - x[1]).slice(0, 6).map(([id, ms]) => `${id} ${ms.toFixed(0)}`).join(", ")} ms`);
console.log("slowest rules (median per rule):");
for (const [id, ms] of perRule.sort((a, b2) => b2[1] - a[1]).slice(0, 10)) console.log(`  ${id.padEnd(34)} ${ms.toFixed(1)} ms`);
