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
  const byPosition = normalizedByPosition(entries);
  entries.forEach((e, i) => {
    const n = byPosition[i];
    if (n !== undefined) m.set(e, n);
  });
  return m;
}

/** The same, by position in `entries`: an array is far cheaper than a 100k-entry Map keyed by objects. */
function normalizedByPosition(entries: Entry[]): (string | undefined)[] {
  const out: (string | undefined)[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const v = entries[i].voucher;
    if (!v) continue;
    const n = normalizeVoucher(v);
    if (n) out[i] = n;
  }
  return out;
}

/**
 * Numbers restart every month when some numbers occur in many different months; a year-long sequence has each
 * number in one month only (a single typo must not flip the decision, so two such numbers are needed).
 */
export function voucherNumbersRestartMonthly(entries: Entry[], normalized: Map<Entry, string> = normalizedVouchers(entries)): boolean {
  return restartsMonthly(entries, (e) => normalized.get(e));
}

function restartsMonthly(entries: Entry[], normalizedOf: (e: Entry, i: number) => string | undefined): boolean {
  // Per sheet and number, the months it occurs in: most numbers occur in one month, so the first month is kept
  // as a plain string and a Set is made only for a number seen in a second month (one Set per row was the
  // main cost of this rule on big ledgers).
  const monthsOf = new Map<string, string | Set<string>>();
  const allMonths = new Set<string>();
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i];
    if (!e.voucher || !e.date) continue;
    const month = e.date.slice(0, 7);
    allMonths.add(month);
    // A voucher that normalises to nothing ("—") is keyed as "undefined", exactly as the template string did.
    const key = `${e.sheet}|${normalizedOf(e, i)}`;
    const seen = monthsOf.get(key);
    if (seen === undefined) monthsOf.set(key, month);
    else if (typeof seen === "string") {
      if (seen !== month) monthsOf.set(key, new Set([seen, month]));
    } else seen.add(month);
  }
  if (allMonths.size < 2) return false;
  const need = Math.max(2, Math.ceil(allMonths.size / 2));
  let spanning = 0;
  for (const s of monthsOf.values()) if ((typeof s === "string" ? 1 : s.size) >= need) spanning++;
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
    const normalized = normalizedByPosition(entries);
    const monthly = restartsMonthly(entries, (_, i) => normalized[i]);
    // Rows by number, in order of first occurrence. Nearly every number has one row: the row itself is stored
    // and a list is made only when a second row shares the number.
    const groups = new Map<string, Entry | Entry[]>();
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const n = normalized[i];
      if (!n) continue;
      if (monthly && !e.date) continue;
      const key = `${e.sheet}|${monthly ? e.date!.slice(0, 7) + "|" : ""}${n}`;
      const seen = groups.get(key);
      if (seen === undefined) groups.set(key, e);
      else if (Array.isArray(seen)) seen.push(e);
      else groups.set(key, [seen, e]);
    }
    const out: Finding[] = [];
    for (const rows of groups.values()) {
      if (!Array.isArray(rows)) continue;
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
