/** `union-books check FILE`: the pane's checks over a file; a table or JSON on stdout; exit 1 when errors. */
import { statSync } from "node:fs";
import type { Lang } from "../../core/i18n";
import { analyseBooks, countBySeverity, resolvePack, resolvePeriod } from "../analyse";
import { readBooks } from "../../core/read/books";
import type { ReadChoices } from "../../core/model/types";
import type { Progress } from "../progress";
import { findingsJsonChunks, findingsTable, type CheckSummary } from "../output/findings";
import { createProgress } from "../progress";
import { load, readChoices, readJsonFile } from "./common";

export interface CheckOptions {
  pack?: string;
  period?: string;
  lang: Lang;
  json?: boolean;
  map?: string;
  plan?: string | false;
}

/** Big enough that reading takes noticeable time: show a progress bar (on a terminal only). */
const PROGRESS_BYTES = 5 * 1024 * 1024;

export async function checkCommand(file: string, o: CheckOptions, out: (text: string) => void): Promise<number> {
  const period = resolvePeriod(o.period);
  const pack = resolvePack(o.pack, readJsonFile);
  const choices = readChoices(o.map);
  let size = 0;
  try {
    size = statSync(file).size;
  } catch {
    // load() reports the missing file
  }
  const progress = createProgress(size > PROGRESS_BYTES, o.lang === "en" ? "rows" : "行");
  const { books, files, loadMs, readMs } = await loadBooks(file, o, choices ?? {}, progress);
  const a = analyseBooks(books, readMs, { pack, period });
  progress.stop();
  const counts = countBySeverity(a.findings);
  const summary: CheckSummary = {
    errors: counts.error,
    warnings: counts.warning,
    infos: counts.info,
    entries: a.books.ledger.entries.length,
    planLines: a.books.plan?.lines.length ?? 0,
    ledgerSheets: a.books.roles.ledgerSheets,
    ...(a.books.roles.planSheet ? { planSheet: a.books.roles.planSheet } : {}),
    ...(a.period ? { period: a.period.label } : {}),
    pack: a.pack.id,
    files,
    ms: { load: Math.round(loadMs), read: Math.round(a.timings.read), checks: Math.round(a.timings.checks) },
  };
  if (o.json) for (const chunk of findingsJsonChunks(a.findings, summary, o.lang)) out(chunk);
  else out(findingsTable(a.findings, summary, o.lang));
  return counts.error > 0 ? 1 : 0;
}

/**
 * Load, then read the books, in a frame of its own: once it returns nothing refers to the snapshot any more, so
 * the GC can reclaim it (the file's text and its row index, ~150 MB at a million rows) while the checks run.
 * (A local set to undefined in checkCommand was not enough: the awaiting frame kept the snapshot in a register.)
 */
async function loadBooks(file: string, o: CheckOptions, choices: ReadChoices, progress: Progress) {
  progress.phase(o.lang === "en" ? "reading" : "读取");
  const t0 = performance.now();
  const loaded = await load(file, { plan: o.plan, progress });
  const t1 = performance.now();
  progress.phase(o.lang === "en" ? "checking" : "检查");
  const books = readBooks(loaded.workbook, choices);
  return { books, files: loaded.files, loadMs: t1 - t0, readMs: performance.now() - t1 };
}
