/** A member given a birthday gift more than once in a year (A12). Reported once per member and year. */
import type { Rule } from "../types";
import { amountCell, finding, recipientKey, recipientLabel } from "../util";
import type { Entry, Finding, SourceRef } from "../../model/types";
import { recipientYears } from "./per-recipient";

export const birthdayTwice: Rule = {
  id: "birthday-twice",
  area: "welfare",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const named = ctx.welfare("birthday").filter((e) => recipientKey(e) !== undefined);
    const out: Finding[] = [];
    for (const g of recipientYears(named, ctx.books.ledger.year)) {
      if (g.entries.length < 2) continue;
      const sorted = [...g.entries].sort((a, b) => (a.date ?? "").localeCompare(b.date ?? ""));
      out.push(
        finding("birthday-twice", "warning", { name: recipientLabel(sorted[0]), year: g.year ?? "", count: sorted.length, first: sorted[0].date ?? "" }, sorted.slice(1).map(recipientCell)),
      );
    }
    return out;
  },
};

/** The repeated gift's recipient cell (member number, else name), which is what the treasurer checks; else the amount. */
function recipientCell(e: Entry): SourceRef {
  return e.cells.memberId ?? e.cells.counterparty ?? amountCell(e);
}
