/**
 * Escaping for the SpreadsheetML parts this writer produces. Two levels:
 * - `escapeXml`: markup characters (& < > ") for text and attribute values of our own making (sheet names,
 *   formats, footers). Characters XML 1.0 forbids are dropped there: they cannot occur in a sheet name.
 * - `cellText`: a cell's text (ST_Xstring). XML 1.0 cannot carry most C0 control characters at all, so
 *   SpreadsheetML spells them `_xHHHH_`, as Excel does when it saves such a cell; a literal `_xHHHH_` in the text
 *   has its underscore spelled `_x005F_` so that it reads back as itself. Readers (Excel, exceljs) decode both.
 */

/** Anything that needs work: markup, control characters XML 1.0 forbids, U+FFFE/U+FFFF. */
const NEEDS_ESCAPE = /[&<>"\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;
const FORBIDDEN = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/g;
const MARKUP = /[&<>"]/g;
const ENTITY: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };
const entity = (ch: string): string => ENTITY[ch];

/** Text or an attribute value of our own (names, formats, footers): markup escaped, forbidden characters dropped. */
export function escapeXml(s: string): string {
  if (!NEEDS_ESCAPE.test(s)) return s; // the common case: most texts need nothing, test once and return as is
  return s.replace(FORBIDDEN, "").replace(MARKUP, entity);
}

/** `_xHHHH_` is SpreadsheetML's spelling of one UTF-16 unit; the test for text that needs any of this. */
const XSTRING_SPECIAL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|_x[0-9A-Fa-f]{4}_/;
const XSTRING_ESCAPES = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]|_(?=x[0-9A-Fa-f]{4}_)/g;
const hex4 = (ch: string): string => `_x${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}_`;

const CONTROL = /[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF]/;

/** Whether a cell's text needs the `_xHHHH_` spelling (a control character, or a literal `_xHHHH_`). */
export function needsXstring(s: string): boolean {
  return CONTROL.test(s) || (s.includes("_x") && XSTRING_SPECIAL.test(s));
}

/** A cell's text as element content: forbidden characters as `_xHHHH_`, then markup escaped. */
export function cellText(s: string): string {
  if (!NEEDS_ESCAPE.test(s) && !(s.includes("_x") && XSTRING_SPECIAL.test(s))) return s;
  return s.replace(XSTRING_ESCAPES, hex4).replace(MARKUP, entity);
}

/** Leading or trailing white space, or a line break, is kept only with xml:space="preserve" (exceljs's test). */
const PRESERVE = /^\s|\n|\s$/;
export function needsPreserve(s: string): boolean {
  return PRESERVE.test(s);
}

/** The XML declaration every part starts with. */
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
