/**
 * Header and keyword text normalisation. Treasurers type headers with spaces ("摘  要"), line breaks
 * ("收入\n金额"), full-width letters and brackets, and units ("金额（元）", "支出(单位:元)"). All of that is
 * noise for matching, so headers and synonyms go through the same function before they are compared.
 */
import type { CellValue } from "../model/types";

// Compiled once: this runs on every header candidate cell and on every subtotal candidate.
const BRACKETED = /[([【[{<《][^)\]】}>》]*[)\]】}>》]/g;
const NOISE = /[\s\u00a0\u3000:;*.\-_/\\|、,，。'"`~!?·#№$¥￥%]+/g;

/** "收 入\n（元）" -> "收入"; "Voucher No." -> "voucherno"; numbers -> their digits; blank -> "". */
export function normalizeHeader(v: CellValue): string {
  if (v === null || v === undefined || typeof v === "boolean") return "";
  const text = typeof v === "number" ? String(v) : v;
  if (text.length === 0) return "";
  const base = text.normalize("NFKC").toLowerCase();
  const stripped = base.replace(BRACKETED, "").replace(NOISE, "");
  // "（元）" alone, or "(收入)": keep the bracket's content rather than nothing.
  return stripped.length > 0 ? stripped : base.replace(NOISE, "").replace(/[()[\]【】{}<>《》]/g, "");
}

/** For keyword detection inside data cells (subtotal labels, sections): NFKC, no spaces, no brackets. */
export function normalizeKeyword(text: string): string {
  return text.normalize("NFKC").replace(BRACKETED, "").replace(NOISE, "");
}

/** True when the text has a CJK character (used to pick the contains-match rules). */
export function hasCjk(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x3400 && c <= 0x9fff) return true;
  }
  return false;
}
