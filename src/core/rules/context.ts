/** Builds the context rules read: defaults resolved, per-entry classifications computed once and shared. */
import type { Books, Entry } from "../model/types";
import { welfareOccasion, type WelfareOccasion } from "../classify/welfare";
import { hardshipAidType, isInternalTransfer, type HardshipAidType } from "../classify/hardship";
import { entryGrouper } from "../classify/entry-key";
import { matchToPlan } from "../match/plan-match";
import { applyOverrides } from "../packs";
import { nationalPack } from "../packs/data";
import { extendTable, ruleKeywords, type KeywordTable } from "./keywords";
import { recipientKey } from "./util";
import type { CheckOptions, KeywordMatcher, PlanMatch, ResolvedOptions, RuleContext } from "./types";

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
  const groupOf = entryGrouper<Classes>(() => ({}));
  const byPosition: (Classes | undefined)[] = new Array(entries.length);
  const classesOf = (e: Entry): Classes => {
    const i = positionOf(e);
    if (i === undefined) return groupOf(e);
    return (byPosition[i] ??= groupOf(e));
  };

  // A transfer is decided by the summary and note only, both part of the group's key.
  const isTransfer = (e: Entry): boolean => {
    const c = classesOf(e);
    return (c.transfer ??= isInternalTransfer(e));
  };
  // Occasion and hardship type: undefined for anything that is not spending (the classifiers' first test).
  const occasion = (e: Entry): WelfareOccasion | undefined => {
    if (!(e.expense > 0)) return undefined;
    const c = classesOf(e);
    if (c.occasion === undefined) c.occasion = welfareOccasion(e) ?? null;
    return c.occasion ?? undefined;
  };
  const hardship = (e: Entry): HardshipAidType | undefined => {
    if (!(e.expense > 0)) return undefined;
    const c = classesOf(e);
    if (c.hardship === undefined) c.hardship = hardshipAidType(e) ?? null;
    return c.hardship ?? undefined;
  };

  // The counted rows and, among them, the payments (expense > 0) with their group records: found together in
  // one pass on first use. The spending rules walk the payments rather than every row, and read each row's
  // answers from its group record without a lookup per row.
  let counted: Entry[] | undefined;
  let spending: { entries: Entry[]; groups: Classes[] } | undefined;
  const countedPass = () => {
    counted = [];
    spending = { entries: [], groups: [] };
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i];
      const c = classesOf(e);
      if ((c.transfer ??= isInternalTransfer(e))) continue; // isTransfer(e), with the record at hand
      counted.push(e);
      if (!(e.expense > 0)) continue;
      spending.entries.push(e);
      spending.groups.push(c);
    }
  };
  const countedEntries = (): Entry[] => {
    if (!counted) countedPass();
    return counted!;
  };
  const spendingRows = (): { entries: Entry[]; groups: Classes[] } => {
    if (!spending) countedPass();
    return spending!;
  };
  // All occasions are bucketed in one pass on first use (rather than one pass over the ledger per occasion).
  let welfareBuckets: Map<WelfareOccasion, Entry[]> | undefined;
  const welfareOf = (o: WelfareOccasion): Entry[] => {
    if (!welfareBuckets) {
      welfareBuckets = new Map();
      // occasion(e) over the payments, reading each row's group record from the payments pass.
      const rows = spendingRows();
      for (let k = 0; k < rows.entries.length; k++) {
        const e = rows.entries[k];
        const c = rows.groups[k];
        if (c.occasion === undefined) c.occasion = welfareOccasion(e) ?? null;
        const found = c.occasion;
        if (found === null) continue;
        const list = welfareBuckets.get(found);
        if (list) list.push(e);
        else welfareBuckets.set(found, [e]);
      }
    }
    let list = welfareBuckets.get(o);
    if (!list) welfareBuckets.set(o, (list = []));
    return list;
  };
  // recipientKey per row, by position: several welfare rules ask it of the same rows.
  const recipients: (string | null | undefined)[] = new Array(entries.length);
  const recipient = (e: Entry): string | undefined => {
    const i = positionOf(e);
    if (i === undefined) return recipientKey(e);
    let key = recipients[i];
    if (key === undefined) recipients[i] = key = recipientKey(e) ?? null;
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
  const summaryMatch = (ruleId: string, e: Entry): string | undefined => {
    let s = slots.get(ruleId);
    if (!s) slots.set(ruleId, (s = { slot: slots.size, matcher: keywords(ruleId) }));
    const hits = (classesOf(e).hits ??= []);
    let hit = hits[s.slot];
    if (hit === undefined) hits[s.slot] = hit = s.matcher.match(e.summary) ?? null;
    return hit ?? undefined;
  };

  const spendingMatches = (ruleId: string): { entries: Entry[]; terms: string[] } => {
    let s = slots.get(ruleId);
    if (!s) slots.set(ruleId, (s = { slot: slots.size, matcher: keywords(ruleId) }));
    const { slot, matcher } = s;
    const rows = spendingRows();
    const out: { entries: Entry[]; terms: string[] } = { entries: [], terms: [] };
    for (let k = 0; k < rows.entries.length; k++) {
      const hits = (rows.groups[k].hits ??= []);
      let hit = hits[slot];
      if (hit === undefined) hits[slot] = hit = matcher.match(rows.entries[k].summary) ?? null;
      if (hit === null) continue;
      out.entries.push(rows.entries[k]);
      out.terms.push(hit);
    }
    return out;
  };

  const ctx: RuleContext = {
    books,
    options: resolved,
    pack,
    entries,
    get counted() {
      return countedEntries();
    },
    get spending() {
      return spendingRows().entries;
    },
    spendingMatches,
    isTransfer,
    occasion,
    hardship,
    welfare: welfareOf,
    recipient,
    planMatch() {
      // The context's memoised transfer test and entry groups: the matcher would otherwise redo that work.
      if (match === undefined) match = books.plan ? matchToPlan(books, resolved.period, { isTransfer, groupOf: classesOf }) : null;
      return match ?? undefined;
    },
    keywords,
    summaryMatch,
    memberCount: resolved.memberCount,
  };
  return ctx;
}
