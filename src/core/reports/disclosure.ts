/**
 * The public disclosure (经费收支公开表) as data.
 *
 * MASKING HAPPENS HERE, by construction: the public types below have no field for a recipient's name, member
 * number, summary text or aid reason. Hardship appears only as counts and totals by aid type; major items
 * (大额支出) take their purpose from a whitelist: hardship payments become "困难职工帮扶（汇总）", payments to
 * named members "职工慰问（汇总）", and any other summary that contains a hardship or welfare recipient's name
 * or member number is replaced by its account name.
 *
 * The model refuses (ok: false) unless the summary reconciles with the ledger's closing balance to the fen.
 */
import type { Books, Entry, Fen, PlanLine } from "../model/types";
import { accountByCode } from "../model/accounts";
import type { Period } from "../model/period";
import { sumFen } from "../model/money";
import type { HardshipAidType } from "../classify/hardship";
import type { WelfareOccasion } from "../classify/welfare";
import { entryInPeriod, matchToPlan } from "../match/plan-match";
import { labelKey, normaliseLabel } from "../match/normalise";
import { entryCategory, lineCategory } from "./budget-execution";
import { hardshipPayment, hardshipSummary } from "./hardship";
import { welfarePayment, welfareRecipientKey, welfareSummary, type WelfareCapsByOccasion } from "./welfare";
import { reconcile, type Reconciliation } from "./reconcile";
import { reportClassifier, type ReportClassifier } from "./classes";
import type { PlanMatch } from "../match/plan-match";
import type { HardshipSummary } from "./hardship";
import type { WelfareSummary } from "./welfare";
import { ratioBp } from "./ratio";

export interface DisclosureSignatories {
  /** 工会主席 */
  chair?: string;
  /** 经审会主任 */
  auditChair?: string;
  /** 会计 / 财务负责人 */
  accountant?: string;
  /** 制表人 */
  preparer?: string;
}

export interface DisclosureSettings {
  unionName?: string;
  signatories?: DisclosureSignatories;
  /** ISO date printed as 编制日期; a setting, never "today", so the same books give the same sheet. */
  preparedDate?: string;
  /** Items at or above this amount are listed one by one (default 500000 fen = 5,000 元). */
  threshold?: Fen;
  objectionDays?: number;
  objectionChannel?: string;
  /** 经审会意见 */
  reviewStatement?: string;
}

export interface DisclosureContext {
  packName: string;
  caps: WelfareCapsByOccasion;
  /** Opening balance of the hardship fund, when known (settings). */
  hardshipOpening?: Fen;
  memberCount?: number;
}

/**
 * Work renderAll has already done for the same books and period, so the disclosure does not redo it on a big
 * ledger: the shared classifier, the plan match, and the welfare and hardship summaries (made with this
 * context's caps, member count and hardship opening). Each is computed here when absent.
 */
export interface DisclosureShared {
  cls?: ReportClassifier;
  match?: PlanMatch;
  welfare?: WelfareSummary;
  hardship?: HardshipSummary;
}

export const DEFAULT_THRESHOLD: Fen = 500000;

export type IncomeCategory = "dues" | "allocation" | "higherSubsidy" | "employerSubsidy" | "other";

/** A public row: a label the product or the plan chose, and figures. */
export interface DisclosureLine {
  key: string;
  label: string;
  /** Undefined when the plan has no line for it. */
  budget?: Fen;
  actual: Fen;
  executionBp?: number;
  /** Share of the section's total actual, basis points. */
  shareBp?: number;
}

export interface DisclosureIncomeLine extends DisclosureLine {
  key: IncomeCategory;
}

export interface DisclosureExpenseCategory extends DisclosureLine {
  items: DisclosureLine[];
}

export interface DisclosureWelfareRow {
  occasion: WelfareOccasion;
  count: number;
  total: Fen;
}

export interface DisclosureHardshipRow {
  type: HardshipAidType;
  households: number;
  personTimes: number;
  amount: Fen;
}

/** Purposes a major item may carry besides a vetted summary. */
export type MajorItemPurpose =
  | { kind: "summary"; text: string }
  | { kind: "account"; text: string }
  | { kind: "hardship-aggregate"; count: number }
  | { kind: "welfare-aggregate"; count: number };

export interface DisclosureMajorItem {
  /** ISO date; absent for aggregates. */
  date?: string;
  purpose: MajorItemPurpose;
  amount: Fen;
}

