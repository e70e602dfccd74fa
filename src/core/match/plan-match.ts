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
import type { AccountRef, Books, Entry, Fen, PlanLine } from "../model/types";
import type { Period } from "../model/period";
import { inPeriod } from "../model/period";
import { isInternalTransfer } from "../classify/hardship";
import { entryGrouper } from "../classify/entry-key";
import { accountFlow, entryFlow, flowAmount, flowKind, type Flow } from "./flow";
import { labelForm, sameLabelForm, type LabelForm } from "./normalise";

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

/** A label normalised once (see LabelForm), or undefined when the text is empty. */
type Form = LabelForm;

/** A plan line with every text the matcher compares normalised once per match, not once per entry. */
interface PreparedLine {
  line: PlanLine;
  code: string | undefined;
  /** Normalised plan item ("" when none): the key of precedence step 1. */
  item: Form;
  /** Normalised plan item and sub-category of 3+ characters, which the entry's 摘要 may mention. */
  mentionTexts: string[];
  /** The sub-category, when the line states one. */
  subCategory: Form | undefined;
  /** The label, for a line with neither category nor plan item. */
  label: Form | undefined;
  /** The category, when the line states one. */
  category: Form | undefined;
}

/** The texts of an entry that the matcher compares, normalised once. */
interface PreparedEntry {
  code: string | undefined;
  item: Form;
  summary: string;
  /** The names an entry is known by, with their scores (see entryNames). */
  names: { form: Form; score: number }[];
  /** The top-level account name and the 科目 text (see entryCategoryNames). */
  categoryNames: Form[];
}

function prepareLine(line: PlanLine, form: (text: string | undefined) => Form): PreparedLine {
  return {
    line,
    code: line.account?.code,
    item: form(line.planItem),
    mentionTexts: [line.planItem, line.subCategory].map((t) => form(t).norm).filter((t) => t.length >= 3),
    subCategory: line.subCategory ? form(line.subCategory) : undefined,
    label: !line.category && !line.planItem && line.label ? form(line.label) : undefined,
    category: line.category ? form(line.category) : undefined,
  };
}

/**
 * The names an entry is known by, each with the score a line naming it earns: account path elements score by
 * depth (category 30, sub-account 50, detail 70), the 科目 text as a category and the 子科目 text as a
 * sub-account. One more than the code score, so that text agreeing with the code breaks a tie.
 */
function prepareEntry(e: Entry, form: (text: string | undefined) => Form): PreparedEntry {
  const path = e.account?.path ?? [];
  const names = path.map((name, depth) => ({ form: form(name), score: 31 + 20 * depth }));
  if (e.accountText) names.push({ form: form(e.accountText), score: 31 });
  if (e.subAccountText) names.push({ form: form(e.subAccountText), score: 51 });
  const categoryNames: Form[] = [];
  if (e.account?.path[0]) categoryNames.push(form(e.account.path[0]));
  if (e.accountText) categoryNames.push(form(e.accountText));
  return { code: e.account?.code, item: form(e.planItem), summary: form(e.summary).norm, names, categoryNames };
}

function textScore(e: PreparedEntry, text: Form | undefined): number {
  if (!text) return 0;
  let best = 0;
  for (const n of e.names) if (n.score > best && sameLabelForm(n.form, text)) best = n.score;
  return best;
}

/** Does the entry's 摘要 mention the line's plan item or sub-category ("购买春节慰问品" mentions "春节慰问")? */
function summaryMentions(line: PreparedLine, e: PreparedEntry): boolean {
  return line.mentionTexts.some((t) => e.summary.includes(t));
}

/**
 * How specifically a line matches an entry: 0 = no match, higher = more specific.
 *  - account code: by length (3-digit category 30, 5-digit sub-account 50 …);
 *  - the line's sub-category text (or, for a line with no category columns, its label): by how deep in the
 *    entry's account path it matches (see prepareEntry);
 *  - the line's category text: 20;
 *  - the entry's 摘要 mentioning the line's plan item or sub-category: +5 on top of any of the above, or 45
 *    alone (between a category and a sub-account) when the codes do not contradict each other.
 * A line that states a sub-category naming something else, with only a category-level code or none, is a
 * sibling sub-line ("宣传活动" when the entry is 文体活动) and scores 0 unless the 摘要 mentions it.
 */
export function lineSpecificity(line: PlanLine, e: Entry): number {
  return specificity(prepareLine(line, labelForm), prepareEntry(e, labelForm));
}

