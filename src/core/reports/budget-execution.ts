/**
 * Budget execution (预算执行情况): for every plan line, and grouped by category and by plan item, how much was
 * budgeted, adjusted, spent or received in the period, what remains and the execution rate; plus an explicit
 * 预算外 bucket for money no line covers.
 *
 * The budget is ANNUAL: a quarter's execution compares the quarter's actual with the whole year's budget.
 * Nothing is prorated (a festival budget spent in one month would make any proration misleading); the model
 * says so in `budgetBasis`, and the renderer prints it.
 */
import type { Books, Entry, Fen, PlanKind, PlanLine } from "../model/types";
import type { Period } from "../model/period";
import { sumFen } from "../model/money";
import { budgetFlow, matchToPlan, type PlanMatch } from "../match/plan-match";
import { normaliseLabel } from "../match/normalise";
import { ratioBp } from "./ratio";

export interface ExecutionFigures {
  budget: Fen;
  adjustment: Fen;
  adjustedBudget: Fen;
  actual: Fen;
  /** adjustedBudget − actual; negative when over budget. */
  remaining: Fen;
  /** actual ÷ adjustedBudget in basis points (10000 = 100 %); undefined when the adjusted budget is 0. */
  executionBp?: number;
  /**
   * actual > adjustedBudget. For expense lines an overspend (超支); for income lines more received than
   * planned (超收), which is not a fault but is shown the same way.
   */
  overBudget: boolean;
  entryCount: number;
}

export interface ExecutionLine extends ExecutionFigures {
  kind: PlanKind;
  /** Position in books.plan.lines. */
  lineIndex: number;
  label: string;
  category: string;
  subCategory?: string;
  planItem?: string;
  accountCode?: string;
  sheet: string;
  row: number;
}

export interface ExecutionGroup extends ExecutionFigures {
  kind: PlanKind;
  /** A stable key: the top-level account code when known, else the normalised text. */
  key: string;
  label: string;
  lineIndexes: number[];
}

/** Money in the period that no budget line covers (预算外), by the category its account gives. */
export interface UnbudgetedBucket {
  kind: PlanKind;
  actual: Fen;
  entryCount: number;
  /** Entry positions in books.ledger.entries. */
  entryIndexes: number[];
  byCategory: { key: string; label: string; actual: Fen; entryCount: number }[];
}

export interface ExecutionSection {
  kind: PlanKind;
  lines: ExecutionLine[];
  byCategory: ExecutionGroup[];
  /** Lines that name a plan item, grouped by it (several lines may share one item). */
  byPlanItem: ExecutionGroup[];
  unbudgeted: UnbudgetedBucket;
  /** Budget totals of the lines; actual includes 预算外. */
  total: ExecutionFigures;
}

export interface BudgetExecutionModel {
  period: Period;
  /** The budget figures are the year's plan, never prorated to the period. */
  budgetBasis: "annual";
  hasPlan: boolean;
  planSheet?: string;
  income: ExecutionSection;
  expense: ExecutionSection;
}

/** Label of the bucket for entries whose account is unknown. */
export const UNCLASSIFIED_KEY = "unclassified";

export function figures(budget: Fen, adjustment: Fen, adjustedBudget: Fen, actual: Fen, entryCount: number): ExecutionFigures {
  return {
    budget,
    adjustment,
    adjustedBudget,
    actual,
    remaining: adjustedBudget - actual,
    executionBp: ratioBp(actual, adjustedBudget),
    overBudget: actual > adjustedBudget,
    entryCount,
  };
}

function sumFigures(items: ExecutionFigures[], extraActual: Fen = 0, extraCount = 0): ExecutionFigures {
  return figures(
    sumFen(items.map((i) => i.budget)),
    sumFen(items.map((i) => i.adjustment)),
    sumFen(items.map((i) => i.adjustedBudget)),
    sumFen(items.map((i) => i.actual)) + extraActual,
    items.reduce((n, i) => n + i.entryCount, 0) + extraCount,
  );
}

