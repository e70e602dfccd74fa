/** An expense line spent beyond its (adjusted) budget, with a configurable tolerance. One finding per line. */
import type { Finding, PlanLine } from "../../model/types";
import type { Rule } from "../types";
import { finding, yuan, refAt } from "../util";

export function budgetCell(l: PlanLine) {
  return l.cells.adjustedBudget ?? l.cells.budget ?? l.cells.category ?? refAt(l.sheet, l.row);
}

export const overBudget: Rule = {
  id: "over-budget",
  area: "budget",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const plan = ctx.books.plan;
    const match = ctx.planMatch();
    if (!plan || !match) return [];
    const tolerance = ctx.options.overBudgetTolerance;
    const out: Finding[] = [];
    plan.lines.forEach((line, i) => {
      if (line.kind !== "expense") return;
      const actual = match.actualOfLine[i] ?? 0;
      const limit = Math.floor(line.adjustedBudget * (1 + tolerance));
      if (actual <= limit) return;
      const over = actual - line.adjustedBudget;
      const percent = line.adjustedBudget > 0 ? Math.round((actual / line.adjustedBudget) * 1000) / 10 : 0;
      out.push(
        finding(
          "over-budget",
          "warning",
          { label: line.label, budget: yuan(line.adjustedBudget), budgetFen: line.adjustedBudget, actual: yuan(actual), actualFen: actual, over: yuan(over), overFen: over, percent },
          [budgetCell(line)],
        ),
      );
    });
    return out;
  },
};
