/** A member given a birthday gift more than once in a year (A12). Reported once per member and year. */
import type { Rule } from "../types";
import { amountCell, finding, recipientLabel } from "../util";
import type { Entry, Finding, SourceRef } from "../../model/types";
import { groupByDate, recipientYearsOf } from "./per-recipient";

export const birthdayTwice: Rule = {
  id: "birthday-twice",
  area: "welfare",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const out: Finding[] = [];
    // Rows without a recipient form groups of one row each, which the length test below skips: the same as
    // leaving them out first, without a pass to do it.
    for (const g of recipientYearsOf(ctx, "birthday", ctx.books.ledger.year)) {
      if (g.entries.length < 2) continue;
      const sorted = groupByDate(ctx, g);
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
