/**
 * A single cash payment above the limit (default 1,000 元, a pack/option value). Cash is recognised from the
 * payment-method column, else from a cash journal (sheet named …现金…). Transfers (提现/存现) are not payments.
 */
import type { Entry, Finding } from "../../model/types";
import type { Rule, RuleContext } from "../types";
import { amountCell, finding, money } from "../util";

export function paidInCash(e: Entry, ctx: RuleContext): boolean {
  if (e.paymentMethod && e.paymentMethod.trim()) return ctx.keywords("cash").test(e.paymentMethod);
  return /现金/.test(e.sheet) && !/银行/.test(e.sheet);
}

export const cashOverLimit: Rule = {
  id: "cash-over-limit",
  area: "spending",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const limit = ctx.options.cashLimitFen;
    const out: Finding[] = [];
    for (const e of ctx.counted) {
      if (e.expense <= limit || !paidInCash(e, ctx)) continue;
      out.push(finding("cash-over-limit", "warning", { ...money("amount", e.expense), ...money("limit", limit), summary: e.summary }, [amountCell(e)]));
    }
    return out;
  },
};
