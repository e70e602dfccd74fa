/**
 * A1-notation helpers shared by the Excel adapter and the in-memory fake. Pure functions: no Excel here.
 * Rows and columns are 0-based in the "index" functions (like getRangeByIndexes) and 1-based in SourceRef.
 */

import { columnLetters as oneBasedLetters } from "../core/model/a1";

export interface CellIndex {
  row: number; // 0-based
  column: number; // 0-based
}

/** A rectangular area, 0-based top-left plus size. */
export interface Area {
  row: number;
  column: number;
  rowCount: number;
  columnCount: number;
}

/** 0 -> "A", 25 -> "Z", 26 -> "AA". */
export function columnLetters(column: number): string {
  return oneBasedLetters(column + 1);
}

/** "A" -> 0, "AA" -> 26. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** (0,0) -> "A1". */
export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** An area as "A1" (single cell) or "A1:C3". */
export function areaAddress(a: Area): string {
  const first = cellAddress(a.row, a.column);
  if (a.rowCount === 1 && a.columnCount === 1) return first;
  return `${first}:${cellAddress(a.row + a.rowCount - 1, a.column + a.columnCount - 1)}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const WHOLE_ROWS_RE = /^\$?(\d{1,7}):\$?(\d{1,7})$/;
const WHOLE_COLS_RE = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/;

export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

/** Parses "A1", "A1:C3", "$A$1:$C$3", "1:4" or "A:C" (without a sheet prefix); undefined when invalid. */
export function parseArea(address: string): Area | undefined {
  const text = address.trim();
  const rows = WHOLE_ROWS_RE.exec(text);
  if (rows) {
    const r1 = Number(rows[1]) - 1;
    const r2 = Number(rows[2]) - 1;
    if (r1 < 0 || r2 < r1) return undefined;
    return { row: r1, column: 0, rowCount: r2 - r1 + 1, columnCount: MAX_COLUMNS };
  }
  const cols = WHOLE_COLS_RE.exec(text);
  if (cols) {
    const c1 = columnIndex(cols[1]);
    const c2 = columnIndex(cols[2]);
    if (c2 < c1) return undefined;
    return { row: 0, column: c1, rowCount: MAX_ROWS, columnCount: c2 - c1 + 1 };
  }
  const [a, b, extra] = text.split(":");
  if (extra !== undefined) return undefined;
  const m1 = CELL_RE.exec(a ?? "");
  const m2 = CELL_RE.exec(b ?? a ?? "");
  if (!m1 || !m2) return undefined;
  const top = Math.min(Number(m1[2]), Number(m2[2])) - 1;
  const bottom = Math.max(Number(m1[2]), Number(m2[2])) - 1;
  const left = Math.min(columnIndex(m1[1]), columnIndex(m2[1]));
  const right = Math.max(columnIndex(m1[1]), columnIndex(m2[1]));
  if (top < 0 || bottom >= MAX_ROWS || right >= MAX_COLUMNS) return undefined;
  return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
}

/** Excel quotes sheet names that are not plain identifiers: 'My Sheet'!A1, and doubles inner quotes. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** "Sheet1!A1:C3" or "'明细 账'!A1" -> "A1:C3" / "A1" (the part after the last sheet prefix). */
export function stripSheetPrefix(address: string): string {
  const text = address.trim();
  if (text.startsWith("'")) {
    // The quoted name ends at a single quote that is not doubled, followed by "!".
    for (let i = 1; i < text.length; i++) {
      if (text[i] === "'") {
        if (text[i + 1] === "'") {
          i++;
          continue;
        }
        return text[i + 1] === "!" ? text.slice(i + 2) : text;
      }
    }
    return text;
  }
  const bang = text.lastIndexOf("!");
  return bang >= 0 ? text.slice(bang + 1) : text;
}

/**
 * Splits a multi-area address such as "Sheet1!A1:F1, Sheet1!A3:B3" or "'a, b'!A1,'a, b'!C2" into ["A1:F1","A3:B3"],
 * respecting commas inside quoted sheet names.
 */
export function splitAreas(address: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of address) {
    if (ch === "'") quoted = !quoted; // a doubled quote toggles twice, which is what we want
    if (ch === "," && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => stripSheetPrefix(p)).filter((p) => p.length > 0);
}

/** Whether two areas share at least one cell. */
export function intersects(a: Area, b: Area): boolean {
  return (
    a.row < b.row + b.rowCount &&
    b.row < a.row + a.rowCount &&
    a.column < b.column + b.columnCount &&
    b.column < a.column + a.columnCount
  );
}
