/**
 * Keyword classification of label cells: subtotal and carry rows of a ledger (本月合计, 过次页, 上年结转 ...),
 * section and total rows of a plan (一、收入, 支出合计, 上年结余 ...), month names of sheets (1月, 2025.01, 一月).
 * Patterns are compiled once; each row costs one cheap pre-test before any classification.
 */
import type { PlanKind, SubtotalKind } from "../model/types";
import { normalizeKeyword } from "./normalize";

/** Cheap pre-test: every subtotal keyword contains one of these. */
const SUBTOTAL_HINT = /[计页转余存额前数]|total|forward|opening|todate/i;

/**
 * SUBTOTAL_HINT without a regex for the usual all-CJK-or-digits label (runs on every row's label cells). Surrounding
 * whitespace changes nothing here, so callers may ask before trimming.
 */
export function hasSubtotalHint(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // 计页转余存额前数, as a switch: this runs on several cells of every row.
    switch (c) {
      case 0x8ba1: case 0x9875: case 0x8f6c: case 0x4f59: case 0x5b58: case 0x989d: case 0x524d: case 0x6570:
        return true;
    }
    // A Latin letter: let the regex decide ("Total", "carried forward").
    if ((c | 32) >= 97 && (c | 32) <= 122) return SUBTOTAL_HINT.test(text);
  }
  return false;
}

const SUBTOTAL_WORDS: [SubtotalKind, string[]][] = [
  ["opening", ["上年结转", "上年结余", "上年余额", "期初余额", "年初余额", "年初结余", "上年结存", "期初结存", "承上年", "年初数",
    "openingbalance", "broughtforwardfromlastyear"]],
  ["broughtForward", ["承前页", "承上页", "接上页", "上页结转", "承前", "上月结转", "上月结余", "月初余额", "上月余额",
    "broughtforward"]],
  ["carriedForward", ["过次页", "转次页", "过下页", "转下页", "结转下页", "结转下年", "期末余额", "年末余额", "carriedforward"]],
  ["quarterTotal", ["本季合计", "本季累计", "季度合计", "季合计", "quartertotal"]],
  // Month before year: "本月累计" is a month total, "本年累计" a year total.
  ["monthTotal", ["本月合计", "本月小计", "本月累计", "月合计", "月小计", "本月发生额", "月计", "monthtotal"]],
  ["yearTotal", ["本年累计", "本年合计", "全年合计", "年度合计", "年累计", "累计", "yeartodate", "yeartotal"]],
  ["total", ["合计", "总计", "小计", "total", "subtotal", "grandtotal"]],
];

const MAX_SUBTOTAL_LABEL = 14;
const MONTH_PREFIX = /^(?:\d{4}年)?(\d{1,2}|[一二三四五六七八九十]{1,3})月份?/;

const CN_DIGITS: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** "十二" -> 12, "三" -> 3, "12" -> 12. */
export function monthNumber(text: string): number | undefined {
  let n: number;
  if (/^\d+$/.test(text)) n = Number(text);
  else if (text === "十") n = 10;
  else if (text.startsWith("十")) n = 10 + (CN_DIGITS[text[1]] ?? 0);
  else if (text.length === 1) n = CN_DIGITS[text] ?? 0;
  else if (text.length === 2 && text[1] === "十") n = (CN_DIGITS[text[0]] ?? 0) * 10;
  else n = 0;
  return n >= 1 && n <= 12 ? n : undefined;
}

export interface SubtotalLabel {
  kind: SubtotalKind;
  /** Month named in the label ("3月合计"), if any. */
  month?: number;
}

/** Classifies a label as a subtotal or carry row, or undefined for an ordinary entry. */
export function classifySubtotal(text: string): SubtotalLabel | undefined {
  if (text.length === 0 || text.length > 40) return undefined;
  if (!hasSubtotalHint(text)) return undefined;
  const norm = normalizeKeyword(text.toLowerCase());
  if (norm.length === 0 || norm.length > MAX_SUBTOTAL_LABEL + 6) return undefined;
  const monthMatch = MONTH_PREFIX.exec(norm);
  const month = monthMatch ? monthNumber(monthMatch[1]) : undefined;
  for (const [kind, words] of SUBTOTAL_WORDS) {
    for (const w of words) {
      // The keyword must frame the label ("本月合计", "3月合计", "合计：") so that a narration that merely
      // mentions a word ("支付上年结转的慰问品款") stays an entry.
      if ((norm.startsWith(w) || norm.endsWith(w)) && norm.length <= w.length + 6 && norm.length <= MAX_SUBTOTAL_LABEL) {
        if (kind === "total" && month !== undefined) return { kind: "monthTotal", month };
        return month !== undefined ? { kind, month } : { kind };
      }
    }
  }
  return undefined;
}