function specificity(line: PreparedLine, e: PreparedEntry): number {
  const entryCode = e.code;
  const lineCode = line.code;
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
    const labelScore = textScore(e, line.label);
    const category = line.category;
    const categoryScore = category && e.categoryNames.some((n) => sameLabelForm(n, category)) ? 20 : 0;
    base = Math.max(codeScore, labelScore, categoryScore);
  }
  if (!mentioned) return base;
  return base > 0 ? base + 5 : 45;
}

function bestBySpecificity(candidates: readonly PreparedLine[], e: PreparedEntry): PreparedLine | undefined {
  let best: PreparedLine | undefined;
  let bestScore = 0;
  for (const line of candidates) {
    const score = specificity(line, e);
    if (score > bestScore) {
      best = line;
      bestScore = score;
    }
  }
  return best;
}

/** Same plan item: equal once normalised, or equal but for a soft ending (see sameLabel). */
function sameItem(line: Form, entry: Form): boolean {
  return line.norm.length > 0 && (line.norm === entry.norm || sameLabelForm(line, entry));
}

/** The lines of one flow kind, in plan order, and those among them that are not named plan items. */
interface KindLines {
  all: PreparedLine[];
  unnamed: PreparedLine[];
}

function linesByKind(prepared: PreparedLine[]): Record<Flow["kind"], KindLines> {
  const byKind = { income: { all: [], unnamed: [] }, expense: { all: [], unnamed: [] } } as Record<Flow["kind"], KindLines>;
  for (const p of prepared) {
    const group = byKind[p.line.kind as Flow["kind"]];
    if (!group) continue;
    group.all.push(p);
    if (p.item.norm === "") group.unnamed.push(p);
  }
  return byKind;
}

function matchPrepared(e: PreparedEntry, lines: KindLines): PreparedLine | undefined {
  if (e.item.norm.length === 0) return bestBySpecificity(lines.all, e);
  const byItem = lines.all.filter((l) => sameItem(l.item, e.item));
  if (byItem.length === 1) return byItem[0];
  if (byItem.length > 1) return bestBySpecificity(byItem, e) ?? byItem[0];
  // The entry names an item the plan does not have: it may still fall under a line that is not itself a
  // named item (a category or account line), but never under another item ("慈善捐赠" is not "银行手续费").
  return bestBySpecificity(lines.unnamed, e);
}

/** The plan line (position in lines) an entry of the given flow kind counts against, or undefined. */
export function matchEntry(e: Entry, flow: Flow, lines: PlanLine[]): number | undefined {
  const prepared = lines.map((l) => prepareLine(l, labelForm));
  const found = matchPrepared(prepareEntry(e, labelForm), linesByKind(prepared)[flow.kind]);
  return found ? prepared.indexOf(found) : undefined;
}

/** Ways for a caller that already classifies rows (the rules engine) to share that work with the matcher. */
export interface MatchHooks {
  /** Which rows are internal transfers; default `isInternalTransfer`. */
  isTransfer?: (e: Entry) => boolean;
  /**
   * A token shared by entries that read alike (same texts and account, see entryGrouper): the line an entry
   * matches is memoised per token. Default: a grouper of the matcher's own.
   */
  groupOf?: (e: Entry) => object;
  /**
   * The rows' facts by position, when the caller has them already (the rules engine's one pass over the rows):
   * then the matcher reads these arrays instead of every row's object. Same answers as the hooks above.
   */
  rows?: {
    income: ArrayLike<Fen>;
    expense: ArrayLike<Fen>;
    accounts: readonly (AccountRef | undefined)[];
    dates: readonly (string | undefined)[];
    /** Positions of the internal transfers, in ledger order. */
    transfers: ArrayLike<number>;
    /** Each row's group number (alike rows share one; numbered 0, 1, 2…), standing for groupOf's token. */
    groups: ArrayLike<number>;
  };
}

/**
 * What matchRows does with each row's flow: finds the row's line (once per group number and kind) and adds the
 * amount to it, or lists the row as unbudgeted. A class rather than a callback made per call: a new closure on
 * every run is a new call target for matchRows's optimised code, which V8 then throws away ("wrong call target").
 */
class LineTally {
  /** Per kind, the line each group number matches (null: none). */
  private readonly lineOfGroup = { income: [] as (number | null | undefined)[], expense: [] as (number | null | undefined)[] };

  constructor(
    private readonly entries: Entry[],
    private readonly byKind: Record<Flow["kind"], KindLines>,
    private readonly prepare: (e: Entry) => PreparedEntry,
    private readonly positionOfLine: Map<PreparedLine, number>,
    private readonly lineOfEntry: (number | undefined)[],
    private readonly actualOfLine: Fen[],
    private readonly unbudgeted: number[],
  ) {}

