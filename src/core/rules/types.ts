/** The rule contract: a named check in a tier, with a default severity, that turns a context into findings. */
import type { AccountRef, Books, Entry, Fen, Finding, Severity, SourceRef } from "../model/types";
import type { Period } from "../model/period";
import type { WelfareOccasion } from "../classify/welfare";
import type { HardshipAidType } from "../classify/hardship";
import type { PackOverrides, RulePack } from "../packs/schema";
import type { KeywordTable } from "./keywords";

/** basic: always on; strict: on by default, catches policy problems; optional: only when enabled by id. */
export type Tier = "basic" | "strict" | "optional";

export type RuleArea = "ledger" | "budget" | "spending" | "welfare" | "hardship" | "engine";

export interface Rule {
  id: string;
  area: RuleArea;
  tier: Tier;
  /** The usual severity; a rule may emit another one where its doc says so. */
  severity: Severity;
  run(ctx: RuleContext): Finding[];
}

export interface CheckOptions {
  /** The rule pack (caps, limits, allowed forms); national defaults when absent. */
  pack?: RulePack;
  /** The period the books are for; defaults to the books' year. */
  period?: Period;
  /** Tiers to run; default basic + strict. */
  tiers?: Tier[];
  /** Optional-tier rules to run anyway, by id. */
  enable?: string[];
  /** Over-budget tolerance as a fraction of the line's budget (0.05 = 5 %); default 0. */
  overBudgetTolerance?: number;
  /** How many days before a statutory festival a festival gift may be bought; default 30. */
  festivalWindowDays?: number;
  /** Largest cash payment before it is flagged, in fen; default the pack's value (1,000 元 nationally). */
  cashLimitFen?: Fen;
  /** Member count for per-member caps; default the plan's stated count. */
  memberCount?: number;
  /** The user's cap overrides, applied on top of the pack. */
  capOverrides?: PackOverrides;
}

/** Options with every default filled in, as the rules see them. */
export interface ResolvedOptions {
  pack: RulePack;
  period?: Period;
  tiers: Tier[];
  enable: string[];
  overBudgetTolerance: number;
  festivalWindowDays: number;
  cashLimitFen: Fen;
  memberCount?: number;
}

import type { PlanMatch } from "../match/plan-match";
export type { PlanMatch };

/**
 * What every rule reads. Classifications are computed once per entry and shared between rules. The functions are
 * methods of one class (see context.ts): call them on the context; to pass one as a value, wrap it
 * (`(e) => ctx.recipient(e)`).
 */
export interface RuleContext {
  books: Books;
  options: ResolvedOptions;
  pack: RulePack;
  entries: Entry[];
  /**
   * Per-row facts by position in `entries` (amounts; positions of transfers, counted rows and payments), found in
   * one pass over the ledger on first use and shared by every rule.
   */
  rows: LedgerRows;
  /** Entries that are real income or expense (internal transfers left out). */
  counted: Entry[];
  /** The counted entries that pay money out (expense > 0), in ledger order. */
  spending: Entry[];
  /**
   * The spending entries whose summary contains a term of the rule's synonym table (`keywords(ruleId)`), in
   * ledger order, each with the term found (terms[k] for entries[k]). Answers are memoised per group of alike rows.
   */
  spendingMatches(ruleId: string): { entries: Entry[]; terms: string[] };
  isTransfer(e: Entry): boolean;
  occasion(e: Entry): WelfareOccasion | undefined;
  hardship(e: Entry): HardshipAidType | undefined;
  /**
   * A token shared by the entries that read alike (same texts and account, see entryGrouper), by position: a rule
   * may memoise per token an answer that depends only on those (a label, a classification).
   */
  groupAt(i: number): object;
  /** isTransfer, occasion and hardship of the entry at position i of `entries`: no lookup of its position. */
  transferAt(i: number): boolean;
  occasionAt(i: number): WelfareOccasion | undefined;
  hardshipAt(i: number): HardshipAidType | undefined;
  /** The entries of one welfare occasion that are real expenses. */
  welfare(occasion: WelfareOccasion): Entry[];
  /** The positions in `entries` of welfare(occasion), in the same order. */
  welfareAt(occasion: WelfareOccasion): number[];
  /** `recipientKey(e)` (who received a per-person payment), memoised per entry for the run. */
  recipient(e: Entry): string | undefined;
  /** recipient of the entry at position i of `entries`. */
  recipientAt(i: number): string | undefined;
  /** The plan match (computed once, on first use); undefined when there is no plan. */
  planMatch(): PlanMatch | undefined;
  /** The synonym table of a rule, with the pack's extensions; a tester over a text. */
  keywords(ruleId: string): KeywordMatcher;
  /**
   * `keywords(ruleId).match(e.summary)`, memoised per group of alike entries: the rules that test every row's
   * summary read the answer from the row's group instead of hashing the summary again.
   */
  summaryMatch(ruleId: string, e: Entry): string | undefined;
  /** summaryMatch of the entry at position i of `entries`. */
  summaryMatchAt(ruleId: string, i: number): string | undefined;
  memberCount?: number;
}

/**
 * Facts about every ledger row, by position in `entries`, in compact arrays: a rule that walks every row reads
 * these rather than each row's object (reading 100k scattered objects per rule was most of a run's time).
 */
export interface LedgerRows {
  /** entry.income and entry.expense, as numbers. */
  income: Float64Array;
  expense: Float64Array;
  /** entry.account and entry.date. */
  accounts: (AccountRef | undefined)[];
  dates: (string | undefined)[];
  /** entry.sheet, entry.row, entry.paymentMethod, entry.voucher. */
  sheets: string[];
  rowNumbers: Float64Array;
  paymentMethods: (string | undefined)[];
  vouchers: (string | undefined)[];
  /** entry.balance where flags has HAS_BALANCE (0 elsewhere). */
  balances: Float64Array;
  /** Bits: HAS_BALANCE (entry.balance !== undefined), UNREADABLE_AMOUNT (hasUnreadableAmount(entry)), TRANSFER (isTransfer); see util. */
  flags: Uint8Array;
  /**
   * The number of each row's group of alike rows (same texts and account, see entryGrouper; the groups are
   * numbered 0, 1, 2… in order of first sight): a rule that decides per group keeps its answers in an array
   * indexed by this number, and each row costs one array read.
   */
  groups: Int32Array;
  /** dayNumber(entry.date): YYYYMMDD for an ISO date, 0 for none, -1 for another text (see util). */
  days: Int32Array;
  /** Positions of the internal transfers (isTransfer), in ledger order. */
  transfers: Int32Array;
  /** Positions of the counted rows (every row but the transfers), in ledger order: `counted`. */
  counted: Int32Array;
  /** Positions of the counted rows that pay money out (expense > 0), in ledger order: `spending`. */
  spending: Int32Array;
}

export interface KeywordMatcher {
  table: KeywordTable;
  /** True when the text contains an included term once the excluded phrases are taken out. */
  test(text: string | undefined): boolean;
  /** The first included term found, for the message. */
  match(text: string | undefined): string | undefined;
}

export interface CheckResult {
  findings: Finding[];
  /** Milliseconds per rule id. */
  timings: Record<string, number>;
  /** The pack used (after overrides), so the disclosure can name it. */
  pack: RulePack;
  /** Ids of the rules that ran. */
  ran: string[];
}

export type { Finding, SourceRef, Entry, Severity };
