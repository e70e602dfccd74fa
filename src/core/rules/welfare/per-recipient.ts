/**
 * Shared machinery of the per-recipient welfare caps: entries grouped by recipient and year. A recipient is the
 * member id, else the counterparty's name. An entry with no recipient is checked on its own, divided by the head
 * count its summary states ("5名退休职工"), else taken as one person.
 */
import type { WelfareOccasion } from "../../classify/welfare";
import type { Entry, Fen, Finding } from "../../model/types";
import { fenToYuan, roundToFen } from "../../model/money";
import type { Rule, RuleContext } from "../types";
import { amountCell, finding, headcountInSummary, isoYear, money, recipientKey, recipientLabel, sumOf } from "../util";

export interface RecipientYear {
  key: string;
  year: number | undefined;
  entries: Entry[];
  /** How many people the group stands for (1 for a named recipient). */
  heads: number;
}

export function recipientYears(entries: Entry[], fallbackYear: number | undefined): RecipientYear[] {
  const groups = new Map<string, RecipientYear>();
  const out: RecipientYear[] = [];
  for (const e of entries) {
    const year = isoYear(e.date) ?? fallbackYear;
    const who = recipientKey(e);
    if (!who) {
      out.push({ key: `row:${e.sheet}!${e.row}`, year, entries: [e], heads: headcountInSummary(e.summary) ?? 1 });
      continue;
    }
    const k = `${who}|${year ?? ""}`;
    let g = groups.get(k);
    if (!g) {
      g = { key: who, year, entries: [], heads: 1 };
      groups.set(k, g);
      out.push(g);
    }
    g.entries.push(e);
  }
  return out;
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
      for (const g of recipientYears(ctx.welfare(occasion), fallbackYear)) {
        const cap = capOf(ctx, g);
        if (cap === undefined) continue;
        const total = sumOf(g.entries, (e) => e.expense);
        if (total <= cap * g.heads) continue;
        const perHead = g.heads > 1 ? roundToFen(fenToYuan(total) / g.heads) : total;
        out.push(
          finding(
            id,
            "warning",
            { name: recipientLabel(g.entries[0]) || "—", year: g.year ?? "", count: g.entries.length, heads: g.heads, ...money("total", perHead), ...money("cap", cap), ...money("over", perHead - cap) },
            g.entries.map(amountCell),
          ),
        );
      }
      return out;
    },
  };
}
