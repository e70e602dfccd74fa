/**
 * One ledger sheet -> entries, subtotal rows and findings, given its column mapping.
 *
 * Layouts handled: one date column, or 月/日 columns (year from the title, the sheet name or the plan; a blank
 * 月 carries the month down); 收入/支出 or 借方/贷方 columns (a cash or bank journal's 借方 is money in);
 * one 金额 column with a 借或贷/收支 direction, or signed; a 余额 column. Subtotal and carry rows are kept
 * apart. Runs once per row with no regex compiled per row and no look-back, so it stays linear on 1M rows.
 */
import type { AccountRef, CellValue, Entry, Finding, LedgerField, SourceRef, SubtotalRow } from "../model/types";
import { isExcelError, parseMoney, plainAmountFen, type MoneyParse } from "../model/money";
import type { DateParse } from "../model/dates";
import { parseDate, parseMonthDay } from "../model/dates";
import { resolveAccount } from "../model/accounts";
import { columnLetters } from "../model/a1";
import { finding } from "./findings";
import { cellText, isBlank, type Grid } from "./grid";
import { classifySubtotal, directionOf, hasSubtotalHint, type SubtotalLabel } from "./keywords";
import { normalizeHeader } from "./normalize";
import { cellsFactory } from "./lazy-cells";

export interface LedgerSheetInput {
  grid: Grid;
  /** Field -> 1-based sheet column. */
  columns: Partial<Record<LedgerField, number>>;
  /** First sheet row of data (after the header). */
  dataStart: number;
  /** Normalised header text per sheet column, to skip a header repeated on a later printed page. */
  headerLabels: Map<number, string>;
  /** The book's year for 月/日 layouts and for dates written without a year. */
  year?: number;
  /** Month from the sheet name ("3月"), for sheets that keep only a 日 column. */
  sheetMonth?: number;
  /** Human label of each mapped column, for messages. */
  labels: Partial<Record<LedgerField, string>>;
}

export interface LedgerSheetResult {
  entries: Entry[];
  subtotals: SubtotalRow[];
  findings: Finding[];
  opening?: { amount: number; source: SourceRef };
  /** How many dated entries fell in each year, to tell the ledger's year. */
  yearCounts: Map<number, number>;
}

const TEXT_FIELDS = [
  "voucher", "summary", "account", "subAccount", "planItem", "direction", "counterparty", "memberId", "paymentMethod",
  "fundCategory", "relation", "approval", "note",
] as const satisfies readonly LedgerField[];

/** Signature lines under a ledger ("制表人：", "审核：") are not bookkeeping rows. */
const FOOTER = /^(制表|审核|复核|记账|出纳|会计|主管|负责人|经办|财务负责人|工会主席|经审|填表|单位负责人)(人|员)?\s*[:：]/;

/** The first characters FOOTER can match, to skip its test on the usual row (its first text is a date). */
const FOOTER_FIRST: ReadonlySet<number> = new Set(Array.from("制审复记出会主负经财工填单", (c) => c.charCodeAt(0)));

/** The columns a date is read from: any of them unreadable makes the entry's "date" unreadable. */
const DATE_PARTS: ReadonlySet<LedgerField> = new Set<LedgerField>(["date", "year", "month", "day"]);

type AccountCache = Map<string, AccountRef | null>;

interface FieldSlot {
  field: LedgerField;
  column: number;
  /** Index into the row's values array. */
  index: number;
  letters: string;
}

function isErrorValue(v: CellValue): v is string {
  return typeof v === "string" && v.length > 1 && (v.charCodeAt(0) === 35 || v.charCodeAt(0) === 0xff03) && isExcelError(v);
}

/** A money cell that could not be read: the parse failure, for the finding. */
type MoneyFailure = Extract<MoneyParse, { ok: false }>;

/**
 * Money cells on the hot path, without allocating: fen, `undefined` for a blank cell, or the failure.
 * A number that is already a whole number of fen (1200, 350.5, 0.1 + 0.2) is taken as is: no rounding is
 * involved, so this is not a second rounding rule. Everything else, including half-fen values that need the one
 * rounding rule, and every text, goes through parseMoney.
 */
