/**
 * Shared machinery of the per-recipient welfare caps: entries grouped by recipient and year. A recipient is the
 * member id, else the counterparty's name. An entry with no recipient is checked on its own, divided by the head
 * count its summary states ("5名退休职工"), else taken as one person.
 */
import type { WelfareOccasion } from "../../classify/welfare";
import type { Entry, Fen, Finding } from "../../model/types";
import { fenToYuan, roundToFen } from "../../model/money";
import type { Rule, RuleContext } from "../types";
import { amountCell, byDate, finding, headcountInSummary, isoYear, yuan, recipientKey, recipientLabel, sumOf } from "../util";

export interface RecipientYear {
  key: string;
  year: number | undefined;
  entries: Entry[];
  /** How many people the group stands for (1 for a named recipient). */
  heads: number;
  /** The entries' positions in ctx.entries, when grouped from the context (recipientYearsOf). */
  positions?: number[];
}

/**
 * Groups by recipient and year, in order of each group's first row. A recipient's first year is found under the
 * recipient alone; only other years build a "recipient|year" key (welfare rows of one ledger are nearly all of
 * one year), rather than a fresh key string per row.
 */
class RecipientYearGroups {
  readonly out: RecipientYear[] = [];
  private readonly firstYear = new Map<string, RecipientYear>();
  private readonly otherYears = new Map<string, RecipientYear>();

  constructor(private readonly withPositions: boolean) {}

  /** A row with no recipient: a group of its own, standing for the head count its summary states. */
  alone(e: Entry, year: number | undefined, position?: number): void {
    const g: RecipientYear = { key: `row:${e.sheet}!${e.row}`, year, entries: [e], heads: headcountInSummary(e.summary) ?? 1 };
    if (this.withPositions) g.positions = [position!];
    this.out.push(g);
  }

  /** The group of `who` in `year`, made on first use. */
  of(who: string, year: number | undefined): RecipientYear {
    let g = this.firstYear.get(who);
    if (!g) {
      g = this.group(who, year);
      this.firstYear.set(who, g);
    } else if (!sameYear(g.year, year)) {
      const k = `${who}|${year ?? ""}`;
      g = this.otherYears.get(k);
      if (!g) {
        g = this.group(who, year);
        this.otherYears.set(k, g);
      }
    }
    return g;
  }

  private group(key: string, year: number | undefined): RecipientYear {
    const g: RecipientYear = { key, year, entries: [], heads: 1 };
    if (this.withPositions) g.positions = [];
    this.out.push(g);
    return g;
  }
}

/** `keyOf`: recipientKey, or the run's memoised copy of it (`(e) => ctx.recipient(e)`). */
export function recipientYears(entries: Entry[], fallbackYear: number | undefined, keyOf: (e: Entry) => string | undefined = recipientKey): RecipientYear[] {
  const groups = new RecipientYearGroups(false);
  for (const e of entries) {
    const year = isoYear(e.date) ?? fallbackYear;
    const who = keyOf(e);
    if (who) groups.of(who, year).entries.push(e);
    else groups.alone(e, year);
  }
  return groups.out;
}

/**
 * recipientYears(ctx.welfare(occasion), fallbackYear, ctx.recipient), by position: years from the shared day
 * numbers and recipients from the context's per-position memo, so a row is read itself only for its recipient
 * (once per run) and when it has none. Same groups in the same order, each with its rows' positions.
 */
export function recipientYearsOf(ctx: RuleContext, occasion: WelfareOccasion, fallbackYear: number | undefined): RecipientYear[] {
  const { days, dates } = ctx.rows;
  const groups = new RecipientYearGroups(true);
  for (const i of ctx.welfareAt(occasion)) {
    const year = (days[i] > 0 ? Math.floor(days[i] / 10000) : isoYear(dates[i])) ?? fallbackYear;
    const who = ctx.recipientAt(i);
    if (!who) {
      groups.alone(ctx.entries[i], year, i);
      continue;
    }
    const g = groups.of(who, year);
    g.entries.push(ctx.entries[i]);
    g.positions!.push(i);
  }
  return groups.out;
}

/**
 * byDate(g.entries), answered from the day numbers when the group's rows all have ISO dates already in order
 * (the usual case): then byDate returns the rows as they are, without reading their dates.
 */
export function groupByDate(ctx: RuleContext, g: RecipientYear): Entry[] {
  const positions = g.positions;
  if (positions) {
    const days = ctx.rows.days;
    let inOrder = true;
    for (let k = 0; k < positions.length && inOrder; k++) if (days[positions[k]] <= 0 || (k > 0 && days[positions[k]] < days[positions[k - 1]])) inOrder = false;
    if (inOrder) return g.entries;
  }
  return byDate(g.entries);
}

/** Years as the "recipient|year" key compares them: by their text, so NaN is one year as well. */
function sameYear(a: number | undefined, b: number | undefined): boolean {
  return a === b || (a !== a && b !== b); // NaN: the only value not equal to itself
}

/** A rule: the yearly total per recipient of one occasion may not exceed the cap `capOf` gives (skip when undefined). */
export function perRecipientCapRule(id: string, occasion: WelfareOccasion, capOf: (ctx: RuleContext, g: RecipientYear) => Fen | undefined): Rule {
  return {
    id,
    area: "welfare",
    tier: "strict",
    severity: "warning",
    run(ctx) {
      const out: Finding[] = [];
      const fallbackYear = ctx.books.ledger.year ?? ctx.books.plan?.year;
      for (const g of recipientYearsOf(ctx, occasion, fallbackYear)) {
        const cap = capOf(ctx, g);
        if (cap === undefined) continue;
        const total = sumOf(g.entries, (e) => e.expense);
        if (total <= cap * g.heads) continue;
        const perHead = g.heads > 1 ? roundToFen(fenToYuan(total) / g.heads) : total;
        out.push(
          finding(
            id,
            "warning",
            { name: recipientLabel(g.entries[0]) || "—", year: g.year ?? "", count: g.entries.length, heads: g.heads, total: yuan(perHead), totalFen: perHead, cap: yuan(cap), capFen: cap, over: yuan(perHead - cap), overFen: perHead - cap },
            g.entries.map(amountCell),
          ),
        );
      }
      return out;
    },
  };
}
