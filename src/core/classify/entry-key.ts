/**
 * Grouping of ledger rows that read alike. The classifiers and the plan matcher are pure functions of an entry's
 * texts and account (summary, note, plan item, fund category, 科目/子科目 texts, account code and path), and a
 * ledger repeats the same rows thousands of times ("会费收入", "张三生日蛋糕券"), so callers memoise their answers
 * per group. Absent texts count as empty ("" and undefined read alike).
 *
 * Why not one joined key string per row: a joined key is a new string on every row, which must be built,
 * flattened and hashed. Rows are looked up by their summary (one Map lookup; V8 keeps a string's hash once
 * computed), then compared field by field with the few variants seen under that summary (a summary nearly always
 * comes with the same plan item and account, so this is one comparison of a handful of short strings). A summary
 * with many variants falls back to a joined key, so a pathological ledger cannot make the scan long.
 */
import type { AccountRef, Entry } from "../model/types";

/** The account's part of the key: code and path (a local detail account extends the chart's path). */
function accountKeyOf(cache: WeakMap<AccountRef, string>, a: AccountRef | undefined): string {
  if (!a) return "\u0001";
  let k = cache.get(a); // the reader shares one AccountRef per distinct 科目 text, so this is computed rarely
  if (k === undefined) cache.set(a, (k = `${a.code}\u0001${a.path.join("/")}`));
  return k;
}

/** One group under a summary: its other texts and account, and its record. */
interface Variant {
  note: string;
  planItem: string;
  fundCategory: string;
  accountText: string;
  subAccountText: string;
  account: AccountRef | undefined;
  accountKey: string;
  group: number;
}

/** The groups of one summary: scanned while few, then found by a joined key. */
interface Slot {
  variants: Variant[];
  byKey: Map<string, number> | undefined;
}

/** Past this many variants of one summary, further ones are found by a joined key rather than by a scan. */
const SCAN_LIMIT = 8;

/**
 * Numbers the groups of alike entries: entries with the same texts and account get the same number, 0, 1, 2… in
 * order of first sight (`size` is the count so far). One grouper per run. A class rather than a closure, so that a
 * caller's optimised code keeps calling the same function from one run to the next (a new closure per run is a new
 * call target, and V8 discards code compiled for the old one).
 */
export class EntryGrouper {
  private readonly root = new Map<string, Slot>();
  private readonly accountKeys = new WeakMap<AccountRef, string>();
  /** How many groups have been seen. */
  size = 0;

  groupOf(e: Entry): number {
    const summary = e.summary ?? "";
    const note = e.note ?? "";
    const planItem = e.planItem ?? "";
    const fundCategory = e.fundCategory ?? "";
    const accountText = e.accountText ?? "";
    const subAccountText = e.subAccountText ?? "";
    const account = e.account;
    let slot = this.root.get(summary);
    if (!slot) this.root.set(summary, (slot = { variants: [], byKey: undefined }));
    const variants = slot.variants;
    let accountKey: string | undefined;
    for (let i = 0; i < variants.length; i++) {
      const v = variants[i];
      if (v.note !== note || v.planItem !== planItem || v.fundCategory !== fundCategory || v.accountText !== accountText || v.subAccountText !== subAccountText) continue;
      if (v.account === account || v.accountKey === (accountKey ??= accountKeyOf(this.accountKeys, account))) return v.group;
    }
    accountKey ??= accountKeyOf(this.accountKeys, account);
    if (variants.length < SCAN_LIMIT) {
      const group = this.size++;
      variants.push({ note, planItem, fundCategory, accountText, subAccountText, account, accountKey, group });
      return group;
    }
    const key = `${note}\u0000${planItem}\u0000${fundCategory}\u0000${accountText}\u0000${subAccountText}\u0000${accountKey}`;
    const byKey = (slot.byKey ??= new Map());
    let group = byKey.get(key);
    if (group === undefined) byKey.set(key, (group = this.size++));
    return group;
  }
}

/**
 * A function giving each entry the record of its group: entries with the same texts and account get the same
 * record, made by `create` the first time the group is seen. One grouper per run: records hold memoised answers.
 */
export function entryGrouper<T>(create: () => T): (e: Entry) => T {
  const grouper = new EntryGrouper();
  const records: T[] = [];
  return (e) => {
    const group = grouper.groupOf(e);
    // Groups are numbered in order of first sight: a new one is records.length.
    if (group === records.length) records.push(create());
    return records[group];
  };
}
