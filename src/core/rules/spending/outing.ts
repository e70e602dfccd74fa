/**
 * Spring/autumn outings must be same-day and within the per-person per-day cap (Shandong: 200 元). Flags an outing
 * entry that mentions lodging or a multi-day trip; and, when the summary states a head count ("30人"), one whose
 * cost per head exceeds the pack's cap. An outing booked as several entries is checked entry by entry.
 */
import type { Finding } from "../../model/types";
import type { Rule } from "../types";
import { amountCell, cellOf, finding, headcountInSummary, yuan } from "../util";

export const outingOvernightOrOverCap: Rule = {
  id: "outing-overnight-or-over-cap",
  area: "spending",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const cap = ctx.pack.outingPerDayFen;
    const out: Finding[] = [];
    for (const e of ctx.spendingMatches("outing").entries) {
      const stay = ctx.summaryMatch("overnight", e);
      if (stay !== undefined) {
        out.push(finding("outing-overnight-or-over-cap", "warning", { context: "overnight", term: stay, summary: e.summary, amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "summary")]));
        continue;
      }
      const heads = headcountInSummary(e.summary);
      if (cap === undefined || !heads) continue;
      const perHead = Math.round(e.expense / heads);
      if (perHead <= cap) continue;
      out.push(
        finding("outing-overnight-or-over-cap", "warning", { context: "cap", heads, summary: e.summary, amount: yuan(e.expense), amountFen: e.expense, perHead: yuan(perHead), perHeadFen: perHead, cap: yuan(cap), capFen: cap }, [amountCell(e)]),
      );
    }
    return out;
  },
};
