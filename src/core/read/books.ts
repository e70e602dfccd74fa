/**
 * The reader's entry point: a workbook snapshot -> Books (plan, ledger, findings). Never throws: every
 * problem, down to a single cell, is a located finding.
 */
import type {
  Books, ColumnMapping, Entry, Finding, LedgerField, Plan, ReadChoices, SheetRoles, SourceRef, SubtotalRow,
  WorkbookSnapshot,
} from "../model/types";
import { sourceRef } from "../model/a1";
import { finding } from "./findings";
import { detectHeader, HEADER_SCAN_ROWS, type DetectedHeader } from "./header";
import { readLedgerSheet, textInterner } from "./ledger";
import { isDoubleEntry, toSingleEntry } from "./double-entry";
import { overlappingSheets } from "./overlap";
import { normalizeHeader } from "./normalize";
import { readPlanSheet } from "./plan";
import { rolesFrom } from "./roles";
import { analyseWorkbook, type SheetAnalysis } from "./sheets";
import { ledgerMatcher, planMatcher } from "./synonyms";

export { detectRoles } from "./roles";
export { LEDGER_FIELD_SYNONYMS, PLAN_FIELD_SYNONYMS } from "./synonyms";
export { READ_RULES } from "./findings";

/** How many header matches make a mapping "sure" (confidence 1). */
const SURE_SCORE = 6;

export function readBooks(wb: WorkbookSnapshot, choices: ReadChoices = {}): Books {
  try {
    return read(wb, choices);
  } catch (e) {
    // A bug in the reader must not take the pane down: report it as one finding and give empty books.
    return {
      roles: { ledgerSheets: [] },
      ledger: { sheets: [], entries: [], subtotals: [], mappings: [] },
      findings: [finding("internal-error", [], { message: e instanceof Error ? e.message : String(e) })],
    };
  }
}

function read(wb: WorkbookSnapshot, choices: ReadChoices): Books {
  const analyses = analyseWorkbook(wb);
  const byName = new Map(analyses.map((a) => [a.snapshot.name, a]));
  const findings: Finding[] = [];
  const roles = chooseRoles(analyses, byName, choices.roles, findings);

  // The plan first: its year helps ledgers whose dates carry no year.
  let plan: Plan | undefined;
  if (roles.planSheet) {
    const a = byName.get(roles.planSheet)!;
    const header = withOverrides(a, a.planHeader, choices.planColumns, planMatcher);
    if (!header) {
      findings.push({ ...finding("header-not-found", [sheetStart(a)]), fix: "finding.header-not-found.fix.plan" });
    } else {
      findings.push(...ambiguityFindings(a, header, choices.planColumns));
      const r = readPlanSheet({
        grid: a.grid, columns: header.columns, labels: header.labels, headerRows: header.headerRows,
        dataStart: header.dataStart, confidence: confidence(header.score),
      });
      plan = r.plan;
      findings.push(...r.findings);
    }
  } else {
    findings.push(finding("no-plan-sheet", []));
  }

  const ledgerAnalyses = roles.ledgerSheets.map((n) => byName.get(n)!);
  const workbookYear = ledgerAnalyses.find((a) => a.year !== undefined)?.year ?? plan?.year;
  let entries: Entry[] = [];
  const subtotals: SubtotalRow[] = [];
  const mappings: ColumnMapping<LedgerField>[] = [];
  const yearCounts = new Map<number, number>();
  const accountCache = new Map();
  const intern = textInterner();
  let opening: { amount: number; source: SourceRef } | undefined;
  const readSheets: string[] = [];

  for (const a of ledgerAnalyses) {
    const header = withOverrides(a, a.ledgerHeader, choices.ledgerColumns?.[a.snapshot.name], ledgerMatcher);
    if (!header) {
      findings.push(finding("header-not-found", [sheetStart(a)]));
      continue;
    }
    findings.push(...ambiguityFindings(a, header, choices.ledgerColumns?.[a.snapshot.name]));
    readSheets.push(a.snapshot.name);
    const mapping: ColumnMapping<LedgerField> = {
      sheet: a.snapshot.name, headerRows: header.headerRows, columns: header.columns, labels: header.labels,
      confidence: confidence(header.score),
    };
    mappings.push(mapping);
    const r = readLedgerSheet({
      grid: a.grid, columns: header.columns, dataStart: header.dataStart, headerLabels: header.normalizedLabels,
      year: a.year ?? workbookYear, sheetMonth: a.month, labels: header.labels,
    }, accountCache, intern, entries.length);
    let sheetEntries = r.entries;
    if (isDoubleEntry(mapping, sheetEntries)) {
      const single = toSingleEntry(a.snapshot.name, sheetEntries, entries.length);
      sheetEntries = single.entries;
      findings.push(...single.findings);
    }
    if (entries.length === 0) entries = sheetEntries; // the usual single sheet: its array as it is
    else for (const e of sheetEntries) entries.push(e);
    subtotals.push(...r.subtotals);
    findings.push(...r.findings);
    if (!opening && r.opening) opening = r.opening;
    for (const [y, n] of r.yearCounts) yearCounts.set(y, (yearCounts.get(y) ?? 0) + n);
  }
  if (roles.ledgerSheets.length === 0) findings.push(finding("no-ledger-sheet", []));
  if (readSheets.length > 1) findings.push(...overlappingSheets(entries));

  let year: number | undefined;
  let most = 0;
  for (const [y, n] of yearCounts) if (n > most) { most = n; year = y; }
  year ??= workbookYear;

  const books: Books = {
    roles,
    ledger: { sheets: readSheets, entries, subtotals, mappings, ...(opening ? { opening } : {}), ...(year !== undefined ? { year } : {}) },
    findings,
  };
  if (plan) books.plan = plan;
  return books;
}

