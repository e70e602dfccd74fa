/**
 * A row dated earlier than the row above it on the same sheet. Optional: some treasurers book by voucher
 * order, not by date. Comparing with the previous row only means one mistyped date gives one finding.
 */
import type { Rule } from "../types";
import { cellOf, finding, inSheetOrder } from "../util";

export const datesOutOfOrder: Rule = {
  id: "dates-out-of-order",
  area: "ledger",
  tier: "optional",
  severity: "info",
  run(ctx) {
    const out = [];
    let prev: { sheet: string; date: string } | undefined;
    for (const e of inSheetOrder(ctx.entries, ctx.books.ledger.sheets)) {
      if (!e.date) continue;
      if (prev && prev.sheet === e.sheet && e.date < prev.date) {
        out.push(finding("dates-out-of-order", "info", { date: e.date, previous: prev.date }, [cellOf(e, "date", "month", "day")]));
      }
      prev = { sheet: e.sheet, date: e.date };
    }
    return out;
  },
};
