/**
 * Sickness condolences: the cap is per illness (per entry); a summary mentioning surgery (手术) uses the
 * pack's surgery cap when it has one. The same member condoled twice in a year may be the same illness (Anhui:
 * once a year): a warning under packs that say so, an info otherwise.
 */
import type { Finding } from "../../model/types";
import type { Rule } from "../types";
import { amountCell, finding, isoYear, money, recipientKey, recipientLabel } from "../util";
import { recipientYears } from "./per-recipient";

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
        finding("sickness-over-cap", "warning", { name: recipientLabel(e) || "—", surgery: withSurgery ? 1 : 0, ...money("amount", e.expense), ...money("cap", cap), ...money("over", e.expense - cap) }, [
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
    const named = ctx.welfare("sickness").filter((e) => recipientKey(e) !== undefined);
    const out: Finding[] = [];
    for (const g of recipientYears(named, ctx.books.ledger.year)) {
      if (g.entries.length < 2) continue;
      const sorted = [...g.entries].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
      out.push(
        finding("same-illness-twice", severity, { name: recipientLabel(sorted[0]), year: g.year ?? isoYear(sorted[0].date) ?? "", count: sorted.length, first: sorted[0].date ?? "" }, sorted.slice(1).map(amountCell)),
      );
    }
    return out;
  },
};
