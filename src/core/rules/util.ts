/** Small helpers shared by rules: locating findings, grouping, recipients, head counts. */
import type { Entry, Finding, LedgerField, Severity, SourceRef } from "../model/types";
import { formatYuan } from "../model/money";
import { columnLetters } from "../model/a1";
import type { Fen } from "../model/types";

export { columnLetters };
// Where an entry's cells are: shared with the reader, which locates its own findings on entries too.
import { amountCell, cellOf, refAt } from "../model/entry-cells";
export { amountCell, cellOf, refAt };

/** True when the row's money in or out could not be read, so its effect on the balance is unknown. */
export function hasUnreadableAmount(e: Entry): boolean {
  const u = e.unreadable;
  if (!u || u.length === 0) return false;
  return u.includes("income") || u.includes("expense") || u.includes("amount");
}

/** Bits of RuleContext.rows.flags. */
export const HAS_BALANCE = 1;
export const UNREADABLE_AMOUNT = 2;
/** The row is an internal transfer (RuleContext.isTransfer). */
export const TRANSFER = 4;

export function finding(
  rule: string,
  severity: Severity,
  params: Record<string, string | number>,
  locations: SourceRef[],
  fix?: string,
): Finding {
  return fix ? { rule, severity, params, locations, fix } : { rule, severity, params, locations };
}

/**
 * Money params travel twice: formatted yuan for the message, raw fen for programs.
 * Findings are made by the ten thousand on a big ledger, so the "<name>Fen" key is made once per name (a fresh
 * key string per call must be hashed every time) and formatted amounts, which repeat, are memoised.
 */
export function money(name: string, fen: Fen): Record<string, string | number> {
  let fenKey = fenKeys.get(name);
  if (fenKey === undefined) fenKeys.set(name, (fenKey = `${name}Fen`));
  return { [name]: yuanText(fen), [fenKey]: fen };
}

/**
 * The formatted yuan of an amount, memoised: what `money` puts under `<name>`. Rules write
 * `{ amount: yuan(fen), amountFen: fen }` rather than spreading `money(...)`: an object with computed keys copied
 * into another one per finding was a visible cost at tens of thousands of findings. Same keys, same order.
 */
export function yuan(fen: Fen): string {
  return yuanText(fen);
}

const fenKeys = new Map<string, string>();
const yuanTexts = new Map<Fen, string>();
/** Past this many distinct amounts the memo starts afresh, so it cannot grow without end. */
const YUAN_MEMO_LIMIT = 20_000;

function yuanText(fen: Fen): string {
  let text = yuanTexts.get(fen);
  if (text === undefined) {
    if (yuanTexts.size >= YUAN_MEMO_LIMIT) yuanTexts.clear();
    yuanTexts.set(fen, (text = formatYuan(fen)));
  }
  return text;
}

