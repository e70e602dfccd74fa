/**
 * One classification pass shared by every report of a run. The hardship and welfare summaries, the disclosure's
 * private-name list and its major items all ask "is this row hardship aid / which welfare occasion" of every
 * row; the classifiers normalise several texts per call, which dominated `report` on big ledgers (seconds on
 * 100k rows). The answers are pure functions of a row's texts and account (see entryGrouper), so they are
 * memoised per group of alike rows; the spending test (expense > 0) is read from the row itself each time.
 *
 * The row's flow (amounts) is memoised per row, not per group.
 *
 * A classifier lives for one call of renderAll (or one report function when none is passed), never across runs:
 * a union may add keywords at start-up, and a long-lived memo would not see them.
 */
import type { Entry } from "../model/types";
import { entryGrouper } from "../classify/entry-key";
import { hardshipAidType, type HardshipAidType } from "../classify/hardship";
import { welfareOccasion, type WelfareOccasion } from "../classify/welfare";
import { isInternalTransfer } from "../classify/transfer";
import { entryFlow, type Flow } from "../match/flow";

export interface ReportClassifier {
  /** hardshipAidType, memoised. */
  hardship(e: Entry): HardshipAidType | undefined;
  /** welfareOccasion, memoised. */
  occasion(e: Entry): WelfareOccasion | undefined;
  /** isInternalTransfer, memoised. */
  isTransfer(e: Entry): boolean;
  /** budgetFlow (the row's income or spending, none for a transfer), with the memoised transfer test. */
  flow(e: Entry): Flow | undefined;
  /** The group record of alike rows, for matchToPlan's memo (same grouping). */
  groupOf(e: Entry): object;
}

/** null = computed, none; undefined = not computed yet. */
interface Classes {
  hardship?: HardshipAidType | null;
  occasion?: WelfareOccasion | null;
  transfer?: boolean;
}

/** Per row: its group's record and its flow, so each report's questions about the row cost one Map lookup. */
interface Row {
  classes: Classes;
  /** null = computed, none (a transfer or neither income nor expenditure). */
  flow?: Flow | null;
}

export function reportClassifier(): ReportClassifier {
  const grouper = entryGrouper<Classes>(() => ({}));
  // Every report walks every row and asks several questions of it; finding the group compares the row's texts,
  // so it is done once per row. Rows are kept by their position in the ledger (an array, not a Map keyed by the
  // entry object: at 100k rows the Map cost more than it saved); the entry is kept too, so a different entry
  // with the same index (another ledger) is looked up afresh rather than given another row's answers.
  const rows: (Row & { entry: Entry })[] = [];
  const rowOf = (e: Entry): Row => {
    const row = rows[e.index];
    if (row !== undefined && row.entry === e) return row;
    const fresh = { entry: e, classes: grouper(e) };
    if (Number.isInteger(e.index) && e.index >= 0 && e.index < 1 << 26) rows[e.index] = fresh;
    return fresh;
  };
  const groupOf = (e: Entry): Classes => rowOf(e).classes;
  const isTransfer = (e: Entry): boolean => {
    const c = groupOf(e);
    return (c.transfer ??= isInternalTransfer(e));
  };
  return {
    hardship(e) {
      if (!(e.expense > 0)) return undefined;
      const c = groupOf(e);
      if (c.hardship === undefined) c.hardship = hardshipAidType(e) ?? null;
      return c.hardship ?? undefined;
    },
    occasion(e) {
      if (!(e.expense > 0)) return undefined;
      const c = groupOf(e);
      if (c.occasion === undefined) c.occasion = welfareOccasion(e) ?? null;
      return c.occasion ?? undefined;
    },
    isTransfer,
    // The same Flow object for a row every time: callers only read it.
    flow(e) {
      const row = rowOf(e);
      if (row.flow === undefined) row.flow = (isTransfer(e) ? undefined : entryFlow(e)) ?? null;
      return row.flow ?? undefined;
    },
    groupOf,
  };
}
