/**
 * Hardship aid (困难职工帮扶) for the period: by aid type, by month, the hardship fund's movement, and a detail
 * list of who received what.
 *
 * PRIVACY: `detail` (names, member numbers, summaries that state the reason) is for the INTERNAL detail sheet
 * only. The public disclosure reads `byType` / `total` through its own types, which have no field that could
 * hold a name, a member number or a reason (see ./disclosure.ts).
 */
import type { Books, Entry, Fen } from "../model/types";
import type { Period } from "../model/period";
import { sumFen } from "../model/money";
import { hardshipAidType, type HardshipAidType } from "../classify/hardship";
import { budgetFlow } from "../match/plan-match";
import { entryInPeriod } from "../match/plan-match";
import { cellLabel, memoMonthOf, monthsOf } from "./common";
import { reportClassifier, type ReportClassifier } from "./classes";

/** Fixed order of aid types: 生活救助, 医疗救助, 助学, 送温暖, 意外致困, 其他. */
export const HARDSHIP_TYPES: readonly HardshipAidType[] = ["living", "medical", "education", "warmth", "accident", "other"];

/** Higher-level subsidies earmarked for hardship: 40304 帮扶补助, 40305 送温暖补助. */
export const HARDSHIP_INCOME_CODES: readonly string[] = ["40304", "40305"];

export interface HardshipCounts {
  /** Distinct recipients (by member number, else by name); an unnamed payment counts as its own household. */
  households: number;
  /** Payments (人次). */
  personTimes: number;
  amount: Fen;
}

export interface HardshipTypeRow extends HardshipCounts {
  type: HardshipAidType;
  /** Amount per month of the period, aligned with HardshipSummary.months. */
  byMonth: Fen[];
}

export interface HardshipMonthRow {
  month: number;
  personTimes: number;
  amount: Fen;
}

export interface HardshipFund {
  /** Balance of hardship money at the start of the period. */
  opening: Fen;
  /** False when no opening balance was given: the year's opening is then taken as 0 and the sheet says so. */
  openingKnown: boolean;
  /** Hardship/送温暖 subsidies received in the period (40304/40305). */
  income: Fen;
  spending: Fen;
  closing: Fen;
}

/** One payment, for the internal detail sheet only. */
export interface HardshipDetailRow {
  entryIndex: number;
  date?: string;
  recipient: string;
  memberId?: string;
  type: HardshipAidType;
  amount: Fen;
  summary: string;
  paymentMethod?: string;
  /** Where the payment is in the books, e.g. "明细账!F12". */
  cell: string;
}

export interface HardshipSummary {
  period: Period;
  /** Month numbers covered by the period, in order. */
  months: number[];
  byType: HardshipTypeRow[];
  total: HardshipCounts;
  byMonth: HardshipMonthRow[];
  fund: HardshipFund;
  /** INTERNAL ONLY. */
  detail: HardshipDetailRow[];
  /** Payments without a recipient name or member number (each counted as its own household). */
  unidentified: number;
}

export interface HardshipOptions {
  /** The hardship fund's balance at the start of the year, when the union keeps one (from settings). */
  openingBalance?: Fen;
}

/** A hardship payment: an expenditure the classifier gives an aid type. */
export function hardshipPayment(e: Entry, cls?: ReportClassifier): { type: HardshipAidType; amount: Fen } | undefined {
  const flow = cls ? cls.flow(e) : budgetFlow(e);
  if (!flow || flow.kind !== "expense" || flow.amount === 0) return undefined;
  const type = cls ? cls.hardship(e) : hardshipAidType(e);
  return type ? { type, amount: flow.amount } : undefined;
}

/** Hardship subsidy income: an income entry booked to 40304 or 40305. */
export function hardshipIncome(e: Entry, cls?: ReportClassifier): Fen | undefined {
  const flow = cls ? cls.flow(e) : budgetFlow(e);
  if (!flow || flow.kind !== "income" || !e.account) return undefined;
  return HARDSHIP_INCOME_CODES.some((c) => e.account!.code.startsWith(c)) ? flow.amount : undefined;
}