/** The category a line belongs to: its top-level account, else its category text, else its own label. */
export function lineCategory(line: PlanLine): { key: string; label: string } {
  if (line.account) return { key: line.account.code.slice(0, 3), label: line.account.path[0] ?? line.account.name };
  const text = line.category ?? line.label;
  return { key: normaliseLabel(text) || UNCLASSIFIED_KEY, label: text };
}

/** The category an entry belongs to: its top-level account, else its 科目 text, else 未分类. */
export function entryCategory(e: Entry): { key: string; label: string } {
  if (e.account) return { key: e.account.code.slice(0, 3), label: e.account.path[0] ?? e.account.name };
  if (e.accountText && normaliseLabel(e.accountText)) return { key: normaliseLabel(e.accountText), label: e.accountText };
  return { key: UNCLASSIFIED_KEY, label: "" };
}

function group<K>(items: K[], keyOf: (k: K) => string): Map<string, K[]> {
  const map = new Map<string, K[]>();
  for (const item of items) {
    const key = keyOf(item);
    const list = map.get(key);
    if (list) list.push(item);
    else map.set(key, [item]);
  }
  return map;
}

function section(books: Books, match: PlanMatch, kind: PlanKind): ExecutionSection {
  const planLines = books.plan?.lines ?? [];
  const countOfLine = new Array(planLines.length).fill(0);
  match.lineOfEntry.forEach((line) => {
    if (line !== undefined) countOfLine[line] += 1;
  });

  const lines: ExecutionLine[] = [];
  planLines.forEach((line, i) => {
    if (line.kind !== kind) return;
    const adjustment = line.adjustment ?? line.adjustedBudget - line.budget;
    lines.push({
      ...figures(line.budget, adjustment, line.adjustedBudget, match.actualOfLine[i], countOfLine[i]),
      kind,
      lineIndex: i,
      label: line.label,
      category: lineCategory(line).label,
      subCategory: line.subCategory,
      planItem: line.planItem,
      accountCode: line.account?.code,
      sheet: line.sheet,
      row: line.row,
    });
  });

  const byCategory: ExecutionGroup[] = [];
  for (const [key, members] of group(lines, (l) => lineCategory(planLines[l.lineIndex]).key)) {
    byCategory.push({ ...sumFigures(members), kind, key, label: members[0].category, lineIndexes: members.map((m) => m.lineIndex) });
  }

  const byPlanItem: ExecutionGroup[] = [];
  const withItem = lines.filter((l) => normaliseLabel(l.planItem) !== "");
  for (const [key, members] of group(withItem, (l) => normaliseLabel(l.planItem))) {
    byPlanItem.push({ ...sumFigures(members), kind, key, label: members[0].planItem!, lineIndexes: members.map((m) => m.lineIndex) });
  }

  const entries = books.ledger.entries;
  const unbudgetedEntries = match.unbudgeted.filter((pos) => budgetFlow(entries[pos])?.kind === kind);
  const amountOf = (pos: number): Fen => budgetFlow(entries[pos])?.amount ?? 0;
  const unbudgetedByCategory = [...group(unbudgetedEntries, (pos) => entryCategory(entries[pos]).key)].map(([key, members]) => ({
    key,
    label: entryCategory(entries[members[0]]).label,
    actual: sumFen(members.map(amountOf)),
    entryCount: members.length,
  }));
  const unbudgeted: UnbudgetedBucket = {
    kind,
    actual: sumFen(unbudgetedEntries.map(amountOf)),
    entryCount: unbudgetedEntries.length,
    entryIndexes: unbudgetedEntries,
    byCategory: unbudgetedByCategory,
  };

  return { kind, lines, byCategory, byPlanItem, unbudgeted, total: sumFigures(lines, unbudgeted.actual, unbudgeted.entryCount) };
}

/** `match`: the plan match of these books for this period when the caller already has it (renderAll shares one). */
export function budgetExecution(books: Books, period: Period, match: PlanMatch = matchToPlan(books, period)): BudgetExecutionModel {
  return {
    period,
    budgetBasis: "annual",
    hasPlan: books.plan !== undefined && books.plan.lines.length > 0,
    planSheet: books.plan?.sheet,
    income: section(books, match, "income"),
    expense: section(books, match, "expense"),
  };
}
