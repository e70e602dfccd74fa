/** Builds the context rules read: defaults resolved, per-entry classifications computed once and shared. */
import type { AccountRef, Books, Entry } from "../model/types";
import { welfareOccasion, type WelfareOccasion } from "../classify/welfare";
import { hardshipAidType, isInternalTransfer, type HardshipAidType } from "../classify/hardship";
import { EntryGrouper } from "../classify/entry-key";
import { matchToPlan } from "../match/plan-match";
import { applyOverrides } from "../packs";
import { nationalPack } from "../packs/data";
import type { RulePack } from "../packs/schema";
import { extendTable, ruleKeywords, type KeywordTable } from "./keywords";
import { HAS_BALANCE, RecipientKeyer, TRANSFER, UNREADABLE_AMOUNT, dayNumber, hasUnreadableAmount, recipientKey } from "./util";
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

/**
 * A rule's keyword table, compiled. A class, so that every matcher's `match` and `test` are the same two
 * functions: a fresh closure per matcher would give the rules' call sites a new target on every run, and V8
 * throws away optimised code that was compiled for the previous one ("wrong call target").
 */
class CompiledKeywords implements KeywordMatcher {
  private readonly include: RegExp | undefined;
  private readonly exclude: RegExp | undefined;
  // Several rules test the same few summaries on every row ("会费收入", "提现"): the answer is memoised per text
  // (the expressions are fixed once compiled, so the answer cannot change).
  private readonly memo = new Map<string, string | undefined>();

  constructor(readonly table: KeywordTable) {
    this.include = alternation(table.include);
    this.exclude = alternation(table.exclude ?? []);
  }

  private search(include: RegExp, text: string): string | undefined {
    const cleaned = this.exclude ? text.replace(this.exclude, "\u0000") : text;
    include.lastIndex = 0;
    const m = include.exec(cleaned);
    include.lastIndex = 0;
    return m?.[0];
  }

  match(text: string | undefined): string | undefined {
    const include = this.include;
    if (!text || !include) return undefined;
    const memo = this.memo;
    if (memo.has(text)) return memo.get(text);
    const found = this.search(include, text);
    if (memo.size >= MATCH_MEMO_LIMIT) memo.clear();
    memo.set(text, found);
    return found;
  }

  test(text: string | undefined): boolean {
    return this.match(text) !== undefined;
  }
}

export function compileKeywords(table: KeywordTable): KeywordMatcher {
  return new CompiledKeywords(table);
}

/**
 * What is known of one group of entries that read alike (see EntryGrouper), each computed on first use
 * (undefined = not yet, null = computed, none): the classifications, the transfer test, and the keyword matchers'
 * answers for the group's summary. Every rule asks these of the same rows, so each is worked out once per group,
 * and a row's group is found once per run (by position, see RowContext). A class with every field set in the
 * constructor, so all records share one shape: filled in lazily in different orders, they had several, and the
 * code reading them went polymorphic.
 */
class Classes {
  occasion: WelfareOccasion | null | undefined = undefined;
  hardship: HardshipAidType | null | undefined = undefined;
  transfer: boolean | undefined = undefined;
  /** Per matcher slot (see summaryMatch): the first term of its table found in the summary. */
  hits: (string | null | undefined)[] | undefined = undefined;
  /** The group's number: 0, 1, 2… in order of first sight (RuleContext.rows.groups). */
  constructor(readonly id: number) {}
}

/** summaryMatch's slot of one rule id's matcher in the group records' `hits`. */
interface Slot {
  slot: number;
  matcher: KeywordMatcher;
}

/**
 * The RuleContext of one run. A class with prototype methods rather than an object of closures made per run:
 * the CLI and the pane run the checks once per process or click, so most runs are early ones, and with closures
 * every run handed the rules' already-optimised code new functions to call, which V8 answers by throwing the code
 * away ("wrong call target" deopts) and compiling it again. Prototype methods are the same functions every run,
 * and every context has the same shape. State is in fields set in the constructor (one shape), filled on first use.
 */
class RowContext implements RuleContext {
  readonly options: ResolvedOptions;
  readonly pack: RulePack;
  readonly entries: Entry[];
  readonly memberCount: number | undefined;

  /** Entry to position, for entries whose `index` is not their position (hand-made fixtures); built on demand. */
  private position: Map<Entry, number> | undefined = undefined;
  private readonly grouper = new EntryGrouper();
  /** The group records by group number (Classes.id). */
  private readonly records: Classes[] = [];
  /** Before the row pass (a rule asking about single entries first), positions remember their records here. */
  private byPosition: (Classes | undefined)[] | undefined = undefined;
  private rowsMemo: LedgerRows | undefined = undefined;
  private countedMemo: Entry[] | undefined = undefined;
  private spendingMemo: Entry[] | undefined = undefined;
  private welfareBuckets: Map<WelfareOccasion, Entry[]> | undefined = undefined;
  private readonly welfarePositions = new Map<WelfareOccasion, number[]>();
  /** recipientKey per row, by position (null: none): several welfare rules ask it of the same rows. */
  private recipients: (string | null | undefined)[] | undefined = undefined;
  private keyer: RecipientKeyer | undefined = undefined;
  private match: PlanMatch | undefined | null = undefined;
  private readonly matchers = new Map<string, KeywordMatcher>();
  private readonly slots = new Map<string, Slot>();

