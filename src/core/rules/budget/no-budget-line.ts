/**
 * Income or spending with no budget line: all income and expense must be in the approved budget. Entries come from the one plan
 * matcher (src/core/match/plan-match.ts); one finding per account (or summary when unresolved), listing every row.
 * A sheet with neither a 科目 nor a 预算项目 column (a bare cash or bank journal) can be matched only where a 摘要
 * names a budget line; its other rows are one finding per sheet and kind, whose fix is that missing column, rather
 * than one finding for every narration the journal has.
 */
import type { AccountRef, ColumnMapping, Entry, Finding, LedgerField, SourceRef } from "../../model/types";
import type { Rule } from "../types";
import { TRANSFER, amountCell, finding, yuan } from "../util";

export const noBudgetLine: Rule = {
  id: "no-budget-line",
  area: "budget",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const match = ctx.planMatch();
    if (!match) return [];
    // `unbudgeted` holds positions in books.ledger.entries (the matcher already leaves transfers out).
    // The account path's label, once per account (the reader shares one AccountRef per distinct 科目 text).
    const pathLabels = new Map<AccountRef, string>();
    // Grouped by kind and label, in order of first occurrence; one Map per kind rather than a "kind|label" key
    // string per row. The label depends only on the row's account and texts, which alike rows share (groupAt), so
    // each group's list is found once and a row costs one lookup by its group; amounts come from the row arrays.
    // (Arrays by group number rather than calls to the context per row.)
    const { income, expense, flags, groups: groupOf, sheets } = ctx.rows;
    const byKind = { expense: new Map<string, number[]>(), income: new Map<string, number[]>() };
    const listOfGroup = { expense: [] as (number[] | undefined)[], income: [] as (number[] | undefined)[] };
    const groups: number[][] = [];
    const unbooked = sheetsWithoutBookingColumns(ctx.books.ledger.mappings);
    const bySheet = { expense: new Map<string, number[]>(), income: new Map<string, number[]>() };
    for (const pos of match.unbudgeted) {
      if (pos >= ctx.entries.length || flags[pos] & TRANSFER) continue;
      const kind = expense[pos] !== 0 ? "expense" : "income";
      if (unbooked.size !== 0 && unbooked.has(sheets[pos])) {
        let rows = bySheet[kind].get(sheets[pos]);
        if (!rows) {
          bySheet[kind].set(sheets[pos], (rows = []));
          groups.push(rows);
        }
        rows.push(pos);
        continue;
      }
      const group = groupOf[pos];
      let rows = listOfGroup[kind][group];
      if (!rows) {
        const label = labelOf(pathLabels, ctx.entries[pos]);
        rows = byKind[kind].get(label);
        if (!rows) {
          byKind[kind].set(label, (rows = []));
          groups.push(rows);
        }
        listOfGroup[kind][group] = rows;
      }
      rows.push(pos);
    }
    const out: Finding[] = [];
    for (const rows of groups) {
      const first = ctx.entries[rows[0]];
      const kind = kindOf(first);
      const amounts = kind === "expense" ? expense : income;
      let amount = 0;
      for (const pos of rows) amount += amounts[pos];
      const locations: SourceRef[] = new Array(rows.length);
      for (let k = 0; k < rows.length; k++) locations[k] = budgetCell(ctx.entries[rows[k]]);
      const params: Record<string, string | number> = unbooked.has(first.sheet)
        ? { context: `${kind}NoColumn`, sheet: first.sheet, count: rows.length, amount: yuan(amount), amountFen: amount }
        : { context: kind, label: labelOf(pathLabels, first), count: rows.length, amount: yuan(amount), amountFen: amount };
      out.push(finding("no-budget-line", "warning", params, locations));
    }
    return out;
  },
};

/** Ledger sheets mapped with no 科目, 子科目 or 预算项目 column. */
function sheetsWithoutBookingColumns(mappings: readonly ColumnMapping<LedgerField>[]): Set<string> {
  const out = new Set<string>();
  for (const m of mappings) {
    const c = m.columns;
    if (c.account === undefined && c.subAccount === undefined && c.planItem === undefined) out.add(m.sheet);
  }
  return out;
}

// Module functions rather than closures made per run: a new closure on every run is a new call target for the
// rule's optimised code, which V8 then throws away ("wrong call target").
function kindOf(e: Entry): "expense" | "income" {
  return e.expense !== 0 ? "expense" : "income";
}

/** The account path's label, memoised in `labels` per account. */
function pathLabel(labels: Map<AccountRef, string>, a: AccountRef): string {
  let label = labels.get(a);
  if (label === undefined) labels.set(a, (label = a.path.join("—")));
  return label;
}

function labelOf(labels: Map<AccountRef, string>, e: Entry): string {
  return (e.account && pathLabel(labels, e.account)) || e.accountText?.trim() || e.planItem?.trim() || e.summary.trim();
}

/**
 * Where the treasurer fixes a row with no budget line: its plan item (预算项目) cell when the ledger has one, else
 * its account cell, else the amount.
 */
function budgetCell(e: Entry): SourceRef {
  return e.cells.planItem ?? e.cells.account ?? amountCell(e);
}
