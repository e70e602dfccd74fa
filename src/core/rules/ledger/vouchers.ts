/** Voucher numbers (凭证号): missing ones, and one number used for different transactions. */
import type { Entry, Finding } from "../../model/types";
import type { Rule } from "../types";
import { cellOf, dayNumber, fieldCell, finding, toHalfWidth } from "../util";

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
    // Sheets and voucher texts from the shared row arrays; a sheet's rows come together, so its answer is kept
    // from one row to the next.
    const { sheets, vouchers } = ctx.rows;
    let sheet: string | undefined;
    let checked = false;
    for (let i = 0; i < vouchers.length; i++) {
      if (sheets[i] !== sheet) {
        sheet = sheets[i];
        if (!withColumn.has(sheet)) withColumn.set(sheet, hasVoucherColumn(ctx, sheet));
        checked = withColumn.get(sheet)!;
      }
      if (!checked) continue;
      const voucher = vouchers[i];
      if (voucher && voucher.trim()) continue;
      const e = ctx.entries[i];
      out.push(finding("missing-voucher", "warning", { date: e.date ?? "" }, [fieldCell(ctx.books.ledger.mappings, e, "voucher")]));
    }
    return out;
  },
};

const SERIES_NUMBER = /^([\u4e00-\u9fff])-(\d+)$/;

