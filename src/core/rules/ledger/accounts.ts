/** Account-side checks: income on an expense account (or the reverse), and internal transfers counted. */
import type { Finding } from "../../model/types";
import type { Rule } from "../types";
import { amountCell, cellOf, finding, yuan } from "../util";

/**
 * Income booked to an expense account, or a payment booked to an income account. Refunds and reversals
 * (退回, 冲销, 红字…, the "wrong-side" synonym table) do this on purpose and are left alone.
 */
export const wrongSide: Rule = {
  id: "wrong-side",
  area: "ledger",
  tier: "basic",
  severity: "warning",
  run(ctx) {
    const reversal = ctx.keywords("wrong-side");
    const out: Finding[] = [];
    // The account and amounts of every counted row come from the shared row arrays: only a row on the wrong side
    // is read itself.
    const { counted, accounts, income, expense } = ctx.rows;
    for (let k = 0; k < counted.length; k++) {
      const i = counted[k];
      const kind = accounts[i]?.kind;
      if (kind !== "income" && kind !== "expense") continue;
      const wrong = (kind === "expense" && income[i] > 0 && expense[i] === 0) || (kind === "income" && expense[i] > 0 && income[i] === 0);
      if (!wrong) continue;
      const e = ctx.entries[i];
      if (reversal.test(e.summary) || reversal.test(e.note)) continue;
      const amount = kind === "expense" ? e.income : e.expense;
      out.push(
        finding("wrong-side", "warning", { account: e.account!.name, context: kind, amount: yuan(amount), amountFen: amount }, [cellOf(e, "account", "subAccount"), amountCell(e)]),
      );
    }
    return out;
  },
};

/**
 * A transfer between the union's own accounts or funds (提现, 存现, 转存…) booked to an income or expense account:
 * it would inflate both income and expense in the disclosure.
 */
export const internalTransferCounted: Rule = {
  id: "internal-transfer-counted",
  area: "ledger",
  tier: "basic",
  severity: "warning",
  run(ctx) {
    const out: Finding[] = [];
    // The transfers are listed by the shared pass over the rows (few on any ledger).
    for (const i of ctx.rows.transfers) {
      const e = ctx.entries[i];
      if (e.account?.kind !== "income" && e.account?.kind !== "expense") continue;
      out.push(
        finding("internal-transfer-counted", "warning", { account: e.account.name, summary: e.summary, amount: yuan(e.income || e.expense), amountFen: e.income || e.expense }, [
          cellOf(e, "account", "subAccount"),
        ]),
      );
    }
    return out;
  },
};
