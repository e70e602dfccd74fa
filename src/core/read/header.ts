/**
 * Header detection: score each of the first rows (alone, and paired with the row below for two-row headers
 * such as "2025年 | | 凭证 | 摘要 | 借方" over "月 | 日 | 字号 | |") against the synonym tables, and keep the best.
 */
import type { CellValue } from "../model/types";
import { cellAddress } from "../model/a1";
import type { Grid } from "./grid";
import { normalizeHeader } from "./normalize";
import type { HeaderMatch, SynonymMatcher } from "./synonyms";

/** How many rows from the top may hold the header (title rows, notes and blank rows come first). */
export const HEADER_SCAN_ROWS = 30;

export interface ColumnHit {
  column: number;
  weight: number;
  label: string;
}

export interface DetectedHeader<F extends string> {
  /** Sheet rows making up the header (one or two). */
  headerRows: number[];
  /** First sheet row after the header. */
  dataStart: number;
  columns: Partial<Record<F, number>>;
  labels: Partial<Record<F, string>>;
  /** Fields more than one column matched: the column taken and the others, for an `ambiguous-column` finding. */
  ambiguous: { field: F; taken: ColumnHit; others: ColumnHit[]; row: number }[];
  score: number;
  /** Normalised header text per sheet column, for recognising a header repeated on a later page. */
  normalizedLabels: Map<number, string>;
}

interface CellCandidate<F extends string> {
  column: number;
  match: HeaderMatch<F>;
  label: string;
}

function displayText(v: CellValue): string {
  if (v === null || v === undefined) return "";
  return String(v).replace(/\s+/g, " ").trim();
}

/** Candidates of one row alone. */
function rowCandidates<F extends string>(grid: Grid, row: number, matcher: SynonymMatcher<F>): CellCandidate<F>[] {
  const out: CellCandidate<F>[] = [];
  for (let c = grid.left; c <= grid.topRight; c++) {
    const v = grid.filled(row, c, HEADER_SCAN_ROWS + 1);
    if (typeof v !== "string") continue; // a header is text; numbers here are data or years
    const m = matcher.match(normalizeHeader(v));
    if (m) out.push({ column: c, match: m, label: displayText(v) });
  }
  return out;
}

/** Candidates of a two-row header: per column the lower text, the joined text, or the upper text, best first. */
function pairCandidates<F extends string>(grid: Grid, row: number, matcher: SynonymMatcher<F>): CellCandidate<F>[] | undefined {
  const out: CellCandidate<F>[] = [];
  let lowerMatches = 0;
  for (let c = grid.left; c <= grid.topRight; c++) {
    const upper = grid.filled(row, c, HEADER_SCAN_ROWS + 1);
    const lower = grid.filled(row + 1, c, HEADER_SCAN_ROWS + 1);
    // A lower row holding numbers is a data row, not the second line of a header.
    if (typeof lower === "number" || typeof lower === "boolean") return undefined;
    const up = typeof upper === "string" ? upper : "";
    const low = typeof lower === "string" ? lower : "";
    const options: CellCandidate<F>[] = [];
    const lowMatch = low ? matcher.match(normalizeHeader(low)) : undefined;
    if (lowMatch) options.push({ column: c, match: lowMatch, label: up && up !== low ? `${displayText(up)}/${displayText(low)}` : displayText(low) });
    if (up && low && up !== low) {
      const joined = matcher.match(normalizeHeader(up + low));
      if (joined) options.push({ column: c, match: joined, label: `${displayText(up)}/${displayText(low)}` });
    }
    const upMatch = up ? matcher.match(normalizeHeader(up)) : undefined;
    if (upMatch && (!low || low === up)) options.push({ column: c, match: upMatch, label: displayText(up) });
    if (upMatch && low && !lowMatch) options.push({ column: c, match: upMatch, label: displayText(up) });
    if (options.length === 0) continue;
    let best = options[0];
    for (const o of options) if (o.match.weight > best.match.weight) best = o;
    if (lowMatch && best.match === lowMatch) lowerMatches++;
    out.push(best);
  }
  return lowerMatches > 0 ? out : undefined;
}

function assemble<F extends string>(cands: CellCandidate<F>[], headerRows: number[], labelRow: number): DetectedHeader<F> {
  const byField = new Map<F, CellCandidate<F>[]>();
  for (const c of cands) {
    const list = byField.get(c.match.field);
    if (list) list.push(c);
    else byField.set(c.match.field, [c]);
  }
  const columns: Partial<Record<F, number>> = {};
  const labels: Partial<Record<F, string>> = {};
  const ambiguous: DetectedHeader<F>["ambiguous"] = [];
  const normalizedLabels = new Map<number, string>();
  let score = 0;
  for (const [field, list] of byField) {
    // Highest weight wins; among equals the leftmost, which is where books put the primary column.
    let best = list[0];
    for (const c of list) if (c.match.weight > best.match.weight) best = c;
    columns[field] = best.column;
    labels[field] = best.label;
    normalizedLabels.set(best.column, normalizeHeader(best.label.replace("/", "")));
    score += best.match.weight;
    if (list.length > 1) {
      const hit = (c: CellCandidate<F>): ColumnHit => ({ column: c.column, weight: c.match.weight, label: c.label });
      ambiguous.push({ field, taken: hit(best), others: list.filter((c) => c !== best).map(hit), row: labelRow });
    }
  }
  const last = headerRows[headerRows.length - 1];
  return { headerRows, dataStart: last + 1, columns, labels, ambiguous, score, normalizedLabels };
}

/**
 * The best header among the first rows, or undefined when no row satisfies `accept` (e.g. "has a date and
 * an amount"). Ties go to the earlier and to the single-row header.
 */
export function detectHeader<F extends string>(
  grid: Grid,
  matcher: SynonymMatcher<F>,
  accept: (h: DetectedHeader<F>) => boolean,
): DetectedHeader<F> | undefined {
  let best: DetectedHeader<F> | undefined;
  const last = Math.min(grid.bottom, grid.top + HEADER_SCAN_ROWS - 1);
  const singles: (DetectedHeader<F> | undefined)[] = [];
  for (let r = grid.top; r <= last; r++) {
    const cands = rowCandidates(grid, r, matcher);
    singles.push(cands.length ? assemble(cands, [r], r) : undefined);
  }
  for (let r = grid.top; r <= last; r++) {
    const single = singles[r - grid.top];
    if (single && accept(single) && (!best || single.score > best.score + 1e-9)) best = single;
    if (r + 1 > grid.bottom) continue;
    const pair = pairCandidates(grid, r, matcher);
    if (!pair) continue;
    const h = assemble(pair, [r, r + 1], r + 1);
    const below = singles[r + 1 - grid.top];
    // The pair must add to the upper row; against the lower row alone a tie is enough when the upper row is
    // header-like itself, since merged cells ("摘要" down two rows) can fill the lower row completely.
    const belowScore = below?.score ?? 0;
    const beatsBelow = single ? h.score >= belowScore - 1e-9 : h.score > belowScore + 1e-9;
    const beatsParts = h.score > (single?.score ?? 0) + 1e-9 && beatsBelow;
    if (beatsParts && accept(h) && (!best || h.score > best.score + 1e-9)) best = h;
  }
  return best;
}

export function headerCellAddress(row: number, column: number): string {
  return cellAddress(row, column);
}
