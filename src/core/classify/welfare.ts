/**
 * Welfare and condolence disbursements (职工集体福利: festivals, birthdays, weddings, childbirth, sickness,
 * bereavement, retirement; plus 疗休养 and 体检), which the caps of reference §2.1 apply to.
 *
 * How a row is decided, in order (ties are broken by this order):
 *  1. Not spending, an internal transfer, or hardship aid (hardshipAidType) -> not welfare. Hardship wins:
 *     "春节慰问困难职工" is 送温暖, never festival welfare.
 *  2. The account: 50104 其他活动支出, or a local detail under 职工活动支出 whose words are welfare words
 *     (职工集体福利, 生日慰问...) -> welfare; 文体/教育/宣传 activities (50101-50103) and all other expense or
 *     income accounts -> not welfare; no account, an asset account (a 日记账's 对方科目), 501 itself, or
 *     职工服务支出 -> the words decide.
 *  3. The occasion: the first specific occasion in WELFARE_OCCASION_PRIORITY with a word in the summary, else
 *     in the other texts (plan item, fund category, detail account, note), else "other" for a generic word
 *     (慰问, 福利). A welfare account with no word at all is "other".
 *  4. Activities: a festival word, a generic word or no word, next to an activity word ("中秋游园活动奖品",
 *     "趣味运动会") with no goods or welfare word (WELFARE_GOODS_KEYWORDS), is an activity, not welfare.
 */
import type { Entry } from "../model/types";
import {
  ACTIVITY_KEYWORDS,
  WELFARE_GOODS_KEYWORDS,
  WELFARE_KEYWORDS,
  WELFARE_OCCASION_PRIORITY,
  containsAny,
  firstMatch,
  normaliseForMatch,
} from "./keywords";
import { entryText, localDetails } from "./entry-text";
import { hardshipAidType } from "./hardship";
import { isInternalTransfer } from "./transfer";

export type WelfareOccasion =
  | "festival"
  | "birthday"
  | "wedding"
  | "childbirth"
  | "sickness"
  | "bereavement"
  | "retirement"
  | "recuperation"
  | "checkup"
  | "other";

type AccountContext = "welfare" | "words" | "not-welfare";

/** Any welfare word at all. Tested list by list (not on one merged copy) so each table's compiled form is reused. */
function hasAnyWelfareWord(normalisedText: string): boolean {
  return (Object.values(WELFARE_KEYWORDS) as string[][]).some((words) => containsAny(normalisedText, words)) || containsAny(normalisedText, WELFARE_GOODS_KEYWORDS);
}

function accountContext(e: Entry): AccountContext {
  const a = e.account;
  if (!a || a.kind === "asset" || a.kind === "liability" || a.kind === "netAsset") return "words";
  if (a.kind !== "expense") return "not-welfare";
  if (a.code === "50104") return "welfare";
  if (a.code === "501") {
    const details = normaliseForMatch(localDetails(e).join("|"));
    return details && hasAnyWelfareWord(details) ? "welfare" : "words";
  }
  if (a.code === "509") return "words";
  return "not-welfare";
}

/**
 * The occasion of a welfare or condolence disbursement, or undefined when the row is not one (income,
 * transfers, hardship aid, activities, business and capital spending...).
 */
export function welfareOccasion(e: Entry): WelfareOccasion | undefined {
  if (!(e.expense > 0) || isInternalTransfer(e) || hardshipAidType(e) !== undefined) return undefined;
  const context = accountContext(e);
  if (context === "not-welfare") return undefined;

  const text = entryText(e);
  const specific = WELFARE_OCCASION_PRIORITY.filter((o) => o !== "other");
  const occasion =
    firstMatch(text.primary, WELFARE_KEYWORDS, specific) ??
    firstMatch(text.secondary, WELFARE_KEYWORDS, specific) ??
    (containsAny(text.all, WELFARE_KEYWORDS.other) ? "other" : undefined);
  const looksLikeActivity = containsAny(text.all, ACTIVITY_KEYWORDS) && !containsAny(text.all, WELFARE_GOODS_KEYWORDS);
  // A festival word or a generic word next to activity words is an activity ("中秋游园活动奖品").
  const weak = occasion === undefined || occasion === "festival" || occasion === "other";

  if (context === "welfare") {
    if (weak && looksLikeActivity) return undefined;
    return occasion ?? "other";
  }
  if (occasion === undefined || (weak && looksLikeActivity)) return undefined;
  return occasion;
}