function readMoneyCell(v: CellValue): number | undefined | MoneyFailure {
  // A blank CSV cell is "": blank, as parseMoney says, without its full text path.
  if (v === null || v === "") return undefined;
  if (typeof v === "string") {
    // The usual typed amount ("2255.43"): parseMoney's own first step, without its result object.
    const fen = plainAmountFen(v);
    if (fen !== undefined) return fen;
  }
  if (typeof v === "number") {
    const scaled = v * 100;
    const fen = Math.round(scaled);
    if (Math.abs(scaled - fen) < 1e-6 && Math.abs(fen) < 1e15) return fen + 0;
  }
  const p = parseMoney(v);
  if (!p.ok) return p;
  return p.empty ? undefined : p.fen;
}

/** Adds a field to a row's unreadable list (date parts count as the entry's "date"). */
function withUnreadable(list: LedgerField[] | undefined, field: LedgerField): LedgerField[] {
  const f = DATE_PARTS.has(field) ? "date" : field;
  if (!list) return [f];
  if (!list.includes(f)) list.push(f);
  return list;
}

function resolveCached(cache: AccountCache, text: string | undefined, sub: string | undefined): AccountRef | undefined {
  const key = sub ? `${text ?? ""}\u0000${sub}` : (text ?? "");
  let hit = cache.get(key);
  if (hit === undefined) {
    hit = resolveAccount(text, sub) ?? null;
    cache.set(key, hit);
  }
  return hit ?? undefined;
}

/** A mapped cell's value, with Excel errors read as blank (they are reported once per cell as error-cell). */
function valueAt(values: CellValue[], slot: FieldSlot | undefined): CellValue {
  if (!slot) return null;
  const v = values[slot.index];
  if (v === undefined || v === null || isErrorValue(v)) return null;
  return v;
}

function refAt(sheet: string, slot: FieldSlot, row: number): SourceRef {
  return { sheet, row, column: slot.column, address: slot.letters + row };
}

/**
 * One string per distinct text of a column: accounts, plan items, payment methods, payees and narrations repeat
 * down a ledger, and entries sharing one copy instead of a fresh string per cell is what keeps a million-row
 * ledger's books within memory (the fresh copies die young, which is cheap for the garbage collector). A column
 * whose texts keep being new (voucher numbers) stops being interned once it has shown `limit` distinct texts:
 * there the lookups would cost time and save nothing.
 */
export interface TextInterner {
  (field: LedgerField, text: string): string;
  /** The same interning for one field, without looking the field up on every call (the reader's hot loop). */
  field(field: LedgerField): (text: string) => string;
}

export function textInterner(limit = 2048): TextInterner {
  const byField = new Map<LedgerField, (text: string) => string>();
  const field = (f: LedgerField): ((text: string) => string) => {
    let fn = byField.get(f);
    if (fn) return fn;
    let seen: Map<string, string> | null = new Map();
    // The last text and its kept copy: a column often repeats the row above (a payment method, an account), and
    // comparing two short texts is cheaper than hashing a fresh one for the map.
    let last: string | undefined;
    let lastKept = "";
    fn = (text) => {
      if (seen === null) return text;
      if (text === last) return lastKept;
      let kept = seen.get(text);
      if (kept === undefined) {
        if (seen.size >= limit) {
          seen = null;
          return text;
        }
        kept = ownCopy(text);
        seen.set(kept, kept);
      }
      last = text;
      lastKept = kept;
      return kept;
    };
    byField.set(f, fn);
    return fn;
  };
  const intern = ((f: LedgerField, text: string) => field(f)(text)) as TextInterner;
  intern.field = field;
  return intern;
}

/**
 * A copy of a text that does not keep the text it was cut from alive. V8 represents a long substring (13
 * characters or more) as a view into its parent: a cell split from a CSV line would keep the whole file's text
 * (hundreds of MB on a million rows) in memory for as long as the books live. Joining forces a new flat string.
 */
function ownCopy(text: string): string {
  return text.length < 13 ? text : (" " + text).slice(1);
}

/**
 * Reads one ledger sheet. `firstIndex` is the Entry.index of its first entry (the entries of earlier sheets come
 * first in Ledger.entries).
 */
