/**
 * Statutory festivals (法定节日) for the welfare checks: festival gifts are allowed around 元旦, 春节, 清明节,
 * 劳动节, 端午节, 中秋节 and 国庆节 (reference §1.3). Lunar festivals and Qingming move every year, so they are
 * computed with lunar-javascript (pure JS, no I/O) rather than kept in a table that would run out.
 */
import { Lunar, Solar } from "lunar-javascript";
import { addDays, daysBetween, toIso, yearOf } from "./dates";

export type FestivalName = "元旦" | "春节" | "清明节" | "劳动节" | "端午节" | "中秋节" | "国庆节";

export interface Festival {
  name: FestivalName;
  /** The festival day, ISO. */
  date: string;
}

const cache = new Map<number, Festival[]>();

function lunarToIso(year: number, month: number, day: number): string {
  const solar = Lunar.fromYmd(year, month, day).getSolar();
  return toIso(solar.getYear(), solar.getMonth(), solar.getDay());
}

/** Qingming is the solar term 清明 (around 4-5 April); the lunar year containing 1 April holds that year's term. */
function qingming(year: number): string {
  const term = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()["清明"];
  return toIso(term.getYear(), term.getMonth(), term.getDay());
}

/** The seven statutory festivals of a Gregorian year, in date order (中秋 before 国庆 when they coincide). */
export function festivalsOfYear(year: number): Festival[] {
  const cached = cache.get(year);
  if (cached) return cached.map((f) => ({ ...f }));
  const festivals: Festival[] = [
    { name: "元旦", date: toIso(year, 1, 1) },
    { name: "春节", date: lunarToIso(year, 1, 1) },
    { name: "清明节", date: qingming(year) },
    { name: "劳动节", date: toIso(year, 5, 1) },
    { name: "端午节", date: lunarToIso(year, 5, 5) },
    { name: "中秋节", date: lunarToIso(year, 8, 15) },
    { name: "国庆节", date: toIso(year, 10, 1) },
  ];
  // Array.prototype.sort is stable, so equal dates keep the declaration order above.
  festivals.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  cache.set(year, festivals);
  return festivals.map((f) => ({ ...f }));
}

/**
 * The festival that `iso` falls within `windowDays` days before, or on: a purchase on 2025-01-20 is
 * 9 days before 春节 (2025-01-29). The nearest coming festival wins; December dates also look at next
 * year's 元旦 and 春节. undefined when no festival is that close.
 */
export function festivalBefore(iso: string, windowDays: number): Festival | undefined {
  const year = yearOf(iso);
  const horizon = addDays(iso, Math.max(0, windowDays));
  const candidates = [...festivalsOfYear(year), ...(yearOf(horizon) > year ? festivalsOfYear(year + 1) : [])];
  for (const f of candidates) {
    const ahead = daysBetween(iso, f.date);
    if (ahead >= 0 && ahead <= windowDays) return f;
  }
  return undefined;
}