/** The key that tells households apart: member number first, else the name as written. */
export function recipientKey(e: Entry): string | undefined {
  const id = e.memberId?.trim();
  if (id) return `id:${id}`;
  const name = e.counterparty?.trim();
  return name ? `name:${name}` : undefined;
}

function counts(payments: { e: Entry; amount: Fen }[]): HardshipCounts {
  const keys = new Set(payments.map(({ e }) => recipientKey(e) ?? `entry:${e.index}`));
  return { households: keys.size, personTimes: payments.length, amount: sumFen(payments.map((p) => p.amount)) };
}

/** `cls`: the run's shared classifier (renderAll passes one); a fresh one otherwise. */
export function hardshipSummary(books: Books, period: Period, options: HardshipOptions = {}, cls: ReportClassifier = reportClassifier()): HardshipSummary {
  const months = monthsOf(period);
  const payments: { e: Entry; type: HardshipAidType; amount: Fen }[] = [];
  let incomeInPeriod = 0;
  let netBefore = 0; // hardship income − spending dated before the period, same year: moves the opening
  for (const e of books.ledger.entries) {
    const payment = hardshipPayment(e, cls);
    const income = hardshipIncome(e, cls);
    if (payment === undefined && income === undefined) continue;
    if (entryInPeriod(e, period)) {
      if (payment) payments.push({ e, type: payment.type, amount: payment.amount });
      if (income !== undefined) incomeInPeriod += income;
    } else if (e.date !== undefined && e.date < period.start && e.date.slice(0, 4) === period.start.slice(0, 4)) {
      netBefore += (income ?? 0) - (payment?.amount ?? 0);
    }
  }

  // One pass over the payments (a big ledger has ~10k of them): the totals by type and month are sums over the
  // same payments that filtering per type and per month would give, each payment's month read once.
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const monthOfDate = memoMonthOf();
  const ofType = new Map<HardshipAidType, { e: Entry; amount: Fen }[]>(HARDSHIP_TYPES.map((t) => [t, []]));
  const typeByMonth = new Map<HardshipAidType, Fen[]>(HARDSHIP_TYPES.map((t) => [t, months.map(() => 0)]));
  const byMonth: HardshipMonthRow[] = months.map((month) => ({ month, personTimes: 0, amount: 0 }));
  for (const p of payments) {
    ofType.get(p.type)?.push(p);
    const i = p.e.date ? monthIndex.get(monthOfDate(p.e.date)) : undefined;
    if (i === undefined) continue;
    const perMonth = typeByMonth.get(p.type);
    if (perMonth) perMonth[i] += p.amount;
    byMonth[i].personTimes += 1;
    byMonth[i].amount += p.amount;
  }
  const byType: HardshipTypeRow[] = HARDSHIP_TYPES.map((type) => ({ type, ...counts(ofType.get(type)!), byMonth: typeByMonth.get(type)! }));

  const total = counts(payments);
  const openingKnown = options.openingBalance !== undefined;
  const opening = (options.openingBalance ?? 0) + netBefore;
  const fund: HardshipFund = {
    opening,
    openingKnown,
    income: incomeInPeriod,
    spending: total.amount,
    closing: opening + incomeInPeriod - total.amount,
  };

  const detail: HardshipDetailRow[] = payments.map(({ e, type, amount }) => ({
    entryIndex: e.index,
    date: e.date,
    recipient: e.counterparty?.trim() ?? "",
    memberId: e.memberId?.trim() || undefined,
    type,
    amount,
    summary: e.summary,
    paymentMethod: e.paymentMethod,
    cell: cellLabel(e),
  }));

  return {
    period,
    months,
    byType,
    total,
    byMonth,
    fund,
    detail,
    unidentified: payments.filter(({ e }) => recipientKey(e) === undefined).length,
  };
}
