/** Builds the context rules read: defaults resolved, per-entry classifications computed once and shared. */
import type { Books, Entry } from "../model/types";
import { welfareOccasion, type WelfareOccasion } from "../classify/welfare";
import { hardshipAidType, isInternalTransfer, type HardshipAidType } from "../classify/hardship";
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

export function compileKeywords(table: KeywordTable): KeywordMatcher {
  const include = alternation(table.include);
  const exclude = alternation(table.exclude ?? []);
  const cleaned = (text: string) => (exclude ? text.replace(exclude, "\u0000") : text);
  const match = (text: string | undefined): string | undefined => {
    if (!text || !include) return undefined;
    include.lastIndex = 0;
    const m = include.exec(cleaned(text));
    include.lastIndex = 0;
    return m?.[0];
  };
  return { table, match, test: (text) => match(text) !== undefined };
}

/**
 * Everything the classifiers read from an entry (summary, note, plan item, fund category, account texts and
 * code, whether it is spending). Ledgers repeat the same rows ("会费收入", "提现"), so classifications are
 * memoised by this key: the classifiers are pure functions of these fields.
 */
function classifyKey(e: Entry): string {
  return [e.expense > 0 ? 1 : 0, e.summary, e.note ?? "", e.planItem ?? "", e.fundCategory ?? "", e.accountText ?? "", e.subAccountText ?? "", e.account?.code ?? "", e.account?.path.join("/") ?? ""].join("\u0001");
}

function memo<T>(f: (e: Entry) => T): (e: Entry) => T {
  const cache = new Map<string, T>();
  return (e) => {
    const k = classifyKey(e);
    if (cache.has(k)) return cache.get(k) as T;
    const v = f(e);
    cache.set(k, v);
    return v;
  };
}

export function createContext(books: Books, options: CheckOptions = {}): RuleContext {
  const resolved = resolveOptions(books, options);
  const pack = resolved.pack;
  const entries = books.ledger.entries;

  const classifyTransfer = memo(isInternalTransfer);
  const classifyOccasion = memo(welfareOccasion);
  const classifyHardship = memo(hardshipAidType);
  // Per-entry caches, indexed by position in `entries` (entry.index may not be dense in hand-made fixtures).
  const position = new Map<Entry, number>();
  entries.forEach((e, i) => position.set(e, i));
  const transfer: (boolean | undefined)[] = new Array(entries.length);
  const occ: (WelfareOccasion | null | undefined)[] = new Array(entries.length);
  const hard: (HardshipAidType | null | undefined)[] = new Array(entries.length);

  const isTransfer = (e: Entry) => {
    const i = position.get(e);
    if (i === undefined) return classifyTransfer(e);
    return (transfer[i] ??= classifyTransfer(e));
  };
  const occasion = (e: Entry) => {
    const i = position.get(e);
    if (i === undefined) return classifyOccasion(e);
    if (occ[i] === undefined) occ[i] = classifyOccasion(e) ?? null;
    return occ[i] ?? undefined;
  };
  const hardship = (e: Entry) => {
    const i = position.get(e);
    if (i === undefined) return classifyHardship(e);
    if (hard[i] === undefined) hard[i] = classifyHardship(e) ?? null;
    return hard[i] ?? undefined;
  };

  let counted: Entry[] | undefined;
  const countedEntries = () => (counted ??= entries.filter((e) => !isTransfer(e)));
  const welfareCache = new Map<WelfareOccasion, Entry[]>();
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
    welfare(o) {
      let list = welfareCache.get(o);
      if (!list) {
        list = countedEntries().filter((e) => e.expense > 0 && occasion(e) === o);
        welfareCache.set(o, list);
      }
      return list;
    },
    planMatch() {
      if (match === undefined) match = books.plan ? matchToPlan(books, resolved.period) : null;
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
