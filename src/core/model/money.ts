/**
 * Money: integer fen (分) everywhere. This module is the one place that turns cell values into fen, rounds,
 * and formats fen back into text. Nothing here returns NaN, and nothing turns an unreadable cell into a
 * silent 0: a failed parse says why, so the reader can raise a finding that points at the cell.
 */
import type { CellValue, Fen } from "./types";

export type MoneyParse =
  | { ok: true; fen: Fen; empty: boolean } // empty=true for blank, null, "", "-", "—", "－", "/"
  | { ok: false; raw: string; reason: "text" | "error" | "precision" | "too-large" };

/** Excel's error values, as they arrive in a snapshot (as text). */
export const EXCEL_ERRORS: readonly string[] = [
  "#REF!",
  "#VALUE!",
  "#N/A",
  "#DIV/0!",
  "#NAME?",
  "#NUM!",
  "#NULL!",
  "#SPILL!",
  "#CALC!",
  "#GETTING_DATA",
];

/** True for a cell text that is an Excel error value ("#REF!", "#N/A", ...). */
export function isExcelError(text: string): boolean {
  return EXCEL_ERRORS.includes(text.trim().toUpperCase());
}

/**
 * Full-width to half-width: the forms Chinese input methods type (１２３, ，．（）－／：, ideographic space).
 * Shared by the date, account and keyword code so that all of them see the same text.
 */
