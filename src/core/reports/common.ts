/** Small helpers the report models share. */
import type { Entry } from "../model/types";
import type { Period } from "../model/period";
import { monthOf, yearOf } from "../model/dates";

/** Month numbers (1..12) a period covers, in order. A period spanning years lists each month once. */
export function monthsOf(period: Period): number[] {
  const months: number[] = [];
  let y = yearOf(period.start);
  let m = monthOf(period.start);
  const endY = yearOf(period.end);
  const endM = monthOf(period.end);
  while (y < endY || (y === endY && m <= endM)) {
    if (!months.includes(m)) months.push(m);
    m += 1;
    if (m > 12) {
      m = 1;
      y += 1;
    }
  }
  return months;
}

/**
 * monthOf with a memo per date text: the reports ask the month of every payment, and a ledger has a few hundred
 * distinct dates over tens of thousands of rows (monthOf validates the text with a regular expression).
 */
export function memoMonthOf(): (iso: string) => number {
  const memo = new Map<string, number>();
  return (iso) => {
    let m = memo.get(iso);
    if (m === undefined) memo.set(iso, (m = monthOf(iso)));
    return m;
  };
}

/** Where an entry's money is in the books, as the treasurer would type it: "明细账!F12". */
export function cellLabel(e: Entry): string {
  const ref = e.cells.expense ?? e.cells.income ?? e.cells.amount ?? e.cells.summary;
  const address = ref?.address ?? `A${e.row}`;
  return `${ref?.sheet ?? e.sheet}!${address}`;
}
