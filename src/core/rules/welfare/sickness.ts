/**
 * Sickness condolences: the cap is per illness (per entry); a summary mentioning surgery (手术) uses the
 * pack's surgery cap when it has one. The same member condoled twice in a year may be the same illness (Anhui:
 * once a year): a warning under packs that say so, an info otherwise.
 */
import type { Finding } from "../../model/types";
import type { Rule } from "../types";
import { amountCell, finding, isoYear, yuan, recipientLabel } from "../util";
import { groupByDate, recipientYearsOf } from "./per-recipient";

export const sicknessOverCap: Rule = {
  id: "sickness-over-cap",
  area: "welfare",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const caps = ctx.pack.welfareCaps;
    const surgery = ctx.keywords("surgery");
    const out: Finding[] = [];
    for (const e of ctx.welfare("sickness")) {
      const withSurgery = surgery.test(e.summary) || surgery.test(e.note);
      const cap = withSurgery ? (caps.sicknessWithSurgery ?? caps.sickness) : caps.sickness;
      if (cap === undefined || e.expense <= cap) continue;
      out.push(
        finding("sickness-over-cap", "warning", { name: recipientLabel(e) || "—", surgery: withSurgery ? 1 : 0, amount: yuan(e.expense), amountFen: e.expense, cap: yuan(cap), capFen: cap, over: yuan(e.expense - cap), overFen: e.expense - cap }, [
          amountCell(e),
        ]),
      );
    }
    return out;
  },
};

export const sameIllnessTwice: Rule = {
  id: "same-illness-twice",
  area: "welfare",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const severity = ctx.pack.sameIllnessOncePerYear ? "warning" : "info";
    const out: Finding[] = [];
    // Rows without a recipient form groups of one row each, which the length test below skips (see birthday-twice).
    for (const g of recipientYearsOf(ctx, "sickness", ctx.books.ledger.year)) {
      if (g.entries.length < 2) continue;
      const sorted = groupByDate(ctx, g);
      out.push(
        finding("same-illness-twice", severity, { name: recipientLabel(sorted[0]), year: g.year ?? isoYear(sorted[0].date) ?? "", count: sorted.length, first: sorted[0].date ?? "" }, sorted.slice(1).map(amountCell)),
      );
    }
    return out;
  },
};
