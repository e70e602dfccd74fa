/**
 * Per-sheet analysis shared by role detection and reading: the ledger header, the plan header, the title
 * texts above them, and whether the sheet is one the add-in (or a summary) made. Done once per sheet.
 */
import type { LedgerField, PlanField, SheetSnapshot, WorkbookSnapshot } from "../model/types";
import { yearFromTitle } from "../model/dates";
import { Grid } from "./grid";
import { detectHeader, HEADER_SCAN_ROWS, type DetectedHeader } from "./header";
import { monthFromSheetName, yearInText } from "./keywords";
import { ledgerMatcher, planMatcher } from "./synonyms";

export interface SheetAnalysis {
  snapshot: SheetSnapshot;
  grid: Grid;
  ledgerHeader?: DetectedHeader<LedgerField>;
  planHeader?: DetectedHeader<PlanField>;
  /** Non-empty texts of the rows above the header (or of the first rows when there is none). */
  titleTexts: string[];
  /** The year named in the title rows, the header cells ("2025年" over 月/日) or the sheet name. */
  year?: number;
  /** Month named by the sheet ("3月", "2025.03"). */
  month?: number;
  /** Sheets the add-in generates, and summaries: never read as plan or ledger. */
  generated: boolean;
  planHint: boolean;
}

/** Names of generated or summary sheets. The add-in's own sheets contain one of these words. */
const GENERATED_NAME = /公开表|执行情况|内部|汇总|检查结果|问题清单|审查意见|经费助手|findings|disclosure/i;
const PLAN_WORD = /预算|计划|budget|plan/i;

export function hasLedgerCore(h: DetectedHeader<LedgerField>, sheetMonth?: number): boolean {
  const c = h.columns;
  const dated = c.date !== undefined || (c.month !== undefined && c.day !== undefined) || (c.day !== undefined && sheetMonth !== undefined);
  const money = c.income !== undefined || c.expense !== undefined || c.amount !== undefined;
  return dated && money;
}

export function hasPlanCore(h: DetectedHeader<PlanField>): boolean {
  const c = h.columns;
  const money = c.budget !== undefined || c.adjustedBudget !== undefined;
  const label = c.category !== undefined || c.planItem !== undefined || c.subCategory !== undefined;
  return money && label;
}

export function analyseSheet(snapshot: SheetSnapshot): SheetAnalysis {
  const grid = new Grid(snapshot);
  const month = monthFromSheetName(snapshot.name);
  const ledgerHeader = detectHeader(grid, ledgerMatcher, (h) => hasLedgerCore(h, month));
  const planHeader = detectHeader(grid, planMatcher, hasPlanCore);
  const firstHeader = Math.min(ledgerHeader?.headerRows[0] ?? Infinity, planHeader?.headerRows[0] ?? Infinity);
  const titleEnd = Number.isFinite(firstHeader) ? firstHeader - 1 : Math.min(grid.bottom, grid.top + HEADER_SCAN_ROWS - 1);
  const titleTexts: string[] = [];
  for (let r = grid.top; r <= titleEnd; r++) {
    for (let c = grid.left; c <= grid.topRight; c++) {
      const v = grid.get(r, c);
      if (typeof v === "string" && v.trim()) titleTexts.push(v.trim());
    }
  }
  let year: number | undefined;
  for (const t of titleTexts) if ((year = yearFromTitle(t))) break;
  if (year === undefined && ledgerHeader) {
    for (const r of ledgerHeader.headerRows) {
      for (let c = grid.left; c <= grid.topRight && year === undefined; c++) {
        const v = grid.get(r, c);
        if (typeof v === "string" && /年/.test(v)) year = yearFromTitle(v);
      }
    }
  }
  year ??= yearInText(snapshot.name);
  const generated = GENERATED_NAME.test(snapshot.name);
  const planHint = PLAN_WORD.test(snapshot.name) || titleTexts.some((t) => PLAN_WORD.test(t));
  const a: SheetAnalysis = { snapshot, grid, titleTexts, generated, planHint };
  if (ledgerHeader) a.ledgerHeader = ledgerHeader;
  if (planHeader) a.planHeader = planHeader;
  if (year !== undefined) a.year = year;
  if (month !== undefined) a.month = month;
  return a;
}

export function analyseWorkbook(wb: WorkbookSnapshot): SheetAnalysis[] {
  return (wb?.sheets ?? []).map(analyseSheet);
}
