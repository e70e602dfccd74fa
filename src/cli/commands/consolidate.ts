/**
 * `union-books consolidate DIR -o OUT.xlsx`: for a federation or a higher union collecting its grassroots
 * unions' books. One summary row per workbook in DIR (file, union name, income, expense, closing balance,
 * findings by severity), a totals row, and one findings sheet per union. A file that cannot be read is listed
 * with its reason and does not stop the others.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, join, resolve } from "node:path";
import type { Finding } from "../../core/model/types";
import type { Lang } from "../../core/i18n";
import { findingFix, findingMessage, t } from "../../core/i18n";
import { reconcile } from "../../core/reports/reconcile";
import type { CellModel, SheetModel } from "../../core/render/sheet-model";
import { analyse, countBySeverity, resolvePack, resolvePeriod } from "../analyse";
import { CliError } from "../errors";
import { writeXlsx } from "../output/xlsx-writer";
import { load, readJsonFile } from "./common";
import { planBeside } from "../load";
import type { Io } from "./report";

export interface ConsolidateOptions {
  output: string;
  pack?: string;
  period?: string;
  lang: Lang;
}

export interface UnionRow {
  file: string;
  unionName?: string;
  income?: number;
  expense?: number;
  closing?: number;
  errors?: number;
  warnings?: number;
  infos?: number;
  /** Why the file could not be used; absent when it was read. */
  problem?: string;
  findings: Finding[];
}

const MONEY = "#,##0.00";
const BOOK_FILE = /\.(xlsx|xlsm|csv)$/i;
/** Plan CSVs sit beside ledger CSVs: they are read with their ledger, not as unions of their own. */
const PLAN_CSV = /^(plan.*|.*预算.*)\.csv$/i;

export function unionFiles(dir: string): string[] {
  const files = readdirSync(dir)
    .filter((f) => BOOK_FILE.test(f) && !PLAN_CSV.test(f) && !f.startsWith("~$") && !f.startsWith("."))
    .filter((f) => statSync(join(dir, f)).isFile());
  // A CSV that is another CSV's plan (b-plan.csv beside b-ledger.csv) is read with that ledger.
  const plans = new Set(files.filter((f) => /\.csv$/i.test(f)).map((f) => planBeside(join(dir, f))).filter(Boolean).map((p) => basename(p!)));
  return files.filter((f) => !plans.has(f)).sort((a, b) => a.localeCompare(b, "zh-CN"));
}

async function consolidateOne(path: string, o: ConsolidateOptions, messageOf: (e: unknown) => string): Promise<UnionRow> {
  const file = basename(path);
  try {
    const loaded = await load(path, {});
    const a = analyse(loaded.workbook, { pack: resolvePack(o.pack, readJsonFile), period: resolvePeriod(o.period) });
    const counts = countBySeverity(a.findings);
    const row: UnionRow = { file, unionName: a.books.plan?.unionName, errors: counts.error, warnings: counts.warning, infos: counts.info, findings: a.findings };
    if (a.period) {
      const r = reconcile(a.books, a.period);
      row.income = r.income;
      row.expense = r.expense;
      row.closing = r.ledgerClosing;
    }
    return row;
  } catch (e) {
    return { file, problem: messageOf(e), findings: [] };
  }
}

const yuan = (fen: number | undefined, style?: CellModel["style"]): CellModel =>
  fen === undefined ? { v: null, style } : { v: fen / 100, fmt: MONEY, style };

/** The summary sheet: one row per union, then totals over the unions that could be read. */
export function consolidationSheet(rows: readonly UnionRow[], lang: Lang, period: string): SheetModel {
  const tr = (k: string, p: Record<string, unknown> = {}) => t(`cli.consolidate.${k}`, p, lang);
  const headers = ["file", "union", "income", "expense", "closing", "errors", "warnings", "infos", "status"].map((k) => ({ v: tr(`col.${k}`), style: "header" as const }));
  const out: CellModel[][] = [
    [{ v: tr("title"), style: "title" }],
    [{ v: tr("subtitle", { period, count: rows.length }), style: "subtitle" }],
    headers,
  ];
  const sum = { income: 0, expense: 0, closing: 0, errors: 0, warnings: 0, infos: 0 };
  for (const r of rows) {
    out.push([
      { v: r.file, style: "label" },
      { v: r.unionName ?? "", style: "label" },
      yuan(r.income, "label"),
      yuan(r.expense, "label"),
      yuan(r.closing, "label"),
      { v: r.errors ?? null, style: "label" },
      { v: r.warnings ?? null, style: "label" },
      { v: r.infos ?? null, style: "label" },
      r.problem ? { v: tr("unreadable", { reason: r.problem }), style: "warning" } : { v: tr("ok"), style: "label" },
    ]);
    if (!r.problem) {
      sum.income += r.income ?? 0;
      sum.expense += r.expense ?? 0;
      sum.closing += r.closing ?? 0;
      sum.errors += r.errors ?? 0;
      sum.warnings += r.warnings ?? 0;
      sum.infos += r.infos ?? 0;
    }
  }
  const read = rows.filter((r) => !r.problem).length;
  out.push([
    { v: tr("total"), style: "total" },
    { v: tr("totalUnions", { read, all: rows.length }), style: "total" },
    yuan(sum.income, "total"),
    yuan(sum.expense, "total"),
    yuan(sum.closing, "total"),
    { v: sum.errors, style: "total" },
    { v: sum.warnings, style: "total" },
    { v: sum.infos, style: "total" },
    { v: "", style: "total" },
  ]);
  return {
    name: tr("sheetName"),
    kind: "consolidation",
    internal: true,
    rows: out,
    columnWidths: [28, 28, 14, 14, 14, 8, 8, 8, 40],
    merges: ["A1:I1", "A2:I2"],
    freezeRows: 3,
    print: { paper: "A4", orientation: "landscape", fitToPagesWide: 1, repeatRows: "1:3", pageNumbers: true },
  };
}