  add(pos: number, kind: Flow["kind"], amount: Fen, group: number): void {
    const known = this.lineOfGroup[kind];
    let line = known[group];
    if (line === undefined) {
      const found = matchPrepared(this.prepare(this.entries[pos]), this.byKind[kind]);
      known[group] = line = found ? this.positionOfLine.get(found)! : null;
    }
    if (line === null) {
      this.unbudgeted.push(pos);
      return;
    }
    this.lineOfEntry[pos] = line;
    this.actualOfLine[line] += amount;
  }
}

/**
 * The rows' flows read from the caller's arrays, in ledger order: `visit` gets each in-period, non-transfer row
 * with a nonzero flow (entryFlow), with its kind, amount and group number. The transfers are skipped by their
 * positions.
 */
function matchRows(
  rows: NonNullable<MatchHooks["rows"]>,
  period: Period | undefined,
  tally: LineTally,
): void {
  const { income, expense, accounts, dates, transfers, groups } = rows;
  // What the account says of the flow (accountFlow), once per account object: the reader shares one per 科目 text.
  const modes = new Map<AccountRef, Flow["kind"] | "net" | undefined>();
  let nextTransfer = 0;
  for (let pos = 0; pos < income.length; pos++) {
    if (nextTransfer < transfers.length && transfers[nextTransfer] === pos) {
      nextTransfer++;
      continue;
    }
    if (period) {
      const date = dates[pos];
      if (date === undefined || !inPeriod(date, period)) continue;
    }
    const account = accounts[pos];
    let mode: Flow["kind"] | "net" | undefined = "net";
    if (account) {
      mode = modes.get(account);
      if (mode === undefined && !modes.has(account)) modes.set(account, (mode = accountFlow(account)));
    }
    const kind = mode === "net" ? flowKind(undefined, income[pos], expense[pos]) : mode;
    if (!kind) continue;
    const amount = flowAmount(kind, income[pos], expense[pos]);
    if (amount === 0) continue;
    tally.add(pos, kind, amount, groups[pos]);
  }
}

/** Match every entry of the books to the plan. */
export function matchToPlan(books: Books, period?: Period, hooks: MatchHooks = {}): PlanMatch {
  const lines = books.plan?.lines ?? [];
  const entries = books.ledger.entries;
  const isTransfer = hooks.isTransfer ?? isInternalTransfer;
  const groupOf = hooks.groupOf ?? entryGrouper<object>(() => ({}));
  const lineOfEntry: (number | undefined)[] = new Array(entries.length).fill(undefined);
  const actualOfLine: Fen[] = new Array(lines.length).fill(0);
  const unbudgeted: number[] = [];

  // Account names and plan texts repeat on every row: each distinct text is normalised once per call.
  const forms = new Map<string, Form>();
  const form = (text: string | undefined): Form => {
    const key = text ?? "";
    let f = forms.get(key);
    if (!f) forms.set(key, (f = labelForm(key)));
    return f;
  };
  const prepared = lines.map((l) => prepareLine(l, form));
  const byKind = linesByKind(prepared);
  const positionOfLine = new Map(prepared.map((p, i) => [p, i]));
  // Per kind, the line each group of alike entries matches (null: none). Entries read alike when their texts and
  // account are the same, and the match reads nothing else but the flow's kind.
  const memo = { income: new Map<object, number | null>(), expense: new Map<object, number | null>() };

  // Each row's flow (entryFlow) is read as a kind and an amount, without an object per row.
  const rows = hooks.rows;
  if (rows) {
    matchRows(rows, period, new LineTally(entries, byKind, (e) => prepareEntry(e, form), positionOfLine, lineOfEntry, actualOfLine, unbudgeted));
    return { lineOfEntry, actualOfLine, unbudgeted };
  }
  for (let pos = 0; pos < entries.length; pos++) {
    let kind: Flow["kind"] | undefined;
    let amount: Fen;
    let group: object;
    {
      const e = entries[pos];
      if (!entryInPeriod(e, period) || isTransfer(e)) continue;
      kind = flowKind(e.account, e.income, e.expense);
      if (!kind) continue;
      amount = flowAmount(kind, e.income, e.expense);
      if (amount === 0) continue;
      group = groupOf(e);
    }
    const known = memo[kind];
    let line = known.get(group);
    if (line === undefined) {
      const found = matchPrepared(prepareEntry(entries[pos], form), byKind[kind]);
      line = found ? positionOfLine.get(found)! : null;
      known.set(group, line);
    }
    if (line === null) {
      unbudgeted.push(pos);
      continue;
    }
    lineOfEntry[pos] = line;
    actualOfLine[line] += amount;
  }
  return { lineOfEntry, actualOfLine, unbudgeted };
}