export interface DisclosureModel {
  unionName: string;
  period: Period;
  preparedDate?: string;
  summary: {
    opening: Fen;
    income: Fen;
    expense: Fen;
    otherMovements: Fen;
    closing: Fen;
    closingMethod: Reconciliation["closingMethod"];
    openingSource: Reconciliation["openingSource"];
  };
  income: { lines: DisclosureIncomeLine[]; total: DisclosureLine };
  expense: { categories: DisclosureExpenseCategory[]; total: DisclosureLine };
  welfare: { rows: DisclosureWelfareRow[]; count: number; total: Fen; memberCount?: number };
  hardship: { rows: DisclosureHardshipRow[]; households: number; personTimes: number; amount: Fen };
  threshold: Fen;
  majorItems: DisclosureMajorItem[];
  packName: string;
  reviewStatement?: string;
  signatories: DisclosureSignatories;
  objection: { days?: number; channel?: string };
}

export type DisclosureResult =
  | { ok: true; model: DisclosureModel }
  | { ok: false; reason: "not-reconciled"; expectedClosing: Fen; ledgerClosing: Fen; difference: Fen; detail: Reconciliation };

const INCOME_BY_CODE: Record<string, IncomeCategory> = { "401": "dues", "402": "allocation", "403": "higherSubsidy", "405": "employerSubsidy" };
const INCOME_WORDS: [IncomeCategory, string][] = [
  ["dues", "会费"],
  ["allocation", "拨缴"],
  ["higherSubsidy", "上级补助"],
  ["employerSubsidy", "行政补助"],
];
export const INCOME_CATEGORIES: readonly IncomeCategory[] = ["dues", "allocation", "higherSubsidy", "employerSubsidy", "other"];

function incomeCategoryOfText(text: string | undefined): IncomeCategory | undefined {
  const t = normaliseLabel(text);
  return INCOME_WORDS.find(([, word]) => t.includes(word))?.[0];
}

function incomeCategoryOf(code: string | undefined, ...texts: (string | undefined)[]): IncomeCategory {
  if (code && INCOME_BY_CODE[code.slice(0, 3)]) return INCOME_BY_CODE[code.slice(0, 3)];
  if (code) return "other";
  for (const t of texts) {
    const c = incomeCategoryOfText(t);
    if (c) return c;
  }
  return "other";
}

function line(key: string, label: string, budget: Fen | undefined, actual: Fen, total: Fen): DisclosureLine {
  return {
    key,
    label,
    budget,
    actual,
    executionBp: budget === undefined ? undefined : ratioBp(actual, budget),
    shareBp: ratioBp(actual, total),
  };
}

/**
 * Sub-items are keyed by a 5-digit chart account (named from the chart, never from what was typed), else by the
 * sub-category text of the plan line the entry matched, else "other". A hand-typed detail under a category
 * ("职工活动支出—王五家属") therefore never becomes a public label or key.
 */
function lineSubItem(l: PlanLine): { key: string; label: string } | undefined {
  if (l.account && l.account.code.length >= 5) {
    const chart = accountByCode(l.account.code);
    if (chart) return { key: chart.code, label: chart.name };
  }
  return l.subCategory ? { key: `text:${labelKey(l.subCategory)}`, label: l.subCategory } : undefined;
}

function entrySubItem(e: Entry, matched: PlanLine | undefined): { key: string; label: string } {
  const own = e.account && e.account.code.length >= 5 ? accountByCode(e.account.code) : undefined;
  const viaLine = matched ? lineSubItem(matched) : undefined;
  if (viaLine && viaLine.key.startsWith("text:")) return viaLine; // the plan budgets this sub-item by name
  if (own) return { key: own.code, label: own.name };
  return viaLine ?? { key: "other", label: "" };
}

function subItemOrder(a: string, b: string): number {
  const rank = (k: string): number => (k === "other" ? 2 : /^\d/.test(k) ? 0 : 1);
  return rank(a) - rank(b) || a.localeCompare(b);
}

function upsert<V>(map: Map<string, V>, key: string, make: () => V): V {
  let v = map.get(key);
  if (v === undefined) {
    v = make();
    map.set(key, v);
  }
  return v;
}

/** Names and member numbers that must not reach a public cell: every hardship and named-welfare recipient. */
export function privateTokens(books: Books, cls: ReportClassifier = reportClassifier()): string[] {
  const tokens = new Set<string>();
  for (const e of books.ledger.entries) {
    const hardship = hardshipPayment(e, cls) !== undefined;
    const named = !hardship && welfarePayment(e, cls) !== undefined && welfareRecipientKey(e) !== undefined;
    if (!hardship && !named) continue;
    const name = e.counterparty?.trim();
    if (name && name.length >= 2) tokens.add(name);
    const id = e.memberId?.trim();
    if (id && id.length >= 2) tokens.add(id);
  }
  return [...tokens].sort();
}

