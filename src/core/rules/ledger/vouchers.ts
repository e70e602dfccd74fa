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

/**
 * The rows of each voucher number on each sheet, by position in `entries`, from one pass over the ledger: a
 * number with one row (nearly all of them) holds just that position; a list is made only for a second row.
 * Rows whose voucher normalises to nothing ("—") share the key undefined: they count for the monthly-numbering
 * test, as they always have, but are never reported as duplicates. Also the months any voucher was written in.
 */
interface VoucherRows {
  bySheet: Map<string, Map<VoucherKey | undefined, number | number[]>>;
  months: Set<string>;
}

function voucherRows(entries: Entry[], keyOf: (e: Entry, i: number) => VoucherKey | undefined): VoucherRows {
  const bySheet: VoucherRows["bySheet"] = new Map();
  const months = new Set<string>();
  let sheet: string | undefined;
  let numbers: Map<VoucherKey | undefined, number | number[]> | undefined;
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!e.voucher) continue;
    if (e.date) months.add(e.date.slice(0, 7));
    if (e.sheet !== sheet || !numbers) {
      sheet = e.sheet;
      numbers = bySheet.get(sheet);
      if (!numbers) bySheet.set(sheet, (numbers = new Map()));
    }
    const n = keyOf(e, i);
    const seen = numbers.get(n);
    if (seen === undefined) numbers.set(n, i);
    else if (typeof seen === "number") numbers.set(n, [seen, i]);
    else seen.push(i);
  }
  return { bySheet, months };
}

/**
 * Numbers restart every month when some numbers occur in many different months; a year-long sequence has each
 * number in one month only (a single typo must not flip the decision, so two such numbers are needed).
 * A number with one row is in one month at most, so only numbers with several rows are looked at.
 */
function restartsMonthly(entries: Entry[], rows: VoucherRows): boolean {
  if (rows.months.size < 2) return false;
  const need = Math.max(2, Math.ceil(rows.months.size / 2));
  let spanning = 0;
  for (const numbers of rows.bySheet.values()) {
    for (const positions of numbers.values()) {
      if (typeof positions === "number" || positions.length < need) continue;
      const months = new Set<string>();
      for (const i of positions) {
        const date = entries[i].date;
        if (date) months.add(date.slice(0, 7));
      }
      if (months.size >= need) spanning++;
    }
  }
  return spanning >= 2;
}

export function voucherNumbersRestartMonthly(entries: Entry[], normalized: Map<Entry, string> = normalizedVouchers(entries)): boolean {
  const keyOf = (e: Entry): VoucherKey | undefined => {
    const n = normalized.get(e);
    return n !== undefined && PLAIN_NUMBER.test(n) ? Number(n) : n;
  };
  return restartsMonthly(entries, voucherRows(entries, keyOf));
}

/**
 * The groups of rows sharing a number (per sheet, and per month when numbers restart monthly), as lists of
 * entries in ledger order, the groups in order of their first row.
 */
function duplicateGroups(entries: Entry[], rows: VoucherRows, monthly: boolean): Entry[][] {
  const groups: { first: number; rows: Entry[] }[] = [];
  for (const numbers of rows.bySheet.values()) {
    for (const [n, positions] of numbers) {
      if (n === undefined || typeof positions === "number") continue;
      if (!monthly) {
        groups.push({ first: positions[0], rows: positions.map((i) => entries[i]) });
        continue;
      }
      // Numbers restart monthly: the same number in two months is two vouchers; undated rows cannot be placed.
      const byMonth = new Map<string, number[]>();
      for (const i of positions) {
        const date = entries[i].date;
        if (!date) continue;
        const month = date.slice(0, 7);
        const list = byMonth.get(month);
        if (list) list.push(i);
        else byMonth.set(month, [i]);
      }
      for (const list of byMonth.values()) if (list.length >= 2) groups.push({ first: list[0], rows: list.map((i) => entries[i]) });
    }
  }
  return groups.sort((a, b) => a.first - b.first).map((g) => g.rows);
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
    const rows = voucherRows(entries, (e) => voucherKey(e.voucher));
    const monthly = restartsMonthly(entries, rows);
    const out: Finding[] = [];
    for (const group of duplicateGroups(entries, rows, monthly)) {
      const dates = new Set(group.map((e) => e.date).filter(Boolean));
      const hasIncome = group.some((e) => e.income !== 0);
      const hasExpense = group.some((e) => e.expense !== 0);
      const locations = group.map((e) => cellOf(e, "voucher"));
      const params = { voucher: group[0].voucher!.trim(), count: group.length, numbering: monthly ? "monthly" : "yearly" };
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
