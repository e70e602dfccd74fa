/**
 * Reporting periods: a year, a half, a quarter, a month, or the year to a date (本年累计 / 1-9月).
 * Bounds are inclusive ISO dates, so `inPeriod` is a plain string comparison.
 */
import { toHalfWidth } from "./money";
import { endOfMonth, isValidYmd, monthOf, toIso, yearOf } from "./dates";

export interface Period {
  kind: "year" | "half" | "quarter" | "month" | "ytd";
  year: number;
  /** half 1..2, quarter 1..4, month 1..12; for ytd the month of the end date. */
  index?: number;
  start: string;
  end: string;
  /** zh: "2025年", "2025年上半年", "2025年第三季度", "2025年3月", "2025年1-9月". */
  label: string;
}

const CN_NUMBERS = ["", "一", "二", "三", "四"];

export function yearPeriod(year: number): Period {
  return { kind: "year", year, start: toIso(year, 1, 1), end: toIso(year, 12, 31), label: `${year}年` };
}

export function halfPeriod(year: number, half: 1 | 2): Period {
  return {
    kind: "half",
    year,
    index: half,
    start: toIso(year, half === 1 ? 1 : 7, 1),
    end: half === 1 ? toIso(year, 6, 30) : toIso(year, 12, 31),
    label: `${year}年${half === 1 ? "上" : "下"}半年`,
  };
}

export function quarterPeriod(year: number, quarter: number): Period {
  const firstMonth = (quarter - 1) * 3 + 1;
  return {
    kind: "quarter",
    year,
    index: quarter,
    start: toIso(year, firstMonth, 1),
    end: endOfMonth(year, firstMonth + 2),
    label: `${year}年第${CN_NUMBERS[quarter]}季度`,
  };
}

export function monthPeriod(year: number, month: number): Period {
  return { kind: "month", year, index: month, start: toIso(year, month, 1), end: endOfMonth(year, month), label: `${year}年${month}月` };
}

/** From 1 January to `end` (inclusive). Label "2025年1-9月" at a month end, "2025年1月1日至9月15日" otherwise. */
export function ytdPeriod(end: string): Period {
  const year = yearOf(end);
  const month = monthOf(end);
  const day = Number(end.slice(8, 10));
  const atMonthEnd = end === endOfMonth(year, month);
  const label = atMonthEnd
    ? month === 1
      ? `${year}年1月`
      : `${year}年1-${month}月`
    : `${year}年1月1日至${month}月${day}日`;
  return { kind: "ytd", year, index: month, start: toIso(year, 1, 1), end, label };
}

const YEAR_OK = (y: number) => y >= 1900 && y <= 9999;

const QUARTER_WORDS: Record<string, number> = { "1": 1, "2": 2, "3": 3, "4": 4, 一: 1, 二: 2, 三: 3, 四: 4 };

/**
 * Reads a period: "2025", "2025年", "2025H1", "2025年上半年", "2025Q3", "2025年第三季度", "2025-03",
 * "2025年3月", "2025YTD" (to opts.today when it falls in 2025; the whole year once 2025 is over),
 * "ytd:2025-09-30", "2025年1-9月". Without opts.today, "2025YTD" is the whole year: the core has no clock.
 * A year YTD that has not started yet (today before 2025) is undefined.
 */
export function parsePeriod(text: string, opts: { today?: string } = {}): Period | undefined {
  const s = toHalfWidth(text).trim().replace(/\s+/g, "").toUpperCase();
  let m: RegExpExecArray | null;

  if ((m = /^(\d{4})(?:年度?)?$/.exec(s))) {
    const y = Number(m[1]);
    return YEAR_OK(y) ? yearPeriod(y) : undefined;
  }
  if ((m = /^(\d{4})(?:-?H([12])|年?([上下])半年)$/.exec(s))) {
    const y = Number(m[1]);
    const half = m[2] ? Number(m[2]) : m[3] === "上" ? 1 : 2;
    return YEAR_OK(y) ? halfPeriod(y, half as 1 | 2) : undefined;
  }
  if ((m = /^(\d{4})(?:-?Q([1-4])|年?第?([1-4一二三四])季度?)$/.exec(s))) {
    const y = Number(m[1]);
    return YEAR_OK(y) ? quarterPeriod(y, QUARTER_WORDS[m[2] ?? m[3]]) : undefined;
  }
  if ((m = /^(\d{4})(?:[-/.]|年)(\d{1,2})月?$/.exec(s))) {
    const y = Number(m[1]);
    const month = Number(m[2]);
    return YEAR_OK(y) && month >= 1 && month <= 12 ? monthPeriod(y, month) : undefined;
  }
  if ((m = /^YTD:(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s))) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isValidYmd(y, mo, d) ? ytdPeriod(toIso(y, mo, d)) : undefined;
  }
  if ((m = /^(\d{4})年?1[-~至到](\d{1,2})月$/.exec(s))) {
    const y = Number(m[1]);
    const month = Number(m[2]);
    return YEAR_OK(y) && month >= 1 && month <= 12 ? ytdPeriod(endOfMonth(y, month)) : undefined;
  }
  if ((m = /^(\d{4})-?YTD$/.exec(s))) {
    const y = Number(m[1]);
    if (!YEAR_OK(y)) return undefined;
    const today = opts.today;
    if (today === undefined || yearOf(today) > y) return ytdPeriod(toIso(y, 12, 31));
    if (yearOf(today) < y) return undefined;
    return ytdPeriod(today);
  }
  return undefined;
}

/** True when an ISO date falls within the period, both ends included. */
export function inPeriod(iso: string, p: Period): boolean {
  return iso >= p.start && iso <= p.end;
}
