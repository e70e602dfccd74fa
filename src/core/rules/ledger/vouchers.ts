/** Voucher numbers (凭证号): missing ones, and one number used for different transactions. */
import type { Entry, Finding } from "../../model/types";
import type { Rule } from "../types";
import { cellOf, fieldCell, finding, toHalfWidth } from "../util";

function hasVoucherColumn(ctx: Parameters<Rule["run"]>[0], sheet: string): boolean {
  return ctx.books.ledger.mappings.some((m) => m.sheet === sheet && m.columns.voucher !== undefined);
}

/** Only checked on sheets that have a voucher column: a ledger without one is not wrong for lacking numbers. */
export const missingVoucher: Rule = {
  id: "missing-voucher",
  area: "ledger",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const withColumn = new Map<string, boolean>();
    const out: Finding[] = [];
    for (const e of ctx.entries) {
      if (!withColumn.has(e.sheet)) withColumn.set(e.sheet, hasVoucherColumn(ctx, e.sheet));
      if (!withColumn.get(e.sheet)) continue;
      if (!e.voucher || !e.voucher.trim()) out.push(finding("missing-voucher", "warning", { date: e.date ?? "" }, [fieldCell(ctx.books.ledger.mappings, e, "voucher")]));
    }
    return out;
  },
};

/** "记字第 12 号" and "记-12" are the same voucher; the series prefix (收/付/记/转) is kept. */
export function normalizeVoucher(v: string): string {
  // Fast path: most ledgers number vouchers with plain digits.
  if (/^\d{1,9}$/.test(v)) return String(Number(v));
  return toHalfWidth(v)
    .replace(/[\s\u3000]+/g, "")
    .replace(/[第号#№]/g, "")
    .replace(/字/g, "")
    .replace(/[-—_－.]/g, "")
    .replace(/^(\D*)0+(?=\d)/, "$1");
}

/** Each entry's normalised voucher number (entries without one are absent), computed once per run. */
export function normalizedVouchers(entries: Entry[]): Map<Entry, string> {
  const m = new Map<Entry, string>();
  for (const e of entries) {
    if (!e.voucher) continue;
    const n = normalizeVoucher(e.voucher);
    if (n) m.set(e, n);
  }
  return m;
}

/**
 * A normalised voucher number as a Map key: plain numbers (nearly all of them) as numbers, which hash far faster
 * than strings. Normalised numbers carry no leading zeros, so "12" and 12 stand for each other one to one.
 */
type VoucherKey = string | number;
const PLAIN_NUMBER = /^\d{1,9}$/;

function voucherKey(v: string | undefined): VoucherKey | undefined {
  if (!v) return undefined;
  if (PLAIN_NUMBER.test(v)) return Number(v); // normalizeVoucher's fast path, without the round trip via String
  const n = normalizeVoucher(v);
  if (!n) return undefined;
  return PLAIN_NUMBER.test(n) ? Number(n) : n;
}

/** Each entry's voucher key, by position in `entries` (an array is cheaper than a Map keyed by 100k objects). */
function voucherKeys(entries: Entry[]): (VoucherKey | undefined)[] {
  const out: (VoucherKey | undefined)[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) out[i] = voucherKey(entries[i].voucher);
  return out;
}

/** A Map of Maps, for keys made of parts (sheet, month, number) without building a key string per row. */
function child<K, V>(m: Map<K, Map<string | number | undefined, V>>, k: K): Map<string | number | undefined, V> {
  let c = m.get(k);
  if (!c) m.set(k, (c = new Map()));
  return c;
}

/**
 * Numbers restart every month when some numbers occur in many different months; a year-long sequence has each
 * number in one month only (a single typo must not flip the decision, so two such numbers are needed).
 */
export function voucherNumbersRestartMonthly(entries: Entry[], normalized: Map<Entry, string> = normalizedVouchers(entries)): boolean {
  return restartsMonthly(entries, (e) => {
    const n = normalized.get(e);
    return n !== undefined && PLAIN_NUMBER.test(n) ? Number(n) : n;
  });
}

function restartsMonthly(entries: Entry[], keyOf: (e: Entry, i: number) => VoucherKey | undefined): boolean {
  // Per sheet and number, the months it occurs in. Most numbers occur in one month, so the first month is kept
  // as a plain string and a Set is made only for a number seen in a second month.
  const monthsOf = new Map<string, Map<VoucherKey | undefined, string | Set<string>>>();
  const allMonths = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!e.voucher || !e.date) continue;
    const month = e.date.slice(0, 7);
    allMonths.add(month);
    // A voucher that normalises to nothing ("—") still counts, under one shared key (undefined), as it always has.
    const numbers = child(monthsOf, e.sheet);
    const n = keyOf(e, i);
    const seen = numbers.get(n);
    if (seen === undefined) numbers.set(n, month);
    else if (typeof seen === "string") {
      if (seen !== month) numbers.set(n, new Set([seen, month]));
    } else seen.add(month);
  }
  if (allMonths.size < 2) return false;
  const need = Math.max(2, Math.ceil(allMonths.size / 2));
  let spanning = 0;
  for (const numbers of monthsOf.values()) for (const s of numbers.values()) if ((typeof s === "string" ? 1 : s.size) >= need) spanning++;
  return spanning >= 2;
}

/**
 * Under one number: different dates, or income and expense together, is a real duplicate (error, one finding per
 * number). Same date and same direction is one voucher written on several lines: reported once, as info.
 */
export const duplicateVoucher: Rule = {
  id: "duplicate-voucher",
  area: "ledger",
  tier: "basic",
  severity: "error",
  run(ctx) {
    const entries = ctx.entries;
    const keys = voucherKeys(entries);
    const monthly = restartsMonthly(entries, (_, i) => keys[i]);
    // Rows by sheet, month (when numbers restart monthly) and number. Nearly every number has one row, so the map
    // holds the row's position and a list is made only when a second row shares the number. The lists are filed
    // under their first row's position, so findings come out in order of first occurrence.
    const bySheet = new Map<string, Map<string | number | undefined, Map<string | number | undefined, number | Entry[]>>>();
    const groupAt: (Entry[] | undefined)[] = new Array(entries.length);
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const n = keys[i];
      if (n === undefined) continue;
      if (monthly && !e.date) continue;
      const numbers = child(child(bySheet, e.sheet), monthly ? e.date!.slice(0, 7) : undefined);
      const seen = numbers.get(n);
      if (seen === undefined) numbers.set(n, i);
      else if (typeof seen === "number") {
        const rows = [entries[seen], e];
        numbers.set(n, rows);
        groupAt[seen] = rows;
      } else seen.push(e);
    }
    const order: Entry[][] = [];
    for (const rows of groupAt) if (rows) order.push(rows);
    const out: Finding[] = [];
    for (const rows of order) {
      const dates = new Set(rows.map((e) => e.date).filter(Boolean));
      const hasIncome = rows.some((e) => e.income !== 0);
      const hasExpense = rows.some((e) => e.expense !== 0);
      const locations = rows.map((e) => cellOf(e, "voucher"));
      const params = { voucher: rows[0].voucher!.trim(), count: rows.length, numbering: monthly ? "monthly" : "yearly" };
      if (dates.size > 1 || (hasIncome && hasExpense)) {
        out.push(finding("duplicate-voucher", "error", { ...params, context: dates.size > 1 ? "dates" : "directions" }, locations));
      } else {
        // `context` selects the i18n variant (i18next context): finding.duplicate-voucher.message_multiline.
        out.push(finding("duplicate-voucher", "info", { ...params, context: "multiline" }, locations));
      }
    }
    return out;
  },
};
