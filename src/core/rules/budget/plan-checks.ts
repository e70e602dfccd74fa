/** Checks on the plan itself: a deficit budget, and adjustments without an approval date. */
import type { Finding } from "../../model/types";
import type { Rule } from "../types";
import { finding, yuan, refAt, sumOf } from "../util";
import { budgetCell } from "./over-budget";

/** 量入为出、收支平衡: budgeted expense may not exceed budgeted income plus the opening balance. */
export const budgetDeficit: Rule = {
  id: "budget-deficit",
  area: "budget",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const plan = ctx.books.plan;
    if (!plan) return [];
    const incomeLines = plan.lines.filter((l) => l.kind === "income");
    const expenseLines = plan.lines.filter((l) => l.kind === "expense");
    if (!incomeLines.length || !expenseLines.length) return [];
    const income = sumOf(incomeLines, (l) => l.adjustedBudget);
    const expense = sumOf(expenseLines, (l) => l.adjustedBudget);
    const opening = plan.openingBalance ?? 0;
    if (expense <= income + opening) return [];
    return [
      finding(
        "budget-deficit",
        "warning",
        { expense: yuan(expense), expenseFen: expense, income: yuan(income), incomeFen: income, opening: yuan(opening), openingFen: opening, gap: yuan(expense - income - opening), gapFen: expense - income - opening },
        [budgetCell(expenseLines[0]) ?? refAt(plan.sheet, 1)],
      ),
    ];
  },
};

/** A budget line changed (调整数 ≠ 0) with no approval date: adjustments need the same approval as the budget. */
export const budgetAdjustedWithoutApproval: Rule = {
  id: "budget-adjusted-without-approval",
  area: "budget",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const plan = ctx.books.plan;
    if (!plan) return [];
    const out: Finding[] = [];
    for (const l of plan.lines) {
      const adjustment = l.adjustment ?? l.adjustedBudget - l.budget;
      if (adjustment === 0 || (l.approvalDate && l.approvalDate.trim())) continue;
      out.push(
        finding("budget-adjusted-without-approval", "warning", { label: l.label, adjustment: yuan(adjustment), adjustmentFen: adjustment, budget: yuan(l.budget), budgetFen: l.budget, adjusted: yuan(l.adjustedBudget), adjustedFen: l.adjustedBudget }, [
          l.cells.adjustment ?? l.cells.adjustedBudget ?? budgetCell(l),
        ]),
      );
    }
    return out;
  },
};
