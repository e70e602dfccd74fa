/**
 * Welfare and condolences (职工集体福利/慰问) for the period, by occasion: how many payments, how much, how
 * many members they reached, the average and the highest per member, against the cap.
 *
 * Who a payment reached: its member number, else its 领取人 when that reads like a person's name. A payment to
 * a shop or supplier ("XX超市" for festival goods) reaches all members: with a member count its per-member share
 * is total ÷ members, and every member carries that share on top of what was paid to them by name.
 *
 * PRIVACY: `detail` and `overCap` name people and are for the INTERNAL detail sheet only.
 */
import type { Books, Entry, Fen } from "../model/types";
import type { Period } from "../model/period";
import { roundToFen, sumFen } from "../model/money";
import { welfareOccasion, type WelfareOccasion } from "../classify/welfare";
import { budgetFlow, entryInPeriod } from "../match/plan-match";
import { hardshipPayment } from "./hardship";
import { cellLabel } from "./common";
import { reportClassifier, type ReportClassifier } from "./classes";

/** Fixed order: 节日, 生日, 结婚, 生育, 住院/生病, 丧葬, 退休, 疗休养, 体检, 其他. */
export const WELFARE_OCCASIONS: readonly WelfareOccasion[] = [
  "festival",
  "birthday",
  "wedding",
  "childbirth",
  "sickness",
  "bereavement",
  "retirement",
  "recuperation",
  "checkup",
  "other",
];

export type WelfareCapsByOccasion = Partial<Record<WelfareOccasion, Fen>>;

export interface WelfareOccasionRow {
  occasion: WelfareOccasion;
  /** Payments. */
  count: number;
  total: Fen;
  /** Distinct members paid by name or member number. */
  membersCovered: number;
  /** Paid to suppliers for everyone (no named recipient). */
  collectiveTotal: Fen;
  /** total ÷ (member count, else members covered), rounded to the fen; undefined when neither is known. */
  averagePerMember?: Fen;
  /** The most any one member received (their own payments plus their share of collective ones). */
  highestPerMember?: Fen;
  cap?: Fen;
  overCap: boolean;
  /** Members above the cap (names only in `overCap` of the summary, internal). */
  membersOverCap: number;
}

export interface WelfareDetailRow {
  entryIndex: number;
  date?: string;
  occasion: WelfareOccasion;
  /** The 领取人 as written (may be a shop for collective purchases). */
  recipient: string;
  memberId?: string;
  amount: Fen;
  summary: string;
  cell: string;
}

export interface WelfareOverCap {
  occasion: WelfareOccasion;
  recipient: string;
  memberId?: string;
  /** Their own payments plus their share of collective ones. */
  total: Fen;
  cap: Fen;
  payments: number;
  cells: string[];
}

export interface WelfareSummary {
  period: Period;
  memberCount?: number;
  byOccasion: WelfareOccasionRow[];
  total: { count: number; total: Fen };
  /** INTERNAL ONLY. */
  detail: WelfareDetailRow[];
  /** INTERNAL ONLY: members above a cap, by occasion. */
  overCap: WelfareOverCap[];
}

/** Endings that make a payee an organisation rather than a person. */
const ORGANISATION_ENDINGS = /(店|行|厂|司|部|社|馆|院|市|所|局|会|中心|站|场|城|铺|坊|房)$/;

/** A 领取人 that reads like a person's name: 2 to 4 Chinese characters, or two parts joined by a middle dot; not a shop. */
export function looksLikePersonName(text: string | undefined): boolean {
  const s = text?.trim() ?? "";
  const plain = /^[\u4e00-\u9fa5]{2,4}$/.test(s);
  const dotted = /^[\u4e00-\u9fa5]{1,6}·[\u4e00-\u9fa5]{1,6}$/.test(s); // 欧阳·娜娜, 阿卜杜·热合曼
  return (plain || dotted) && !ORGANISATION_ENDINGS.test(s);
}

/** Who a welfare payment reached: a key for the member, or undefined for a collective payment. */
export function welfareRecipientKey(e: Entry): string | undefined {
  const id = e.memberId?.trim();
  if (id) return `id:${id}`;
  return looksLikePersonName(e.counterparty) ? `name:${e.counterparty!.trim()}` : undefined;
}

/** A welfare payment: an expenditure with a welfare occasion that is not hardship aid. */
export function welfarePayment(e: Entry, cls?: ReportClassifier): { occasion: WelfareOccasion; amount: Fen } | undefined {
  const flow = cls ? cls.flow(e) : budgetFlow(e);
  if (!flow || flow.kind !== "expense" || flow.amount === 0) return undefined;
  if (hardshipPayment(e, cls)) return undefined; // counted once, as hardship aid
  const occasion = cls ? cls.occasion(e) : welfareOccasion(e);
  return occasion ? { occasion, amount: flow.amount } : undefined;
}


