/**
 * Spring/autumn outings must be same-day and within the per-person per-day cap (Shandong: 200 元). Flags an outing
 * entry that mentions lodging or a multi-day trip; and, when the summary states a head count ("30人"), one whose
 * cost per head exceeds the pack's cap. An outing booked as several entries is checked entry by entry.
 */
import type { Finding } from "../../model/types";
import type { Rule } from "../types";
import { amountCell, cellOf, finding, headcountInSummary, money } from "../util";

export const outingOvernightOrOverCap: Rule = {
  id: "outing-overnight-or-over-cap",
  area: "spending",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const outing = ctx.keywords("outing");
    const overnight = ctx.keywords("overnight");
    const cap = ctx.pack.outingPerDayFen;
    const out: Finding[] = [];
    for (const e of ctx.counted) {
      if (e.expense <= 0 || !outing.test(e.summary)) continue;
      const stay = overnight.match(e.summary);
      if (stay !== undefined) {
        out.push(finding("outing-overnight-or-over-cap", "warning", { context: "overnight", term: stay, summary: e.summary, ...money("amount", e.expense) }, [cellOf(e, "summary")]));
        continue;
      }
      const heads = headcountInSummary(e.summary);
      if (cap === undefined || !heads) continue;
      const perHead = Math.round(e.expense / heads);
      if (perHead <= cap) continue;
      out.push(
        finding("outing-overnight-or-over-cap", "warning", { context: "cap", heads, summary: e.summary, ...money("amount", e.expense), ...money("perHead", perHead), ...money("cap", cap) }, [amountCell(e)]),
      );
    }
    return out;
  },
};
