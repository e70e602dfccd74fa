/**
 * Two ledger sheets that record the same business: a 收支明细账 kept beside the cash and bank journals it was
 * copied from, or a sheet duplicated to start a new version. Every ledger sheet is read, so their income and
 * expense would be counted twice, and every budget figure with them. The reader cannot know which sheet the
 * treasurer means, so it says so, with the rows, and the treasurer chooses.
 *
 * Evidence: rows with the same date and the same amount on the same side, for at least half of the smaller sheet's
 * rows (three at least). A cash journal and a bank journal share only their transfers (提现: money in on one, out
 * on the other, so on opposite sides); month sheets have no dates in common, so they are not even compared.
 */
import type { Entry, Finding } from "../model/types";
import { amountCell } from "../model/entry-cells";
import { finding } from "./findings";

/** Rows with a date and an amount: the only ones that can be told to be the same business. */
function comparable(e: Entry): boolean {
  return e.date !== undefined && (e.income !== 0 || e.expense !== 0);
}

const keyOf = (e: Entry) => `${e.date}|${e.income}|${e.expense}`;

interface SheetRows {
  name: string;
  rows: Entry[];
  first: string;
  last: string;
}

function sheetsOf(entries: readonly Entry[]): SheetRows[] {
  const byName = new Map<string, SheetRows>();
  for (const e of entries) {
    if (!comparable(e)) continue;
    const date = e.date!;
    let s = byName.get(e.sheet);
    if (!s) byName.set(e.sheet, (s = { name: e.sheet, rows: [], first: date, last: date }));
    s.rows.push(e);
    if (date < s.first) s.first = date;
    if (date > s.last) s.last = date;
  }
  return [...byName.values()];
}

/** The rows of `larger` that repeat a row of `smaller` (each row of `smaller` repeated at most once). */
function repeatedRows(smaller: SheetRows, larger: SheetRows): Entry[] {
  const counts = new Map<string, number>();
  for (const e of smaller.rows) {
    const k = keyOf(e);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  const repeated: Entry[] = [];
  for (const e of larger.rows) {
    const k = keyOf(e);
    const n = counts.get(k);
    if (!n) continue;
    counts.set(k, n - 1);
    repeated.push(e);
  }
  return repeated;
}

/** One warning per pair of ledger sheets that look like the same business written twice. */
export function overlappingSheets(entries: readonly Entry[]): Finding[] {
  const sheets = sheetsOf(entries);
  const out: Finding[] = [];
  for (let i = 0; i < sheets.length; i++) {
    for (let j = i + 1; j < sheets.length; j++) {
      const a = sheets[i];
      const b = sheets[j];
      if (a.last < b.first || b.last < a.first) continue; // no date in common
      const [smaller, larger] = a.rows.length <= b.rows.length ? [a, b] : [b, a];
      const repeated = repeatedRows(smaller, larger);
      if (repeated.length < 3 || repeated.length * 2 < smaller.rows.length) continue;
      out.push(finding("ledger-sheets-overlap", repeated.map(amountCell), { first: a.name, second: b.name, count: repeated.length, rows: smaller.rows.length }));
    }
  }
  return out;
}
