/** A spending rule that flags payments whose summary matches the rule's synonym table. */
import type { Entry, Finding, Severity } from "../../model/types";
import type { Rule, RuleContext } from "../types";
import { amountCell, cellOf, finding, yuan } from "../util";

export function keywordRule(id: string, severity: Severity, skip?: (e: Entry, ctx: RuleContext) => boolean): Rule {
  return {
    id,
    area: "spending",
    tier: "strict",
    severity,
    run(ctx) {
      const out: Finding[] = [];
      // The payments whose summary matches the table, with the term: found once per group of alike rows.
      const { entries, terms } = ctx.spendingMatches(id);
      for (let k = 0; k < entries.length; k++) {
        const e = entries[k];
        const term = terms[k];
        // The skip test may classify the entry (costly), so it runs only on the few rows whose words match.
        if (skip?.(e, ctx)) continue;
        out.push(finding(id, severity, { term, summary: e.summary, amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "summary"), amountCell(e)]));
      }
      return out;
    },
  };
}
