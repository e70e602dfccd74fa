/**
 * Text comparison for labels typed by hand: "（二）文体活动费", "文体活动" and "文体 活动" name the same line.
 */

/** Leading list numbering: "1.", "1、", "（一）", "一、", "(2)", "①". */
const NUMBERING = /^(?:[（(]?[0-9一二三四五六七八九十]+[)）.、．]|[①-⑳])\s*/;
/** Punctuation and spaces that carry no meaning in a label. */
const NOISE = /[\s\-—－–_·•.,，、:：;；()（）[\]【】"'“”‘’/\\]/g;

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const IDEOGRAPHIC_SPACE = /\u3000/g;

/** Lower-case, half-width, without numbering, punctuation or spaces. */
export function normaliseLabel(text: string | undefined): string {
  if (!text) return "";
  // Regex passes rather than rebuilding the string char by char: the plan matcher runs this on ledger texts.
  let s = text
    .trim()
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(IDEOGRAPHIC_SPACE, " ")
    .trim();
  // Strip numbering repeatedly: "一、1." happens in two-level plans.
  for (let i = 0; i < 3 && NUMBERING.test(s); i++) s = s.replace(NUMBERING, "");
  return s.replace(NOISE, "").toLowerCase();
}

/** Endings that are often added or dropped: "文体活动费" = "文体活动", "会费收入" = "会费". */
const SOFT_SUFFIXES = ["支出", "收入", "经费", "费用", "费"];

/** A normalised label without its soft ending, for grouping: labelKey("文体活动费") === labelKey("文体活动"). */
export function labelKey(text: string | undefined): string {
  return stem(normaliseLabel(text));
}

function stem(s: string): string {
  for (const suffix of SOFT_SUFFIXES) {
    if (s.length > suffix.length + 1 && s.endsWith(suffix)) return s.slice(0, -suffix.length);
  }
  return s;
}

/** A label normalised once, with its stem, for comparing against many others (see `sameLabelForm`). */
export interface LabelForm {
  norm: string;
  stem: string;
}

export function labelForm(text: string | undefined): LabelForm {
  const norm = normaliseLabel(text);
  return { norm, stem: stem(norm) };
}

/** `sameLabel` on labels normalised beforehand: sameLabelForm(labelForm(a), labelForm(b)) === sameLabel(a, b). */
export function sameLabelForm(x: LabelForm, y: LabelForm): boolean {
  if (x.norm.length < 2 || y.norm.length < 2) return false;
  return x.norm === y.norm || x.stem === y.stem;
}

/**
 * Do two labels name the same thing? Equal after normalising, or equal once a soft ending such as 费/支出
 * is dropped. Deliberately not a substring test: "活动" must not match "文体活动".
 */
export function sameLabel(a: string | undefined, b: string | undefined): boolean {
  const x = normaliseLabel(a);
  const y = normaliseLabel(b);
  if (x.length < 2 || y.length < 2) return false;
  return x === y || stem(x) === stem(y);
}
