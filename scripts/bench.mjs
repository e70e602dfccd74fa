/**
 * npm run bench: whole-process timings of `union-books check` and `report` on 10k, 100k and 1M-row ledgers
 * (CSV) and a 100k-row .xlsx, with hledger on the same books when it is on PATH. Each run is a fresh process
 * under GNU time (`/usr/bin/time -f "%e %U %S %M"`): wall, user+sys CPU, peak RSS. Medians are printed and
 * written to docs/benchmarks.md with the machine's description.
 *
 *   node scripts/bench.mjs [--sizes 10k,100k,1m] [--runs N] [--hledger-runs N] [--no-hledger] [--no-write]
 *
 * --hledger-runs: hledger needs ~90 s a run at 1M rows, so its runs can be fewer than ours (default: the same).
 *
 * Data comes from the project's generator (scripts/generate-samples.ts) into bench-data/ (git-ignored) and is
 * generated only when missing. Not part of `npm test`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem, loadavg } from "node:os";
import { join, resolve } from "node:path";
import { toJournal } from "./bench/to-journal.mjs";

const ROOT = resolve(import.meta.dirname ?? new URL(".", import.meta.url).pathname, "..");
const DATA = join(ROOT, "bench-data");
const CLI = join(ROOT, "bin", "union-books.js");
const TIME = "/usr/bin/time";

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : dflt;
};
const SIZES = opt("--sizes", "10k,100k,1m").split(",");
const RUNS_OVERRIDE = opt("--runs");
const useHledger = !args.includes("--no-hledger") && spawnSync("hledger", ["--version"]).status === 0;
const writeDoc = !args.includes("--no-write");
const ROWS = { "10k": 10_000, "100k": 100_000, "1m": 1_000_000 };
const runsFor = (size) => Number(RUNS_OVERRIDE ?? (size === "1m" ? 3 : 5));
const HLEDGER_RUNS = opt("--hledger-runs");

if (!existsSync(TIME)) {
  console.error(`${TIME} not found: install GNU time (Debian: apt-get install -y time) and rerun.`);
  process.exit(2);
}

function generate(size, format) {
  const dir = join(DATA, size);
  const file = format === "xlsx" ? join(dir, "books.xlsx") : join(dir, "ledger.csv");
  if (existsSync(file)) return file;
  console.log(`generating ${size} ${format} …`);
  const r = spawnSync("npx", ["tsx", "scripts/generate-samples.ts", "--rows", String(ROWS[size]), "--format", format, "--out", dir], { cwd: ROOT, stdio: "inherit" });
  if (r.status !== 0) throw new Error(`generator failed for ${size} ${format}`);
  return file;
}

/** One process under GNU time; returns seconds (wall, cpu) and peak RSS in MiB, plus the exit code. */
function timed(cmd, cmdArgs) {
  const r = spawnSync(TIME, ["-f", "@@TIME %e %U %S %M", cmd, ...cmdArgs], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 30 });
  const line = (r.stderr || "").split("\n").reverse().find((l) => l.startsWith("@@TIME "));
  if (!line) throw new Error(`no timing for ${cmd} ${cmdArgs.join(" ")}: ${r.stderr}`);
  const [wall, user, sys, rssKb] = line.slice(7).split(" ").map(Number);
  return { wall, cpu: user + sys, rss: rssKb / 1024, code: r.status, stdout: r.stdout };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function bench(label, cmd, cmdArgs, runs) {
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(timed(cmd, cmdArgs));
  const res = {
    label,
    runs,
    wall: median(samples.map((s) => s.wall)),
    cpu: median(samples.map((s) => s.cpu)),
    rss: Math.max(...samples.map((s) => s.rss)),
    code: samples[0].code,
  };
  console.log(`${label.padEnd(34)} wall ${res.wall.toFixed(2)} s  cpu ${res.cpu.toFixed(2)} s  peak ${res.rss.toFixed(0)} MiB  (exit ${res.code}, median of ${runs})`);
  return res;
}

function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model ?? "?",
    nproc: cpu.length,
    memGiB: (totalmem() / 2 ** 30).toFixed(1),
    node: process.version,
    load: loadavg().map((l) => l.toFixed(2)).join(" "),
    hledger: useHledger ? spawnSync("hledger", ["--version"], { encoding: "utf8" }).stdout.trim() : "not run",
  };
}

// The bundle is built once up front so no timed run pays for it.
spawnSync(process.execPath, [CLI, "--version"], { cwd: ROOT, stdio: "ignore" });
mkdirSync(join(DATA, "out"), { recursive: true });

