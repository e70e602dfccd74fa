/** Row-level amount checks: income and expense on one row, and negative amounts. */
import type { Finding } from "../../model/types";
import type { Rule } from "../types";
import { cellOf, finding, yuan } from "../util";

export const incomeAndExpenseInOneRow: Rule = {
  id: "income-and-expense-in-one-row",
  area: "ledger",
  tier: "basic",
  severity: "error",
  run(ctx) {
    const out: Finding[] = [];
    // Amounts from the shared row arrays: only the rows reported are read themselves.
    const { income, expense } = ctx.rows;
    for (let i = 0; i < income.length; i++) {
      if (income[i] === 0 || expense[i] === 0) continue;
      const e = ctx.entries[i];
      out.push(
        finding("income-and-expense-in-one-row", "error", { income: yuan(e.income), incomeFen: e.income, expense: yuan(e.expense), expenseFen: e.expense }, [cellOf(e, "income"), cellOf(e, "expense")]),
      );
    }
    return out;
  },
};

/** Negative amounts: often a red-ink reversal (红字冲销), which is legitimate but must point at what it reverses. */
export const negativeAmount: Rule = {
  id: "negative-amount",
  area: "ledger",
  tier: "basic",
  severity: "warning",
  run(ctx) {
    const out: Finding[] = [];
    const { income, expense } = ctx.rows;
    for (let i = 0; i < income.length; i++) {
      if (!(income[i] < 0 || expense[i] < 0)) continue;
      const e = ctx.entries[i];
      if (e.income < 0) out.push(finding("negative-amount", "warning", { amount: yuan(e.income), amountFen: e.income }, [cellOf(e, "income", "amount")]));
      if (e.expense < 0) out.push(finding("negative-amount", "warning", { amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "expense", "amount")]));
    }
    return out;
  },
};
