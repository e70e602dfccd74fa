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
    const paying = ctx.rows.spending;
    for (let k = 0; k < paying.length; k++) {
      const i = paying[k];
      const card = ctx.summaryMatchAt("shopping-card-or-cash-gift", i);
      if (card !== undefined) {
        const e = ctx.entries[i];
        out.push(finding("shopping-card-or-cash-gift", "error", { context: "card", term: card, summary: e.summary, amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "summary"), amountCell(e)]));
        continue;
      }
      // The occasion tests first: they are answers of the row's group (classified once per group), so a payment
      // that cannot be a cash gift is passed over without reading the row; the word tests read its own texts.
      const occasion = ctx.occasionAt(i);
      if (!occasion || ctx.hardshipAt(i)) continue;
      const allowed = ctx.pack.allowedForms?.[occasion];
      if (!allowed || allowed.includes("cash")) continue;
      const e = ctx.entries[i];
      const term =
        ctx.summaryMatchAt("cash-gift", i) ??
        (cashPayment.test(e.paymentMethod) && everyone.test(`${e.counterparty ?? ""}${e.summary}`) ? e.paymentMethod!.trim() : undefined);
      if (term === undefined) continue;
      out.push(
        finding("shopping-card-or-cash-gift", "error", { context: "cash", term, occasion, summary: e.summary, amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "summary"), amountCell(e)]),
      );
    }
    return out;
  },
};
