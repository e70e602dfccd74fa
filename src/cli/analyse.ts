/**
 * The same pipeline the pane runs, for one workbook snapshot: read the books, run the checks, and give back
 * every finding once (reader findings the rules surface are not doubled). No I/O here beyond what callers pass.
 */
import type { Books, Finding, ReadChoices, Severity, WorkbookSnapshot } from "../core/model/types";
import type { Period } from "../core/model/period";
import { parsePeriod, yearPeriod } from "../core/model/period";
import { readBooks } from "../core/read/books";
import { runChecks } from "../core/rules/engine";
import { CliError } from "./errors";
import { loadPack, packById, builtInPacks, type RulePack } from "../core/packs";

export interface Analysis {
  books: Books;
  findings: Finding[];
  pack: RulePack;
  period?: Period;
  /** Milliseconds: read (snapshot -> books) and checks. */
  timings: { read: number; checks: number };
}

/**
 * Reader findings that no rule re-emits (header-not-found, error-cell, ...) plus every rule's findings. The rules
 * in `ran` that surface reader findings (unparseable-amount, ...) already return them, so those are not repeated.
 */
export function allFindings(books: Books, checkFindings: Finding[], ran: readonly string[]): Finding[] {
  const surfaced = new Set(ran);
  return [...books.findings.filter((f) => !surfaced.has(f.rule)), ...checkFindings];
}

export function analyse(wb: WorkbookSnapshot, opts: { choices?: ReadChoices; pack?: RulePack; period?: Period } = {}): Analysis {
  const t0 = performance.now();
  const books = readBooks(wb, opts.choices ?? {});
  return analyseBooks(books, performance.now() - t0, opts);
}

/**
 * The checks half of `analyse`, for callers that read the books themselves so they can let go of the snapshot
 * first (`check` on a million-row CSV: the snapshot's cell arrays are hundreds of MB the checks never read).
 */
export function analyseBooks(books: Books, readMs: number, opts: { pack?: RulePack; period?: Period } = {}): Analysis {
  const t1 = performance.now();
  const result = runChecks(books, { pack: opts.pack, period: opts.period });
  const period = opts.period ?? defaultPeriod(books);
  const t2 = performance.now();
  return {
    books,
    findings: allFindings(books, result.findings, result.ran),
    pack: result.pack,
    period,
    timings: { read: readMs, checks: t2 - t1 },
  };
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const out: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) out[f.severity]++;
  return out;
}

/** --pack: a built-in id ("national", "anhui-2021", ...) or a JSON file's already-parsed content. */
export function resolvePack(id: string | undefined, readJson: (path: string) => unknown): RulePack | undefined {
  if (!id) return undefined;
  const builtIn = packById(id);
  if (builtIn) return builtIn;
  if (!/\.json$/i.test(id)) throw new CliError("cli.error.unknownPack", { id, ids: builtInPacks.map((p) => p.id).join(", ") });
  const r = loadPack(readJson(id));
  if (!r.ok) throw new CliError("cli.error.invalidPack", { id, errors: r.errors.map((e) => `${e.path || "/"} ${e.message}`).join("; ") });
  return r.pack;
}

export function resolvePeriod(text: string | undefined): Period | undefined {
  if (!text) return undefined;
  const p = parsePeriod(text);
  if (!p) throw new CliError("cli.error.badPeriod", { period: text });
  return p;
}

/** The period when none is given: the books' year (from dates or titles), else the plan's. */
export function defaultPeriod(books: Books): Period | undefined {
  const year = books.ledger.year ?? books.plan?.year;
  return year !== undefined ? yearPeriod(year) : undefined;
}
