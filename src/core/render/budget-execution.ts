/** 预算执行情况 sheet: lines grouped by category, 预算外 rows, totals, and a chart of execution by category. */
import type { BudgetExecutionModel, ExecutionFigures, ExecutionSection } from "../reports/budget-execution";
import type { CellModel, CellStyle, SheetModel } from "./sheet-model";
import type { Lang } from "../i18n";
import { SheetBuilder, columnLetter, count, money, ratio, text, titleBlock } from "./builder";

export interface RenderOptions {
  unionName?: string;
  preparedDate?: string;
  lang?: Lang;
}

const WIDTH = 9;

function figureCells(b: SheetBuilder, f: ExecutionFigures, kind: "income" | "expense", style?: CellStyle): CellModel[] {
  const flag = f.overBudget ? b.t(kind === "expense" ? "report.flag.over" : "report.flag.overIncome") : "";
  return [
    money(f.budget, style),
    money(f.adjustment, style),
    money(f.adjustedBudget, style),
    money(f.actual, style),
    money(f.remaining, style),
    ratio(f.executionBp, style),
    count(f.entryCount, style),
    text(flag, f.overBudget && kind === "expense" ? "warning" : style),
  ];
}

function section(b: SheetBuilder, s: ExecutionSection, headingKey: string, totalKey: string): { first: number; last: number } {
  b.row([text(b.t(headingKey), "label")]);
  let first = 0;
  let last = 0;
  for (const group of s.byCategory) {
    const row = b.row([text(group.label || b.t("report.row.unclassified"), "label"), ...figureCells(b, group, s.kind, "label")]);
    if (first === 0) first = row;
    last = row;
    for (const line of s.lines.filter((l) => group.lineIndexes.includes(l.lineIndex))) {
      // A line that is its whole category (a one-line-per-category plan) is not repeated under itself.
      if (group.lineIndexes.length === 1 && line.label === group.label) continue;
      const label = [line.subCategory ?? line.label, line.planItem && line.planItem !== (line.subCategory ?? line.label) ? `（${line.planItem}）` : ""].join("");
      b.row([text(`    ${label}`), ...figureCells(b, line, s.kind)]);
    }
  }
  const u = s.unbudgeted;
  b.row([text(b.t("report.row.unbudgeted"), "warning"), money(undefined), money(undefined), money(undefined), money(u.actual), money(undefined), ratio(undefined), count(u.entryCount), text("")]);
  for (const c of u.byCategory) {
    b.row([text(`    ${c.label || b.t("report.row.unclassified")}`), money(undefined), money(undefined), money(undefined), money(c.actual), money(undefined), ratio(undefined), count(c.entryCount), text("")]);
  }
  b.row([text(b.t(totalKey), "total"), ...figureCells(b, s.total, s.kind, "total")]);
  return { first, last };
}

export function renderBudgetExecution(m: BudgetExecutionModel, opts: RenderOptions = {}): SheetModel {
  const b = new SheetBuilder(WIDTH, opts.lang ?? "zh-CN");
  titleBlock(b, {
    internal: false,
    title: b.t("report.title.budgetExecution", { union: opts.unionName ?? "", period: m.period.label }),
    periodLine: b.t("report.period", { period: m.period.label, start: m.period.start, end: m.period.end }),
    preparedDate: opts.preparedDate,
  });
  b.banner(b.t(m.hasPlan ? "report.budgetBasis" : "report.noPlan"), "note");
  b.header(["report.col.item", "report.col.budget", "report.col.adjustment", "report.col.adjustedBudget", "report.col.actual", "report.col.remaining", "report.col.execution", "report.col.count", "report.col.flag"]);
  b.endTitle();
  section(b, m.income, "report.row.income", "report.row.incomeTotal");
  section(b, m.expense, "report.row.expense", "report.row.expenseTotal");

  // Chart data: one contiguous block of expense categories, so the chart's ranges are simple.
  const charts = [];
  if (m.expense.byCategory.length > 0) {
    b.blank();
    b.row([text(b.t("report.chart.execution"), "label"), text(b.t("report.col.adjustedBudget"), "header"), text(b.t("report.col.actual"), "header"), text(b.t("report.col.execution"), "header")]);
    const first = b.nextRow;
    for (const g of m.expense.byCategory) b.row([text(g.label || b.t("report.row.unclassified")), money(g.adjustedBudget), money(g.actual), ratio(g.executionBp)]);
    const last = b.nextRow - 1;
    charts.push({
      type: "bar" as const,
      title: b.t("report.chart.execution"),
      categories: `A${first}:A${last}`,
      series: [{ name: b.t("report.col.execution"), values: `D${first}:D${last}` }],
      anchor: `${columnLetter(WIDTH + 2)}${first}`,
    });
  }
  const sheet = b.build(b.t("report.sheet.budgetExecution"), "budget-execution", false, [30, 14, 12, 14, 14, 14, 9, 7, 9], "landscape");
  return charts.length > 0 ? { ...sheet, charts } : sheet;
}
