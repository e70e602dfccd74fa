/**
 * Festival gifts. The cap is per member per year: collective purchases are divided by the member count
 * (options.memberCount, else the plan's 会员人数); without a member count the per-member check is skipped.
 * Guizhou caps each festival separately (festivalCaps, "*" = any other festival); Beijing caps the year's festival
 * total at a share of the budgeted income. A gift must be bought within the window before a statutory festival.
 */
import { festivalBefore, type Festival } from "../../model/festivals";
import type { Entry, Finding } from "../../model/types";
import { fenToYuan, roundToFen } from "../../model/money";
import type { Rule } from "../types";
import { amountCell, cellOf, finding, groupBy, isoYear, yuan, sumOf } from "../util";

/**
 * `festivalBefore` memoised per date for one rule run: a ledger has at most a few hundred distinct dates but may
 * have tens of thousands of festival rows, and each lookup computes the year's lunar festivals.
 */
function festivalLookup(windowDays: number): (iso: string) => Festival | undefined {
  const memo = new Map<string, Festival | undefined>();
  return (iso) => {
    if (memo.has(iso)) return memo.get(iso);
    const f = festivalBefore(iso, windowDays);
    memo.set(iso, f);
    return f;
  };
}

export const festivalGiftOverCap: Rule = {
  id: "festival-gift-over-cap",
  area: "welfare",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const pack = ctx.pack;
    const members = ctx.memberCount;
    const fallbackYear = ctx.books.ledger.year ?? ctx.books.plan?.year;
    const out: Finding[] = [];
    // The year of each row from the shared row arrays (an ISO date's day number holds it), not from its text.
    const { days, dates } = ctx.rows;
    const yearAt = (i: number) => (days[i] > 0 ? Math.floor(days[i] / 10000) : isoYear(dates[i])) ?? fallbackYear ?? 0;
    const byYear = groupBy(ctx.welfareAt("festival"), yearAt);
    for (const [year, positions] of byYear) {
      const entries = positions.map((i) => ctx.entries[i]);
      const total = sumOf(entries, (e) => e.expense);
      const where = entries.map(amountCell);
      const yearParam = year || "";

      if (pack.festivalRatioOfBudgetedIncome !== undefined && ctx.books.plan) {
        const income = sumOf(ctx.books.plan.lines.filter((l) => l.kind === "income"), (l) => l.adjustedBudget);
        const limit = Math.floor(income * pack.festivalRatioOfBudgetedIncome);
        if (income > 0 && total > limit) {
          out.push(
            finding("festival-gift-over-cap", "warning", { context: "ratio", year: yearParam, ratio: Math.round(pack.festivalRatioOfBudgetedIncome * 100), total: yuan(total), totalFen: total, income: yuan(income), incomeFen: income, cap: yuan(limit), capFen: limit, over: yuan(total - limit), overFen: total - limit }, where),
          );
        }
      }
      if (!members || members <= 0) continue;

      if (pack.festivalCaps) {
        const festivalOf = festivalLookup(ctx.options.festivalWindowDays);
        const byFestival = groupBy(entries, (e: Entry) => (e.date ? festivalOf(e.date)?.name : undefined));
        for (const [festival, list] of byFestival) {
          const cap = pack.festivalCaps[festival] ?? pack.festivalCaps["*"];
          if (cap === undefined) continue;
          const sum = sumOf(list, (e) => e.expense);
          if (sum <= cap * members) continue;
          const perHead = roundToFen(fenToYuan(sum) / members);
          out.push(
            finding("festival-gift-over-cap", "warning", { context: "festival", festival, year: yearParam, members, total: yuan(sum), totalFen: sum, perHead: yuan(perHead), perHeadFen: perHead, cap: yuan(cap), capFen: cap, over: yuan(perHead - cap), overFen: perHead - cap }, list.map(amountCell)),
          );
        }
      }
      const cap = pack.welfareCaps.festival;
      if (cap !== undefined && total > cap * members) {
        const perHead = roundToFen(fenToYuan(total) / members);
        out.push(
          finding("festival-gift-over-cap", "warning", { context: "year", year: yearParam, members, total: yuan(total), totalFen: total, perHead: yuan(perHead), perHeadFen: perHead, cap: yuan(cap), capFen: cap, over: yuan(perHead - cap), overFen: perHead - cap }, where),
        );
      }
    }
    return out;
  },
};

export const festivalGiftOffFestival: Rule = {
  id: "festival-gift-off-festival",
  area: "welfare",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const window = ctx.options.festivalWindowDays;
    const festivalOf = festivalLookup(window);
    // Dates from the shared row arrays; an ISO date's festival is memoised by its day number rather than its text.
    const { days, dates } = ctx.rows;
    const byDay = new Map<number, Festival | undefined>();
    const out: Finding[] = [];
    for (const i of ctx.welfareAt("festival")) {
      const day = days[i];
      if (day === 0) continue; // no date
      let festival: Festival | undefined;
      if (day < 0) festival = festivalOf(dates[i]!);
      else if (byDay.has(day)) festival = byDay.get(day);
      else byDay.set(day, (festival = festivalOf(dates[i]!)));
      if (festival !== undefined) continue;
      const e = ctx.entries[i];
      out.push(finding("festival-gift-off-festival", "warning", { date: e.date!, days: window, summary: e.summary, amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "date", "summary")]));
    }
    return out;
  },
};
