/**
 * Dates: the one module that turns cells into ISO dates ("2025-03-01") and back into Excel serials.
 * All arithmetic is on plain day numbers (days since 1970-01-01, proleptic Gregorian), never on `Date`,
 * so no time zone or daylight-saving shift can move a day.
 *
 * Only year-first forms are read (2025-3-1, 2025/3/1, 2025年3月1日, 2025.3.1, 20250301): "3/1/2025" could be
 * March 1st or January 3rd, and Chinese books write the year first, so an ambiguous form is refused as text.
 */
import type { CellValue } from "./types";
import { isExcelError, toHalfWidth } from "./money";

export type DateParse =
  | { ok: true; iso: string; empty?: false }
  | { ok: true; empty: true }
  | { ok: false; raw: string; reason: "text" | "invalid" | "error" };

/** Largest serial Excel accepts: 9999-12-31. */
export const MAX_EXCEL_SERIAL = 2958465;

// ---------- civil calendar on day numbers (H. Hinnant's algorithms) ----------

/** Days since 1970-01-01 for a proleptic Gregorian date. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = (m + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (days since 1970-01-01). */
export function civilFromDays(z: number): { y: number; m: number; d: number } {
  const zz = z + 719468;
  const era = Math.floor(zz / 146097);
  const doe = zz - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return [31, isLeapYear(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** True when y-m-d is a real calendar date in the years the books can hold (1900..9999). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return (
    Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) &&
    y >= 1900 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m)
  );
}

