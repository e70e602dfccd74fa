/**
 * .csv -> one SheetSnapshot. Chinese Excel saves "CSV" in GBK (code page 936) unless told otherwise, "CSV UTF-8"
 * with a BOM, and "Unicode 文本" (.txt, tab-separated) in UTF-16 with a BOM: a UTF-16 byte-order mark decides
 * first, then a buffer that is valid UTF-8 is read as UTF-8, anything else as GB18030 (a superset of GBK, so
 * every GBK file decodes the same). The whole buffer goes to papaparse in one call: measured faster
 * than row callbacks for the sizes we care about, and the rows are kept anyway.
 */
import Papa from "papaparse";
import iconv from "iconv-lite";
import { isAscii, isUtf8, transcode } from "node:buffer";
import type { CellValue, RowSource, SheetSnapshot } from "../../core/model/types";

export type TextEncodingName = "utf8" | "gb18030" | "utf16le" | "utf16be";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decodes CSV bytes: UTF-16 by its BOM, valid UTF-8 (BOM or not) as UTF-8, else GB18030/GBK. The BOM is dropped. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  // Without this, a UTF-16 file (valid GB18030 byte pairs, mostly) decoded to nonsense and the reader said only
  // that it found no ledger.
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.byteLength - 2), "utf16le"), encoding: "utf16le" };
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset + 2, bytes.byteLength - 2), "utf16be"), encoding: "utf16be" };
  // isUtf8 (native) then toString is the same decision and text as the fatal TextDecoder, about 5x faster on
  // big files; the decoder stays for environments without isUtf8.
  if (typeof isUtf8 === "function") {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    if (isUtf8(buf)) {
      const text = utf8Text(buf);
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

/** Below this many bytes toString is as fast as the two steps of utf8Text. */
const TRANSCODE_MIN_BYTES = 64 * 1024;
const TRANSCODE_PART_BYTES = 1024 * 1024;

/**
 * buf.toString("utf8") of a buffer that is valid UTF-8 (isUtf8): the same text, made in two native steps, ICU's
 * UTF-8 to UTF-16 conversion (transcode) then a copy of those UTF-16 units into a string, which together are 2-3x
 * faster than V8's own decoding of mostly-Chinese text (~130 ms -> ~45 ms on a 12 MB ledger). The UTF-16 buffer
 * lives outside the JS heap only until it is collected. A buffer that is not valid UTF-8 would be decoded
 * differently (transcode replaces bad bytes otherwise): callers check isUtf8 first.
 */
export function utf8Text(buf: Buffer): string {
  // A pure-ASCII text: toString makes a one-byte string quickly; transcode would make a two-byte one.
  if (buf.byteLength < TRANSCODE_MIN_BYTES || typeof transcode !== "function" || typeof isAscii !== "function" || isAscii(buf)) {
    return buf.toString("utf8");
  }
  // In parts of a few MB cut between characters, so each part's UTF-16 buffer dies young (one buffer the size of
  // the text, living outside the heap until a full collection, raised a million-row check's peak memory by 170 MB).
  const parts: string[] = [];
  for (let start = 0; start < buf.byteLength; ) {
    let end = Math.min(buf.byteLength, start + TRANSCODE_PART_BYTES);
    while (end < buf.byteLength && (buf[end] & 0xc0) === 0x80) end--; // not inside a character's bytes
    parts.push(transcode(buf.subarray(start, end), "utf8", "ucs2").toString("ucs2"));
    start = end;
  }
  return parts.length === 1 ? parts[0] : parts.join("");
}

const PAPA_OPTIONS = { header: false, dynamicTyping: false, skipEmptyLines: false } as const;
/** papaparse guesses the line break from the first 1 MB of text; the delimiter from the first 10 rows. */
const GUESS_CHARS = 1024 * 1024;

/** Parses CSV text into rows (quotes, embedded newlines and commas handled by papaparse). Cells stay text. */
export function parseCsvText(text: string): CellValue[][] {
  return allRows(parseCsvRows(text));
}

/** Every row of a source as arrays (tests, small files). */
export function allRows(source: RowSource): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < source.length; i++) rows.push(source.row(i)!);
  return rows;
}

/**
 * The CSV's rows as a RowSource: papaparse's rows, made line by line on demand for text without quote characters
 * (see PlainLines), else papaparse's array. A trailing newline gives no empty last row (Excel would not show one).
 */
export function parseCsvRows(text: string): RowSource {
  const plain = plainLines(text);
  if (plain) return plain;
  const rows = Papa.parse<string[]>(text, PAPA_OPTIONS).data as CellValue[][];
  while (rows.length && rows[rows.length - 1].length <= 1 && (rows[rows.length - 1][0] ?? "") === "") rows.pop();
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  return { length: rows.length, width, row: (i) => rows[i] };
}

/** A CSV file's bytes as the one sheet `name` (its rows in `rows`, made on demand). */
export function csvSheet(name: string, bytes: Uint8Array): { sheet: SheetSnapshot; encoding: TextEncodingName } {
  const { text, encoding } = decodeCsv(bytes);
  return { sheet: { name, values: [], rows: parseCsvRows(text) }, encoding };
}

