/**
 * .csv -> one SheetSnapshot. Chinese Excel saves "CSV" in GBK (code page 936) unless told otherwise, and
 * "CSV UTF-8" with a BOM: a buffer that is valid UTF-8 is read as UTF-8, anything else as GB18030 (a superset
 * of GBK, so every GBK file decodes the same). The whole buffer goes to papaparse in one call: measured faster
 * than row callbacks for the sizes we care about, and the rows are kept anyway.
 */
import Papa from "papaparse";
import iconv from "iconv-lite";
import type { CellValue, SheetSnapshot } from "../../core/model/types";

export type TextEncodingName = "utf8" | "gb18030";

const strictUtf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Decodes CSV bytes: valid UTF-8 (BOM or not) as UTF-8, else GB18030/GBK. The BOM is dropped. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  try {
    // fatal: throws at the first byte sequence that is not UTF-8; ignoreBOM false: the BOM is stripped.
    return { text: strictUtf8.decode(bytes), encoding: "utf8" };
  } catch {
    return { text: iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), "gb18030"), encoding: "gb18030" };
  }
}

/** Parses CSV text into rows (quotes, embedded newlines and commas handled by papaparse). Cells stay text. */
export function parseCsvText(text: string): CellValue[][] {
  const result = Papa.parse<string[]>(text, { header: false, dynamicTyping: false, skipEmptyLines: false });
  const rows = result.data as CellValue[][];
  // A trailing newline gives one empty last row ([""]); Excel would not show it.
  while (rows.length && rows[rows.length - 1].length <= 1 && (rows[rows.length - 1][0] ?? "") === "") rows.pop();
  return rows;
}

/** A CSV file's bytes as the one sheet `name`. */
export function csvSheet(name: string, bytes: Uint8Array): { sheet: SheetSnapshot; encoding: TextEncodingName } {
  const { text, encoding } = decodeCsv(bytes);
  return { sheet: { name, values: parseCsvText(text) }, encoding };
}
