/**
 * Subtotal rows (本月合计, 本季合计, 本年累计, 过次页/承前页, 合计) must add up to the entries above them.
 *
 * Each row is checked against the previous PRINTED checkpoint of its kind plus the entries in between
 * (本年累计 = previous 本年累计 + entries since it; 本月合计 = the month's entries), so a wrong row is reported once
 * and the rows after it, which the treasurer built on the printed figure, are not. The same value computed from
 * the opening is accepted too, so a single typo followed by right rows is also reported once.
 * Ledgers differ in what a carry row holds (page, month-to-date or year-to-date), so each kind accepts every
 * reading that is common practice and is flagged only when it matches none.
 * An entry whose amount could not be read (Entry.unreadable) makes every reading that covers it unknown: a row
 * that matches no known reading while some reading is unknown is skipped, since its cause is already reported.
 * Internal transfers are counted: the subtotals of a journal include them.
 */
import type { Entry, Fen, Finding, SubtotalKind, SubtotalRow } from "../../model/types";
import type { Rule } from "../types";
import { finding, hasUnreadableAmount, yuan, refAt } from "../util";
import { entriesBySheet, openingOf } from "./running-balance";

type Field = "income" | "expense";
const FIELDS: readonly Field[] = ["income", "expense"];

/** A running sum per field; undefined once an entry with an unreadable amount on that field fell into it. */
interface Sum {
  income: Fen | undefined;
  expense: Fen | undefined;
}
const zero = (): Sum => ({ income: 0, expense: 0 });

/** Whether the entry's amount on `field` is unknown: its own cell, or a one-column amount, could not be read. */
function unknownOn(e: Entry, field: Field): boolean {
  const u = e.unreadable;
  return !!u && (u.includes(field) || u.includes("amount"));
}

function add(s: Sum, e: Entry): void {
  for (const f of FIELDS) {
    const v = s[f];
    if (v === undefined) continue;
    s[f] = unknownOn(e, f) ? undefined : v + e[f];
  }
}

/** a + b per field, unknown when either is. */
function plus(a: Sum | undefined, b: Sum): Sum | undefined {
  if (!a) return undefined;
  return {
    income: a.income === undefined || b.income === undefined ? undefined : a.income + b.income,
    expense: a.expense === undefined || b.expense === undefined ? undefined : a.expense + b.expense,
  };
}

/** The stated figures of a printed row, as the base of the next reading; a figure left blank is taken as computed. */
function printedSum(s: SubtotalRow, computed: Sum): Sum {
  return { income: s.income ?? computed.income, expense: s.expense ?? computed.expense };
}

function cellOfSubtotal(s: SubtotalRow, field: Field | "balance") {
  return s.cells[field] ?? s.cells.summary ?? refAt(s.sheet, s.row);
}

/** One sheet's walk: the sums since each kind of checkpoint and the last printed checkpoint of each kind. */
class SheetWalk {
  /** Since the opening, re-synchronised to a printed cumulative row when it became unknown. */
  fromStart = zero();
  sinceMonth = zero();
  sinceQuarter = zero();
  sincePage = zero();
  sinceYear = zero();
  sinceTotal = zero();
  byMonth = new Map<number, Sum>();
  lastMonth: number | undefined;
  /** Printed 本年累计 / carry / 合计 rows: the base of the next row of the same kind. */
  prevYear: Sum | undefined;
  prevCarry: Sum | undefined;
  prevTotal: Sum | undefined;
  /** Printed 本月合计 figures since the last 本年累计, and whether an entry came after the last of them. */
  monthTotalsSinceYear: Sum | undefined = undefined;
  entriesAfterMonthTotal = false;
  /** The correct running balance (re-synchronised at unreadable rows) and the last printed one. */
  running: Fen | undefined;
  lastPrinted: Fen | undefined;

  constructor(opening: Fen | undefined) {
    this.running = opening;
    this.lastPrinted = opening;
  }

  addEntry(e: Entry): void {
    for (const s of [this.fromStart, this.sinceMonth, this.sinceQuarter, this.sincePage, this.sinceYear, this.sinceTotal]) add(s, e);
    // A row without a date sits in the month of the rows above it.
    const m = e.date ? Number(e.date.slice(5, 7)) : this.lastMonth;
    if (m) {
      this.lastMonth = m;
      let t = this.byMonth.get(m);
      if (!t) this.byMonth.set(m, (t = zero()));
      add(t, e);
    }
    this.entriesAfterMonthTotal = true;
    if (hasUnreadableAmount(e)) this.running = e.balance;
    else if (this.running !== undefined) this.running += e.income - e.expense;
    if (e.balance !== undefined) {
      this.lastPrinted = e.balance;
      if (this.running === undefined) this.running = e.balance;
    }
  }

  private monthsSum(from: number, to: number): Sum {
    const t = zero();
    for (const [m, v] of this.byMonth) if (m >= from && m <= to) {
      t.income = t.income === undefined || v.income === undefined ? undefined : t.income + v.income;
      t.expense = t.expense === undefined || v.expense === undefined ? undefined : t.expense + v.expense;
    }
    return t;
  }

