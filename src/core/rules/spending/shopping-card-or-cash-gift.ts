/**
 * 八不准 #1: shopping cards and cash-like vouchers, and cash handed out where the occasion allows only goods.
 * Cards: any payment whose summary names one (cake vouchers and pick-up vouchers for designated goods excluded).
 * Cash: a welfare payment (festival, birthday, retirement in most packs) whose summary says cash (现金, 红包,
 * 慰问金…) or that is paid in cash to "全体会员", when the pack's allowed forms for that occasion exclude cash.
 */
import type { Finding } from "../../model/types";
import type { Rule } from "../types";
import { amountCell, cellOf, finding, yuan } from "../util";

const everyone = /全体|全员|每人|人均/;

export const shoppingCardOrCashGift: Rule = {
  id: "shopping-card-or-cash-gift",
  area: "spending",
  tier: "strict",
  severity: "error",
  run(ctx) {
    const cashPayment = ctx.keywords("cash");
    const out: Finding[] = [];
    for (const e of ctx.spending) {
      const card = ctx.summaryMatch("shopping-card-or-cash-gift", e);
      if (card !== undefined) {
        out.push(finding("shopping-card-or-cash-gift", "error", { context: "card", term: card, summary: e.summary, amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "summary"), amountCell(e)]));
        continue;
      }
      // Cheap word tests first: classifying the occasion is the costly step and most rows never need it.
      const term =
        ctx.summaryMatch("cash-gift", e) ??
        (cashPayment.test(e.paymentMethod) && everyone.test(`${e.counterparty ?? ""}${e.summary}`) ? e.paymentMethod!.trim() : undefined);
      if (term === undefined) continue;
      const occasion = ctx.occasion(e);
      if (!occasion || ctx.hardship(e)) continue;
      const allowed = ctx.pack.allowedForms?.[occasion];
      if (!allowed || allowed.includes("cash")) continue;
      out.push(
        finding("shopping-card-or-cash-gift", "error", { context: "cash", term, occasion, summary: e.summary, amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "summary"), amountCell(e)]),
      );
    }
    return out;
  },
};