export function groupBy<T, K>(items: Iterable<T>, key: (t: T) => K | undefined): Map<K, T[]> {
  const m = new Map<K, T[]>();
  for (const it of items) {
    const k = key(it);
    if (k === undefined) continue;
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

const spaces = /[\s\u3000]+/g;

/** Who received a per-person payment: the member id, else the counterparty's name; undefined when unknown. */
export function recipientKey(e: Entry): string | undefined {
  const id = e.memberId ? idKey(e.memberId) : undefined;
  if (id) return id;
  return e.counterparty ? nameKey(e.counterparty) : undefined;
}

/**
 * recipientKey with memos of its own, unbounded, for one run over one ledger (RuleContext.recipientAt): the
 * shared memos below start afresh past 20,000 texts, and a million-row ledger with more members than that made
 * every welfare row redo the key (a regular expression and a new string) on every run. A class, so its method is
 * one function for every run (see EntryGrouper).
 */
export class RecipientKeyer {
  private readonly ids = new Map<string, string | undefined>();
  private readonly names = new Map<string, string | undefined>();

  keyOf(e: Entry): string | undefined {
    const memberId = e.memberId;
    if (memberId) {
      const ids = this.ids;
      let id = ids.get(memberId);
      if (id === undefined && !ids.has(memberId)) ids.set(memberId, (id = idKey(memberId)));
      if (id) return id;
    }
    const counterparty = e.counterparty;
    if (!counterparty) return undefined;
    const names = this.names;
    let name = names.get(counterparty);
    if (name === undefined && !names.has(counterparty)) names.set(counterparty, (name = nameKey(counterparty)));
    return name;
  }
}

/**
 * The member-id part of recipientKey, memoised like nameKey: the welfare rules ask it of every welfare row, and
 * each answer was a regular-expression pass and a fresh "id:…" string (bounded, so it cannot grow without end).
 */
const idKeys = new Map<string, string | null>();

function idKey(memberId: string): string | undefined {
  let key = idKeys.get(memberId);
  if (key === undefined) {
    const id = memberId.replace(spaces, "");
    key = id ? `id:${id}` : null;
    if (idKeys.size >= NAME_MEMO_LIMIT) idKeys.clear();
    idKeys.set(memberId, key);
  }
  return key ?? undefined;
}

/**
 * The name part of recipientKey, memoised: several welfare rules ask it of every welfare row, and the same few
 * hundred members' names recur (bounded, so it cannot grow without end).
 */
const nameKeys = new Map<string, string | null>();
const NAME_MEMO_LIMIT = 20_000;

function nameKey(counterparty: string): string | undefined {
  let key = nameKeys.get(counterparty);
  if (key === undefined) {
    const name = counterparty.replace(spaces, "");
    key = name && !/全体|会员们|职工们|等\d*人|^\d+人$/.test(name) ? `name:${name}` : null;
    if (nameKeys.size >= NAME_MEMO_LIMIT) nameKeys.clear();
    nameKeys.set(counterparty, key);
  }
  return key ?? undefined;
}

/** The recipient's display label: the name when known, else the member id. */
export function recipientLabel(e: Entry): string {
  return e.counterparty?.trim() || e.memberId?.trim() || "";
}

const headcountRe = /(\d{1,5})\s*(?:人|名|位)(?!民)/;

/** A head count written in the summary ("中秋节慰问品 120人", "5名退休职工"), when present. */
export function headcountInSummary(summary: string | undefined): number | undefined {
  if (!summary) return undefined;
  const m = headcountRe.exec(toHalfWidth(summary));
  if (!m) return undefined;
  const n = Number(m[1]);
  return n > 0 ? n : undefined;
}

export function toHalfWidth(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export function sumOf<T>(items: T[], f: (t: T) => number): number {
  let s = 0;
  for (const it of items) s += f(it);
  return s;
}

/** Year of an ISO date without parsing ("2025-03-01" -> 2025). */
export function isoYear(iso: string | undefined): number | undefined {
  if (!iso || iso.length < 4) return undefined;
  // Four ASCII digits (every date the reader writes) are read from their char codes: no slice, no Number().
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = iso.charCodeAt(i) - 48;
    if (d < 0 || d > 9) {
      const n = Number(iso.slice(0, 4));
      return Number.isFinite(n) ? n : undefined;
    }
    y = y * 10 + d;
  }
  return y;
}

/**
 * An ISO date "YYYY-MM-DD" as the number YYYYMMDD (ISO dates compare as these numbers do), 0 for no date, -1 for a
 * text that is not an ISO date (callers fall back to the text). RuleContext.rows.days holds it for every row, so
 * a rule comparing or bucketing dates reads a number instead of each row's date text.
 */
export function dayNumber(d: string | undefined): number {
  if (d === undefined) return 0;
  if (!isIsoDate(d)) return -1;
  let n = 0;
  for (let i = 0; i < 10; i++) if (i !== 4 && i !== 7) n = n * 10 + (d.charCodeAt(i) - 48);
  return n;
}

/** "YYYY-MM-DD" in ASCII digits, tested without a regular expression (it runs on every welfare row). */
function isIsoDate(d: string): boolean {
  if (d.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = d.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

/**
 * Entries sorted by date, undated first, in a stable sort: as `(a.date ?? "").localeCompare(b.date ?? "")`
 * orders them. When every date is an ISO date (as the reader writes them), code-unit order is that same order
 * (same length, digits in the same places), and far cheaper than a collator per comparison.
 * Rows already in that order (the usual case) are returned as they are, not copied: callers must not modify the
 * result.
 */
export function byDate(rows: Entry[]): Entry[] {
  // Rows usually come in date order already: then the stable sort would change nothing.
  let iso = true;
  let sorted = true;
  let previous = "";
  for (const e of rows) {
    const d = e.date ?? "";
    if (d !== "" && !isIsoDate(d)) iso = false;
    if (d < previous) sorted = false;
    previous = d;
  }
  if (!iso) return rows.slice().sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
  if (sorted) return rows;
  return rows.slice().sort((a, b) => {
    const x = a.date ?? "";
    const y = b.date ?? "";
    return x < y ? -1 : x > y ? 1 : 0;
  });
}

/** Entries sorted by sheet order, then row: the order the treasurer wrote them. */
export function inSheetOrder(entries: Entry[], sheets: string[]): Entry[] {
  const pos = new Map(sheets.map((s, i) => [s, i]));
  return [...entries].sort((a, b) => (pos.get(a.sheet) ?? 0) - (pos.get(b.sheet) ?? 0) || a.row - b.row);
}

/**
 * The cell of a field on an entry's row even when the cell was empty (the reader records only cells it read):
 * the column comes from the sheet's column mapping.
 */
export function fieldCell(
  mappings: { sheet: string; columns: Partial<Record<LedgerField, number>> }[],
  e: Entry,
  field: LedgerField,
): SourceRef {
  const c = e.cells[field];
  if (c) return c;
  const col = mappings.find((m) => m.sheet === e.sheet)?.columns[field];
  return col ? refAt(e.sheet, e.row, col) : cellOf(e, field);
}
