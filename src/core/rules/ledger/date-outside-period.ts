/** A dated entry outside the books' period (the chosen period, else the books' year). */
import { inPeriod, yearPeriod, type Period } from "../../model/period";
import type { Rule, RuleContext } from "../types";
import { cellOf, finding } from "../util";

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
    return ctx.entries
      .filter((e) => e.date !== undefined && !inPeriod(e.date, period))
      .map((e) =>
        finding("date-outside-period", "warning", { date: e.date!, period: period.label, start: period.start, end: period.end }, [cellOf(e, "date", "month", "day")]),
      );
  },
};
