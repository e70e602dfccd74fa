/**
 * Income or spending with no budget line: all income and expense must be in the approved budget. Entries come from the one plan
 * matcher (src/core/match/plan-match.ts); one finding per account (or summary when unresolved), listing every row.
 */
import type { AccountRef, Entry, Finding, SourceRef } from "../../model/types";
import type { Rule } from "../types";
import { amountCell, finding, yuan, sumOf } from "../util";

export const noBudgetLine: Rule = {
  id: "no-budget-line",
  area: "budget",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const match = ctx.planMatch();
    if (!match) return [];
    // `unbudgeted` holds positions in books.ledger.entries (the matcher already leaves transfers out).
    const kindOf = (e: Entry) => (e.expense !== 0 ? "expense" : "income");
    // The account path's label, once per account (the reader shares one AccountRef per distinct 科目 text).
    const pathLabels = new Map<AccountRef, string>();
    const pathLabel = (a: AccountRef): string => {
      let label = pathLabels.get(a);
      if (label === undefined) pathLabels.set(a, (label = a.path.join("—")));
      return label;
    };
    const labelOf = (e: Entry) => (e.account && pathLabel(e.account)) || e.accountText?.trim() || e.planItem?.trim() || e.summary.trim();
    // Grouped by kind and label, in order of first occurrence; one Map per kind rather than a "kind|label" key
    // string per row.
    const byKind = { expense: new Map<string, Entry[]>(), income: new Map<string, Entry[]>() };
    const groups: Entry[][] = [];
    for (const pos of match.unbudgeted) {
      const e = ctx.entries[pos];
      if (e === undefined || ctx.isTransfer(e)) continue;
      const byLabel = byKind[kindOf(e)];
      const label = labelOf(e);
      const rows = byLabel.get(label);
      if (rows) rows.push(e);
      else {
        const list = [e];
        byLabel.set(label, list);
        groups.push(list);
      }
    }
    const out: Finding[] = [];
    for (const rows of groups) {
      const kind = kindOf(rows[0]);
      const amount = sumOf(rows, (e) => (kind === "expense" ? e.expense : e.income));
      out.push(finding("no-budget-line", "warning", { context: kind, label: labelOf(rows[0]), count: rows.length, amount: yuan(amount), amountFen: amount }, rows.map(budgetCell)));
    }
    return out;
  },
};

/**
 * Where the treasurer fixes a row with no budget line: its plan item (预算项目) cell when the ledger has one, else
 * its account cell, else the amount.
 */
function budgetCell(e: Entry): SourceRef {
  return e.cells.planItem ?? e.cells.account ?? amountCell(e);
}
