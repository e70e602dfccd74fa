/**
 * Tests read like the books: write a sheet as an inline 2-D table and get a snapshot.
 *   const wb = workbook(sheet("明细账", [["日期","摘要","收入","支出"], ["2025-01-05","会费",1200,null]]));
 */
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/types";

export function sheet(name: string, rows: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot {
  return { name, values: rows, ...extra };
}

export function workbook(...sheets: SheetSnapshot[]): WorkbookSnapshot {
  return { sheets };
}
