/**
 * .csv -> one SheetSnapshot. Chinese Excel saves "CSV" in GBK (code page 936) unless told otherwise, and
 * "CSV UTF-8" with a BOM: a buffer that is valid UTF-8 is read as UTF-8, anything else as GB18030 (a superset
 * of GBK, so every GBK file decodes the same). The whole buffer goes to papaparse in one call: measured faster
 * than row callbacks for the sizes we care about, and the rows are kept anyway.
 */
import Papa from "papaparse";
import iconv from "iconv-lite";
import { isUtf8 } from "node:buffer";
import type { CellValue, SheetSnapshot } from "../../core/model/types";

export type TextEncodingName = "utf8" | "gb18030";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decodes CSV bytes: valid UTF-8 (BOM or not) as UTF-8, else GB18030/GBK. The BOM is dropped. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  // isUtf8 (native) then toString is the same decision and text as the fatal TextDecoder, about 5x faster on
  // big files; the decoder stays for environments without isUtf8.
  if (typeof isUtf8 === "function") {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (isUtf8(buf)) {
      const text = buf.toString("utf8");
      return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: "utf8" };
    }
    return { text: iconv.decode(buf, "gb18030"), encoding: "gb18030" };
  }
  try {
    // fatal: throws at the first byte sequence that is not UTF-8; ignoreBOM false: the BOM is stripped.
    return { text: strictUtf8.decode(bytes), encoding: "utf8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030"), encoding: "gb18030" };
  }
}

const PAPA_OPTIONS = { header: false, dynamicTyping: false, skipEmptyLines: false } as const;
/** papaparse guesses the line break from the first 1 MB of text; the delimiter from the first 10 rows. */
const GUESS_CHARS = 1024 * 1024;

/** Parses CSV text into rows (quotes, embedded newlines and commas handled by papaparse). Cells stay text. */
export function parseCsvText(text: string): CellValue[][] {
  const rows = (plainRows(text) ?? Papa.parse<string[]>(text, PAPA_OPTIONS).data) as CellValue[][];
  // A trailing newline gives one empty last row ([""]); Excel would not show it.
  while (rows.length && rows[rows.length - 1].length <= 1 && (rows[rows.length - 1][0] ?? "") === "") rows.pop();
  return rows;
}

/** A CSV file's bytes as the one sheet `name`. */
export function csvSheet(name: string, bytes: Uint8Array): { sheet: SheetSnapshot; encoding: TextEncodingName } {
  const { text, encoding } = decodeCsv(bytes);
  return { sheet: { name, values: parseCsvText(text) }, encoding };
}

/**
 * The rows papaparse gives for text without any quote character, without papaparse's whole-text pass. For such
 * text papaparse itself takes its "fast mode": text.split(linebreak), then each line.split(delimiter), with the
 * line break and delimiter it guesses from the start of the text. Here the guess is papaparse's own, made on that
 * start only, and the lines are split one at a time so the array of all lines (a second copy of a big file) is
 * never built: on a million-row ledger papaparse took ~4 s and several hundred MB. undefined: not plain text,
 * or too few lines in the guessed part to be sure of the guess; papaparse then parses the whole text.
 */
function plainRows(input: string): string[][] | undefined {
  if (input.indexOf('"') !== -1) return undefined;
  // papaparse drops one leading byte-order mark from a string before parsing.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text === "") return [];
  const head = text.length <= GUESS_CHARS ? text : text.slice(0, GUESS_CHARS);
  const meta = Papa.parse<string[]>(head, { ...PAPA_OPTIONS, preview: 1 }).meta;
  const newline = meta.linebreak;
  const delimiter = meta.delimiter;
  if (!newline || !delimiter) return undefined;
  if (head !== text) {
    // The delimiter guess reads 10 rows (11 with the one that stops it): they must all lie inside `head`.
    let seen = 0;
    for (let at = head.indexOf(newline); at !== -1 && seen < 11; at = head.indexOf(newline, at + newline.length)) seen++;
    if (seen < 11) return undefined;
  }
  const rows: string[][] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf(newline, start);
    if (end === -1) {
      rows.push(text.slice(start).split(delimiter));
      return rows;
    }
    rows.push(text.slice(start, end).split(delimiter));
    start = end + newline.length;
  }
}
