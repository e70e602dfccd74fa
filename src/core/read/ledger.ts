/**
 * One ledger sheet -> entries, subtotal rows and findings, given its column mapping.
 *
 * Layouts handled: one date column, or 月/日 columns (year from the title, the sheet name or the plan; a blank
 * 月 carries the month down); 收入/支出 or 借方/贷方 columns (a cash or bank journal's 借方 is money in);
 * one 金额 column with a 借或贷/收支 direction, or signed; a 余额 column. Subtotal and carry rows are kept
 * apart. Runs once per row with no regex compiled per row and no look-back, so it stays linear on 1M rows.
 */
import type { AccountRef, CellValue, Entry, Finding, LedgerField, SourceRef, SubtotalRow } from "../model/types";
import { isExcelError, parseMoney, type MoneyParse } from "../model/money";
import { parseDate, parseMonthDay } from "../model/dates";
import { resolveAccount } from "../model/accounts";
import { columnLetters } from "./a1";
import { finding } from "./findings";
import { cellText, isBlank, type Grid } from "./grid";
import { classifySubtotal, directionOf, type SubtotalLabel } from "./keywords";
import { normalizeHeader } from "./normalize";

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

export function readLedgerSheet(input: LedgerSheetInput, accountCache: AccountCache = new Map()): LedgerSheetResult {
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
  const hasInOut = slotOf.income !== undefined || slotOf.expense !== undefined;
  const amountSlots = [slotOf.income, slotOf.expense, slotOf.amount].filter((s): s is FieldSlot => !!s);
  // Subtotal labels sit in the summary or in the cells left of the money ("本月合计" typed under 日期).
  const firstMoneyColumn = Math.min(...amountSlots.map((s) => s.column), grid.right + 1);
  const labelOf = (f: LedgerField) => input.labels[f] ?? f;

  const ref = (slot: FieldSlot, row: number): SourceRef => ({
    sheet: sheetName, row, column: slot.column, address: slot.letters + row,
  });

  const resolve = (text: string | undefined, sub: string | undefined): AccountRef | undefined => {
    const key = `${text ?? ""}\u0000${sub ?? ""}`;
    let hit = accountCache.get(key);
    if (hit === undefined) {
      hit = resolveAccount(text, sub) ?? null;
      accountCache.set(key, hit);
    }
    return hit ?? undefined;
  };

  let lastMonth: number | undefined;
  let lastIso: string | undefined;
  let yearWarned = false;

  for (let row = input.dataStart; row <= grid.bottom; row++) {
    const values = grid.rowValues(row);
    if (!values) continue;

    // Blank in every mapped column: a separator row.
    let anyValue = false;
    for (const s of slots) {
      if (!isBlank(values[s.index] ?? null)) {
        anyValue = true;
        break;
      }
    }
    if (!anyValue) continue;

    const rowFindings: Finding[] = [];
    const get = (slot: FieldSlot | undefined): CellValue => {
      if (!slot) return null;
      const v = values[slot.index];
      if (v === undefined || v === null) return null;
      if (isErrorValue(v)) return null; // reported once below as error-cell
      return v;
    };
    for (const s of slots) {
      const v = values[s.index];
      if (v !== undefined && v !== null && isErrorValue(v)) {
        rowFindings.push(finding("error-cell", [ref(s, row)], { value: v.trim(), column: labelOf(s.field) }));
      }
    }

    // Footer signature lines.
    const summaryRaw = cellText(get(slotOf.summary));
    const firstText = firstTextLeftOf(values, grid.left, firstMoneyColumn);
    if (FOOTER.test(firstText) && !hasMoney(values, amountSlots)) continue;

    // Subtotal or carry row?
    let sub: SubtotalLabel | undefined = summaryRaw ? classifySubtotal(summaryRaw) : undefined;
    let subLabel = summaryRaw;
    if (!sub) {
      for (let c = grid.left; c < firstMoneyColumn; c++) {
        const v = values[c - grid.left];
        if (typeof v !== "string" || v === summaryRaw) continue;
        const k = classifySubtotal(v.trim());
        if (k) {
          sub = k;
          subLabel = v.trim();
          break;
        }
      }
    }

    // Money cells.
    const money = (slot: FieldSlot | undefined): MoneyParse | undefined => {
      if (!slot) return undefined;
      const v = get(slot);
      return parseMoney(v);
    };
    const inP = money(slotOf.income);
    const outP = money(slotOf.expense);
    const amtP = money(slotOf.amount);
    const balP = money(slotOf.balance);

    // A header repeated on a later printed page: its money cells hold the header words.
    if (isRepeatedHeader(values, slots, input.headerLabels, [inP, outP, amtP, balP])) continue;

    let failedMoney = false;
    const check = (p: MoneyParse | undefined, slot: FieldSlot | undefined): number | undefined => {
      if (!p || !slot) return undefined;
      if (p.ok) return p.empty ? undefined : p.fen;
      failedMoney = true;
      rowFindings.push(finding("unparseable-amount", [ref(slot, row)], {
        value: p.raw, column: labelOf(slot.field), reason: p.reason,
      }));
      return undefined;
    };
    const income = check(inP, slotOf.income);
    const expense = check(outP, slotOf.expense);
    const amount = check(amtP, slotOf.amount);
    const balance = check(balP, slotOf.balance);

    // Cells of this row, for findings downstream.
    const cells: Partial<Record<LedgerField, SourceRef>> = {};
    for (const s of slots) cells[s.field] = ref(s, row);

    // Date.
    let iso: string | undefined;
    let dateFailed = false;
    let dateBlank = false;
    if (slotOf.date) {
      const v = get(slotOf.date);
      const p = parseDate(v, { numberFormat: grid.numberFormat(row, slotOf.date.column), defaultYear: input.year });
      if (p.ok && !p.empty) iso = p.iso;
      else if (p.ok) dateBlank = true;
      else if (p.reason !== "error") {
        // A subtotal label typed in the date column is not a bad date.
        if (!(sub && typeof v === "string" && v.trim() === subLabel)) {
          dateFailed = true;
          rowFindings.push(finding("unparseable-date", [ref(slotOf.date, row)], { value: p.raw, reason: p.reason }));
        }
      }
    } else if (slotOf.month || slotOf.day) {
      let m = get(slotOf.month);
      const d = get(slotOf.day);
      const y = slotOf.year ? Number(cellText(get(slotOf.year)).replace(/年$/, "")) || input.year : input.year;
      if (isBlank(m) && !isBlank(d)) m = lastMonth ?? input.sheetMonth ?? null; // month carried down
      if (isBlank(m) && isBlank(d)) dateBlank = true;
      else if (y === undefined) {
        if (!yearWarned) {
          yearWarned = true;
          const at = slotOf.month ?? slotOf.day!;
          findings.push(finding("year-not-found", [ref(at, row)], {}));
        }
      } else {
        const p = parseMonthDay(m, d, y);
        if (p.ok && !p.empty) iso = p.iso;
        else if (p.ok) dateBlank = true;
        else if (p.reason !== "error" && !(sub && (m === subLabel || d === subLabel))) {
          dateFailed = true;
          const at = slotOf.month && !isBlank(values[slotOf.month.index] ?? null) && typeof m !== "number" && !/^\d{1,2}月?$/.test(cellText(m)) ? slotOf.month : (slotOf.day ?? slotOf.month!);
          rowFindings.push(finding("unparseable-date", [ref(at, row)], { value: p.raw, reason: p.reason }));
        }
      }
    }
    if (iso) {
      lastMonth = Number(iso.slice(5, 7));
      lastIso = iso;
    }

    if (sub) {
      const st: SubtotalRow = { kind: sub.kind, label: subLabel, sheet: sheetName, row, cells };
      const month = sub.month ?? (iso ? Number(iso.slice(5, 7)) : lastMonth ?? input.sheetMonth);
      if (month !== undefined && sub.kind !== "opening") st.month = month;
      if (hasInOut) {
        if (income !== undefined) st.income = income;
        if (expense !== undefined) st.expense = expense;
      } else if (amount !== undefined) {
        const dir = directionOf(cellText(get(slotOf.direction)));
        if (dir === "out") st.expense = amount;
        else st.income = amount;
      }
      if (balance !== undefined) st.balance = balance;
      subtotals.push(st);
      findings.push(...rowFindings);
      if (sub.kind === "opening" && !opening) {
        if (balance !== undefined) opening = { amount: balance, source: ref(slotOf.balance!, row) };
        else if (income !== undefined || expense !== undefined) {
          opening = { amount: (income ?? 0) - (expense ?? 0), source: ref(income !== undefined ? slotOf.income! : slotOf.expense!, row) };
        } else if (amount !== undefined) opening = { amount, source: ref(slotOf.amount!, row) };
      }
      continue;
    }

    // An entry.
    const entry: Entry = { index: 0, sheet: sheetName, row, summary: summaryRaw, income: 0, expense: 0, cells };
    for (const f of TEXT_FIELDS) {
      if (f === "summary") continue;
      const slot = slotOf[f];
      if (!slot) continue;
      const text = cellText(get(slot));
      if (!text) continue;
      switch (f) {
        case "account": entry.accountText = text; break;
        case "subAccount": entry.subAccountText = text; break;
        default: entry[f] = text;
      }
    }
    if (iso) entry.date = iso;
    else if (dateBlank && lastIso && !dateFailed) entry.date = lastIso; // same day as the row above, as hand-kept books do
    if (balance !== undefined) entry.balance = balance;

    // Account.
    if (entry.accountText || entry.subAccountText) {
      const acc = resolve(entry.accountText, entry.subAccountText);
      if (acc) entry.account = acc;
      else {
        const at = entry.accountText ? slotOf.account! : slotOf.subAccount!;
        rowFindings.push(finding("unknown-account", [ref(at, row)], {
          value: [entry.accountText, entry.subAccountText].filter(Boolean).join(" / "),
        }));
      }
    } else if (!slotOf.account && entry.planItem) {
      // Books without a 科目 column often name the category in 项目; use it when it is an account.
      const acc = resolve(entry.planItem, undefined);
      if (acc) entry.account = acc;
    }

    // Money in and out.
    if (hasInOut) {
      entry.income = income ?? 0;
      entry.expense = expense ?? 0;
    } else if (amount !== undefined) {
      const dirText = cellText(get(slotOf.direction));
      const dir = dirText ? directionOf(dirText) : undefined;
      if (dir === "in") entry.income = amount;
      else if (dir === "out") entry.expense = amount;
      else {
        // No usable direction: the account's kind decides; else a signed amount (negative = money out).
        const kind = entry.account?.kind;
        if (amount < 0) entry.expense = -amount;
        else if (kind === "expense") entry.expense = amount;
        else entry.income = amount;
        if (slotOf.direction && kind !== "expense" && kind !== "income") {
          rowFindings.push(finding("amount-direction-unknown", [ref(slotOf.direction, row)], {
            value: dirText, taken: amount < 0 ? "expense" : "income",
          }));
        }
      }
    }

    const noAmount = income === undefined && expense === undefined && amount === undefined && !failedMoney;
    if (noAmount) {
      const at = amountSlots[0] ?? slotOf.summary ?? slots[0];
      rowFindings.push(finding("row-without-amount", [ref(at, row)], { summary: summaryRaw }));
    }
    if (!entry.date && !dateFailed && !noAmount) {
      const at = slotOf.date ?? slotOf.month ?? slotOf.day;
      if (at && !(slotOf.month && input.year === undefined)) rowFindings.push(finding("missing-date", [ref(at, row)], { summary: summaryRaw }));
    }
    if (entry.date) {
      const y = Number(entry.date.slice(0, 4));
      yearCounts.set(y, (yearCounts.get(y) ?? 0) + 1);
    }
    entries.push(entry);
    for (const f of rowFindings) findings.push(f);
  }
  return { entries, subtotals, findings, opening, yearCounts };
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

/** True when the row's unreadable money cells hold the same words as the header above them. */
function isRepeatedHeader(
  values: CellValue[],
  slots: FieldSlot[],
  headerLabels: Map<number, string>,
  parses: (MoneyParse | undefined)[],
): boolean {
  if (!parses.some((p) => p && !p.ok && p.reason === "text")) return false;
  let same = 0;
  for (const s of slots) {
    const label = headerLabels.get(s.column);
    const v = values[s.index];
    if (label && typeof v === "string" && normalizeHeader(v) === label) same++;
  }
  return same >= 2;
}

