/**
 * Subtotal rows (本月合计, 本季合计, 本年累计, 过次页/承前页, 合计) must add up to the entries above them.
 * Ledgers differ in what a carry row holds (page, month-to-date or year-to-date), so each kind accepts every
 * reading that is common practice and is flagged only when it matches none. Internal transfers are counted:
 * the subtotals of a journal include them.
 */
import type { Fen, Finding, SubtotalRow } from "../../model/types";
import type { Rule } from "../types";
import { finding, money, refAt } from "../util";
import { entriesBySheet, openingOf } from "./running-balance";

interface Totals {
  income: Fen;
  expense: Fen;
}
const zero = (): Totals => ({ income: 0, expense: 0 });

function cellOfSubtotal(s: SubtotalRow, field: "income" | "expense" | "balance") {
  return s.cells[field] ?? s.cells.summary ?? refAt(s.sheet, s.row);
}

export const subtotalMismatch: Rule = {
  id: "subtotal-mismatch",
  area: "ledger",
  tier: "basic",
  severity: "error",
  run(ctx) {
    const out: Finding[] = [];
    const bySheet = entriesBySheet(ctx);
    const sheets = new Set([...bySheet.keys(), ...ctx.books.ledger.subtotals.map((s) => s.sheet)]);
    for (const sheet of sheets) {
      const entries = bySheet.get(sheet) ?? [];
      const subtotals = ctx.books.ledger.subtotals.filter((s) => s.sheet === sheet).sort((a, b) => a.row - b.row);
      if (!subtotals.length) continue;
      const start = openingOf(ctx, sheet);
      let sinceMonth = zero();
      let sinceQuarter = zero();
      let sincePage = zero();
      let sinceTotal = zero();
      const all = zero();
      const byMonth = new Map<number, Totals>();
      let lastMonth: number | undefined;
      let running: Fen | undefined = start?.balance;
      let lastPrinted: Fen | undefined = start?.balance;
      let i = 0;
      for (const s of subtotals) {
        for (; i < entries.length && entries[i].row < s.row; i++) {
          const e = entries[i];
          for (const t of [sinceMonth, sinceQuarter, sincePage, sinceTotal, all]) {
            t.income += e.income;
            t.expense += e.expense;
          }
          const m = e.date ? Number(e.date.slice(5, 7)) : undefined;
          if (m) {
            lastMonth = m;
            const t = byMonth.get(m) ?? zero();
            t.income += e.income;
            t.expense += e.expense;
            byMonth.set(m, t);
          }
          if (running !== undefined) running += e.income - e.expense;
          if (e.balance !== undefined) {
            lastPrinted = e.balance;
            if (running === undefined) running = e.balance;
          }
        }
        if (s.kind === "opening") continue;
        const month = s.month ?? lastMonth;
        const monthSum = month ? byMonth.get(month) : undefined;
        const upTo = (last: number) => {
          const t = zero();
          for (const [m, v] of byMonth) {
            if (m > last) continue;
            t.income += v.income;
            t.expense += v.expense;
          }
          return t;
        };
        const quarterOf = (m: number) => {
          const q0 = Math.floor((m - 1) / 3) * 3 + 1;
          const t = zero();
          for (const [mm, v] of byMonth) {
            if (mm < q0 || mm > m) continue;
            t.income += v.income;
            t.expense += v.expense;
          }
          return t;
        };
        let accepted: Totals[];
        switch (s.kind) {
          case "monthTotal":
            accepted = [sinceMonth, ...(monthSum ? [monthSum] : [])];
            break;
          case "quarterTotal":
            accepted = [sinceQuarter, ...(month ? [quarterOf(month)] : [])];
            break;
          case "yearTotal":
            accepted = [all, ...(month ? [upTo(month)] : [])];
            break;
          case "broughtForward":
          case "carriedForward":
            accepted = [sincePage, sinceMonth, all, ...(month ? [upTo(month)] : [])];
            break;
          default:
            accepted = [all, sinceTotal];
        }
        for (const field of ["income", "expense"] as const) {
          const stated = s[field];
          if (stated === undefined) continue;
          if (accepted.some((t) => t[field] === stated)) continue;
          out.push(
            finding(
              "subtotal-mismatch",
              "error",
              { label: s.label, field, context: field, ...money("stated", stated), ...money("computed", accepted[0][field]), ...money("difference", stated - accepted[0][field]) },
              [cellOfSubtotal(s, field)],
            ),
          );
        }
        if (s.balance !== undefined && running !== undefined && s.balance !== running && s.balance !== lastPrinted) {
          out.push(
            finding(
              "subtotal-mismatch",
              "error",
              { label: s.label, field: "balance", context: "balance", ...money("stated", s.balance), ...money("computed", running), ...money("difference", s.balance - running) },
              [cellOfSubtotal(s, "balance")],
            ),
          );
        }
        if (s.kind === "monthTotal") sinceMonth = zero();
        if (s.kind === "quarterTotal") sinceQuarter = zero();
        if (s.kind === "carriedForward") sincePage = zero();
        if (s.kind === "total") sinceTotal = zero();
      }
    }
    return out;
  },
};
