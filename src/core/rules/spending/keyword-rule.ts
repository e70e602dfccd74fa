/** A spending rule that flags payments whose summary matches the rule's synonym table. */
import type { Entry, Finding, Severity } from "../../model/types";
import type { Rule, RuleContext } from "../types";
import { amountCell, cellOf, finding, money } from "../util";

export function keywordRule(id: string, severity: Severity, skip?: (e: Entry, ctx: RuleContext) => boolean): Rule {
  return {
    id,
    area: "spending",
    tier: "strict",
    severity,
    run(ctx) {
      const words = ctx.keywords(id);
      const out: Finding[] = [];
      for (const e of ctx.counted) {
        if (e.expense <= 0) continue;
        const term = words.match(e.summary);
        // The skip test may classify the entry (costly), so it runs only on the few rows whose words match.
        if (term === undefined || skip?.(e, ctx)) continue;
        out.push(finding(id, severity, { term, summary: e.summary, ...money("amount", e.expense) }, [cellOf(e, "summary"), amountCell(e)]));
      }
      return out;
    },
  };
}
