/**
 * Which sheet is the plan and which are ledger sheets. The plan has 预算/计划 in its name or title and budget
 * columns; ledger sheets have a date and an amount column; everything else (notes, generated sheets) is left out.
 */
import type { SheetRoles, WorkbookSnapshot } from "../model/types";
import { analyseWorkbook, type SheetAnalysis } from "./sheets";

export function detectRoles(wb: WorkbookSnapshot): SheetRoles {
  return rolesFrom(analyseWorkbook(wb));
}

export function rolesFrom(analyses: SheetAnalysis[]): SheetRoles {
  let plan: SheetAnalysis | undefined;
  let planScore = -Infinity;
  for (const a of analyses) {
    if (a.generated || !a.planHeader) continue;
    // A sheet that reads as a ledger is the plan only when its name or title says so.
    if (a.ledgerHeader && !a.planHint) continue;
    const score = a.planHeader.score + (a.planHint ? 5 : 0) - (a.ledgerHeader ? 4 : 0);
    if (score > planScore) {
      plan = a;
      planScore = score;
    }
  }
  const ledgers = analyses.filter((a) => !a.generated && a.ledgerHeader && a !== plan);
  // Month sheets ("1月" ... "12月") are read in month order even when the tabs are not.
  const allMonths = ledgers.length > 1 && ledgers.every((a) => a.month !== undefined);
  const key = (a: SheetAnalysis) => (a.year ?? 0) * 100 + a.month!;
  const ordered = allMonths ? [...ledgers].sort((x, y) => key(x) - key(y)) : ledgers;
  const roles: SheetRoles = { ledgerSheets: ordered.map((a) => a.snapshot.name) };
  if (plan) roles.planSheet = plan.snapshot.name;
  return roles;
}
