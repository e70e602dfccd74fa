/** A dated entry outside the books' period (the chosen period, else the books' year). */
import { inPeriod, yearPeriod, type Period } from "../../model/period";
import type { Finding } from "../../model/types";
import type { Rule, RuleContext } from "../types";
import { cellOf, dayNumber, finding } from "../util";

export function periodOf(ctx: RuleContext): Period | undefined {
  if (ctx.options.period) return ctx.options.period;
  const year = ctx.books.ledger.year ?? ctx.books.plan?.year;
  return year ? yearPeriod(year) : undefined;
}

export const dateOutsidePeriod: Rule = {
  id: "date-outside-period",
  area: "ledger",
  tier: "basic",
  severity: "warning",
  run(ctx) {
    const period = periodOf(ctx);
    if (!period) return [];
    const out: Finding[] = [];
    // Dates from the shared row arrays: only a row outside the period is read itself.
    const { dates, days } = ctx.rows;
    // ISO dates compare as their day numbers do; a row or a period end that is not an ISO date compares as text.
    const start = dayNumber(period.start);
    const end = dayNumber(period.end);
    const numeric = start > 0 && end > 0;
    for (let i = 0; i < dates.length; i++) {
      const day = days[i];
      if (day === 0 || (numeric && day > 0 ? day >= start && day <= end : inPeriod(dates[i]!, period))) continue;
      const date = dates[i]!;
      out.push(finding("date-outside-period", "warning", { date, period: period.label, start: period.start, end: period.end }, [cellOf(ctx.entries[i], "date", "month", "day")]));
    }
    return out;
  },
};