  /** The readings a row of this kind may hold; the first is the one shown as "computed". */
  readings(s: SubtotalRow): Sum[] {
    const month = s.month ?? this.lastMonth;
    const yearToDate = [plus(this.prevYear, this.sinceYear) ?? this.sinceYear, this.fromStart];
    switch (s.kind) {
      case "monthTotal":
        return [this.sinceMonth, ...(month ? [this.byMonth.get(month) ?? zero()] : [])];
      case "quarterTotal":
        return [this.sinceQuarter, ...(month ? [this.monthsSum(Math.floor((month - 1) / 3) * 3 + 1, month)] : [])];
      case "yearTotal": {
        const out = yearToDate;
        // 本年累计 built as the previous 本年累计 + the printed 本月合计 below it: a wrong month total was carried.
        if (this.monthTotalsSinceYear && !this.entriesAfterMonthTotal) {
          const viaMonths = plus(this.prevYear, this.monthTotalsSinceYear) ?? (this.prevYear ? undefined : this.monthTotalsSinceYear);
          if (viaMonths) out.push(viaMonths);
        }
        return out;
      }
      case "broughtForward":
      case "carriedForward":
        // Page only, cumulative from the last carry row, month-to-date, or year-to-date.
        return [this.sincePage, ...(this.prevCarry ? [plus(this.prevCarry, this.sincePage)!] : []), this.sinceMonth, ...yearToDate];
      default:
        return [plus(this.prevTotal, this.sinceTotal) ?? this.fromStart, this.fromStart, this.sinceTotal];
    }
  }

  /** After a row is checked: reset the sums it closes and remember its printed figures. */
  close(s: SubtotalRow, kind: SubtotalKind, computed: Sum): void {
    const printed = printedSum(s, computed);
    switch (kind) {
      case "monthTotal":
        this.sinceMonth = zero();
        this.monthTotalsSinceYear = this.monthTotalsSinceYear ? plus(this.monthTotalsSinceYear, printed) : printed;
        this.entriesAfterMonthTotal = false;
        break;
      case "quarterTotal":
        this.sinceQuarter = zero();
        break;
      case "yearTotal":
        this.prevYear = printed;
        this.sinceYear = zero();
        this.monthTotalsSinceYear = undefined;
        this.resync(printed);
        break;
      case "broughtForward":
      case "carriedForward":
        this.prevCarry = printed;
        this.sincePage = zero();
        break;
      case "total":
        this.prevTotal = printed;
        this.sinceTotal = zero();
        this.resync(printed);
        break;
      default:
    }
    if (s.balance !== undefined) this.lastPrinted = s.balance;
  }

  /** A cumulative figure that became unknown restarts from the printed one (it cannot be checked, so trust it). */
  private resync(printed: Sum): void {
    for (const f of FIELDS) if (this.fromStart[f] === undefined && printed[f] !== undefined) this.fromStart[f] = printed[f];
  }
}

export const subtotalMismatch: Rule = {
  id: "subtotal-mismatch",
  area: "ledger",
  tier: "basic",
  severity: "error",
  run(ctx) {
    const out: Finding[] = [];
    // Opening rows are not checked here (they start the running balance): a ledger with no other subtotal row,
    // the common case, has nothing to check, and its rows need not be grouped by sheet at all.
    if (ctx.books.ledger.subtotals.every((s) => s.kind === "opening")) return out;
    const bySheet = entriesBySheet(ctx);
    const sheets = new Set([...bySheet.keys(), ...ctx.books.ledger.subtotals.map((s) => s.sheet)]);
    for (const sheet of sheets) {
      const entries = bySheet.get(sheet) ?? [];
      const subtotals = ctx.books.ledger.subtotals.filter((s) => s.sheet === sheet).sort((a, b) => a.row - b.row);
      if (!subtotals.length) continue;
      const walk = new SheetWalk(openingOf(ctx, sheet)?.balance);
      let i = 0;
      for (const s of subtotals) {
        for (; i < entries.length && entries[i].row < s.row; i++) walk.addEntry(entries[i]);
        if (s.kind === "opening") continue;
        const readings = walk.readings(s);
        for (const field of FIELDS) {
          const stated = s[field];
          if (stated === undefined) continue;
          const values = readings.map((r) => r[field]);
          if (values.includes(stated)) continue;
          // Some reading covers an unreadable amount: this row's difference may be that cell; already reported.
          if (values.includes(undefined)) continue;
          const computed = values[0]!;
          out.push(
            finding(
              "subtotal-mismatch",
              "error",
              { label: s.label, field, context: field, stated: yuan(stated), statedFen: stated, computed: yuan(computed), computedFen: computed, difference: yuan(stated - computed), differenceFen: stated - computed },
              [cellOfSubtotal(s, field)],
            ),
          );
        }
        const running = walk.running;
        if (s.balance !== undefined && running !== undefined && s.balance !== running && s.balance !== walk.lastPrinted) {
          out.push(
            finding(
              "subtotal-mismatch",
              "error",
              { label: s.label, field: "balance", context: "balance", stated: yuan(s.balance), statedFen: s.balance, computed: yuan(running), computedFen: running, difference: yuan(s.balance - running), differenceFen: s.balance - running },
              [cellOfSubtotal(s, "balance")],
            ),
          );
        }
        walk.close(s, s.kind, readings[0]);
      }
    }
    return out;
  },
};