export function readLedgerSheet(
  input: LedgerSheetInput, accountCache: AccountCache = new Map(), intern = textInterner(), firstIndex = 0,
): LedgerSheetResult {
  const { grid, columns } = input;
  const sheetName = grid.name;
  const findings: Finding[] = [];
  const entries: Entry[] = [];
  const subtotals: SubtotalRow[] = [];
  const yearCounts = new Map<number, number>();
  let opening: LedgerSheetResult["opening"];

  const slots: FieldSlot[] = [];
  const slotOf: Partial<Record<LedgerField, FieldSlot>> = {};
  for (const [field, column] of Object.entries(columns) as [LedgerField, number][]) {
    if (!column || column < 1) continue;
    const slot = { field, column, index: column - grid.left, letters: columnLetters(column) };
    slots.push(slot);
    slotOf[field] = slot;
  }
  slots.sort((a, b) => a.column - b.column);
  const hasInOut = slotOf.income !== undefined || slotOf.expense !== undefined;
  const amountSlots = [slotOf.income, slotOf.expense, slotOf.amount].filter((x): x is FieldSlot => !!x);
  const textSlots = TEXT_FIELDS.map((f) => slotOf[f]).filter((x): x is FieldSlot => !!x && x.field !== "summary");
  const textInterns = textSlots.map((x) => intern.field(x.field));
  const internSummary = intern.field("summary");
  // Subtotal labels sit in the summary or in the cells left of the money ("本月合计" typed under 日期).
  // (grid.right is asked for only when there is no money column: with a row source it costs a pass over the sheet.)
  const firstMoneyColumn = amountSlots.length ? Math.min(...amountSlots.map((x) => x.column)) : grid.right + 1;
  const labelOf = (f: LedgerField) => input.labels[f] ?? f;
  const { income: inSlot, expense: outSlot, amount: amtSlot, balance: balSlot, date: dateSlot, month: monthSlot,
    day: daySlot, year: yearSlot, summary: summarySlot, direction: dirSlot, account: accSlot, subAccount: subSlot } = slotOf;

  let lastMonth: number | undefined;
  let lastIso: string | undefined;
  let yearWarned = false;
  const rowFindings: Finding[] = [];
  // The year of the entries counted since the last change of year, and how many.
  let runYear = 0;
  let runCount = 0;
  // Per cell left of the money: the text of the last row that had one there, and what classifySubtotal said of it.
  const leftLast: (string | undefined)[] = [];
  const leftLastLabel: (SubtotalLabel | undefined)[] = [];
  const makeCells = cellsFactory(sheetName, slots);
  // Dates repeat down a ledger: a date cell's reading, per number format, is computed once.
  const dateCache = new Map<string, Map<CellValue, DateParse>>();
  const readDate = (v: CellValue, numberFormat: string | undefined): DateParse => {
    const key = numberFormat ?? "";
    let byValue = dateCache.get(key);
    if (!byValue) dateCache.set(key, (byValue = new Map()));
    let p = byValue.get(v);
    if (!p) {
      p = parseDate(v, { numberFormat, defaultYear: input.year });
      if (byValue.size < 50_000) byValue.set(v, p);
    }
    return p;
  };

  for (let row = input.dataStart; row <= grid.bottom; row++) {
    const values = grid.rowValues(row);
    if (!values) continue;

    // Blank in every mapped column: a separator row.
    let anyValue = false;
    let anyError = false;
    for (let i = 0; i < slots.length; i++) {
      const v = values[slots[i].index];
      if (v === undefined || v === null) continue;
      if (!anyValue && !isBlank(v)) anyValue = true;
      if (typeof v === "string" && isErrorValue(v)) anyError = true;
    }
    if (!anyValue) continue;

    if (rowFindings.length !== 0) rowFindings.length = 0; // (setting the length of an empty array is not free)
    // Fields of this row whose cell could not be read (Entry.unreadable): checks skip them instead of reporting
    // a second, derived problem. An Excel error in a mapped cell makes that field unreadable too.
    let unreadable: LedgerField[] | undefined;
    if (anyError) {
      for (const x of slots) {
        const v = values[x.index];
        if (typeof v === "string" && isErrorValue(v)) {
          unreadable = withUnreadable(unreadable, x.field);
          rowFindings.push(finding("error-cell", [refAt(sheetName, x, row)], { value: v.trim(), column: labelOf(x.field) }));
        }
      }
    }

    // Footer signature lines.
    const summaryRaw = cellText(valueAt(values, summarySlot));
    const firstText = firstTextLeftOf(values, grid.left, firstMoneyColumn);
    if (firstText && FOOTER_FIRST.has(firstText.charCodeAt(0)) && FOOTER.test(firstText) && !hasMoney(values, amountSlots)) continue;

    // Subtotal or carry row?
    let sub: SubtotalLabel | undefined = summaryRaw ? classifySubtotal(summaryRaw) : undefined;
    let subLabel = summaryRaw;
    if (!sub) {
      for (let c = grid.left; c < firstMoneyColumn; c++) {
        const i = c - grid.left;
        const v = values[i];
        if (typeof v !== "string" || v === summaryRaw) continue;
        // classifySubtotal's own pre-test first (on the untrimmed text: trimming changes no hint character), and the
        // row above's answer when the cell repeats its text (a date down a day's rows): classifySubtotal is pure.
        let k: SubtotalLabel | undefined;
        if (v === leftLast[i]) k = leftLastLabel[i];
        else {
          k = hasSubtotalHint(v) ? classifySubtotal(v.trim()) : undefined;
          leftLast[i] = v;
          leftLastLabel[i] = k;
        }
        if (k) {
          sub = k;
          subLabel = v.trim();
          break;
        }
      }
    }

    // Money cells.
    const inP = inSlot ? readMoneyCell(valueAt(values, inSlot)) : undefined;
    const outP = outSlot ? readMoneyCell(valueAt(values, outSlot)) : undefined;
    const amtP = amtSlot ? readMoneyCell(valueAt(values, amtSlot)) : undefined;
    const balP = balSlot ? readMoneyCell(valueAt(values, balSlot)) : undefined;
    const anyFailed = typeof inP === "object" || typeof outP === "object" || typeof amtP === "object" || typeof balP === "object";
    // A header repeated on a later printed page: its money cells hold the header words.
    if (anyFailed && isRepeatedHeader(values, slots, input.headerLabels)) continue;

    let failedMoney = false;
    if (anyFailed) {
      for (const [p, x] of [[inP, inSlot], [outP, outSlot], [amtP, amtSlot], [balP, balSlot]] as const) {
        if (typeof p === "object" && x) {
          if (x !== balSlot) failedMoney = true;
          unreadable = withUnreadable(unreadable, x.field);
          rowFindings.push(finding("unparseable-amount", [refAt(sheetName, x, row)], {
            value: p.raw, column: labelOf(x.field), reason: p.reason,
          }));
        }
      }
    }
    const income = typeof inP === "number" ? inP : undefined;
    const expense = typeof outP === "number" ? outP : undefined;
    const amount = typeof amtP === "number" ? amtP : undefined;
    const balance = typeof balP === "number" ? balP : undefined;

    // Cells of this row, for findings downstream (SourceRefs built only when asked for).
    const cells = makeCells(row);

    // Date. An Excel error in a date cell (already an error-cell finding) leaves the date unknown: it is not a blank
    // date, which takes the date of the row above, nor a missing one.
    let iso: string | undefined;
    let dateFailed = unreadable !== undefined && unreadable.includes("date");
    let dateBlank = false;
    if (dateFailed) {
      // nothing to read
    } else if (dateSlot) {
      const v = valueAt(values, dateSlot);
      const p = readDate(v, grid.numberFormat(row, dateSlot.column));
      if (p.ok && !p.empty) iso = p.iso;
      else if (p.ok) dateBlank = true;
      else if (p.reason !== "error" && !(sub && typeof v === "string" && v.trim() === subLabel)) {
        // (A subtotal label typed in the date column is not a bad date.)
        dateFailed = true;
        unreadable = withUnreadable(unreadable, "date");
        rowFindings.push(finding("unparseable-date", [refAt(sheetName, dateSlot, row)], { value: p.raw, reason: p.reason }));
      }
    } else if (monthSlot || daySlot) {
      let m = valueAt(values, monthSlot);
      const d = valueAt(values, daySlot);
      const y = yearSlot ? Number(cellText(valueAt(values, yearSlot)).replace(/年$/, "")) || input.year : input.year;
      if (isBlank(m) && !isBlank(d)) m = lastMonth ?? input.sheetMonth ?? null; // month carried down
      if (isBlank(m) && isBlank(d)) dateBlank = true;
      else if (y === undefined) {
        if (!yearWarned) {
          yearWarned = true;
          findings.push(finding("year-not-found", [refAt(sheetName, (monthSlot ?? daySlot)!, row)], {}));
        }
      } else {
        const p = parseMonthDay(m, d, y);
        if (p.ok && !p.empty) iso = p.iso;
        else if (p.ok) dateBlank = true;
        else if (p.reason !== "error" && !(sub && (m === subLabel || d === subLabel))) {
          dateFailed = true;
          unreadable = withUnreadable(unreadable, "date");
          // Point at the month cell when it is the unreadable one, else at the day.
          const monthOk = m === null || typeof m === "number" || /^\s*\d{1,2}\s*月?\s*$/.test(String(m).normalize("NFKC"));
          const at = !monthOk && monthSlot ? monthSlot : (daySlot ?? monthSlot)!;
          rowFindings.push(finding("unparseable-date", [refAt(sheetName, at, row)], { value: p.raw, reason: p.reason }));
        }
      }
    }
    if (iso) {
      lastMonth = isoMonth(iso);
      lastIso = iso;
    }

    if (sub) {
      const st: SubtotalRow = { kind: sub.kind, label: subLabel, sheet: sheetName, row, cells };
      const month = sub.month ?? (iso ? isoMonth(iso) : lastMonth ?? input.sheetMonth);
      if (month !== undefined && sub.kind !== "opening") st.month = month;
      if (hasInOut) {
        if (income !== undefined) st.income = income;
        if (expense !== undefined) st.expense = expense;
      } else if (amount !== undefined) {
        if (directionOf(cellText(valueAt(values, dirSlot))) === "out") st.expense = amount;
        else st.income = amount;
      }
      if (balance !== undefined) st.balance = balance;
      subtotals.push(st);
      for (const f of rowFindings) findings.push(f);
      if (sub.kind === "opening" && !opening) {
        if (balance !== undefined) opening = { amount: balance, source: refAt(sheetName, balSlot!, row) };
        else if (income !== undefined || expense !== undefined) {
          const at = income !== undefined ? inSlot! : outSlot!;
          opening = { amount: (income ?? 0) - (expense ?? 0), source: refAt(sheetName, at, row) };
        } else if (amount !== undefined) opening = { amount, source: refAt(sheetName, amtSlot!, row) };
      }
      continue;
    }

    // An entry. Every field is in the literal (undefined when the row has none), in one order: all entries share
    // one hidden class and keep their fields in the object itself, instead of growing a property store field by
    // field into one of dozens of shapes (slower to build, to collect, and to read in the checks).
    const entry: Entry = {
      index: firstIndex + entries.length, sheet: sheetName, row,
      date: iso ?? (dateBlank ? lastIso : undefined), // a blank date: same day as the row above, as hand-kept books do
      voucher: undefined, summary: internSummary(summaryRaw), accountText: undefined, subAccountText: undefined,
      account: undefined, planItem: undefined, income: 0, expense: 0, balance, direction: undefined,
      counterparty: undefined, memberId: undefined, paymentMethod: undefined, fundCategory: undefined, relation: undefined,
      approval: undefined, note: undefined, cells, unreadable,
    };
    for (let i = 0; i < textSlots.length; i++) {
      const x = textSlots[i];
      const text = cellText(valueAt(values, x));
      if (!text) continue;
      setTextField(entry, x.field as (typeof TEXT_FIELDS)[number], textInterns[i](text));
    }

    // Account.
    if (entry.accountText || entry.subAccountText) {
      const acc = resolveCached(accountCache, entry.accountText, entry.subAccountText);
      if (acc) entry.account = acc;
      else {
        const at = entry.accountText ? accSlot! : subSlot!;
        rowFindings.push(finding("unknown-account", [refAt(sheetName, at, row)], {
          value: [entry.accountText, entry.subAccountText].filter(Boolean).join(" / "),
        }));
      }
    } else if (!accSlot && entry.planItem) {
      // Books without a 科目 column often name the category in 项目; use it when it is an account.
      const acc = resolveCached(accountCache, entry.planItem, undefined);
      if (acc) entry.account = acc;
    }

    // Money in and out.
    if (hasInOut) {
      entry.income = income ?? 0;
      entry.expense = expense ?? 0;
    } else if (amount !== undefined) {
      const dirText = cellText(valueAt(values, dirSlot));
      const dir = dirText ? directionOf(dirText) : undefined;
      if (dir === "in") entry.income = amount;
      else if (dir === "out") entry.expense = amount;
      else {
        // No usable direction: a negative amount is money out; else the account's kind decides.
        const kind = entry.account?.kind;
        if (amount < 0) entry.expense = -amount;
        else if (kind === "expense") entry.expense = amount;
        else entry.income = amount;
        if (dirSlot && kind !== "expense" && kind !== "income") {
          rowFindings.push(finding("amount-direction-unknown", [refAt(sheetName, dirSlot, row)], {
            value: dirText, taken: amount < 0 ? "expense" : "income",
          }));
        }
      }
    }

    const noAmount = income === undefined && expense === undefined && amount === undefined && !failedMoney;
    if (noAmount) {
      const at = amountSlots[0] ?? summarySlot ?? slots[0];
      rowFindings.push(finding("row-without-amount", [refAt(sheetName, at, row)], { summary: summaryRaw }));
    }
    if (!entry.date && !dateFailed && !noAmount) {
      const at = dateSlot ?? monthSlot ?? daySlot;
      if (at && !((monthSlot || daySlot) && input.year === undefined)) {
        rowFindings.push(finding("missing-date", [refAt(sheetName, at, row)], { summary: summaryRaw }));
      }
    }
    if (entry.date) {
      // Counted per run of one year and added to the map when the run ends: the map sees the years in the same
      // order (first run first) with the same counts.
      const y = isoYear(entry.date);
      if (y === runYear) runCount++;
      else {
        if (runCount > 0) yearCounts.set(runYear, (yearCounts.get(runYear) ?? 0) + runCount);
        runYear = y;
        runCount = 1;
      }
    }
    entries.push(entry);
    for (const f of rowFindings) findings.push(f);
  }
  if (runCount > 0) yearCounts.set(runYear, (yearCounts.get(runYear) ?? 0) + runCount);
  return { entries, subtotals, findings, opening, yearCounts };
}