  constructor(
    readonly books: Books,
    options: CheckOptions,
  ) {
    this.options = resolveOptions(books, options);
    this.pack = this.options.pack;
    this.entries = books.ledger.entries;
    this.memberCount = this.options.memberCount;
  }

  // An entry is looked up by position (entry.index is its position in books built by the reader; hand-made
  // fixtures may differ, hence the fallback map), and the position remembers its group's record, so the group is
  // looked up once per entry.
  private positionOf(e: Entry): number | undefined {
    const entries = this.entries;
    if (entries[e.index] === e) return e.index;
    if (!this.position) {
      const position = (this.position = new Map());
      for (let i = 0; i < entries.length; i++) position.set(entries[i], i);
    }
    return this.position.get(e);
  }

  private groupOf(e: Entry): Classes {
    const id = this.grouper.groupOf(e);
    const records = this.records;
    // Groups are numbered in order of first sight: a new one is records.length.
    if (id === records.length) records.push(new Classes(id));
    return records[id];
  }

  private classesAt(i: number): Classes {
    if (this.rowsMemo) return this.records[this.rowsMemo.groups[i]];
    const byPosition = (this.byPosition ??= []);
    return (byPosition[i] ??= this.groupOf(this.entries[i]));
  }

  private classesOf(e: Entry): Classes {
    const i = this.positionOf(e);
    if (i === undefined) return this.groupOf(e);
    return this.classesAt(i);
  }

  // A transfer is decided by the summary and note only, both part of the group's key.
  private transferOf(c: Classes, e: Entry): boolean {
    return (c.transfer ??= isInternalTransfer(e));
  }

  // Occasion and hardship type: undefined for anything that is not spending (the classifiers' first test).
  private occasionOf(c: Classes, e: Entry): WelfareOccasion | undefined {
    if (c.occasion === undefined) c.occasion = welfareOccasion(e) ?? null;
    return c.occasion ?? undefined;
  }

  private hardshipOf(c: Classes, e: Entry): HardshipAidType | undefined {
    if (c.hardship === undefined) c.hardship = hardshipAidType(e) ?? null;
    return c.hardship ?? undefined;
  }

