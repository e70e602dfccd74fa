/**
 * Grouping of ledger rows that read alike. The classifiers and the plan matcher are pure functions of an entry's
 * texts and account (summary, note, plan item, fund category, 科目/子科目 texts, account code and path), and a
 * ledger repeats the same rows thousands of times ("会费收入", "张三生日蛋糕券"), so callers memoise their answers
 * per group. Absent texts count as empty ("" and undefined read alike).
 *
 * Why nested Maps rather than one joined key string per row: a joined key is a new string on every row, which
 * must be built, flattened and hashed; the cell texts themselves are looked up as they are, and V8 keeps a
 * string's hash once computed. On a 100k-row ledger this is several times faster.
 */
import type { AccountRef, Entry } from "../model/types";

type Level = Map<string, unknown>;

/** The account's part of the key: code and path (a local detail account extends the chart's path). */
function accountKeyOf(cache: WeakMap<AccountRef, string>, a: AccountRef | undefined): string {
  if (!a) return "\u0001";
  let k = cache.get(a); // the reader shares one AccountRef per distinct 科目 text, so this is computed rarely
  if (k === undefined) cache.set(a, (k = `${a.code}\u0001${a.path.join("/")}`));
  return k;
}

/**
 * A function giving each entry the record of its group: entries with the same texts and account get the same
 * record, made by `create` the first time the group is seen. One grouper per run: records hold memoised answers.
 */
export function entryGrouper<T>(create: () => T): (e: Entry) => T {
  const root: Level = new Map();
  const accountKeys = new WeakMap<AccountRef, string>();
  const step = (level: Level, key: string): Level => {
    let next = level.get(key) as Level | undefined;
    if (!next) level.set(key, (next = new Map()));
    return next;
  };
  return (e) => {
    let level = step(root, e.summary ?? "");
    level = step(level, e.note ?? "");
    level = step(level, e.planItem ?? "");
    level = step(level, e.fundCategory ?? "");
    level = step(level, e.accountText ?? "");
    level = step(level, e.subAccountText ?? "");
    const last = accountKeyOf(accountKeys, e.account);
    let record = level.get(last) as T | undefined;
    if (record === undefined) level.set(last, (record = create()));
    return record;
  };
}
