/**
 * A1 addresses and merged ranges. Every finding the reader raises points at a cell, so turning
 * (row, column) into "F123" happens on every row: column letters are cached.
 */
import type { SourceRef } from "./types";

const letterCache: string[] = [];

/** 1 -> "A", 27 -> "AA". */
export function columnLetters(column: number): string {
  const cached = letterCache[column];
  if (cached !== undefined) return cached;
  let n = column;
  let s = "";
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  if (column < 1024) letterCache[column] = s;
  return s;
}

/** "AA" -> 27; 0 when the text is not column letters. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) return 0;
    n = n * 26 + (code - 64);
  }
  return n;
}

export function cellAddress(row: number, column: number): string {
  return columnLetters(column) + row;
}

export function sourceRef(sheet: string, row: number, column: number): SourceRef {
  return { sheet, row, column, address: columnLetters(column) + row };
}

/** A rectangle of 1-based sheet rows and columns, inclusive. */
export interface CellRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;

/** "A1:F1", "$A$1:$F$2", "Sheet1!B3:B4" or a single "C5"; undefined when unreadable. */
export function parseRange(a1: string): CellRect | undefined {
  const bang = a1.lastIndexOf("!");
  const body = bang >= 0 ? a1.slice(bang + 1) : a1;
  const [from, to = from] = body.split(":");
  const a = CELL.exec(from.trim());
  const b = CELL.exec(to.trim());
  if (!a || !b) return undefined;
  const r1 = Number(a[2]);
  const r2 = Number(b[2]);
  const c1 = columnNumber(a[1]);
  const c2 = columnNumber(b[1]);
  if (!r1 || !r2 || !c1 || !c2) return undefined;
  return { top: Math.min(r1, r2), bottom: Math.max(r1, r2), left: Math.min(c1, c2), right: Math.max(c1, c2) };
}

/** "1:4" -> "$1:$4": a row range as Excel stores print titles (the pane sets them, the CLI writes them). */
export function absoluteRows(rows: string): string {
  return rows
    .split(":")
    .map((p) => `$${p.replace(/\$/g, "")}`)
    .join(":");
}
