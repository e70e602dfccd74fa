/**
 * 八不准 #1: shopping cards and cash-like vouchers, and cash handed out where the occasion allows only goods.
 * Cards: any payment whose summary names one (cake vouchers and pick-up vouchers for designated goods excluded).
 * Cash: a welfare payment (festival, birthday, retirement in most packs) whose summary says cash (现金, 红包,
 * 慰问金…) or that is paid in cash to "全体会员", when the pack's allowed forms for that occasion exclude cash.
 */
import type { WelfareOccasion } from "../../classify/welfare";
import type { Finding } from "../../model/types";
import type { Rule, RuleContext } from "../types";
import { amountCell, cellOf, finding, yuan } from "../util";

const everyone = /全体|全员|每人|人均/;

/**
 * What a payment's group of alike rows (same texts and account) decides: the card term in its summary, and whether
 * cash is a finding for its occasion (a welfare occasion, not hardship aid, whose allowed forms exclude cash) with
 * the cash word in its summary. Only the payment method and the counterparty are the row's own.
 */
interface GroupVerdict {
  card: string | undefined;
  cashIsFinding: boolean;
  occasion: WelfareOccasion | undefined;
  cashWord: string | undefined;
}

export const shoppingCardOrCashGift: Rule = {
  id: "shopping-card-or-cash-gift",
  area: "spending",
  tier: "strict",
  severity: "error",
  run(ctx) {
    const cashPayment = ctx.keywords("cash");
    const out: Finding[] = [];
    const { spending, groups, paymentMethods } = ctx.rows;
    const verdicts: (GroupVerdict | undefined)[] = [];
    for (let k = 0; k < spending.length; k++) {
      const i = spending[k];
      const v = (verdicts[groups[i]] ??= verdictOf(ctx, i));
      if (v.card !== undefined) {
        const e = ctx.entries[i];
        out.push(finding("shopping-card-or-cash-gift", "error", { context: "card", term: v.card, summary: e.summary, amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "summary"), amountCell(e)]));
        continue;
      }
      if (!v.cashIsFinding) continue;
      // The payment method from the shared row arrays: a payment not in cash is not read itself.
      let term = v.cashWord;
      if (term === undefined && cashPayment.test(paymentMethods[i])) {
        const e = ctx.entries[i];
        if (everyone.test(`${e.counterparty ?? ""}${e.summary}`)) term = paymentMethods[i]!.trim();
      }
      if (term === undefined) continue;
      const e = ctx.entries[i];
      out.push(
        finding("shopping-card-or-cash-gift", "error", { context: "cash", term, occasion: v.occasion!, summary: e.summary, amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "summary"), amountCell(e)]),
      );
    }
    return out;
  },
};

/**
 * What is decided once per group of alike rows. A module function rather than a closure made per run: a new
 * closure on every run is a new call target for the rule's optimised code, which V8 then throws away.
 */
function verdictOf(ctx: RuleContext, i: number): GroupVerdict {
  const card = ctx.summaryMatchAt("shopping-card-or-cash-gift", i);
  const occasion = ctx.occasionAt(i);
  const allowed = occasion && !ctx.hardshipAt(i) ? ctx.pack.allowedForms?.[occasion] : undefined;
  const cashIsFinding = !!allowed && !allowed.includes("cash");
  return { card, cashIsFinding, occasion, cashWord: cashIsFinding ? ctx.summaryMatchAt("cash-gift", i) : undefined };
}
