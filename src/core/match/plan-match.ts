/**
 * Which budget line does each ledger entry spend (or earn) against?
 *
 * The plan decides the granularity: a union that budgets "春节慰问" as a plan item gets its spending matched
 * to that item; one that budgets only "职工活动支出" gets everything under 501 matched to that one line.
 *
 * Precedence, for an entry that is income or expenditure (see ./flow) and is not an internal transfer,
 * considering only plan lines of the same kind (expense entries → expense lines, income → income lines):
 *   1. Plan item: the entry's 预算项目 equals a line's planItem (after normalising). If several lines share
 *      the item, the one that also matches best by account (step 2) wins, else the first. An entry that names
 *      an item no line has is matched (steps 2-3) only against lines that are not named items themselves:
 *      "慈善捐赠" booked to 508 does not count against the plan item "银行手续费" on 508.
 *   2. Account or sub-category, most specific first:
 *        - account code: the line's account code equals the entry's, or is a parent of it ("501" ⊃ "50102");
 *          a longer code is more specific;
 *        - sub-category text: the line's subCategory (or, for a line with no category columns, its label)
 *          names the entry's account path, 子科目 or account text ("文体活动" ~ "文体活动费");
 *      A line that states a sub-category which does NOT name the entry is a sibling line ("宣传活动" when
 *      the entry is 文体活动) and never matches through its broader account code.
 *   3. Category: the line's category text names the entry's top-level account (or its account text).
 *   The entry's 摘要 mentioning a line's plan item or sub-category ("购买春节慰问品" ~ "春节慰问") adds a little
 *   to any of these, or alone places the entry between category and sub-account (ledgers without a 预算项目
 *   column); it never overrides contradicting account codes. Exact scores: `lineSpecificity`.
 *   Ties go to the line that comes first in the plan, so the result never depends on anything but the input.
 * Entries matched by none of these are unbudgeted (预算外). Entries outside the period, without a date when a
 * period is given, internal transfers and balance-sheet movements are neither matched nor unbudgeted.
 */
import type { Books, Entry, Fen, PlanLine } from "../model/types";
import type { Period } from "../model/period";
import { inPeriod } from "../model/period";
import { isInternalTransfer } from "../classify/hardship";
import { entryFlow, type Flow } from "./flow";
import { normaliseLabel, sameLabel } from "./normalise";

export interface PlanMatch {
  /** By entry position in books.ledger.entries: the position in books.plan.lines it counts against. */
  lineOfEntry: (number | undefined)[];
  /** By position in books.plan.lines: the net actual in fen (expense lines: paid − refunded). */
  actualOfLine: Fen[];
  /** Entry positions of in-period income/expense entries that no line matches (预算外), in ledger order. */
  unbudgeted: number[];
}

/** Does the entry count in the period? Without a period every entry counts, dated or not. */
export function entryInPeriod(e: Entry, period?: Period): boolean {
  if (!period) return true;
  return e.date !== undefined && inPeriod(e.date, period);
}

/** The entry as income or expenditure for budget purposes; undefined for transfers and balance-sheet rows. */
export function budgetFlow(e: Entry): Flow | undefined {
  if (isInternalTransfer(e)) return undefined;
  return entryFlow(e);
}

/**
 * The names an entry is known by, each with the score a line naming it earns: account path elements score by
 * depth (category 30, sub-account 50, detail 70), the 科目 text as a category and the 子科目 text as a
 * sub-account. One more than the code score, so that text agreeing with the code breaks a tie.
 */
function entryNames(e: Entry): { name: string; score: number }[] {
  const names = (e.account?.path ?? []).map((name, depth) => ({ name, score: 31 + 20 * depth }));
  if (e.accountText) names.push({ name: e.accountText, score: 31 });
  if (e.subAccountText) names.push({ name: e.subAccountText, score: 51 });
  return names;
}

function textScore(e: Entry, text: string | undefined): number {
  if (!text) return 0;
  return Math.max(0, ...entryNames(e).filter((n) => sameLabel(n.name, text)).map((n) => n.score));
}

function entryCategoryNames(e: Entry): string[] {
  const names: string[] = [];
  if (e.account?.path[0]) names.push(e.account.path[0]);
  if (e.accountText) names.push(e.accountText);
  return names;
}

