/**
 * The texts of an entry that say what it was for, normalised for keyword matching. The summary (摘要) is
 * written per row and is the most specific, so classifiers look at it first; the plan item, fund category,
 * sub-account, local detail accounts and note describe a category and only decide when the summary is silent.
 */
import type { Entry } from "../model/types";
import { accountByCode } from "../model/accounts";
import { normaliseForMatch } from "./keywords";

export interface EntryText {
  /** The summary (摘要). */
  primary: string;
  /** Plan item, fund category, account and sub-account texts, local detail accounts, note. */
  secondary: string;
  /** Both, summary first. */
  all: string;
}

/** Path levels below the resolved chart account: local detail accounts such as 职工集体福利 or 生日慰问. */
export function localDetails(e: Entry): string[] {
  if (!e.account) return [];
  let depth = 0;
  for (let a = accountByCode(e.account.code); a; a = a.parent ? accountByCode(a.parent) : undefined) depth++;
  return e.account.path.slice(depth);
}

export function entryText(e: Entry): EntryText {
  const primary = normaliseForMatch(e.summary);
  const secondary = [e.planItem, e.fundCategory, e.accountText, e.subAccountText, ...localDetails(e), e.note]
    .map(normaliseForMatch)
    .filter((t) => t !== "")
    .join("|");
  return { primary, secondary, all: secondary ? `${primary}|${secondary}` : primary };
}
