/**
 * Writes the sample workbook and its companions to samples/, or big benchmark ledgers to bench-data/.
 *
 *   npx tsx scripts/generate-samples.ts                       samples/ (xlsx, JSON snapshot, findings, README)
 *   npx tsx scripts/generate-samples.ts --big                 bench-data/{10k,100k,1m}/ in csv, gbk and xlsx
 *   npx tsx scripts/generate-samples.ts --rows 50000 --format csv --out bench-data/50k
 *
 * Everything is deterministic: a seeded generator, no clock, no Math.random.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { Command } from "commander";
import { buildSample, formatJson } from "./lib/sample-workbook";
import { toXlsxBuffer } from "./lib/to-exceljs";
import { writeBig, type BigFormat } from "./lib/big-ledger-files";
import { fenText } from "./lib/big-ledger";

const ROOT = resolve(__dirname, "..");
export const SAMPLE_FILES = {
  dir: join(ROOT, "samples"),
  xlsx: "工会经费样例-2025.xlsx",
  json: "sample-workbook.json",
  findings: "expected-findings.json",
  readme: "README.md",
};

async function writeSamples(): Promise<void> {
  const sample = buildSample();
  mkdirSync(SAMPLE_FILES.dir, { recursive: true });
  writeFileSync(join(SAMPLE_FILES.dir, SAMPLE_FILES.xlsx), await toXlsxBuffer(sample.table));
  writeFileSync(join(SAMPLE_FILES.dir, SAMPLE_FILES.json), formatJson(sample.snapshot));
  writeFileSync(join(SAMPLE_FILES.dir, SAMPLE_FILES.findings), formatJson(sample.expectedFindings));
  writeFileSync(join(SAMPLE_FILES.dir, SAMPLE_FILES.readme), sample.readme);
  const rows = sample.snapshot.sheets.map((s) => `${s.name} ${s.values.length} rows`).join(", ");
  console.log(`samples/: ${rows}; ${sample.ledger.entries.length} ledger entries; ${sample.expectedFindings.length} deliberate problems`);
}

const BIG_SIZES: readonly [string, number][] = [
  ["10k", 10_000],
  ["100k", 100_000],
  ["1m", 1_000_000],
];

async function writeOne(dir: string, rows: number, format: BigFormat): Promise<void> {
  const started = performance.now();
  const result = await writeBig(dir, rows, format);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${result.files.join(", ")}: ${rows} rows, closing balance ${fenText(result.closingFen)} (${seconds}s)`);
}

async function main(): Promise<void> {
  const program = new Command()
    .name("generate-samples")
    .option("--big", "write 10k, 100k and 1M-row ledgers (csv, gbk csv, xlsx) to bench-data/")
    .option("--rows <n>", "write one ledger with this many rows", (v) => Number.parseInt(v, 10))
    .option("--format <format>", "csv (UTF-8 with BOM) | gbk (GBK CSV) | xlsx (streamed)", "csv")
    .option("--out <dir>", "output directory for --rows", "bench-data/custom")
    .parse();
  const opts = program.opts<{ big?: boolean; rows?: number; format: string; out: string }>();
  if (opts.rows !== undefined) {
    if (!Number.isInteger(opts.rows) || opts.rows < 1) throw new Error("--rows needs a positive whole number");
    if (!["csv", "gbk", "xlsx"].includes(opts.format)) throw new Error(`unknown --format ${opts.format}`);
    await writeOne(resolve(opts.out), opts.rows, opts.format as BigFormat);
    return;
  }
  if (opts.big) {
    for (const [name, rows] of BIG_SIZES) {
      for (const format of ["csv", "gbk", "xlsx"] as const) await writeOne(join(ROOT, "bench-data", name), rows, format);
    }
    return;
  }
  await writeSamples();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
