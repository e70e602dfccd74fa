/**
 * A light picture of the Books for the task pane. The Books of a 100k-row ledger are tens of megabytes and
 * stay in the worker; the pane gets what it shows on the 账簿 tab: roles, column mappings, the plan in brief,
 * counts, totals and the reader's findings. Its size does not grow with the number of entries (the reader's
 * findings are capped; the full list is what "check" returns).
 */
import type {
  Books, ColumnMapping, Fen, Finding, LedgerField, PlanField, PlanKind, SheetRoles,
} from "../core/model/types";

/** The reader's findings shown with the summary; more are counted, and "check" reports them all. */
export const MAX_SUMMARY_FINDINGS = 200;
/** Plan lines listed in the summary; a real plan has tens, a pasted ledger in the plan role would have thousands. */
export const MAX_SUMMARY_PLAN_LINES = 500;

export interface PlanLineSummary {
  index: number;
  row: number;
  kind: PlanKind;
  label: string;
  budget: Fen;
  adjustedBudget: Fen;
  accountCode?: string;
}

export interface PlanSummary {
  sheet: string;
  mapping: ColumnMapping<PlanField>;
  lineCount: number;
  /** Sums of the adjusted budgets, by kind. */
  incomeBudget: Fen;
  expenseBudget: Fen;
  openingBalance?: Fen;
  year?: number;
  /** The first MAX_SUMMARY_PLAN_LINES lines. */
  lines: PlanLineSummary[];
}

export interface BooksSummary {
  roles: SheetRoles;
  /** Sheets actually read as the ledger (a sheet without a header is left out), in reading order. */
  ledgerSheets: string[];
  ledgerMappings: ColumnMapping<LedgerField>[];
  plan?: PlanSummary;
  counts: {
    entries: number;
    planLines: number;
    subtotals: number;
    /** All of the reader's findings, including those left out of `findings`. */
    findings: number;
  };
  /** Money in and out over all entries, in fen, and the date range seen. */
  ledgerTotals: { income: Fen; expense: Fen; opening?: Fen; firstDate?: string; lastDate?: string };
  /** The reader's findings, at most MAX_SUMMARY_FINDINGS of them, errors first. */
  findings: Finding[];
  /** Reader findings per rule id, so the pane can say "还有 N 条" for the ones left out. */
  findingsByRule: Record<string, number>;
  year?: number;
  unionName?: string;
  memberCount?: number;
}

const SEVERITY_ORDER: Record<Finding["severity"], number> = { error: 0, warning: 1, info: 2 };

export function summarizeBooks(books: Books): BooksSummary {
  const { ledger, plan } = books;
  let income = 0;
  let expense = 0;
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  for (const e of ledger.entries) {
    income += e.income;
    expense += e.expense;
    if (e.date) {
      if (firstDate === undefined || e.date < firstDate) firstDate = e.date;
      if (lastDate === undefined || e.date > lastDate) lastDate = e.date;
    }
  }

  const findingsByRule: Record<string, number> = {};
  for (const f of books.findings) findingsByRule[f.rule] = (findingsByRule[f.rule] ?? 0) + 1;
  // Errors first, so a cap never hides an error behind a thousand notes; stable within a severity.
  const findings = books.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i)
    .slice(0, MAX_SUMMARY_FINDINGS)
    .map(({ f }) => f);

  const summary: BooksSummary = {
    roles: books.roles,
    ledgerSheets: ledger.sheets,
    ledgerMappings: ledger.mappings,
    counts: {
      entries: ledger.entries.length,
      planLines: plan?.lines.length ?? 0,
      subtotals: ledger.subtotals.length,
      findings: books.findings.length,
    },
    ledgerTotals: {
      income,
      expense,
      ...(ledger.opening ? { opening: ledger.opening.amount } : {}),
      ...(firstDate ? { firstDate, lastDate } : {}),
    },
    findings,
    findingsByRule,
  };
  if (plan) summary.plan = summarizePlan(books.plan!);
  const year = ledger.year ?? plan?.year;
  if (year !== undefined) summary.year = year;
  if (plan?.unionName) summary.unionName = plan.unionName;
  if (plan?.memberCount !== undefined) summary.memberCount = plan.memberCount;
  return summary;
}

function summarizePlan(plan: NonNullable<Books["plan"]>): PlanSummary {
  let incomeBudget = 0;
  let expenseBudget = 0;
  for (const l of plan.lines) {
    if (l.kind === "income") incomeBudget += l.adjustedBudget;
    else expenseBudget += l.adjustedBudget;
  }
  const out: PlanSummary = {
    sheet: plan.sheet,
    mapping: plan.mapping,
    lineCount: plan.lines.length,
    incomeBudget,
    expenseBudget,
    lines: plan.lines.slice(0, MAX_SUMMARY_PLAN_LINES).map((l) => {
      const line: PlanLineSummary = {
        index: l.index, row: l.row, kind: l.kind, label: l.label, budget: l.budget, adjustedBudget: l.adjustedBudget,
      };
      if (l.account) line.accountCode = l.account.code;
      return line;
    }),
  };
  if (plan.openingBalance !== undefined) out.openingBalance = plan.openingBalance;
  if (plan.year !== undefined) out.year = plan.year;
  return out;
}