export function toIso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function isoParts(iso: string): { y: number; m: number; d: number } {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(`not an ISO date: ${iso}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

function isoToDays(iso: string): number {
  const { y, m, d } = isoParts(iso);
  return daysFromCivil(y, m, d);
}

function daysToIso(days: number): string {
  const { y, m, d } = civilFromDays(days);
  return toIso(y, m, d);
}

export function addDays(iso: string, days: number): string {
  return daysToIso(isoToDays(iso) + days);
}

/** b - a in days. */
export function daysBetween(a: string, b: string): number {
  return isoToDays(b) - isoToDays(a);
}

export function monthOf(iso: string): number {
  return isoParts(iso).m;
}

export function yearOf(iso: string): number {
  return isoParts(iso).y;
}

/** The last day of a month, ISO. */
export function endOfMonth(year: number, month: number): string {
  return toIso(year, month, daysInMonth(year, month));
}

// ---------- Excel serials (1900 date system) ----------

/** Day number of Excel's serial 0 for serials >= 61 (1899-12-30), where the phantom 1900-02-29 is already counted. */
const SERIAL_EPOCH = daysFromCivil(1899, 12, 30);

/**
 * Excel serial to ISO, 1900 date system. Excel believes 1900 was a leap year: serial 60 is the phantom
 * 1900-02-29 (no real date: undefined), serials 1..59 are 1900-01-01..1900-02-28. A fraction (time of day)
 * is dropped. Outside 1..2958465: undefined.
 */
export function excelSerialToIso(serial: number): string | undefined {
  if (!Number.isFinite(serial)) return undefined;
  const whole = Math.floor(serial);
  if (whole < 1 || whole > MAX_EXCEL_SERIAL || whole === 60) return undefined;
  const days = whole < 60 ? SERIAL_EPOCH + whole + 1 : SERIAL_EPOCH + whole;
  return daysToIso(days);
}

/** ISO to Excel serial (1900 date system, the inverse of excelSerialToIso). Throws on a malformed ISO text. */
export function isoToExcelSerial(iso: string): number {
  const serial = isoToDays(iso) - SERIAL_EPOCH;
  return serial < 61 ? serial - 1 : serial;
}

// ---------- number formats ----------

/**
 * True when an Excel number format shows a date ("yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "m/d/yyyy",
 * "[$-804]aaaa"...). Quoted literals, escapes and [colour]/[$-locale] blocks are ignored; elapsed-time
 * formats ("[h]:mm") and plain numbers ("0.00", "General", "@") are not dates.
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format) return false;
  const cleaned = format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "")
    .toLowerCase();
  if (cleaned === "general" || cleaned === "@") return false;
  const body = cleaned.replace(/am\/pm|a\/p/g, "").replace(/e[+-]/g, ""); // "0.00E+00" is scientific, not an era year
  if (/[yde]|aaa/.test(body)) return true;
  // "m" alone is a month ("mmm"); next to hours or seconds it is minutes ("h:mm", "mm:ss").
  return /m/.test(body) && !/[hs]/.test(body);
}

/** Serials that are plausible ledger dates (1950..2099) when no date format says the number is a date. */
const PLAUSIBLE_SERIAL_MIN = isoToExcelSerial("1950-01-01");
const PLAUSIBLE_SERIAL_MAX = isoToExcelSerial("2099-12-31");

// ---------- parsing ----------

const EMPTY_DATE_MARKERS = new Set(["", "-", "--", "—", "——", "/"]);

function okIso(y: number, m: number, d: number, raw: string): DateParse {
  return isValidYmd(y, m, d) ? { ok: true, iso: toIso(y, m, d) } : { ok: false, raw, reason: "invalid" };
}

/** 20250301 as a number or text: a year-first compact date. */
function compactDate(digits: string): { y: number; m: number; d: number } | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(digits);
  if (!m) return undefined;
  const y = Number(m[1]);
  return y >= 1900 && y <= 2999 ? { y, m: Number(m[2]), d: Number(m[3]) } : undefined;
}

function parseDateNumber(n: number, raw: string, numberFormat: string | undefined): DateParse {
  if (Number.isInteger(n)) {
    const compact = compactDate(String(n));
    if (compact) return okIso(compact.y, compact.m, compact.d, raw);
  }
  if (n < 1 || n > MAX_EXCEL_SERIAL) return { ok: false, raw, reason: "invalid" };
  // A number shown with a plain (non-date) format is only taken for a serial when it lands in a plausible
  // year; otherwise "3" in a date column would silently become 1900-01-03.
  const known = numberFormat !== undefined && numberFormat !== "";
  if (known && !isDateFormat(numberFormat) && (n < PLAUSIBLE_SERIAL_MIN || n >= PLAUSIBLE_SERIAL_MAX + 1)) {
    return { ok: false, raw, reason: "invalid" };
  }
  const iso = excelSerialToIso(n);
  return iso ? { ok: true, iso } : { ok: false, raw, reason: "invalid" };
}

const TIME_SUFFIX = String.raw`(?:\s*(?:[T ]\s*)?\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?`;
/** 2025-03-01, 2025-3-1, 2025/3/1, 2025.3.1, 2025年3月1日(号), each with an optional time. */
const YMD = new RegExp(String.raw`^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*[日号]?` + TIME_SUFFIX + "$");
/** 3月1日, 3-1, 3/1, 3.1 (needs a default year). */
const MD = /^(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*[日号]?$/;

function parseDateText(raw: string, defaultYear: number | undefined): DateParse {
  const s = toHalfWidth(raw).trim();
  if (EMPTY_DATE_MARKERS.has(s)) return { ok: true, empty: true };
  if (isExcelError(s)) return { ok: false, raw, reason: "error" };

  const ymd = YMD.exec(s);
  if (ymd) return okIso(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]), raw);

  const compact = compactDate(s);
  if (compact) return okIso(compact.y, compact.m, compact.d, raw);

  const md = MD.exec(s);
  if (md) {
    // A month and day without a year cannot be placed on the calendar without the book's year.
    if (defaultYear === undefined) return { ok: false, raw, reason: "invalid" };
    return okIso(defaultYear, Number(md[1]), Number(md[2]), raw);
  }
  return { ok: false, raw, reason: "text" };
}

/**
 * Reads a date cell. Numbers are Excel serials (or 20250301); a known non-date number format only lets
 * plausible serials (1950..2099) through. Text must be year-first, or month-day with opts.defaultYear.
 */
export function parseDate(v: CellValue, opts: { numberFormat?: string; defaultYear?: number } = {}): DateParse {
  if (v === null || v === undefined) return { ok: true, empty: true };
  if (typeof v === "boolean") return { ok: false, raw: String(v), reason: "text" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { ok: false, raw: String(v), reason: "error" };
    return parseDateNumber(v, String(v), opts.numberFormat);
  }
  return parseDateText(String(v), opts.defaultYear);
}

/** A month or day cell: 3, "3", "03", "３", "3月", "1日", "1号". undefined when blank; NaN when unreadable. */
function partNumber(v: CellValue, suffix: RegExp): number | undefined {
  if (v === null || v === undefined) return undefined;
  if (typeof v === "number") return Number.isInteger(v) ? v : Number.NaN;
  if (typeof v === "boolean") return Number.NaN;
  const s = toHalfWidth(v).trim().replace(suffix, "").trim();
  if (s === "") return undefined;
  return /^\d{1,2}$/.test(s) ? Number(s) : Number.NaN;
}

/**
 * Reads a date kept in two columns (月, 日) with the book's year (usually from the title). Both blank:
 * empty. One blank, or no year: invalid. Books that leave 月 blank under the first row of a month
 * need the caller to carry the month down before calling.
 */
export function parseMonthDay(month: CellValue, day: CellValue, year: number | undefined): DateParse {
  const raw = `${month ?? ""}/${day ?? ""}`;
  const m = partNumber(month, /月$/);
  const d = partNumber(day, /[日号]$/);
  if (m === undefined && d === undefined) return { ok: true, empty: true };
  if (typeof month === "string" && isExcelError(month)) return { ok: false, raw, reason: "error" };
  if (typeof day === "string" && isExcelError(day)) return { ok: false, raw, reason: "error" };
  if ((m !== undefined && Number.isNaN(m)) || (d !== undefined && Number.isNaN(d))) {
    return { ok: false, raw, reason: "text" };
  }
  if (m === undefined || d === undefined || year === undefined) return { ok: false, raw, reason: "invalid" };
  return okIso(year, m, d, raw);
}

// ---------- year in a title ----------

const CN_DIGITS: Record<string, string> = {
  "〇": "0", "○": "0", "零": "0", "Ｏ": "0", "一": "1", "二": "2", "三": "3", "四": "4",
  "五": "5", "六": "6", "七": "7", "八": "8", "九": "9",
};

/**
 * The year a title names: "2025年银行存款日记账" -> 2025, "二〇二五年度工会经费预算" -> 2025,
 * "经费收支明细账（2025）" -> 2025. Only years 1950..2099 count, so a phone number or voucher count is not
 * taken for a year.
 */
export function yearFromTitle(text: string): number | undefined {
  const s = toHalfWidth(text);
  const inRange = (y: number) => (y >= 1950 && y <= 2099 ? y : undefined);
  const withNian = /(?<!\d)(\d{4})\s*年/.exec(s);
  if (withNian) {
    const y = inRange(Number(withNian[1]));
    if (y) return y;
  }
  const chinese = /([〇○零Ｏ一二三四五六七八九]{4})\s*年/.exec(s);
  if (chinese) {
    const y = inRange(Number([...chinese[1]].map((c) => CN_DIGITS[c]).join("")));
    if (y) return y;
  }
  for (const m of s.matchAll(/(?<!\d)(\d{4})(?!\d)/g)) {
    const y = inRange(Number(m[1]));
    if (y) return y;
  }
  return undefined;
}