export function disclosureModel(books: Books, period: Period, settings: DisclosureSettings, ctx: DisclosureContext, shared: DisclosureShared = {}): DisclosureResult {
  const cls = shared.cls ?? reportClassifier();
  const rec = reconcile(books, period, cls);
  if (rec.difference !== 0) {
    return { ok: false, reason: "not-reconciled", expectedClosing: rec.expectedClosing, ledgerClosing: rec.ledgerClosing, difference: rec.difference, detail: rec };
  }
  const lines = books.plan?.lines ?? [];
  const match = shared.match ?? matchToPlan(books, period, { isTransfer: cls.isTransfer, groupOf: cls.groupOf });
  const entries = books.ledger.entries;

  // Income by the five public categories.
  const incomeActual = new Map<IncomeCategory, Fen>();
  const incomeBudget = new Map<IncomeCategory, Fen>();
  for (const l of lines) {
    if (l.kind !== "income") continue;
    const c = incomeCategoryOf(l.account?.code, l.category, l.label);
    incomeBudget.set(c, (incomeBudget.get(c) ?? 0) + l.adjustedBudget);
  }
  // Expenditure by category and sub-item.
  type Item = { label: string; budget?: Fen; actual: Fen };
  type Acc = { label: string; budget?: Fen; actual: Fen; items: Map<string, Item> };
  const categories = new Map<string, Acc>();
  for (const l of lines) {
    if (l.kind !== "expense") continue;
    const cat = lineCategory(l);
    const acc = upsert<Acc>(categories, cat.key, () => ({ label: cat.label, actual: 0, items: new Map() }));
    acc.budget = (acc.budget ?? 0) + l.adjustedBudget;
    const sub = lineSubItem(l);
    if (sub) {
      const item = upsert<Item>(acc.items, sub.key, () => ({ label: sub.label, actual: 0 }));
      item.budget = (item.budget ?? 0) + l.adjustedBudget;
    }
  }

  const bucketsOfAccount = new Map<object, Map<number, { acc: Acc; item: Item }>>();
  entries.forEach((e, pos) => {
    if (!entryInPeriod(e, period)) return;
    const flow = cls.flow(e);
    if (!flow || flow.amount === 0) return;
    const matched = match.lineOfEntry[pos] !== undefined ? lines[match.lineOfEntry[pos]!] : undefined;
    if (flow.kind === "income") {
      const c = incomeCategoryOf(e.account?.code ?? matched?.account?.code, e.accountText, matched?.category, matched?.label);
      incomeActual.set(c, (incomeActual.get(c) ?? 0) + flow.amount);
      return;
    }
    // With an account, the category and sub-item depend only on the account and the matched plan line, and the
    // reader shares account objects between rows: the pair's buckets are looked up once, not per row.
    const byLine = e.account ? bucketsOfAccount.get(e.account) : undefined;
    const lineKey = match.lineOfEntry[pos] ?? -1;
    let buckets = byLine?.get(lineKey);
    if (buckets === undefined) {
      const cat = e.account ? entryCategory(e) : matched ? lineCategory(matched) : entryCategory(e);
      const acc = upsert<Acc>(categories, cat.key, () => ({ label: cat.label, actual: 0, items: new Map() }));
      const sub = entrySubItem(e, matched);
      buckets = { acc, item: upsert<Item>(acc.items, sub.key, () => ({ label: sub.label, actual: 0 })) };
      if (e.account) {
        if (byLine) byLine.set(lineKey, buckets);
        else bucketsOfAccount.set(e.account, new Map([[lineKey, buckets]]));
      }
    }
    buckets.acc.actual += flow.amount;
    buckets.item.actual += flow.amount;
  });

  const incomeTotal = rec.income;
  const expenseTotal = rec.expense;
  const incomeLines: DisclosureIncomeLine[] = INCOME_CATEGORIES.map((c) => ({
    ...line(c, c, incomeBudget.get(c), incomeActual.get(c) ?? 0, incomeTotal),
    key: c,
  }));
  const incomeBudgetTotal = lines.some((l) => l.kind === "income") ? sumFen([...incomeBudget.values()]) : undefined;

  // Labels may come from a local detail account typed by hand ("职工活动支出—张三住院"): scrub them too.
  const tokens = privateTokens(books, cls);
  const categoryKeys = [...categories.keys()].sort((a, b) => (/^\d/.test(a) ? 0 : 1) - (/^\d/.test(b) ? 0 : 1) || a.localeCompare(b));
  const expenseCategories: DisclosureExpenseCategory[] = categoryKeys.map((key) => {
    const acc = categories.get(key)!;
    const itemKeys = [...acc.items.keys()].sort(subItemOrder);
    return {
      ...line(key, scrub(acc.label, tokens, ""), acc.budget, acc.actual, expenseTotal),
      items: itemKeys.map((k) => {
        const item = acc.items.get(k)!;
        return line(k, scrub(item.label, tokens, ""), item.budget, item.actual, expenseTotal);
      }),
    };
  });
  const expenseBudgetTotal = lines.some((l) => l.kind === "expense") ? sumFen(lines.filter((l) => l.kind === "expense").map((l) => l.adjustedBudget)) : undefined;

  const welfare = shared.welfare ?? welfareSummary(books, period, ctx.caps, ctx.memberCount, cls);
  const hardship = shared.hardship ?? hardshipSummary(books, period, { openingBalance: ctx.hardshipOpening }, cls);

  return {
    ok: true,
    model: {
      unionName: settings.unionName ?? books.plan?.unionName ?? "",
      period,
      preparedDate: settings.preparedDate,
      summary: {
        opening: rec.opening,
        income: rec.income,
        expense: rec.expense,
        otherMovements: rec.otherMovements,
        closing: rec.ledgerClosing,
        closingMethod: rec.closingMethod,
        openingSource: rec.openingSource,
      },
      income: { lines: incomeLines, total: line("total", "total", incomeBudgetTotal, incomeTotal, incomeTotal) },
      expense: { categories: expenseCategories, total: line("total", "total", expenseBudgetTotal, expenseTotal, expenseTotal) },
      welfare: {
        rows: welfare.byOccasion.filter((r) => r.count > 0).map((r) => ({ occasion: r.occasion, count: r.count, total: r.total })),
        count: welfare.total.count,
        total: welfare.total.total,
        memberCount: welfare.memberCount,
      },
      hardship: {
        rows: hardship.byType.filter((r) => r.personTimes > 0).map((r) => ({ type: r.type, households: r.households, personTimes: r.personTimes, amount: r.amount })),
        households: hardship.total.households,
        personTimes: hardship.total.personTimes,
        amount: hardship.total.amount,
      },
      threshold: settings.threshold ?? DEFAULT_THRESHOLD,
      majorItems: majorItems(books, period, settings.threshold ?? DEFAULT_THRESHOLD, cls, tokens),
      packName: ctx.packName,
      reviewStatement: settings.reviewStatement,
      signatories: { ...settings.signatories },
      objection: { days: settings.objectionDays, channel: settings.objectionChannel },
    },
  };
}

