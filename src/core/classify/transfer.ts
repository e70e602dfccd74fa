/**
 * Internal transfers: money moved between the union's own cash box, bank account and deposits
 * (提现, 存现, 转存...). They are neither income nor spending, so reports and caps must leave them out.
 */
import type { Entry } from "../model/types";
import { TRANSFER_KEYWORDS, compiledWords, containsAny, normaliseForMatch } from "./keywords";

/**
 * True when the row moves money between the union's own accounts. Decided by the summary (and note) only:
 * the account column cannot decide, because in a 银行存款日记账 it may hold the journal's own account
 * (银行存款) on every row, which would turn the whole book into transfers.
 */
export function isInternalTransfer(e: Entry): boolean {
  // Every report and the plan matcher ask this of every row, and summaries repeat, so rows without a note
  // (nearly all) are memoised by summary. The memo is dropped whenever TRANSFER_KEYWORDS changes (compiledWords
  // returns a new list then), so words a union adds at start-up take effect as before.
  const words = compiledWords(TRANSFER_KEYWORDS);
  if (words !== memoWords) {
    memo.clear();
    memoWords = words;
  }
  if (e.note) return transferText(e.summary, e.note);
  const summary = e.summary ?? "";
  let t = memo.get(summary);
  if (t === undefined) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(summary, (t = transferText(summary, undefined)));
  }
  return t;
}

function transferText(summary: string | undefined, note: string | undefined): boolean {
  const text = normaliseForMatch(summary) + "|" + normaliseForMatch(note);
  return containsAny(text, TRANSFER_KEYWORDS);
}

const memo = new Map<string, boolean>();
let memoWords: readonly string[] | undefined;
/** Past this many distinct summaries the memo starts afresh, so it cannot grow without end. */
const MEMO_LIMIT = 50_000;