export function toHalfWidth(text: string): string {
  let out = "";
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Texts treasurers type in an amount cell to mean "nothing here". Compared after toHalfWidth and trim. */
const EMPTY_MARKERS = new Set(["", "-", "--", "—", "——", "–", "/", "\\", "无"]);

/** Currency words and signs that may lead or trail an amount ("¥12", "12元", "RMB 5", "人民币5元"). */
const CURRENCY_PREFIXES = ["人民币", "RMB", "CNY", "¥", "￥"];
const CURRENCY_SUFFIXES = ["人民币", "RMB", "CNY", "元整", "元", "圆"];

const MAX_SAFE_FEN = BigInt(Number.MAX_SAFE_INTEGER);

/**
 * THE one rounding rule: yuan to fen, half away from zero, robust to float noise.
 * The product is first cut to 15 significant digits, which removes binary noise such as
 * 1.005*100 = 100.49999999999999 (-> 101) or 0.30000000000000004*100 (-> 30). Throws on NaN/Infinity:
 * that is a programming error, not a property of the user's books.
 */
export function roundToFen(yuan: number): Fen {
  if (!Number.isFinite(yuan)) throw new RangeError(`roundToFen: not a finite number: ${yuan}`);
  const scaled = Math.abs(yuan) * 100;
  // Fast path, same result: below 1e13 the 15-digit cut moves the value by at most 0.05, so a value within
  // 0.4 of a whole fen rounds to that fen either way; only values near half a fen need the cut.
  if (scaled < 1e13) {
    const nearest = Math.round(scaled);
    if (Math.abs(scaled - nearest) < 0.4) return (yuan < 0 ? -nearest : nearest) + 0;
  }
  // Beyond 1e15 a double has no fraction digits left worth rounding, and toPrecision(15) would drop integers.
  const cleaned = scaled < 1e15 ? Number(scaled.toPrecision(15)) : scaled;
  const fen = Math.floor(cleaned + 0.5);
  return (yuan < 0 ? -fen : fen) + 0; // "+ 0" turns -0 into 0
}

/** Fen to a yuan number for writing numeric cells (12345 -> 123.45). */
export function fenToYuan(fen: Fen): number {
  return fen / 100;
}

/** "1,234.50", "-12.00": thousands separators, always two decimals, a leading minus for negatives. */
export function formatYuan(fen: Fen): string {
  const negative = fen < 0;
  const abs = Math.abs(Math.trunc(fen));
  const yuan = Math.floor(abs / 100).toString();
  const cents = (abs % 100).toString().padStart(2, "0");
  const grouped = yuan.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative && abs !== 0 ? "-" : ""}${grouped}.${cents}`;
}

/** Sum of fen. Integers add exactly while below Number.MAX_SAFE_INTEGER (about 90 trillion yuan). */
export function sumFen(values: Iterable<Fen>): Fen {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

function stripCurrency(text: string): string {
  let s = text.trim();
  let changed = true;
  while (changed) {
    changed = false;
    for (const p of CURRENCY_PREFIXES) {
      if (s.toUpperCase().startsWith(p)) {
        s = s.slice(p.length).trim();
        changed = true;
      }
    }
    for (const p of CURRENCY_SUFFIXES) {
      if (s.toUpperCase().endsWith(p)) {
        s = s.slice(0, s.length - p.length).trim();
        changed = true;
      }
    }
  }
  return s;
}

/** Digits with optional thousands commas in the right places, and an optional fraction. */
const PLAIN_NUMBER = /^(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d*))?$/;
const SCIENTIFIC = /^\d+(?:\.\d+)?e[+-]?\d+$/i;

type MoneyFailReason = "text" | "error" | "precision" | "too-large";

/**
 * The common typed amount ("350", "1200.5", "88.25": plain digits, at most 13 before the point and 2 after), in
 * fen, without regexes or BigInt; undefined for anything else, which takes the full path below.
 */
export function plainAmountFen(raw: string): Fen | undefined {
  const n = raw.length;
  if (n === 0 || n > 16) return undefined;
  let whole = 0;
  let digits = 0;
  let i = 0;
  for (; i < n; i++) {
    const c = raw.charCodeAt(i);
    if (c < 48 || c > 57) break;
    whole = whole * 10 + (c - 48);
    digits++;
  }
  if (digits === 0 || digits > 13) return undefined;
  if (i === n) return whole * 100;
  if (raw.charCodeAt(i) !== 46 || n - i - 1 > 2 || n - i - 1 === 0) return undefined;
  let cents = 0;
  for (let k = i + 1; k < n; k++) {
    const c = raw.charCodeAt(k);
    if (c < 48 || c > 57) return undefined;
    cents = cents * 10 + (c - 48);
  }
  if (n - i - 1 === 1) cents *= 10;
  return whole * 100 + cents;
}

function parseMoneyText(raw: string): MoneyParse {
  const plain = plainAmountFen(raw);
  if (plain !== undefined) return { ok: true, fen: plain, empty: false };
  const fail = (reason: MoneyFailReason): MoneyParse => ({ ok: false, raw, reason });
  let s = toHalfWidth(raw).trim();
  if (EMPTY_MARKERS.has(s)) return { ok: true, fen: 0, empty: true };
  if (isExcelError(s)) return fail("error");

  let negative = false;
  // Accounting negatives: (123.00) and （123.00） (the latter is already half-width here).
  const paren = /^\((.*)\)$/.exec(s);
  if (paren) {
    negative = true;
    s = paren[1];
  }
  s = stripCurrency(s);
  if (/^[-+]/.test(s)) {
    if (paren) return fail("text"); // "(-5)" is not a form anyone means
    negative = s.startsWith("-");
    s = stripCurrency(s.slice(1));
  }
  s = s.replace(/\s+/g, "");
  if (s === "") return fail("text");

  if (SCIENTIFIC.test(s)) {
    const n = Number(s);
    if (!Number.isFinite(n) || Math.abs(n) * 100 > Number.MAX_SAFE_INTEGER) return fail("too-large");
    if (Math.abs(Number((n * 100).toPrecision(15)) - Math.round(n * 100)) > 1e-6) return fail("precision");
    return { ok: true, fen: roundToFen(negative ? -n : n), empty: false };
  }

  const m = PLAIN_NUMBER.exec(s);
  if (!m || (m[1] === undefined && (m[2] === undefined || m[2] === ""))) return fail("text");
  const intDigits = (m[1] ?? "0").replace(/,/g, "");
  const fraction = m[2] ?? "";
  // More than two decimals is only acceptable when the extra digits are zeros ("12.500").
  if (/[1-9]/.test(fraction.slice(2))) return fail("precision");
  const fen = BigInt(intDigits) * 100n + BigInt(fraction.slice(0, 2).padEnd(2, "0"));
  if (fen > MAX_SAFE_FEN) return fail("too-large");
  const value = Number(fen);
  return { ok: true, fen: negative && value !== 0 ? -value : value, empty: false };
}

/**
 * Reads an amount cell. Numbers are yuan (float noise rounded to fen); text may carry thousands commas,
 * currency signs and words, full-width characters, accounting parentheses for negatives and spaces.
 */
export function parseMoney(v: CellValue): MoneyParse {
  if (v === null || v === undefined) return { ok: true, fen: 0, empty: true };
  if (typeof v === "boolean") return { ok: false, raw: String(v), reason: "text" };
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return { ok: false, raw: String(v), reason: "error" };
    if (Math.abs(v) * 100 > Number.MAX_SAFE_INTEGER) return { ok: false, raw: String(v), reason: "too-large" };
    return { ok: true, fen: roundToFen(v), empty: false };
  }
  return parseMoneyText(String(v));
}