/**
 * The rows papaparse gives for text without any quote character, made one line at a time. For such text
 * papaparse itself takes its "fast mode": text.split(linebreak), then each line.split(delimiter), with the line
 * break and delimiter it guesses from the start of the text. Here the guess is papaparse's own, made on that start
 * only; one pass over the text records where each line starts and the widest line, and row(i) splits line i when
 * the reader asks for it. So neither the array of all lines nor a million rows of cell arrays are ever alive at
 * once (on a million-row ledger papaparse took ~4 s and several hundred MB; the arrays of cells, ~600 MB more).
 * undefined: not plain text, or too few lines in the guessed part to be sure of the guess; papaparse then parses
 * the whole text.
 */
function plainLines(input: string): RowSource | undefined {
  if (input.indexOf('"') !== -1) return undefined;
  // papaparse drops one leading byte-order mark from a string before parsing.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text === "") return { length: 0, width: 0, row: () => undefined };
  const head = text.length <= GUESS_CHARS ? text : text.slice(0, GUESS_CHARS);
  const newline = guessLineBreak(head);
  // The delimiter guess reads 10 rows (11 with the one that stops it): they must all lie inside `head`. Papaparse is
  // given just those lines (and the line break it would have guessed): in its fast mode it splits all the text it
  // is given into lines, five times over (once per candidate delimiter), for the sake of the first ten.
  let seen = 0;
  let at = head.indexOf(newline);
  for (; at !== -1 && seen < 11; at = head.indexOf(newline, at + newline.length)) seen++;
  if (seen < 11 && head !== text) return undefined;
  const firstLines = seen < 11 ? head : head.slice(0, at === -1 ? head.length : at);
  const delimiter = Papa.parse<string[]>(firstLines, { ...PAPA_OPTIONS, preview: 1, newline }).meta.delimiter;
  // papaparse guesses only one-character delimiters; anything else is left to its own parse.
  if (!delimiter || delimiter.length !== 1) return undefined;
  return new PlainLines(text, newline, delimiter.charCodeAt(0));
}

/**
 * The line break papaparse guesses (ParserHandle.guessLineEndings) for text without quote characters, where its
 * removal of quoted parts changes nothing: "\n" when there is no "\r" or a "\n" comes first; else "\r\n" when at
 * least half of the pieces between "\r"s start with "\n", else "\r". Counted with indexOf instead of two splits.
 */
export function guessLineBreak(head: string): "\n" | "\r" | "\r\n" {
  const firstR = head.indexOf("\r");
  if (firstR === -1) return "\n";
  const firstN = head.indexOf("\n");
  if (firstN !== -1 && firstN < firstR) return "\n";
  let pieces = 1;
  let withN = head.charCodeAt(0) === 10 ? 1 : 0;
  for (let at = firstR; at !== -1; at = head.indexOf("\r", at + 1)) {
    pieces++;
    if (head.charCodeAt(at + 1) === 10) withN++;
  }
  return withN >= pieces / 2 ? "\r\n" : "\r";
}

/** Lines of quote-free CSV text, split into cells on demand. */
class PlainLines implements RowSource {
  readonly length: number;
  private widestLine?: number;
  /** starts[i]: index in the text of line i; starts[length]: one newline past the end of the last line. */
  private readonly starts: Float64Array;

  constructor(
    private readonly text: string,
    private readonly newline: string,
    /** The delimiter's one character code. */
    private readonly delimiter: number,
  ) {
    const n = text.length;
    const nl = newline.length;
    // First the line starts (indexOf is native and fast), then trailing empty lines are dropped as before.
    let starts = new Float64Array(1024);
    let count = 0;
    let start = 0;
    for (;;) {
      if (count + 2 > starts.length) {
        const grown = new Float64Array(starts.length * 2);
        grown.set(starts);
        starts = grown;
      }
      starts[count++] = start;
      const end = text.indexOf(newline, start);
      if (end === -1) {
        starts[count] = n + nl;
        break;
      }
      start = end + nl;
    }
    while (count > 0 && starts[count] - nl === starts[count - 1]) count--; // an empty last line
    this.starts = starts;
    this.length = count;
  }

  /** Counted on first use: a pass over the whole text that reading a ledger does not need (see Grid.topRight). */
  get width(): number {
    if (this.widestLine === undefined) this.widestLine = this.length === 0 ? 0 : this.widest(this.delimiter);
    return this.widestLine;
  }

  /**
   * The line's cells: what text.slice(line).split(delimiter) gives, cut straight from the text with a loop over the
   * line's characters (no string for the whole line, no call into split's runtime; ~20% faster on a ledger's rows).
   */
  row(i: number): CellValue[] | undefined {
    if (i < 0 || i >= this.length) return undefined;
    const text = this.text;
    const d = this.delimiter;
    const end = this.starts[i + 1] - this.newline.length;
    const cells: CellValue[] = [];
    let from = this.starts[i];
    for (let at = from; at < end; at++) {
      if (text.charCodeAt(at) === d) {
        cells.push(text.slice(from, at));
        from = at + 1;
      }
    }
    cells.push(text.slice(from, end));
    return cells;
  }

  /** The most cells on any line: one more than its delimiters (a delimiter inside a cell is impossible without quotes). */
  private widest(d: number): number {
    const text = this.text;
    let widest = 1;
    for (let line = 0; line < this.length; line++) {
      let cells = 1;
      const stop = this.starts[line + 1] - this.newline.length;
      for (let i = this.starts[line]; i < stop; i++) if (text.charCodeAt(i) === d) cells++;
      if (cells > widest) widest = cells;
    }
    return widest;
  }
}
