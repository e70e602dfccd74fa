/**
 * Pure helpers behind the 账簿 tab: column letters and header labels for the dropdowns, and the edits the user
 * makes to the reading choices. The reader stays the single source of truth: the pane only edits `ReadChoices`
 * and reads the books again with them (cheap: the snapshot is already in memory).
 */
import { columnLetters } from "../core/model/a1";
import type {
  CellValue,
  LedgerField,
  PlanField,
  ReadChoices,
  SheetRoles,
  SheetSnapshot,
} from "../core/model/types";

/** Every ledger field, in the order a treasurer's ledger usually runs left to right. */
export const LEDGER_FIELDS: LedgerField[] = [
  "date", "year", "month", "day", "voucher", "summary", "account", "subAccount", "planItem",
  "income", "expense", "amount", "direction", "balance", "counterparty", "memberId", "paymentMethod",
  "fundCategory", "relation", "approval", "note",
];

/** Shown even when not detected: without them the books cannot be checked. The rest appear when mapped. */
export const COMMON_LEDGER_FIELDS: LedgerField[] = ["date", "voucher", "summary", "account", "income", "expense", "balance"];

export const PLAN_FIELDS: PlanField[] = [
  "kind", "category", "subCategory", "planItem", "budget", "adjustment", "adjustedBudget", "approvalDate", "note",
];

/**
 * A column override of 0 means "the user says this field is not in the sheet": the detected column is dropped.
 * (`ReadChoices` columns are 1-based, so 0 never names a real column.)
 */
export const UNMAPPED = 0;

/** 1 -> "A", 27 -> "AA". */
export function columnLetter(column: number): string {
  return column >= 1 ? columnLetters(Math.floor(column)) : "";
}

export interface ColumnOption {
  column: number;
  letter: string;
  /** The header text above the column (two header rows joined with " / "), "" when blank. */
  label: string;
}

function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return "";
  return String(v).replace(/\s+/g, " ").trim();
}

/** One option per column of the sheet's used range, labelled with its header text. */
export function columnOptions(sheet: SheetSnapshot | undefined, headerRows: number[]): ColumnOption[] {
  if (!sheet) return [];
  const originRow = sheet.origin?.row ?? 1;
  const originCol = sheet.origin?.column ?? 1;
  const width = sheet.values.reduce((w, row) => Math.max(w, row.length), 0);
  const options: ColumnOption[] = [];
  for (let c = 0; c < width; c++) {
    const parts: string[] = [];
    for (const headerRow of headerRows) {
      const text = cellText(sheet.values[headerRow - originRow]?.[c]);
      if (text && !parts.includes(text)) parts.push(text);
    }
    const column = originCol + c;
    options.push({ column, letter: columnLetter(column), label: parts.join(" / ") });
  }
  return options;
}

/** Which ledger fields to list: the common ones, everything mapped, or all of them. */
export function visibleLedgerFields(mapped: Partial<Record<LedgerField, number>>, showAll: boolean): LedgerField[] {
  if (showAll) return LEDGER_FIELDS;
  return LEDGER_FIELDS.filter((f) => COMMON_LEDGER_FIELDS.includes(f) || (mapped[f] ?? 0) > 0);
}

/** Makes the roles explicit in the choices (from what the reader detected) before the user changes them. */
function rolesOf(choices: ReadChoices, current: SheetRoles): SheetRoles {
  return choices.roles ?? { planSheet: current.planSheet, ledgerSheets: [...current.ledgerSheets] };
}

/** The user picked another plan sheet (or none): column overrides of the old plan sheet no longer apply. */
export function withPlanSheet(choices: ReadChoices, current: SheetRoles, planSheet: string | undefined): ReadChoices {
  const roles = rolesOf(choices, current);
  if (roles.planSheet === planSheet) return choices;
  const { planColumns: _dropped, ...rest } = choices;
  return {
    ...rest,
    roles: { planSheet, ledgerSheets: roles.ledgerSheets.filter((s) => s !== planSheet) },
  };
}

/** The user picked the ledger sheets: overrides of sheets no longer read as ledger are dropped. */
export function withLedgerSheets(choices: ReadChoices, current: SheetRoles, ledgerSheets: string[]): ReadChoices {
  const roles = rolesOf(choices, current);
  const kept = Object.fromEntries(
    Object.entries(choices.ledgerColumns ?? {}).filter(([sheet]) => ledgerSheets.includes(sheet)),
  );
  const planSheet = roles.planSheet && ledgerSheets.includes(roles.planSheet) ? undefined : roles.planSheet;
  const next: ReadChoices = { ...choices, roles: { planSheet, ledgerSheets: [...ledgerSheets] } };
  if (Object.keys(kept).length > 0) next.ledgerColumns = kept;
  else delete next.ledgerColumns;
  if (planSheet !== roles.planSheet) delete next.planColumns;
  return next;
}

export function withLedgerColumn(choices: ReadChoices, sheet: string, field: LedgerField, column: number): ReadChoices {
  const perSheet = { ...(choices.ledgerColumns?.[sheet] ?? {}), [field]: column };
  return { ...choices, ledgerColumns: { ...(choices.ledgerColumns ?? {}), [sheet]: perSheet } };
}

export function withPlanColumn(choices: ReadChoices, field: PlanField, column: number): ReadChoices {
  return { ...choices, planColumns: { ...(choices.planColumns ?? {}), [field]: column } };
}

/** Structural equality, for "changed since saved". Key order does not matter. */
export function sameChoices(a: ReadChoices | undefined, b: ReadChoices | undefined): boolean {
  return canonical(a ?? {}) === canonical(b ?? {});
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return "[" + value.map(canonical).join(",") + "]";
  if (value && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return "{" + entries.map(([k, v]) => JSON.stringify(k) + ":" + canonical(v)).join(",") + "}";
  }
  return JSON.stringify(value);
}
