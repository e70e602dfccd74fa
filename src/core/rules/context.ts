/** Builds the context rules read: defaults resolved, per-entry classifications computed once and shared. */
import type { Books, Entry } from "../model/types";
import { welfareOccasion, type WelfareOccasion } from "../classify/welfare";
import { hardshipAidType, isInternalTransfer, type HardshipAidType } from "../classify/hardship";
import { entryGrouper } from "../classify/entry-key";
import { matchToPlan } from "../match/plan-match";
import { applyOverrides } from "../packs";
import { nationalPack } from "../packs/data";
import { extendTable, ruleKeywords, type KeywordTable } from "./keywords";
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
 * The classifications of one group of entries that read alike (see entryGrouper), each computed on first use
 * (null = computed, none).
 */
interface Classes {
  occasion?: WelfareOccasion | null;
  hardship?: HardshipAidType | null;
}

/**
 * isInternalTransfer memoised for one run by the only texts it reads (summary and note): the keyword tables do
 * not change during a run, so unlike the classifier's own memo this one need not check them on every row. Most
 * rows have no note, so the summary itself is the key and no key string is built.
 */
function transferTest(): (e: Entry) => boolean {
  const bySummary = new Map<string, boolean>();
  const byNote = new Map<string, Map<string, boolean>>();
  return (e) => {
    let memo = bySummary;
    if (e.note) {
      let m = byNote.get(e.note);
      if (!m) byNote.set(e.note, (m = new Map()));
      memo = m;
    }
    const summary = e.summary ?? "";
    let t = memo.get(summary);
    if (t === undefined) memo.set(summary, (t = isInternalTransfer(e)));
    return t;
  };
}

export function createContext(books: Books, options: CheckOptions = {}): RuleContext {
  const resolved = resolveOptions(books, options);
  const pack = resolved.pack;
  const entries = books.ledger.entries;

  // Each entry's classifications, shared by every rule: an entry is looked up by position (entry.index is its
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

  const transferOf = transferTest();
  // 0 = not yet known, 1 = not a transfer, 2 = a transfer: a typed array is the cheapest per-row cache.
  const transferAt = new Uint8Array(entries.length);
  const isTransfer = (e: Entry): boolean => {
    const i = positionOf(e);
    if (i === undefined) return transferOf(e);
    if (transferAt[i] === 0) transferAt[i] = transferOf(e) ? 2 : 1;
    return transferAt[i] === 2;
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

  let counted: Entry[] | undefined;
  const countedEntries = () => (counted ??= entries.filter((e) => !isTransfer(e)));
  // All occasions are bucketed in one pass on first use (rather than one pass over the ledger per occasion).
  let welfareBuckets: Map<WelfareOccasion, Entry[]> | undefined;
  const welfareOf = (o: WelfareOccasion): Entry[] => {
    if (!welfareBuckets) {
      welfareBuckets = new Map();
      for (const e of countedEntries()) {
        if (!(e.expense > 0)) continue;
        const found = occasion(e);
        if (found === undefined) continue;
        const list = welfareBuckets.get(found);
        if (list) list.push(e);
        else welfareBuckets.set(found, [e]);
      }
    }
    let list = welfareBuckets.get(o);
    if (!list) welfareBuckets.set(o, (list = []));
    return list;
  };
  let match: PlanMatch | undefined | null;
  const matchers = new Map<string, KeywordMatcher>();

  const ctx: RuleContext = {
    books,
    options: resolved,
    pack,
    entries,
    get counted() {
      return countedEntries();
    },
    isTransfer,
    occasion,
    hardship,
    welfare: welfareOf,
    planMatch() {
      // The context's memoised transfer test and entry groups: the matcher would otherwise redo that work.
      if (match === undefined) match = books.plan ? matchToPlan(books, resolved.period, { isTransfer, groupOf: classesOf }) : null;
      return match ?? undefined;
    },
    keywords(ruleId) {
      let m = matchers.get(ruleId);
      if (!m) {
        m = compileKeywords(extendTable(ruleKeywords[ruleId] ?? { include: [] }, pack.keywords?.[ruleId]));
        matchers.set(ruleId, m);
      }
      return m;
    },
    memberCount: resolved.memberCount,
  };
  return ctx;
}