/** Does the entry's 摘要 mention the line's plan item or sub-category ("购买春节慰问品" mentions "春节慰问")? */
function summaryMentions(line: PlanLine, e: Entry): boolean {
  const summary = normaliseLabel(e.summary);
  return [line.planItem, line.subCategory].some((text) => {
    const t = normaliseLabel(text);
    return t.length >= 3 && summary.includes(t);
  });
}

/**
 * How specifically a line matches an entry: 0 = no match, higher = more specific.
 *  - account code: by length (3-digit category 30, 5-digit sub-account 50 …);
 *  - the line's sub-category text (or, for a line with no category columns, its label): by how deep in the
 *    entry's account path it matches (see entryNames);
 *  - the line's category text: 20;
 *  - the entry's 摘要 mentioning the line's plan item or sub-category: +5 on top of any of the above, or 45
 *    alone (between a category and a sub-account) when the codes do not contradict each other.
 * A line that states a sub-category naming something else, with only a category-level code or none, is a
 * sibling sub-line ("宣传活动" when the entry is 文体活动) and scores 0 unless the 摘要 mentions it.
 */
export function lineSpecificity(line: PlanLine, e: Entry): number {
  const entryCode = e.account?.code;
  const lineCode = line.account?.code;
  const codesAgree = entryCode !== undefined && lineCode !== undefined && entryCode.startsWith(lineCode);
  const codesContradict = entryCode !== undefined && lineCode !== undefined && !codesAgree && !lineCode.startsWith(entryCode);
  if (codesContradict) return 0;
  const codeScore = codesAgree ? lineCode.length * 10 : 0;
  const mentioned = summaryMentions(line, e);

  let base: number;
  if (line.subCategory) {
    const subScore = textScore(e, line.subCategory);
    const sibling = subScore === 0 && (lineCode === undefined || lineCode.length <= 3);
    base = sibling ? 0 : Math.max(codeScore, subScore);
  } else {
    const labelScore = !line.category && !line.planItem ? textScore(e, line.label) : 0;
    const categoryScore = line.category && entryCategoryNames(e).some((n) => sameLabel(n, line.category)) ? 20 : 0;
    base = Math.max(codeScore, labelScore, categoryScore);
  }
  if (!mentioned) return base;
  return base > 0 ? base + 5 : 45;
}

function bestBySpecificity(candidates: number[], lines: PlanLine[], e: Entry): number | undefined {
  let best: number | undefined;
  let bestScore = 0;
  for (const i of candidates) {
    const score = lineSpecificity(lines[i], e);
    if (score > bestScore) {
      best = i;
      bestScore = score;
    }
  }
  return best;
}

/** The plan line (position in lines) an entry of the given flow kind counts against, or undefined. */
function sameItem(a: string | undefined, b: string | undefined): boolean {
  const x = normaliseLabel(a);
  return x.length > 0 && (x === normaliseLabel(b) || sameLabel(a, b));
}

export function matchEntry(e: Entry, flow: Flow, lines: PlanLine[]): number | undefined {
  const sameKind = lines.map((_, i) => i).filter((i) => lines[i].kind === flow.kind);
  const item = normaliseLabel(e.planItem);
  if (item.length === 0) return bestBySpecificity(sameKind, lines, e);
  const byItem = sameKind.filter((i) => sameItem(lines[i].planItem, e.planItem));
  if (byItem.length === 1) return byItem[0];
  if (byItem.length > 1) return bestBySpecificity(byItem, lines, e) ?? byItem[0];
  // The entry names an item the plan does not have: it may still fall under a line that is not itself a
  // named item (a category or account line), but never under another item ("慈善捐赠" is not "银行手续费").
  return bestBySpecificity(sameKind.filter((i) => normaliseLabel(lines[i].planItem) === ""), lines, e);
}

export function matchToPlan(books: Books, period?: Period): PlanMatch {
  const lines = books.plan?.lines ?? [];
  const entries = books.ledger.entries;
  const lineOfEntry: (number | undefined)[] = new Array(entries.length).fill(undefined);
  const actualOfLine: Fen[] = new Array(lines.length).fill(0);
  const unbudgeted: number[] = [];
  entries.forEach((e, pos) => {
    if (!entryInPeriod(e, period)) return;
    const flow = budgetFlow(e);
    if (!flow || flow.amount === 0) return;
    const line = matchEntry(e, flow, lines);
    if (line === undefined) {
      unbudgeted.push(pos);
      return;
    }
    lineOfEntry[pos] = line;
    actualOfLine[line] += flow.amount;
  });
  return { lineOfEntry, actualOfLine, unbudgeted };
}
