/**
 * Internal transfers: money moved between the union's own cash box, bank account and deposits
 * (提现, 存现, 转存...). They are neither income nor spending, so reports and caps must leave them out.
 */
import type { Entry } from "../model/types";
import { TRANSFER_KEYWORDS, containsAny, normaliseForMatch } from "./keywords";

/**
 * True when the row moves money between the union's own accounts. Decided by the summary (and note) only:
 * the account column cannot decide, because in a 银行存款日记账 it may hold the journal's own account
 * (银行存款) on every row, which would turn the whole book into transfers.
 */
export function isInternalTransfer(e: Entry): boolean {
  const text = normaliseForMatch(e.summary) + "|" + normaliseForMatch(e.note);
  return containsAny(text, TRANSFER_KEYWORDS);
}