const results = [];
const hl = [];
for (const size of SIZES) {
  const csv = generate(size, "csv");
  const runs = runsFor(size);
  const check = bench(`check ${size} csv`, process.execPath, [CLI, "check", csv, "--json"], runs);
  const report = bench(`report ${size} csv`, process.execPath, [CLI, "report", csv, "-o", join(DATA, "out", `report-${size}.xlsx`)], runs);
  results.push({ size, kind: "check", format: "csv", ...check }, { size, kind: "report", format: "csv", ...report });
  if (size === "100k") {
    const xlsx = generate(size, "xlsx");
    results.push({ size, kind: "check", format: "xlsx", ...bench(`check ${size} xlsx`, process.execPath, [CLI, "check", xlsx, "--json"], runs) });
  }
  if (useHledger) {
    const journal = join(DATA, size, "ledger.journal");
    if (!existsSync(journal)) writeFileSync(journal, toJournal(csv, join(DATA, size, "plan.csv")));
    const hRuns = Number(HLEDGER_RUNS ?? runs);
    const hc = bench(`hledger check -s ${size}`, "hledger", ["check", "-s", "-f", journal], hRuns);
    const hb = bench(`hledger bal --budget ${size}`, "hledger", ["balance", "--budget", "-Y", "-f", journal], hRuns);
    hl.push({ size, check: hc, budget: hb, ours: { check, report } });
    console.log(`  ratio ours/hledger: check ${(check.wall / hc.wall).toFixed(2)}× wall, ${(check.cpu / hc.cpu).toFixed(2)}× cpu; report vs budget ${(report.wall / hb.wall).toFixed(2)}× wall`);
  }
}

const TARGETS = [
  { size: "100k", kind: "check", format: "csv", wall: 0.5, text: "100k CSV check ≤ 0.5 s" },
  { size: "100k", kind: "report", format: "csv", wall: 1, text: "100k CSV report ≤ 1 s" },
  { size: "1m", kind: "check", format: "csv", wall: 5, rss: 1024, text: "1M CSV check ≤ 5 s and ≤ 1 GiB" },
  { size: "100k", kind: "check", format: "xlsx", wall: 4, text: "100k xlsx check ≤ 4 s" },
];

const m = machine();
const lines = [
  "# Benchmarks",
  "",
  "Generated by `npm run bench` (`scripts/bench.mjs`); rerun it to refresh this file. Each figure is the median of",
  "whole `node bin/union-books.js …` processes under GNU time (wall, user+sys CPU) and the largest peak RSS.",
  "Data: `scripts/generate-samples.ts` ledgers (CSV with BOM + plan.csv beside it; 100k also as .xlsx).",
  "",
  `Machine: ${m.cpu}, ${m.nproc} CPUs, ${m.memGiB} GiB RAM, Node ${m.node}, ${m.hledger}. Load average at the end: ${m.load}.`,
  "",
  "| command | rows | format | runs | wall (s) | CPU (s) | peak RSS (MiB) | exit |",
  "|---|---|---|---|---|---|---|---|",
  ...results.map((r) => `| ${r.kind} | ${r.size} | ${r.format} | ${r.runs} | ${r.wall.toFixed(2)} | ${r.cpu.toFixed(2)} | ${r.rss.toFixed(0)} | ${r.code} |`),
  "",
];
if (hl.length) {
  lines.push(
    "## hledger on the same books",
    "",
    "`scripts/bench/to-journal.mjs` turns ledger.csv + plan.csv into a journal: one transaction per row with a balance",
    "assertion from the 余额 column (hledger's equivalent of our running-balance check), declared accounts, and the",
    "plan as a yearly periodic transaction. Ours/hledger > 1 means we are slower.",
    "",
    "| rows | hledger check -s wall / CPU (s) | our check wall / CPU (s) | ratio (wall) | hledger bal --budget wall (s) | our report wall (s) | ratio (wall) |",
    "|---|---|---|---|---|---|---|",
    ...hl.map((h) => `| ${h.size} | ${h.check.wall.toFixed(2)} / ${h.check.cpu.toFixed(2)} | ${h.ours.check.wall.toFixed(2)} / ${h.ours.check.cpu.toFixed(2)} | ${(h.ours.check.wall / h.check.wall).toFixed(2)}× | ${h.budget.wall.toFixed(2)} | ${h.ours.report.wall.toFixed(2)} | ${(h.ours.report.wall / h.budget.wall).toFixed(2)}× |`),
    "",
  );
}
lines.push("## Targets", "");
for (const t of TARGETS) {
  const r = results.find((x) => x.size === t.size && x.kind === t.kind && x.format === t.format);
  if (!r) {
    lines.push(`- ${t.text}: not measured in this run.`);
    continue;
  }
  const ok = r.wall <= t.wall && (t.rss === undefined || r.rss <= t.rss);
  lines.push(`- ${t.text}: ${ok ? "met" : "**missed**"} (${r.wall.toFixed(2)} s, ${r.rss.toFixed(0)} MiB).`);
}
lines.push("");
const notesFile = join(ROOT, "scripts", "bench", "notes.md");
if (existsSync(notesFile)) lines.push(readFileSync(notesFile, "utf8"));
if (writeDoc) {
  writeFileSync(join(ROOT, "docs", "benchmarks.md"), lines.join("\n"));
  console.log("wrote docs/benchmarks.md");
}