/** Month from a sheet name: "1月", "01月份", "2025.01", "2025-1", "2025年3月", "一月", "十二月", "Jan". */
export function monthFromSheetName(name: string): number | undefined {
  const s = name.normalize("NFKC").replace(/\s+/g, "");
  let m = /^(?:\d{4}(?:年|[.\-_/]))?(\d{1,2})(?:月份?)?(?:[^\d].*)?$/.exec(s);
  if (m && (/月/.test(s) || /^\d{4}[.\-_/]\d{1,2}$/.test(s) || /^\d{1,2}$/.test(s))) return monthNumber(m[1]);
  m = /^(?:\d{4}年)?([一二三四五六七八九十]{1,3})月/.exec(s);
  if (m) return monthNumber(m[1]);
  const en = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i.exec(s);
  if (en) return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].indexOf(en[1].toLowerCase()) + 1;
  return undefined;
}

/** A four-digit year 1990..2099 anywhere in a short text ("2025.01", "2025年"), for sheet names. */
export function yearInText(text: string): number | undefined {
  const m = /(?:^|[^\d])((?:19|20)\d{2})(?:[^\d]|$)/.exec(text.normalize("NFKC"));
  if (!m) return undefined;
  const y = Number(m[1]);
  return y >= 1990 && y <= 2099 ? y : undefined;
}

// ---------- plan rows ----------

const NUMBERING = /^(?:[一二三四五六七八九十]+[、.]|[（(][一二三四五六七八九十\d]+[)）]|\d+(?:\.\d+)*[、.]?|[①-⑳])\s*/;

/** "其中：" (of which) before a detail line: the layout's indentation already says the line is part of the one above. */
const OF_WHICH = /^其中\s*[:,]?\s*/;

/** Strips list numbering ("一、", "（二）", "1.", "1.2") and a leading "其中：" from a plan label. */
export function stripNumbering(text: string): string {
  return text.normalize("NFKC").trim().replace(NUMBERING, "").replace(OF_WHICH, "").trim();
}

export type PlanRowKind =
  | { type: "section"; kind: PlanKind }
  | { type: "total"; kind?: PlanKind }
  | { type: "opening" }
  | { type: "closing" };

const SECTION = /^(?:本年|年度|全年)?(收入|支出)(?:预算|部分|项目|类|情况|预算收入|预算支出)?$/;
const SECTION_EN = /^(income|expenditure|expenses?)(?:budget)?$/;
const TOTAL = /(合计|小计|总计|共计|total)$/;
const OPENING = /^(上年结余|上年结转|上年结余资金|年初结余|年初余额|期初结余|期初余额|上年余额|上年结存|上年度结余|以前年度结余|opening(?:balance)?)/;
// A closing or projected balance ("预计年末结余", "本年结余", "收支差额", "年末滚存结余") is a result of the plan, not
// a budget line: an optional 预计/预算 prefix, a period word, then 结余/结存/差额/余额.
const CLOSING = /^(?:预计|预算|计划|估计)?(?:本年度?|本期|当年|全年|年末|年终|期末)?(?:收支|滚存|累计)?(?:结余|结存|差额|余额)(?:数|资金|额)?$|^(?:closing(?:balance)?|surplus|balance)$/;

/** Classifies a plan row label; undefined for an ordinary budget line. */
export function classifyPlanLabel(text: string): PlanRowKind | undefined {
  const s = normalizeKeyword(stripNumbering(text)).toLowerCase();
  if (!s) return undefined;
  const sec = SECTION.exec(s);
  if (sec) return { type: "section", kind: sec[1] === "收入" ? "income" : "expense" };
  const secEn = SECTION_EN.exec(s);
  if (secEn) return { type: "section", kind: secEn[1] === "income" ? "income" : "expense" };
  if (OPENING.test(s)) return { type: "opening" };
  if (CLOSING.test(s)) return { type: "closing" };
  if (TOTAL.test(s) && s.length <= 12) {
    const kind: PlanKind | undefined = s.includes("收入") || s.includes("income") ? "income"
      : s.includes("支出") || s.includes("expen") ? "expense" : undefined;
    return kind ? { type: "total", kind } : { type: "total" };
  }
  return undefined;
}

/** A kind cell of a plan ("收", "支出", "income") or a direction cell of a ledger ("借", "贷", "收", "支"). */
export function directionOf(text: string): "in" | "out" | undefined {
  const raw = text.normalize("NFKC").trim();
  if (raw === "+") return "in";
  if (raw === "-") return "out";
  const s = normalizeKeyword(raw).toLowerCase();
  switch (s) {
    case "借": case "借方": case "收": case "收入": case "进": case "入": case "+": case "dr": case "debit": case "in":
    case "income": case "receipt":
      return "in";
    case "贷": case "贷方": case "支": case "支出": case "出": case "付": case "-": case "cr": case "credit": case "out":
    case "expense": case "expenditure": case "payment":
      return "out";
    default:
      return undefined;
  }
}
