/**
 * Income or spending with no budget line: all income and expense must be in the approved budget. Entries come from the one plan
 * matcher (src/core/match/plan-match.ts); one finding per account (or summary when unresolved), listing every row.
 */
import type { Entry, Finding } from "../../model/types";
import type { Rule } from "../types";
import { amountCell, finding, groupBy, money, sumOf } from "../util";

export const noBudgetLine: Rule = {
  id: "no-budget-line",
  area: "budget",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const match = ctx.planMatch();
    if (!match) return [];
    // `unbudgeted` holds positions in books.ledger.entries (the matcher already leaves transfers out).
    const unbudgeted = match.unbudgeted.map((pos) => ctx.entries[pos]).filter((e): e is Entry => e !== undefined && !ctx.isTransfer(e));
    const kindOf = (e: Entry) => (e.expense !== 0 ? "expense" : "income");
    const labelOf = (e: Entry) => e.account?.path.join("—") || e.accountText?.trim() || e.planItem?.trim() || e.summary.trim();
    const groups = groupBy(unbudgeted, (e) => `${kindOf(e)}|${labelOf(e)}`);
    const out: Finding[] = [];
    for (const rows of groups.values()) {
      const kind = kindOf(rows[0]);
      const amount = sumOf(rows, (e) => (kind === "expense" ? e.expense : e.income));
      out.push(finding("no-budget-line", "warning", { context: kind, label: labelOf(rows[0]), count: rows.length, ...money("amount", amount) }, rows.map(amountCell)));
    }
    return out;
  },
};
