/**
 * What one ledger row means for the budget and the disclosure: income, expenditure, or neither.
 *
 * Every report model asks this same question, so it is answered once, here:
 *  - an entry booked to an income account (4xx) is income, net of any amount on the paying side
 *    (a refund of dues written in the 支出 column reduces income rather than becoming an expense);
 *  - an entry booked to an expense account (5xx) is expenditure, net of money coming back (a returned
 *    advance or refund written in the 收入 column reduces the expense line it belongs to);
 *  - cash and bank accounts (101/102/111) name the book itself in many hand-made cash journals, so they
 *    say nothing about the counter-account: such rows are classified by the side the money is on;
 *  - any other balance-sheet account (固定资产, 代管经费, 借出款 …) is a movement of funds that is neither
 *    income nor expenditure;
 *  - rows without an account are classified by the side the money is on.
 * Internal transfers (cash to bank, 提现/存现) are NOT decided here: callers exclude them with
 * `isInternalTransfer`, because which rows are transfers is the classifier's business.
 */
import type { AccountRef, Entry, Fen } from "../model/types";
import { isBookAccount } from "../model/accounts";

export type FlowKind = "income" | "expense";

export interface Flow {
  kind: FlowKind;
  /** Net amount on that side, in fen; negative for a refund larger than the booking (rare, but kept). */
  amount: Fen;
}

/** Income, expenditure or neither (undefined) for one entry; see the module comment for the rules. */
export function entryFlow(e: Entry): Flow | undefined {
  const kind = flowKind(e.account, e.income, e.expense);
  return kind && { kind, amount: flowAmount(kind, e.income, e.expense) };
}

/**
 * entryFlow's kind, from the row's account and amounts, without building a Flow: the plan matcher asks it of
 * every row, and an object per row was a visible cost at 100k rows.
 */
export function flowKind(account: AccountRef | undefined, income: Fen, expense: Fen): FlowKind | undefined {
  const byAccount = accountFlow(account);
  if (byAccount !== "net") return byAccount;
  const net = income - expense;
  return net > 0 ? "income" : net < 0 ? "expense" : undefined;
}

/**
 * What the account alone says of a row's flow: its kind, undefined for a balance-sheet movement (not income, not
 * expenditure), or "net" when the side the money is on decides (no account, or the cash/bank book itself).
 */
export function accountFlow(account: AccountRef | undefined): FlowKind | "net" | undefined {
  if (!account || isBookAccount(account.code)) return "net";
  if (account.kind === "income") return "income";
  if (account.kind === "expense") return "expense";
  return undefined;
}

/** entryFlow's amount for a row of that kind: the net on that side (income − expense or expense − income). */
export function flowAmount(kind: FlowKind, income: Fen, expense: Fen): Fen {
  return kind === "income" ? income - expense : expense - income;
}

/** The change the entry makes to the money on hand (收入 − 支出), whatever its account. */
export function cashMovement(e: Entry): Fen {
  return e.income - e.expense;
}
