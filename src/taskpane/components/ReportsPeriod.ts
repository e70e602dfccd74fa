/**
 * The reporting period as the 报表 tab offers it (a year, a half, a quarter, a month, or January to a month) and
 * the period text the core's `parsePeriod` reads ("2025", "2025H1", "2025Q3", "2025年3月", "2025年1-9月").
 * Pure, so the texts are tested against the parser itself.
 */
import { parsePeriod, type Period } from "../../core/model/period";
import type { GeneratedSheetKind } from "../../core/render/sheet-model";

export type PeriodKind = "year" | "h1" | "h2" | "quarter" | "month" | "ytd";

export const PERIOD_KINDS: readonly PeriodKind[] = ["year", "h1", "h2", "quarter", "month", "ytd"];

export interface PeriodChoice {
  kind: PeriodKind;
  /** Four digits as typed; "" until the books give a year. */
  year: string;
  /** Quarter 1–4, or the month 1–12 for "month" and "ytd" (1–N月). */
  index: number;
}

/** The text for `parsePeriod`, or undefined when the year is not a four-digit year. */
export function periodText(c: PeriodChoice): string | undefined {
  const y = c.year.trim();
  if (!/^\d{4}$/.test(y)) return undefined;
  switch (c.kind) {
    case "year":
      return y;
    case "h1":
      return `${y}H1`;
    case "h2":
      return `${y}H2`;
    case "quarter":
      return `${y}Q${clamp(c.index, 1, 4)}`;
    case "month":
      return `${y}年${clamp(c.index, 1, 12)}月`;
    case "ytd":
      return `${y}年1-${clamp(c.index, 1, 12)}月`;
  }
}

/** The period the choice names, parsed by the core (so the label shown is the one the reports print). */
export function periodOf(c: PeriodChoice): Period | undefined {
  const text = periodText(c);
  return text === undefined ? undefined : parsePeriod(text);
}

/** Index choices for a kind: quarters 1–4, months 1–12, none for the others. */
export function indexRange(kind: PeriodKind): number[] {
  if (kind === "quarter") return [1, 2, 3, 4];
  if (kind === "month" || kind === "ytd") return Array.from({ length: 12 }, (_, i) => i + 1);
  return [];
}

function clamp(n: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.trunc(n) || min));
}

/** The reports the user can pick; details are internal (names, member numbers) and only go with their summary. */
export type ReportChoice = "budget" | "disclosure" | "hardship" | "hardshipDetail" | "welfare" | "welfareDetail";

export const REPORT_CHOICES: readonly ReportChoice[] = ["budget", "disclosure", "hardship", "hardshipDetail", "welfare", "welfareDetail"];

export const REPORT_KIND: Record<ReportChoice, GeneratedSheetKind> = {
  budget: "budget-execution",
  disclosure: "disclosure",
  hardship: "hardship-summary",
  hardshipDetail: "hardship-detail",
  welfare: "welfare-summary",
  welfareDetail: "welfare-detail",
};

/** The detail a summary carries with it: unticking the summary unticks its detail. */
export const DETAIL_OF: Partial<Record<ReportChoice, ReportChoice>> = { hardship: "hardshipDetail", welfare: "welfareDetail" };
export const SUMMARY_OF: Partial<Record<ReportChoice, ReportChoice>> = { hardshipDetail: "hardship", welfareDetail: "welfare" };

/** Toggle one report, keeping a detail only with its summary. */
export function toggleReport(chosen: ReadonlySet<ReportChoice>, r: ReportChoice, on: boolean): Set<ReportChoice> {
  const next = new Set(chosen);
  if (on) {
    next.add(r);
    const summary = SUMMARY_OF[r];
    if (summary) next.add(summary);
  } else {
    next.delete(r);
    const detail = DETAIL_OF[r];
    if (detail) next.delete(detail);
  }
  return next;
}

/** The sheet kinds to write for the chosen reports. */
export function chosenKinds(chosen: ReadonlySet<ReportChoice>): Set<GeneratedSheetKind> {
  return new Set([...chosen].map((r) => REPORT_KIND[r]));
}