function chooseRoles(
  analyses: SheetAnalysis[],
  byName: Map<string, SheetAnalysis>,
  chosen: SheetRoles | undefined,
  findings: Finding[],
): SheetRoles {
  if (!chosen) return rolesFrom(analyses);
  const roles: SheetRoles = { ledgerSheets: [] };
  const missing = (name: string) => findings.push(finding("sheet-not-found", [], { sheet: name }));
  if (chosen.planSheet !== undefined) {
    if (byName.has(chosen.planSheet)) roles.planSheet = chosen.planSheet;
    else missing(chosen.planSheet);
  }
  for (const name of chosen.ledgerSheets ?? []) {
    if (byName.has(name)) roles.ledgerSheets.push(name);
    else missing(name);
  }
  return roles;
}

/**
 * The detected header with the user's column choices applied (a column number <= 0 removes a field).
 * With choices and no detected header, the best partial header (or the sheet's first row) is used.
 */
function withOverrides<F extends string>(
  a: SheetAnalysis,
  detected: DetectedHeader<F> | undefined,
  overrides: Partial<Record<F, number>> | undefined,
  matcher: typeof ledgerMatcher | typeof planMatcher,
): DetectedHeader<F> | undefined {
  if (!overrides || Object.keys(overrides).length === 0) return detected;
  const base = detected
    ?? (detectHeader(a.grid, matcher as never, (h) => Object.keys(h.columns).length >= 2) as DetectedHeader<F> | undefined)
    ?? headerlessStart(a, overrides);
  const columns: Partial<Record<F, number>> = { ...base.columns };
  const labels: Partial<Record<F, string>> = { ...base.labels };
  for (const [field, column] of Object.entries(overrides) as [F, number | undefined][]) {
    if (!column || column < 1) {
      delete columns[field];
      delete labels[field];
      continue;
    }
    // A field moved to a column another field held: that field gives the column up.
    for (const [other, c] of Object.entries(columns) as [F, number][]) if (c === column && other !== field) delete columns[other];
    columns[field] = column;
    const texts = base.headerRows.map((r) => a.grid.get(r, column)).filter((v) => v !== null && v !== "").map(String);
    labels[field] = texts.join("/") || field;
  }
  const normalizedLabels = new Map<number, string>();
  for (const r of base.headerRows.slice(-1)) {
    for (const c of Object.values(columns) as number[]) {
      const n = normalizeHeader(a.grid.get(r, c));
      if (n) normalizedLabels.set(c, n);
    }
  }
  return { ...base, columns, labels, normalizedLabels, score: Math.max(base.score, SURE_SCORE) };
}

/**
 * No header row at all, but the user named the columns: data starts at the first row with a number in one of
 * the chosen columns (a header line above it, if any, is what the user saw as the header).
 */
function headerlessStart<F extends string>(a: SheetAnalysis, overrides: Partial<Record<F, number>>): DetectedHeader<F> {
  const chosen = (Object.values(overrides) as (number | undefined)[]).filter((c): c is number => !!c && c > 0);
  let start = a.grid.top;
  for (let r = a.grid.top; r <= Math.min(a.grid.bottom, a.grid.top + HEADER_SCAN_ROWS); r++) {
    if (chosen.some((c) => typeof a.grid.get(r, c) === "number")) {
      start = r;
      break;
    }
  }
  const headerRows = start > a.grid.top ? [start - 1] : [];
  return { headerRows, dataStart: start, columns: {}, labels: {}, ambiguous: [], score: 0, normalizedLabels: new Map() };
}

function ambiguityFindings<F extends string>(a: SheetAnalysis, h: DetectedHeader<F>, overrides?: Partial<Record<F, number>>): Finding[] {
  const out: Finding[] = [];
  for (const amb of h.ambiguous) {
    if (overrides && overrides[amb.field] !== undefined) continue; // the user already chose
    if (h.columns[amb.field] !== amb.taken.column) continue;
    const sheet = a.snapshot.name;
    const taken = sourceRef(sheet, amb.row, amb.taken.column);
    const others = amb.others.map((o) => sourceRef(sheet, amb.row, o.column));
    out.push(finding("ambiguous-column", [taken, ...others], {
      field: amb.field,
      label: amb.taken.label,
      taken: `${taken.address.replace(/\d+$/, "")}（${amb.taken.label}）`,
      others: amb.others.map((o, i) => `${others[i].address.replace(/\d+$/, "")}（${o.label}）`).join("、"),
    }));
  }
  return out;
}

function sheetStart(a: SheetAnalysis): SourceRef {
  return sourceRef(a.snapshot.name, a.grid.top, a.grid.left);
}

function confidence(score: number): number {
  return Math.min(1, Math.round((score / SURE_SCORE) * 100) / 100);
}

