/** Voucher numbers (凭证号): missing ones, and one number used for different transactions. */
import type { Entry, Finding } from "../../model/types";
import type { Rule } from "../types";
import { cellOf, fieldCell, finding, groupBy, toHalfWidth } from "../util";

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
 * Numbers restart every month when some numbers occur in many different months; a year-long sequence has each
 * number in one month only (a single typo must not flip the decision, so two such numbers are needed).
 */
export function voucherNumbersRestartMonthly(entries: Entry[], normalized: Map<Entry, string> = normalizedVouchers(entries)): boolean {
  const monthsOf = new Map<string, Set<string>>();
  const allMonths = new Set<string>();
  for (const e of entries) {
    if (!e.voucher || !e.date) continue;
    const month = e.date.slice(0, 7);
    allMonths.add(month);
    const key = `${e.sheet}|${normalized.get(e)}`;
    let s = monthsOf.get(key);
    if (!s) monthsOf.set(key, (s = new Set()));
    s.add(month);
  }
  if (allMonths.size < 2) return false;
  const need = Math.max(2, Math.ceil(allMonths.size / 2));
  let spanning = 0;
  for (const s of monthsOf.values()) if (s.size >= need) spanning++;
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
    const normalized = normalizedVouchers(ctx.entries);
    const monthly = voucherNumbersRestartMonthly(ctx.entries, normalized);
    const groups = groupBy(ctx.entries, (e) => {
      const n = normalized.get(e);
      if (!n) return undefined;
      if (monthly && !e.date) return undefined;
      return `${e.sheet}|${monthly ? e.date!.slice(0, 7) + "|" : ""}${n}`;
    });
    const out: Finding[] = [];
    for (const rows of groups.values()) {
      if (rows.length < 2) continue;
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
