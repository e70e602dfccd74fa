/**
 * The reader's findings. Every problem the reader meets becomes one of these, located at the exact cell.
 * Messages and fixes live in src/core/i18n/catalog/read.ts under finding.<rule>.message / .fix.
 */
import type { Finding, Severity, SourceRef } from "../model/types";

/** The rules this reader emits (each has zh-CN and en message + fix in the read catalogue). */
export const READ_RULES = {
  "unparseable-amount": "error",
  "unparseable-date": "error",
  "unknown-account": "warning",
  "header-not-found": "error",
  "no-ledger-sheet": "error",
  "no-plan-sheet": "warning",
  "error-cell": "error",
  "row-without-amount": "warning",
  "ambiguous-column": "info",
  "plan-subtotal-mismatch": "warning",
  "year-not-found": "warning",
  "amount-direction-unknown": "warning",
  "plan-kind-unknown": "warning",
  "sheet-not-found": "warning",
  "missing-date": "warning",
  "double-entry-journal": "info",
  "ledger-sheets-overlap": "warning",
  "internal-error": "error",
} as const satisfies Record<string, Severity>;

export type ReadRule = keyof typeof READ_RULES;

/** "明细账!F7": how a cell is named in messages. Sheet names with spaces or symbols are quoted as Excel does. */
export function cellName(ref: SourceRef): string {
  const quoted = /^[\p{L}\p{N}_]+$/u.test(ref.sheet) ? ref.sheet : `'${ref.sheet.replace(/'/g, "''")}'`;
  return `${quoted}!${ref.address}`;
}

export function finding(rule: ReadRule, locations: SourceRef[], params: Record<string, string | number> = {}): Finding {
  const first = locations[0];
  const where: Record<string, string | number> = first
    ? { cell: cellName(first), sheet: first.sheet, address: first.address, row: first.row }
    : {};
  return { rule, severity: READ_RULES[rule], params: { ...where, ...params }, locations };
}
