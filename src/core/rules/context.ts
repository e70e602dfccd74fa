/** Builds the context rules read: defaults resolved, per-entry classifications computed once and shared. */
import type { AccountRef, Books, Entry } from "../model/types";
import { welfareOccasion, type WelfareOccasion } from "../classify/welfare";
import { hardshipAidType, isInternalTransfer, type HardshipAidType } from "../classify/hardship";
import { entryGrouper } from "../classify/entry-key";
import { matchToPlan } from "../match/plan-match";
import { applyOverrides } from "../packs";
import { nationalPack } from "../packs/data";
import { extendTable, ruleKeywords, type KeywordTable } from "./keywords";
import { HAS_BALANCE, TRANSFER, UNREADABLE_AMOUNT, dayNumber, hasUnreadableAmount, recipientKey, recipientKeyer } from "./util";
import type { CheckOptions, KeywordMatcher, LedgerRows, PlanMatch, ResolvedOptions, RuleContext } from "./types";

export function resolveOptions(books: Books, options: CheckOptions = {}): ResolvedOptions {
  const pack = applyOverrides(options.pack ?? nationalPack, options.capOverrides);
  return {
    pack,
    period: options.period,
    tiers: options.tiers ?? ["basic", "strict"],
    enable: options.enable ?? [],
    overBudgetTolerance: options.overBudgetTolerance ?? 0,
    festivalWindowDays: options.festivalWindowDays ?? 30,
    cashLimitFen: options.cashLimitFen ?? pack.cashLimitFen,
    memberCount: options.memberCount ?? books.plan?.memberCount,
  };
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Longest terms first, so the alternation reports "京东E卡" rather than a shorter overlap. */
function alternation(terms: string[]): RegExp | undefined {
  const list = [...new Set(terms.filter((t) => t.length > 0))].sort((a, b) => b.length - a.length);
  return list.length ? new RegExp(list.map(escapeRe).join("|"), "gi") : undefined;
}

/** Past this many distinct texts a matcher's memo starts afresh, so a long-lived matcher cannot grow without end. */
const MATCH_MEMO_LIMIT = 50_000;

export function compileKeywords(table: KeywordTable): KeywordMatcher {
  const include = alternation(table.include);
  const exclude = alternation(table.exclude ?? []);
  const cleaned = (text: string) => (exclude ? text.replace(exclude, "\u0000") : text);
  const search = (text: string): string | undefined => {
    include!.lastIndex = 0;
    const m = include!.exec(cleaned(text));
    include!.lastIndex = 0;
    return m?.[0];
  };
  // Several rules test the same few summaries on every row ("会费收入", "提现"): the answer is memoised per text
  // (the expressions are fixed once compiled, so the answer cannot change).
  const memo = new Map<string, string | undefined>();
  const match = (text: string | undefined): string | undefined => {
    if (!text || !include) return undefined;
    if (memo.has(text)) return memo.get(text);
    const found = search(text);
    if (memo.size >= MATCH_MEMO_LIMIT) memo.clear();
    memo.set(text, found);
    return found;
  };
  return { table, match, test: (text) => match(text) !== undefined };
}

/**
 * What is known of one group of entries that read alike (see entryGrouper), each computed on first use
 * (null = computed, none): the classifications, the transfer test, and the keyword matchers' answers for the
 * group's summary. Every rule asks these of the same rows, so each is worked out once per group, and a row's
 * group is found once per run (by position, see createContext).
 */
interface Classes {
  /** The group's number: 0, 1, 2… in order of first sight (RuleContext.rows.groups). */
  id: number;
  occasion?: WelfareOccasion | null;
  hardship?: HardshipAidType | null;
  transfer?: boolean;
  /** Per matcher slot (see summaryMatch): the first term of its table found in the summary. */
  hits?: (string | null | undefined)[];
}

export function createContext(books: Books, options: CheckOptions = {}): RuleContext {
  const resolved = resolveOptions(books, options);
  const pack = resolved.pack;
  const entries = books.ledger.entries;

  // Each entry's group record, shared by every rule: an entry is looked up by position (entry.index is its
  // position in books built by the reader; hand-made fixtures may differ, hence the fallback map), and the
  // position remembers its group's record, so the group is looked up once per entry.
  let position: Map<Entry, number> | undefined;
  const positionOf = (e: Entry): number | undefined => {
    if (entries[e.index] === e) return e.index;
    if (!position) {
      position = new Map();
      entries.forEach((x, i) => position!.set(x, i));
    }
    return position.get(e);
  };
  // The records by group number (Classes.id); once the row pass has run, a row's record is records[groups[i]].
  // Before it (a rule asking about single entries first), positions remember their records in a sparse array.
  const records: Classes[] = [];
  const groupOf = entryGrouper<Classes>(() => {
    const c: Classes = { id: records.length };
    records.push(c);
    return c;
  });
  let byPosition: (Classes | undefined)[] | undefined;
  const classesAt = (i: number): Classes => {
    if (rows) return records[rows.groups[i]];
    byPosition ??= [];
    return (byPosition[i] ??= groupOf(entries[i]));
  };
  const classesOf = (e: Entry): Classes => {
    const i = positionOf(e);
    if (i === undefined) return groupOf(e);
    return classesAt(i);
  };

  // A transfer is decided by the summary and note only, both part of the group's key.
  const transferOf = (c: Classes, e: Entry): boolean => (c.transfer ??= isInternalTransfer(e));
  // Occasion and hardship type: undefined for anything that is not spending (the classifiers' first test).
  const occasionOf = (c: Classes, e: Entry): WelfareOccasion | undefined => {
    if (c.occasion === undefined) c.occasion = welfareOccasion(e) ?? null;
    return c.occasion ?? undefined;
  };
  const hardshipOf = (c: Classes, e: Entry): HardshipAidType | undefined => {
    if (c.hardship === undefined) c.hardship = hardshipAidType(e) ?? null;
    return c.hardship ?? undefined;
  };

  // The one pass over the ledger (on first use): every row's group record and amounts, and the positions of the
  // transfers, of the counted rows and of the payments among them. Rules that walk every row read these compact
  // arrays instead of each row's object: a row object is touched here once, and afterwards only by a rule that
  // reports it or needs a field the arrays do not hold.
  let rows: LedgerRows | undefined;
  let counted: Entry[] | undefined;
  let spending: Entry[] | undefined;
  const rowsPass = (): LedgerRows => {
    const n = entries.length;
    const income = new Float64Array(n);
    const expense = new Float64Array(n);
    const accounts: (AccountRef | undefined)[] = new Array(n);
    const dates: (string | undefined)[] = new Array(n);
    const sheets: string[] = new Array(n);
    const rowNumbers = new Float64Array(n);
    const balances = new Float64Array(n);
    const paymentMethods: (string | undefined)[] = new Array(n);
    const vouchers: (string | undefined)[] = new Array(n);
    const flags = new Uint8Array(n);
    const groups = new Int32Array(n);
    const days = new Int32Array(n);
    const countedAt = new Int32Array(n);
    const spendingAt = new Int32Array(n);
    const transfers: number[] = [];
    let nCounted = 0;
    let nSpending = 0;
    let lastDate: string | undefined;
    let lastDay = 0;
    for (let i = 0; i < n; i++) {
      const e = entries[i];
      const c = byPosition?.[i] ?? groupOf(e);
      groups[i] = c.id;
      const paid = e.expense;
      income[i] = e.income;
      expense[i] = paid;
      accounts[i] = e.account;
      const date = e.date;
      dates[i] = date;
      // Rows come in date order: most repeat the previous row's date, whose number is known.
      if (date !== lastDate) {
        lastDate = date;
        lastDay = dayNumber(date);
      }
      days[i] = lastDay;
      sheets[i] = e.sheet;
      rowNumbers[i] = e.row;
      paymentMethods[i] = e.paymentMethod;
      vouchers[i] = e.voucher;
      const balance = e.balance;
      if (balance !== undefined) balances[i] = balance;
      flags[i] = (balance !== undefined ? HAS_BALANCE : 0) | (hasUnreadableAmount(e) ? UNREADABLE_AMOUNT : 0);
      if (transferOf(c, e)) {
        flags[i] |= TRANSFER;
        transfers.push(i);
        continue;
      }
      countedAt[nCounted++] = i;
      if (paid > 0) spendingAt[nSpending++] = i;
    }
    return { income, expense, accounts, dates, sheets, rowNumbers, balances, paymentMethods, vouchers, flags, groups, days, counted: countedAt.subarray(0, nCounted), spending: spendingAt.subarray(0, nSpending), transfers: Int32Array.from(transfers) };
  };
  const rowsOf = (): LedgerRows => (rows ??= rowsPass());
  const entriesAt = (positions: Int32Array): Entry[] => {
    const out: Entry[] = new Array(positions.length);
    for (let k = 0; k < positions.length; k++) out[k] = entries[positions[k]];
    return out;
  };
  const countedEntries = (): Entry[] => (counted ??= entriesAt(rowsOf().counted));
  const spendingEntries = (): Entry[] => (spending ??= entriesAt(rowsOf().spending));

  // All occasions are bucketed in one pass over the payments on first use (rather than one pass per occasion),
  // reading each payment's group record by position.
  let welfareBuckets: Map<WelfareOccasion, Entry[]> | undefined;
  const welfarePositions = new Map<WelfareOccasion, number[]>();
  const welfareOf = (o: WelfareOccasion): Entry[] => {
    if (!welfareBuckets) {
      welfareBuckets = new Map();
      const { spending: paying, groups } = rowsOf();
      for (let k = 0; k < paying.length; k++) {
        const i = paying[k];
        const c = records[groups[i]];
        const found = c.occasion === undefined ? occasionOf(c, entries[i]) : (c.occasion ?? undefined);
        if (found === undefined) continue;
        const list = welfareBuckets.get(found);
        if (list) {
          list.push(entries[i]);
          welfarePositions.get(found)!.push(i);
        } else {
          welfareBuckets.set(found, [entries[i]]);
          welfarePositions.set(found, [i]);
        }
      }
    }
    let list = welfareBuckets.get(o);
    if (!list) {
      welfareBuckets.set(o, (list = []));
      welfarePositions.set(o, []);
    }
    return list;
  };
  const welfareAt = (o: WelfareOccasion): number[] => {
    welfareOf(o);
    return welfarePositions.get(o)!;
  };
  // recipientKey per row, by position: several welfare rules ask it of the same rows.
  let recipients: (string | null | undefined)[] | undefined;
  const recipient = (e: Entry): string | undefined => {
    const i = positionOf(e);
    if (i === undefined) return recipientKey(e);
    recipients ??= new Array(entries.length);
    let key = recipients[i];
    if (key === undefined) recipients[i] = key = (keyer ??= recipientKeyer())(e) ?? null;
    return key ?? undefined;
  };
  let keyer: ((e: Entry) => string | undefined) | undefined;
  const recipientAt = (i: number): string | undefined => {
    recipients ??= new Array(entries.length);
    let key = recipients[i];
    if (key === undefined) recipients[i] = key = (keyer ??= recipientKeyer())(entries[i]) ?? null;
    return key ?? undefined;
  };
  let match: PlanMatch | undefined | null;
  const matchers = new Map<string, KeywordMatcher>();
  const keywords = (ruleId: string): KeywordMatcher => {
    let m = matchers.get(ruleId);
    if (!m) {
      m = compileKeywords(extendTable(ruleKeywords[ruleId] ?? { include: [] }, pack.keywords?.[ruleId]));
      matchers.set(ruleId, m);
    }
    return m;
  };
  // summaryMatch: each rule id's matcher gets a slot in the group records' `hits`.
  const slots = new Map<string, { slot: number; matcher: KeywordMatcher }>();
  const slotOf = (ruleId: string) => {
    let s = slots.get(ruleId);
    if (!s) slots.set(ruleId, (s = { slot: slots.size, matcher: keywords(ruleId) }));
    return s;
  };
  const hitOf = (c: Classes, e: Entry, s: { slot: number; matcher: KeywordMatcher }): string | undefined => {
    const hits = (c.hits ??= []);
    let hit = hits[s.slot];
    if (hit === undefined) hits[s.slot] = hit = s.matcher.match(e.summary) ?? null;
    return hit ?? undefined;
  };
  const summaryMatch = (ruleId: string, e: Entry): string | undefined => hitOf(classesOf(e), e, slotOf(ruleId));

  const spendingMatches = (ruleId: string): { entries: Entry[]; terms: string[] } => {
    const s = slotOf(ruleId);
    const { spending: paying, groups } = rowsOf();
    const out: { entries: Entry[]; terms: string[] } = { entries: [], terms: [] };
    for (let k = 0; k < paying.length; k++) {
      const i = paying[k];
      const c = records[groups[i]];
      const hit = c.hits?.[s.slot];
      // Known misses are skipped without touching the row.
      if (hit === null) continue;
      const term = hit ?? hitOf(c, entries[i], s);
      if (term === undefined) continue;
      out.entries.push(entries[i]);
      out.terms.push(term);
    }
    return out;
  };

  const ctx: RuleContext = {
    books,
    options: resolved,
    pack,
    entries,
    get rows() {
      return rowsOf();
    },
    get counted() {
      return countedEntries();
    },
    get spending() {
      return spendingEntries();
    },
    spendingMatches,
    isTransfer: (e) => transferOf(classesOf(e), e),
    transferAt: (i) => transferOf(classesAt(i), entries[i]),
    occasion: (e) => (e.expense > 0 ? occasionOf(classesOf(e), e) : undefined),
    occasionAt: (i) => (rowsOf().expense[i] > 0 ? occasionOf(classesAt(i), entries[i]) : undefined),
    hardship: (e) => (e.expense > 0 ? hardshipOf(classesOf(e), e) : undefined),
    hardshipAt: (i) => (rowsOf().expense[i] > 0 ? hardshipOf(classesAt(i), entries[i]) : undefined),
    groupAt: (i) => classesAt(i),
    welfare: welfareOf,
    welfareAt,
    recipient,
    recipientAt,
    planMatch() {
      // The context's memoised transfer test and entry groups: the matcher would otherwise redo that work.
      if (match === undefined) {
        const isTransfer = (e: Entry) => transferOf(classesOf(e), e);
        match = books.plan ? matchToPlan(books, resolved.period, { isTransfer, groupOf: classesOf, rows: rowsOf() }) : null;
      }
      return match ?? undefined;
    },
    keywords,
    summaryMatch,
    summaryMatchAt: (ruleId, i) => hitOf(classesAt(i), entries[i], slotOf(ruleId)),
    memberCount: resolved.memberCount,
  };
  return ctx;
}