function divide(total: Fen, by: number): Fen {
  return roundToFen(total / by / 100);
}

/** `cls`: the run's shared classifier (renderAll passes one); a fresh one otherwise. */
export function welfareSummary(books: Books, period: Period, caps: WelfareCapsByOccasion, memberCount?: number, cls: ReportClassifier = reportClassifier()): WelfareSummary {
  const members = memberCount ?? books.plan?.memberCount;
  // Each payment's recipient key and cell label are worked out once, and the payments bucketed by occasion in
  // one pass (in ledger order, as filtering per occasion would give): on a big ledger (~40k welfare payments)
  // repeating them per occasion was most of this report's time.
  const payments: { e: Entry; occasion: WelfareOccasion; amount: Fen; key: string | undefined; byId: boolean; cell: string }[] = [];
  const byOccasionPayments = new Map<WelfareOccasion, typeof payments>(WELFARE_OCCASIONS.map((o) => [o, []]));
  for (const e of books.ledger.entries) {
    if (!entryInPeriod(e, period)) continue;
    const payment = welfarePayment(e, cls);
    if (!payment) continue;
    // welfareRecipientKey, without building its "id:"/"name:" key text per row: the member number or the name,
    // told apart by `byId` (the two kinds of key live in separate maps below).
    const id = e.memberId?.trim();
    const key = id ? id : looksLikePersonName(e.counterparty) ? e.counterparty!.trim() : undefined;
    const p = { e, occasion: payment.occasion, amount: payment.amount, key, byId: !!id, cell: cellLabel(e) };
    payments.push(p);
    byOccasionPayments.get(p.occasion)?.push(p);
  }

  const byOccasion: WelfareOccasionRow[] = [];
  const overCap: WelfareOverCap[] = [];
  for (const occasion of WELFARE_OCCASIONS) {
    const ofOccasion = byOccasionPayments.get(occasion)!;
    let total = 0;
    let collectiveTotal = 0;
    let collectiveCount = 0;
    for (const p of ofOccasion) {
      total += p.amount;
      if (p.key === undefined) {
        collectiveTotal += p.amount;
        collectiveCount += 1;
      }
    }
    const share = members && members > 0 ? divide(collectiveTotal, members) : 0;

    type Slot = { recipient: string; memberId?: string; total: Fen; payments: number; cells: string[] };
    // Members by member number and by name (welfareRecipientKey's "id:" and "name:" keys); `named` keeps the
    // order in which members were first met, as one map keyed by the prefixed texts did.
    const byId = new Map<string, Slot>();
    const byName = new Map<string, Slot>();
    const named: Slot[] = [];
    for (const p of ofOccasion) {
      const key = p.key;
      if (!key) continue;
      const perMember = p.byId ? byId : byName;
      let slot = perMember.get(key);
      if (slot === undefined) {
        slot = { recipient: p.e.counterparty?.trim() ?? "", memberId: p.e.memberId?.trim() || undefined, total: share, payments: 0, cells: [] };
        perMember.set(key, slot);
        named.push(slot);
      }
      slot.total += p.amount;
      slot.payments += 1;
      slot.cells.push(p.cell);
      if (!slot.recipient && p.e.counterparty) slot.recipient = p.e.counterparty.trim();
    }

    const divisor = members && members > 0 ? members : named.length;
    let highestNamed = -Infinity;
    for (const m of named) if (m.total > highestNamed) highestNamed = m.total;
    const highest = named.length > 0 ? highestNamed : collectiveCount > 0 && members ? share : undefined;
    const cap = caps[occasion];
    const over = cap === undefined ? [] : named.filter((m) => m.total > cap);
    // When everyone's collective share alone is above the cap, every member is over it.
    const everyoneOver = cap !== undefined && members !== undefined && collectiveCount > 0 && share > cap;
    for (const m of over) overCap.push({ occasion, ...m, cap: cap! });

    byOccasion.push({
      occasion,
      count: ofOccasion.length,
      total,
      membersCovered: named.length,
      collectiveTotal,
      averagePerMember: divisor > 0 && ofOccasion.length > 0 ? divide(total, divisor) : undefined,
      highestPerMember: highest,
      cap,
      overCap: cap !== undefined && highest !== undefined && highest > cap,
      membersOverCap: everyoneOver ? members! : over.length,
    });
  }

  const detail: WelfareDetailRow[] = payments.map(({ e, occasion, amount, cell }) => ({
    entryIndex: e.index,
    date: e.date,
    occasion,
    recipient: e.counterparty?.trim() ?? "",
    memberId: e.memberId?.trim() || undefined,
    amount,
    summary: e.summary,
    cell,
  }));

  return {
    period,
    memberCount: members,
    byOccasion,
    total: { count: payments.length, total: sumFen(payments.map((p) => p.amount)) },
    detail,
    overCap,
  };
}
