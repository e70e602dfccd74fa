/**
 * A single cash payment above the limit (default 1,000 元, a pack/option value). Cash is recognised from the
 * payment-method column, else from a cash journal (sheet named …现金…). Transfers (提现/存现) are not payments.
 */
import type { Entry, Finding } from "../../model/types";
import type { KeywordMatcher, Rule, RuleContext } from "../types";
import { amountCell, finding, yuan } from "../util";

/** `cash`: the "cash" matcher, when the caller looked it up once for many rows. */
export function paidInCash(e: Entry, ctx: RuleContext, cash?: KeywordMatcher): boolean {
  return paidInCashBy(e.paymentMethod, e.sheet, cash ?? ctx.keywords("cash"));
}

/** paidInCash from the row's payment method and sheet name. */
export function paidInCashBy(method: string | undefined, sheet: string, cash: KeywordMatcher): boolean {
  if (method && method.trim()) return cash.test(method);
  return /现金/.test(sheet) && !/银行/.test(sheet);
}

export const cashOverLimit: Rule = {
  id: "cash-over-limit",
  area: "spending",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const limit = ctx.options.cashLimitFen;
    const cash = ctx.keywords("cash");
    const out: Finding[] = [];
    // Amounts from the shared row arrays: only payments above the limit are read themselves.
    const { counted, expense, paymentMethods, sheets } = ctx.rows;
    for (let k = 0; k < counted.length; k++) {
      const i = counted[k];
      if (expense[i] <= limit || !paidInCashBy(paymentMethods[i], sheets[i], cash)) continue;
      const e = ctx.entries[i];
      out.push(finding("cash-over-limit", "warning", { amount: yuan(e.expense), amountFen: e.expense, limit: yuan(limit), limitFen: limit, summary: e.summary }, [amountCell(e)]));
    }
    return out;
  },
};