/** "记字第 12 号" and "记-12" are the same voucher; the series prefix (收/付/记/转) is kept. */
export function normalizeVoucher(v: string): string {
  // Fast path: most ledgers number vouchers with plain digits.
  if (/^\d{1,9}$/.test(v)) return String(Number(v));
  // Second fast path, the other common form "记-0000012": one series character, a hyphen, digits. The general
  // path below gives the same ("记12") through five regular-expression passes, which showed in profiles.
  const series = SERIES_NUMBER.exec(v);
  if (series && !"第号字".includes(series[1])) return series[1] + series[2].replace(/^0+(?=\d)/, "");
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
 * A normalised voucher number as a key that is cheap to hash and index. Normalised numbers carry no leading
 * zeros, so a string and a number can stand for each other one to one:
 * - plain numbers (nearly all of them) as themselves: "12" -> 12;
 * - one series character and up to 9 digits ("记12", the other common form) as SERIES_BASE × the character's
 *   code + the number: "记12" -> 0x8BB0 × 2^32 + 12. Numbers below 2^32 never collide with these, and the largest
 *   key (0x9FFF × 2^32 + 999999999) is far below 2^53, so keys are exact;
 * - anything else as the normalised string.
 * Why: a 100k-row ledger numbered "记-0000001"… made 100k fresh strings ("记1", "记2", …) only to hash them once
 * in a Map; as numbers they index a typed array per series instead.
 */
export type VoucherKey = string | number;

const SERIES_BASE = 2 ** 32;
const CJK_FIRST = 0x4e00;
const CJK_LAST = 0x9fff;

/** 1 to 9 ASCII digits (what normalizeVoucher's fast path accepts), without a regular expression. */
function isPlainNumber(v: string): boolean {
  if (v.length === 0 || v.length > 9) return false;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** The key of an already normalised voucher number (see VoucherKey). */
function keyOfNormalized(n: string): VoucherKey {
  if (isPlainNumber(n)) return Number(n);
  const c = n.charCodeAt(0);
  if (c >= CJK_FIRST && c <= CJK_LAST && n.length >= 2 && n.length <= 10) {
    const digits = n.slice(1);
    if (isPlainNumber(digits)) return c * SERIES_BASE + Number(digits);
  }
  return n;
}

/**
 * "记-0000012" straight to its key, without the strings normalizeVoucher builds: one series character (not 第, 号
 * or 字, which normalisation removes), a hyphen, digits. Undefined when the text has another form, or more than 9
 * digits once leading zeros are dropped (those take the general path, whose key is then a string).
 */
function seriesHyphenKey(v: string): number | undefined {
  const c = v.charCodeAt(0);
  if (c < CJK_FIRST || c > CJK_LAST || v.length < 3 || v.charCodeAt(1) !== 45 /* - */) return undefined;
  if (c === 0x7b2c /* 第 */ || c === 0x53f7 /* 号 */ || c === 0x5b57 /* 字 */) return undefined;
  let i = 2;
  // Leading zeros go, but not the last digit ("记-000" is "记0"), as in normalizeVoucher.
  while (i < v.length - 1 && v.charCodeAt(i) === 48) i++;
  if (v.length - i > 9) return undefined;
  let n = 0;
  for (; i < v.length; i++) {
    const d = v.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return c * SERIES_BASE + n;
}

/** The key duplicate-voucher groups a voucher by (exported for the property test against normalizeVoucher). */
export function voucherKey(v: string | undefined): VoucherKey | undefined {
  if (!v) return undefined;
  if (isPlainNumber(v)) return Number(v); // normalizeVoucher's fast path, without the round trip via String
  const fast = seriesHyphenKey(v);
  if (fast !== undefined) return fast;
  const n = normalizeVoucher(v);
  if (!n) return undefined;
  return keyOfNormalized(n);
}

/**
 * The voucher numbers used on more than one row, per sheet, with the positions of their rows in ledger order;
 * and the months any voucher was written in. Only such numbers matter: a duplicate needs two rows, and so does
 * a number that spans months. Rows whose voucher normalises to nothing ("—") share the key undefined: they
 * count for the monthly-numbering test, as they always have, but are never reported as duplicates.
 */
interface VoucherRows {
  multi: Map<string, Map<VoucherKey | undefined, number[]>>;
  months: Set<string>;
}

/**
 * Where a sheet's first row of each number is: a typed array per series (0 for plain numbers) for numbers below
 * `limit`, else a Map.
 */
interface SheetSlots {
  /** Per series: position + 1 of the first row with number n (0: none yet), for 0 <= n < limit. */
  first: Map<number, Int32Array>;
  limit: number;
  firstOther: Map<VoucherKey | undefined, number>;
  multi: Map<VoucherKey | undefined, number[]>;
}

/** The rows' voucher texts, dates and sheets by position (the context's shared row arrays, or read from entries). */
interface VoucherColumns {
  vouchers: readonly (string | undefined)[];
  dates: readonly (string | undefined)[];
  /** dayNumber of each date. */
  days: ArrayLike<number>;
  sheets: readonly string[];
}

function columnsOf(entries: Entry[]): VoucherColumns {
  return { vouchers: entries.map((e) => e.voucher), dates: entries.map((e) => e.date), days: entries.map((e) => dayNumber(e.date)), sheets: entries.map((e) => e.sheet) };
}

function voucherRows(columns: VoucherColumns, keyOf: (voucher: string, i: number) => VoucherKey | undefined): VoucherRows {
  const { vouchers, dates, days, sheets } = columns;
  // Rows per sheet, to size each sheet's array: numbers run up to about the number of rows.
  const rowsOfSheet = new Map<string, number>();
  for (let i = 0; i < sheets.length; ) {
    // Counted run by run: a sheet's rows come together.
    const name = sheets[i];
    let j = i + 1;
    while (j < sheets.length && sheets[j] === name) j++;
    rowsOfSheet.set(name, (rowsOfSheet.get(name) ?? 0) + (j - i));
    i = j;
  }
  const bySheet = new Map<string, SheetSlots>();
  const months = new Set<string>();
  let lastDate: string | undefined;
  let lastDay = 0;
  let sheet: string | undefined;
  let slots: SheetSlots | undefined;
  // The typed array of the last series seen: consecutive rows nearly always share their series.
  let lastSeries = -1;
  let positions: Int32Array | undefined;
  for (let i = 0; i < vouchers.length; i++) {
    const voucher = vouchers[i];
    if (!voucher) continue;
    // Each date's month is added once it shows; rows come in date order, so most rows repeat the previous date,
    // compared as day numbers (as text when not ISO).
    const day = days[i];
    if (day > 0 ? day !== lastDay : day < 0 && !!dates[i] && dates[i] !== lastDate) {
      lastDay = day;
      lastDate = dates[i];
      months.add(lastDate!.slice(0, 7));
    }
    if (sheets[i] !== sheet || !slots) {
      sheet = sheets[i];
      slots = bySheet.get(sheet);
      if (!slots) bySheet.set(sheet, (slots = { first: new Map(), limit: 2 * (rowsOfSheet.get(sheet) ?? 0) + 16, firstOther: new Map(), multi: new Map() }));
      lastSeries = -1;
    }
    const n = keyOf(voucher, i);
    let first: number;
    const series = typeof n === "number" ? Math.floor(n / SERIES_BASE) : -1;
    const number = typeof n === "number" ? n - series * SERIES_BASE : -1;
    if (number >= 0 && number < slots.limit) {
      if (series !== lastSeries || !positions) {
        lastSeries = series;
        positions = slots.first.get(series);
        if (!positions) slots.first.set(series, (positions = new Int32Array(slots.limit)));
      }
      const f = positions[number];
      if (f === 0) {
        positions[number] = i + 1;
        continue;
      }
      first = f - 1;
    } else {
      const f = slots.firstOther.get(n);
      if (f === undefined) {
        slots.firstOther.set(n, i);
        continue;
      }
      first = f;
    }
    const list = slots.multi.get(n);
    if (list) list.push(i);
    else slots.multi.set(n, [first, i]);
  }
  const multi = new Map<string, Map<VoucherKey | undefined, number[]>>();
  for (const [name, s] of bySheet) multi.set(name, s.multi);
  return { multi, months };
}

/**
 * Numbers restart every month when some numbers occur in many different months; a year-long sequence has each
 * number in one month only (a single typo must not flip the decision, so two such numbers are needed).
 */
function restartsMonthly(dates: readonly (string | undefined)[], rows: VoucherRows): boolean {
  if (rows.months.size < 2) return false;
  const need = Math.max(2, Math.ceil(rows.months.size / 2));
  let spanning = 0;
  for (const numbers of rows.multi.values()) {
    for (const positions of numbers.values()) {
      if (positions.length < need) continue;
      const months = new Set<string>();
      for (const i of positions) {
        const date = dates[i];
        if (date) months.add(date.slice(0, 7));
      }
      if (months.size >= need) spanning++;
    }
  }
  return spanning >= 2;
}

export function voucherNumbersRestartMonthly(entries: Entry[], normalized: Map<Entry, string> = normalizedVouchers(entries)): boolean {
  const keyOf = (_voucher: string, i: number): VoucherKey | undefined => {
    const n = normalized.get(entries[i]);
    return n !== undefined ? keyOfNormalized(n) : undefined;
  };
  const columns = columnsOf(entries);
  return restartsMonthly(columns.dates, voucherRows(columns, keyOf));
}

/**
 * The groups of rows sharing a number (per sheet, and per month when numbers restart monthly), as lists of
 * entries in ledger order, the groups in order of their first row.
 */
function duplicateGroups(dates: readonly (string | undefined)[], rows: VoucherRows, monthly: boolean): number[][] {
  const groups: number[][] = [];
  for (const numbers of rows.multi.values()) {
    for (const [n, positions] of numbers) {
      if (n === undefined) continue;
      if (!monthly) {
        groups.push(positions);
        continue;
      }
      // Numbers restart monthly: the same number in two months is two vouchers; undated rows cannot be placed.
      const byMonth = new Map<string, number[]>();
      for (const i of positions) {
        const date = dates[i];
        if (!date) continue;
        const month = date.slice(0, 7);
        const list = byMonth.get(month);
        if (list) list.push(i);
        else byMonth.set(month, [i]);
      }
      for (const list of byMonth.values()) if (list.length >= 2) groups.push(list);
    }
  }
  // In order of their first rows. No two groups share a first row, so the first rows, sorted as numbers (a typed
  // array sorts without a comparison callback), give the order.
  const firsts = new Float64Array(groups.length);
  const groupOfFirst = new Map<number, number[]>();
  groups.forEach((g, k) => {
    firsts[k] = g[0];
    groupOfFirst.set(g[0], g);
  });
  firsts.sort();
  const sorted: number[][] = new Array(groups.length);
  for (let k = 0; k < firsts.length; k++) sorted[k] = groupOfFirst.get(firsts[k])!;
  return sorted;
}

/** Do the rows carry at least two different dates (rows without a date aside)? */
function hasSeveralDates(rows: Entry[]): boolean {
  let first: string | undefined;
  for (const e of rows) {
    if (!e.date) continue;
    if (first === undefined) first = e.date;
    else if (e.date !== first) return true;
  }
  return false;
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
    // Voucher texts, dates and sheets from the shared row arrays.
    const columns = ctx.rows;
    const rows = voucherRows(columns, voucherKey);
    const monthly = restartsMonthly(columns.dates, rows);
    const out: Finding[] = [];
    for (const positions of duplicateGroups(columns.dates, rows, monthly)) {
      const group = positions.map((i) => entries[i]);
      const severalDates = hasSeveralDates(group);
      const hasIncome = group.some((e) => e.income !== 0);
      const hasExpense = group.some((e) => e.expense !== 0);
      const locations = group.map((e) => cellOf(e, "voucher"));
      const real = severalDates || (hasIncome && hasExpense);
      // `context` selects the i18n variant (i18next context): finding.duplicate-voucher.message_multiline.
      // One literal rather than `{ ...params, context }`: the spread copy was a visible cost at 10k findings.
      const params = {
        voucher: group[0].voucher!.trim(),
        count: group.length,
        numbering: monthly ? "monthly" : "yearly",
        context: real ? (severalDates ? "dates" : "directions") : "multiline",
      };
      out.push(finding("duplicate-voucher", real ? "error" : "info", params, locations));
    }
    return out;
  },
};