/** A findings sheet for one union; internal (names of members may appear in messages). */
export function unionFindingsSheet(row: UnionRow, name: string, lang: Lang): SheetModel {
  const tr = (k: string, p: Record<string, unknown> = {}) => t(`cli.consolidate.${k}`, p, lang);
  const out: CellModel[][] = [
    [{ v: tr("findingsTitle", { union: row.unionName ?? row.file }), style: "title" }],
    [{ v: row.file, style: "subtitle" }],
    ["severity", "rule", "location", "message", "fix"].map((k) => ({ v: t(`cli.table.${k}`, {}, lang), style: "header" as const })),
  ];
  for (const f of row.findings) {
    out.push([
      { v: t(`cli.severity.${f.severity}`, {}, lang), style: f.severity === "error" ? "warning" : "label" },
      { v: f.rule, style: "label" },
      { v: f.locations.map((l) => `${l.sheet}!${l.address}`).join("、"), style: "label" },
      { v: findingMessage(f, lang), style: "label" },
      { v: findingFix(f, lang), style: "label" },
    ]);
  }
  if (row.findings.length === 0) out.push([{ v: tr("noFindings"), style: "note" }]);
  return {
    name,
    kind: "findings",
    internal: true,
    rows: out,
    columnWidths: [8, 26, 28, 60, 60],
    merges: ["A1:E1", "A2:E2"],
    freezeRows: 3,
    print: { paper: "A4", orientation: "landscape", fitToPagesWide: 1, repeatRows: "1:3", pageNumbers: true },
  };
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique (case-insensitive). */
export function uniqueSheetName(wanted: string, taken: Set<string>): string {
  const clean = wanted.replace(/[[\]:*?/\\]/g, "_").slice(0, 31) || "Sheet";
  let name = clean;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${clean.slice(0, 31 - String(i).length - 1)}~${i}`;
  taken.add(name.toLowerCase());
  return name;
}

export async function consolidateCommand(dir: string, o: ConsolidateOptions, io: Io, messageOf: (e: unknown) => string): Promise<number> {
  let files: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error("not a directory");
    files = unionFiles(dir);
  } catch {
    throw new CliError("cli.error.notADirectory", { dir });
  }
  if (!/\.xlsx$/i.test(o.output)) throw new CliError("cli.error.outputNotXlsx", { file: o.output });
  // Validate shared options once, before reading any file, so a typo is one error rather than N bad rows.
  resolvePeriod(o.period);
  resolvePack(o.pack, readJsonFile);
  const outputPath = resolve(o.output);
  const rows: UnionRow[] = [];
  for (const f of files) {
    const path = resolve(join(dir, f));
    if (path === outputPath) continue; // a previous run's output in the same folder is not a union
    rows.push(await consolidateOne(path, o, messageOf));
  }
  const period = o.period ? resolvePeriod(o.period)!.label : t("cli.consolidate.eachYear", {}, o.lang);
  const taken = new Set<string>();
  const summary = consolidationSheet(rows, o.lang, period);
  summary.name = uniqueSheetName(summary.name, taken);
  const sheets = [summary];
  for (const r of rows) {
    if (r.problem) continue;
    sheets.push(unionFindingsSheet(r, uniqueSheetName(`内部-${r.unionName ?? r.file.replace(/\.[^.]+$/, "")}`, taken), o.lang));
  }
  try {
    await writeXlsx(o.output, sheets);
  } catch (e) {
    throw new CliError("cli.error.writeFailed", { file: o.output, reason: e instanceof Error ? e.message.split("\n")[0] : String(e) });
  }
  const broken = rows.filter((r) => r.problem);
  io.out(t("cli.consolidate.written", { file: o.output, count: rows.length, read: rows.length - broken.length }, o.lang));
  for (const b of broken) io.err(t("cli.consolidate.brokenLine", { file: b.file, reason: b.problem }, o.lang));
  return 0;
}
