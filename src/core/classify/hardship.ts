/**
 * Hardship aid (困难职工帮扶, 送温暖, 金秋助学...): spending booked to 50204 困难职工帮扶费 or 50205 送温暖费,
 * or spending whose words say it is hardship aid (HARDSHIP_TRIGGERS) on an account that can hold it.
 * A hardship payment is never also welfare: welfareOccasion asks this module first.
 */
import type { Entry } from "../model/types";
import { HARDSHIP_KEYWORDS, HARDSHIP_TRIGGERS, HARDSHIP_TYPE_PRIORITY, containsAny, firstMatch } from "./keywords";
import { entryText } from "./entry-text";
import { isInternalTransfer } from "./transfer";

export { isInternalTransfer } from "./transfer";

export type HardshipAidType = "living" | "medical" | "education" | "warmth" | "accident" | "other";

/** The accounts that are hardship aid by themselves. */
export const HARDSHIP_ACCOUNTS: Record<string, HardshipAidType> = {
  "50204": "other", // 困难职工帮扶费: the type comes from the words, "other" when they are silent
  "50205": "warmth", // 送温暖费
};

/**
 * Whether words alone may make a row on this account hardship aid. Yes with no account, with the other side's
 * asset account (a 日记账's 对方科目), under 职工活动支出 except 文体/宣传 (some unions book aid under a welfare
 * detail), under 维权支出 and 职工服务支出. No for income, 文体/宣传 activities, business, capital, other
 * spending (a 帮扶村 donation under 其他支出 is not aid to workers).
 */
function accountAllowsWords(e: Entry): boolean {
  const a = e.account;
  if (!a || a.kind === "asset" || a.kind === "liability" || a.kind === "netAsset") return true;
  if (a.kind !== "expense") return false;
  if (a.code === "50102" || a.code === "50103") return false;
  return a.code.startsWith("501") || a.code.startsWith("502") || a.code.startsWith("509");
}

/**
 * The type of hardship aid a row pays, or undefined when it is not hardship aid (income, transfers, refunds,
 * other spending). The type is the first in HARDSHIP_TYPE_PRIORITY whose words occur, looking at the summary
 * before the other texts; when no words name a type, 送温暖费 gives "warmth" and everything else "other".
 */
export function hardshipAidType(e: Entry): HardshipAidType | undefined {
  if (!(e.expense > 0) || isInternalTransfer(e)) return undefined;
  const text = entryText(e);
  const byAccount = e.account ? HARDSHIP_ACCOUNTS[e.account.code] : undefined;
  if (byAccount === undefined) {
    if (!accountAllowsWords(e) || !containsAny(text.all, HARDSHIP_TRIGGERS)) return undefined;
  }
  const specific = HARDSHIP_TYPE_PRIORITY.filter((t) => t !== "other");
  return (
    firstMatch(text.primary, HARDSHIP_KEYWORDS, specific) ??
    firstMatch(text.secondary, HARDSHIP_KEYWORDS, specific) ??
    byAccount ??
    "other"
  );
}