  // The one pass over the ledger (on first use): every row's group record and amounts, and the positions of the
  // transfers, of the counted rows and of the payments among them. Rules that walk every row read these compact
  // arrays instead of each row's object: a row object is touched here once, and afterwards only by a rule that
  // reports it or needs a field the arrays do not hold.
  private rowsPass(): LedgerRows {
    const entries = this.entries;
    const byPosition = this.byPosition;
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
      const c = byPosition?.[i] ?? this.groupOf(e);
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
      if (this.transferOf(c, e)) {
        flags[i] |= TRANSFER;
        transfers.push(i);
        continue;
      }
      countedAt[nCounted++] = i;
      if (paid > 0) spendingAt[nSpending++] = i;
    }
    return { income, expense, accounts, dates, sheets, rowNumbers, balances, paymentMethods, vouchers, flags, groups, days, counted: countedAt.subarray(0, nCounted), spending: spendingAt.subarray(0, nSpending), transfers: Int32Array.from(transfers) };
  }

  get rows(): LedgerRows {
    return (this.rowsMemo ??= this.rowsPass());
  }

  private entriesAt(positions: Int32Array): Entry[] {
    const entries = this.entries;
    const out: Entry[] = new Array(positions.length);
    for (let k = 0; k < positions.length; k++) out[k] = entries[positions[k]];
    return out;
  }

  get counted(): Entry[] {
    return (this.countedMemo ??= this.entriesAt(this.rows.counted));
  }

  get spending(): Entry[] {
    return (this.spendingMemo ??= this.entriesAt(this.rows.spending));
  }

  isTransfer(e: Entry): boolean {
    return this.transferOf(this.classesOf(e), e);
  }

  transferAt(i: number): boolean {
    return this.transferOf(this.classesAt(i), this.entries[i]);
  }

  occasion(e: Entry): WelfareOccasion | undefined {
    return e.expense > 0 ? this.occasionOf(this.classesOf(e), e) : undefined;
  }

  occasionAt(i: number): WelfareOccasion | undefined {
    return this.rows.expense[i] > 0 ? this.occasionOf(this.classesAt(i), this.entries[i]) : undefined;
  }

  hardship(e: Entry): HardshipAidType | undefined {
    return e.expense > 0 ? this.hardshipOf(this.classesOf(e), e) : undefined;
  }

  hardshipAt(i: number): HardshipAidType | undefined {
    return this.rows.expense[i] > 0 ? this.hardshipOf(this.classesAt(i), this.entries[i]) : undefined;
  }

  groupAt(i: number): object {
    return this.classesAt(i);
  }

  // All occasions are bucketed in one pass over the payments on first use (rather than one pass per occasion),
  // reading each payment's group record by position.
  private bucketWelfare(): Map<WelfareOccasion, Entry[]> {
    const buckets = new Map<WelfareOccasion, Entry[]>();
    const positions = this.welfarePositions;
    const { entries, records } = this;
    const { spending: paying, groups } = this.rows;
    for (let k = 0; k < paying.length; k++) {
      const i = paying[k];
      const c = records[groups[i]];
      const found = c.occasion === undefined ? this.occasionOf(c, entries[i]) : (c.occasion ?? undefined);
      if (found === undefined) continue;
      const list = buckets.get(found);
      if (list) {
        list.push(entries[i]);
        positions.get(found)!.push(i);
      } else {
        buckets.set(found, [entries[i]]);
        positions.set(found, [i]);
      }
    }
    return buckets;
  }

  welfare(o: WelfareOccasion): Entry[] {
    const buckets = (this.welfareBuckets ??= this.bucketWelfare());
    let list = buckets.get(o);
    if (!list) {
      buckets.set(o, (list = []));
      this.welfarePositions.set(o, []);
    }
    return list;
  }

  welfareAt(o: WelfareOccasion): number[] {
    this.welfare(o);
    return this.welfarePositions.get(o)!;
  }

  recipient(e: Entry): string | undefined {
    const i = this.positionOf(e);
    if (i === undefined) return recipientKey(e);
    return this.recipientAt(i);
  }

  recipientAt(i: number): string | undefined {
    const recipients = (this.recipients ??= new Array(this.entries.length));
    let key = recipients[i];
    if (key === undefined) recipients[i] = key = (this.keyer ??= new RecipientKeyer()).keyOf(this.entries[i]) ?? null;
    return key ?? undefined;
  }

  planMatch(): PlanMatch | undefined {
    // The context's memoised transfer test and entry groups: the matcher would otherwise redo that work.
    if (this.match === undefined) {
      const books = this.books;
      this.match = books.plan
        ? matchToPlan(books, this.options.period, { isTransfer: (e) => this.isTransfer(e), groupOf: (e) => this.classesOf(e), rows: this.rows })
        : null;
    }
    return this.match ?? undefined;
  }

  keywords(ruleId: string): KeywordMatcher {
    let m = this.matchers.get(ruleId);
    if (!m) {
      m = compileKeywords(extendTable(ruleKeywords[ruleId] ?? { include: [] }, this.pack.keywords?.[ruleId]));
      this.matchers.set(ruleId, m);
    }
    return m;
  }

  // summaryMatch: each rule id's matcher gets a slot in the group records' `hits`.
  private slotOf(ruleId: string): Slot {
    let s = this.slots.get(ruleId);
    if (!s) this.slots.set(ruleId, (s = { slot: this.slots.size, matcher: this.keywords(ruleId) }));
    return s;
  }

  private hitOf(c: Classes, e: Entry, s: Slot): string | undefined {
    const hits = (c.hits ??= []);
    let hit = hits[s.slot];
    if (hit === undefined) hits[s.slot] = hit = s.matcher.match(e.summary) ?? null;
    return hit ?? undefined;
  }

  summaryMatch(ruleId: string, e: Entry): string | undefined {
    return this.hitOf(this.classesOf(e), e, this.slotOf(ruleId));
  }

  summaryMatchAt(ruleId: string, i: number): string | undefined {
    return this.hitOf(this.classesAt(i), this.entries[i], this.slotOf(ruleId));
  }

  spendingMatches(ruleId: string): { entries: Entry[]; terms: string[] } {
    const s = this.slotOf(ruleId);
    const { entries, records } = this;
    const { spending: paying, groups } = this.rows;
    const out: { entries: Entry[]; terms: string[] } = { entries: [], terms: [] };
    for (let k = 0; k < paying.length; k++) {
      const i = paying[k];
      const c = records[groups[i]];
      const hit = c.hits?.[s.slot];
      // Known misses are skipped without touching the row.
      if (hit === null) continue;
      const term = hit ?? this.hitOf(c, entries[i], s);
      if (term === undefined) continue;
      out.entries.push(entries[i]);
      out.terms.push(term);
    }
    return out;
  }
}

export function createContext(books: Books, options: CheckOptions = {}): RuleContext {
  return new RowContext(books, options);
}
