// Benchmark of runChecks on a realistic generated ledger, loaded the way the CLI loads it (src/cli/load, then
// readBooks): npx tsx scripts/bench-checks.ts [ledger.csv|books.xlsx] [warm runs]
// Default: bench-data/100k/ledger.csv (plan.csv beside it), 5 warm runs. Prints the first ("cold": nothing
// compiled yet, as in a CLI process) run, the median of the warm runs, CPU times and the slowest rules.
// With --dump FILE the findings of the first run are written as JSON, to compare the output of two versions.
import { createHash } from "node:crypto";
import { writeFileSync } from "node:fs";
import { loadWorkbook } from "../src/cli/load";
import { readBooks } from "../src/core/read/books";
import { runChecks } from "../src/core/rules/engine";

async function main() {
  const args = process.argv.slice(2);
  const dumpAt = args.indexOf("--dump");
  const dump = dumpAt >= 0 ? args.splice(dumpAt, 2)[1] : undefined;
  const file = args[0] ?? "bench-data/100k/ledger.csv";
  const warmRuns = Number(args[1] ?? 5);

  const t0 = performance.now();
  const loaded = await loadWorkbook(file);
  const books = readBooks(loaded.workbook, {});
  console.log(`${file}: ${books.ledger.entries.length} entries, loaded and read in ${(performance.now() - t0).toFixed(0)} ms`);

  const timed = () => {
    const c = process.cpuUsage();
    const s = performance.now();
    const r = runChecks(books);
    const wall = performance.now() - s;
    const used = process.cpuUsage(c);
    return { r, wall, cpu: (used.user + used.system) / 1000 };
  };

  const cold = timed();
  const json = JSON.stringify(cold.r.findings);
  const digest = createHash("sha256").update(json).digest("hex").slice(0, 16);
  console.log(`cold: ${cold.wall.toFixed(1)} ms wall, ${cold.cpu.toFixed(1)} ms CPU, ${cold.r.findings.length} findings (sha256 ${digest})`);
  if (dump) writeFileSync(dump, json);

  const warm = Array.from({ length: warmRuns }, timed);
  const medianOf = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
  if (warm.length) console.log(
    `warm median of ${warmRuns}: ${medianOf(warm.map((w) => w.wall)).toFixed(1)} ms wall, ${medianOf(warm.map((w) => w.cpu)).toFixed(1)} ms CPU ` +
      `(runs: ${warm.map((w) => w.wall.toFixed(0)).join(", ")} ms)`,
  );
  const show = (title: string, timings: Record<string, number>[]) => {
    const perRule = Object.keys(timings[0]).map((id) => [id, medianOf(timings.map((t) => t[id] ?? 0))] as const);
    console.log(title);
    for (const [id, ms] of perRule.sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${id.padEnd(34)} ${ms.toFixed(1)} ms`);
  };
  show("slowest rules, cold run:", [cold.r.timings]);
  if (warm.length) show("slowest rules, warm (median per rule):", warm.map((w) => w.r.timings));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