/** A text for a public cell: itself, or the fallback when it contains a private token. */
export function scrub(text: string, tokens: readonly string[], fallback: string): string {
  return tokens.some((t) => text.includes(t)) ? fallback : text;
}

/** Expenditure items at or above the threshold, with whitelisted purposes (see the module comment). */
export function majorItems(books: Books, period: Period, threshold: Fen, cls: ReportClassifier = reportClassifier(), knownTokens?: readonly string[]): DisclosureMajorItem[] {
  const tokens = knownTokens ?? privateTokens(books, cls);
  const items: DisclosureMajorItem[] = [];
  let hardshipCount = 0;
  let hardshipAmount = 0;
  let welfareCount = 0;
  let welfareAmount = 0;
  for (const e of books.ledger.entries) {
    if (!entryInPeriod(e, period)) continue;
    const flow = cls.flow(e);
    if (!flow || flow.kind !== "expense" || flow.amount < threshold) continue;
    if (hardshipPayment(e, cls)) {
      hardshipCount += 1;
      hardshipAmount += flow.amount;
      continue;
    }
    if (welfarePayment(e, cls) && welfareRecipientKey(e) !== undefined) {
      welfareCount += 1;
      welfareAmount += flow.amount;
      continue;
    }
    const summary = e.summary.trim();
    const leaks = summary === "" || tokens.some((t) => summary.includes(t));
    const accountName = scrub(e.account?.path[1] ?? e.account?.name ?? e.accountText?.trim() ?? "", tokens, "");
    items.push({
      date: e.date,
      purpose: leaks ? { kind: "account", text: accountName } : { kind: "summary", text: summary },
      amount: flow.amount,
    });
  }
  if (hardshipCount > 0) items.push({ purpose: { kind: "hardship-aggregate", count: hardshipCount }, amount: hardshipAmount });
  if (welfareCount > 0) items.push({ purpose: { kind: "welfare-aggregate", count: welfareCount }, amount: welfareAmount });
  return items;
}