/** One text field of an entry, by name; a switch of plain stores rather than entry[field] keeps the hot loop fast. */
function setTextField(entry: Entry, field: (typeof TEXT_FIELDS)[number], text: string): void {
  switch (field) {
    case "account": entry.accountText = text; break;
    case "subAccount": entry.subAccountText = text; break;
    case "voucher": entry.voucher = text; break;
    case "planItem": entry.planItem = text; break;
    case "direction": entry.direction = text; break;
    case "counterparty": entry.counterparty = text; break;
    case "memberId": entry.memberId = text; break;
    case "paymentMethod": entry.paymentMethod = text; break;
    case "fundCategory": entry.fundCategory = text; break;
    case "relation": entry.relation = text; break;
    case "approval": entry.approval = text; break;
    case "note": entry.note = text; break;
    default: // summary is read apart
  }
}

/** Year and month of an ISO date "2025-03-01", read from its digits (no substring per row). */
function isoYear(iso: string): number {
  return (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
}
function isoMonth(iso: string): number {
  return (iso.charCodeAt(5) - 48) * 10 + (iso.charCodeAt(6) - 48);
}

function firstTextLeftOf(values: CellValue[], left: number, limitColumn: number): string {
  const end = Math.min(values.length, limitColumn - left);
  for (let i = 0; i < end; i++) {
    const v = values[i];
    if (typeof v === "string" && v.trim()) return v.trim();
  }
  return "";
}

function hasMoney(values: CellValue[], amountSlots: FieldSlot[]): boolean {
  for (const s of amountSlots) {
    const v = values[s.index];
    if (typeof v === "number") return true;
    if (typeof v === "string" && /\d/.test(v)) return true;
  }
  return false;
}

/** True when the row's cells hold the same words as the header above them (a header repeated on a new page). */
function isRepeatedHeader(values: CellValue[], slots: FieldSlot[], headerLabels: Map<number, string>): boolean {
  let same = 0;
  for (const x of slots) {
    const label = headerLabels.get(x.column);
    const v = values[x.index];
    if (label && typeof v === "string" && normalizeHeader(v) === label) same++;
  }
  return same >= 2;
}
