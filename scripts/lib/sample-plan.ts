/**
 * The sample plan sheet "2025年经费预算": titles, a header row, 一、收入 / 二、支出 bands, one row per plan
 * item, 小计 per expense category, 合计 rows, 上年结余 and the expected year-end balance.
 */
import { isoToSerial } from "./excel-serial";
import { SheetBuilder, a1, type CellStyle, type TableSheet } from "./sheet-table";
import { MEMBER_COUNT, PLAN_SHEET, UNION_NAME, YEAR } from "./sample-union";

export interface PlanItemSpec {
  kind: "income" | "expense";
  /** 收支类别: "收入" for income lines, the 2010 first-level expense class for expense lines. */
  category: string;
  /** 预算科目: the account (or welfare group) the line is budgeted under. */
  account: string;
  /** 计划项目: the name the ledger's 预算项目 column uses. */
  item: string;
  budgetFen: number;
  adjustmentFen?: number;
  approvalDate?: string;
  note?: string;
}

/** 上年结余, carried into the ledger as 上年结转. */
export const OPENING_BALANCE_FEN = 8_645_237;

const ADJUSTMENT_NOTE = "经工会委员会、经审会审议通过，报上级工会备案";

export const PLAN_ITEMS: readonly PlanItemSpec[] = [
  { kind: "income", category: "收入", account: "会费收入", item: "会员会费", budgetFen: 4_680_000, note: "按会员工资0.5%" },
  { kind: "income", category: "收入", account: "拨缴经费收入", item: "行政拨缴经费", budgetFen: 11_232_000, note: "工资总额2%，留成60%" },
  { kind: "income", category: "收入", account: "上级补助收入", item: "上级补助", budgetFen: 1_800_000, note: "送温暖、帮扶补助" },
  { kind: "income", category: "收入", account: "行政补助收入", item: "行政补助", budgetFen: 3_000_000 },
  { kind: "income", category: "收入", account: "其他收入", item: "利息收入", budgetFen: 40_000 },
  { kind: "expense", category: "职工活动支出", account: "职工教育费", item: "职工教育", budgetFen: 500_000, note: "读书活动、技能教材" },
  { kind: "expense", category: "职工活动支出", account: "文体活动费", item: "职工篮球赛", budgetFen: 600_000 },
  { kind: "expense", category: "职工活动支出", account: "文体活动费", item: "春秋游", budgetFen: 2_400_000, adjustmentFen: -200_000, approvalDate: "2025-06-18", note: `当日往返；${ADJUSTMENT_NOTE}` },
  { kind: "expense", category: "职工活动支出", account: "宣传活动费", item: "宣传活动", budgetFen: 300_000 },
  { kind: "expense", category: "职工活动支出", account: "职工集体福利", item: "春节慰问", budgetFen: 4_800_000, note: "120人×400元" },
  { kind: "expense", category: "职工活动支出", account: "职工集体福利", item: "端午慰问", budgetFen: 2_400_000, note: "120人×200元" },
  { kind: "expense", category: "职工活动支出", account: "职工集体福利", item: "中秋慰问", budgetFen: 3_600_000, note: "120人×300元" },
  { kind: "expense", category: "职工活动支出", account: "职工集体福利", item: "生日慰问", budgetFen: 2_500_000, note: "蛋糕券每人200元" },
  { kind: "expense", category: "职工活动支出", account: "职工集体福利", item: "婚育慰问", budgetFen: 600_000 },
  { kind: "expense", category: "职工活动支出", account: "职工集体福利", item: "病丧慰问", budgetFen: 500_000 },
  { kind: "expense", category: "职工活动支出", account: "职工集体福利", item: "退休纪念", budgetFen: 300_000 },
  { kind: "expense", category: "维权支出", account: "困难职工帮扶费", item: "困难职工帮扶", budgetFen: 1_500_000, adjustmentFen: 500_000, approvalDate: "2025-06-18", note: ADJUSTMENT_NOTE },
  { kind: "expense", category: "维权支出", account: "送温暖费", item: "送温暖", budgetFen: 1_200_000 },
  { kind: "expense", category: "业务支出", account: "培训费", item: "培训费", budgetFen: 800_000, note: "工会干部、财务人员培训" },
  { kind: "expense", category: "业务支出", account: "会议费", item: "会议费", budgetFen: 300_000, note: "会员代表大会、经审会" },
  { kind: "expense", category: "资本性支出", account: "办公设备购置", item: "办公设备", budgetFen: 300_000, adjustmentFen: 50_000, approvalDate: "2025-03-10", note: `打印机；${ADJUSTMENT_NOTE}` },
  { kind: "expense", category: "其他支出", account: "其他支出", item: "银行手续费", budgetFen: 30_000 },
];

export function adjustedBudgetFen(spec: PlanItemSpec): number {
  return spec.budgetFen + (spec.adjustmentFen ?? 0);
}

export const yuan = (fen: number): number => fen / 100;

export interface PlanLayout {
  sheet: TableSheet;
  /** Sheet row of each plan item, by 计划项目. */
  itemRows: Map<string, number>;
}

const COLUMNS = { seq: 1, category: 2, account: 3, item: 4, budget: 5, adjustment: 6, adjusted: 7, approval: 8, note: 9 };
const LINE_STYLES: CellStyle[] = ["center", "text", "text", "text", "money", "money", "money", "date", "text"];
const TOTAL_STYLES: CellStyle[] = ["totalText", "totalText", "totalText", "totalText", "totalMoney", "totalMoney", "totalMoney", "totalText", "totalText"];

export function buildPlanSheet(): PlanLayout {
  const b = new SheetBuilder(PLAN_SHEET, [6, 14, 16, 16, 14, 12, 14, 12, 34], false);
  const last = "I";
  b.addRow([UNION_NAME], "title");
  b.merge(`A1:${last}1`);
  b.addRow([`${YEAR}年度工会经费收支预算表`], "subtitle");
  b.merge(`A2:${last}2`);
  const captionRow = b.addRow([`会员人数：${MEMBER_COUNT}人`, "", "", "", "", "", "", "单位：元"], ["caption", "caption", "caption", "caption", "caption", "caption", "caption", "captionRight", "captionRight"]);
  b.merge(`A${captionRow}:D${captionRow}`);
  b.merge(`H${captionRow}:I${captionRow}`);
  const headerRow = b.addRow(["序号", "收支类别", "预算科目", "计划项目", "年初预算", "调整数", "调整后预算", "批准日期", "备注"], "header");
  b.markTableTop(headerRow, headerRow);

  const itemRows = new Map<string, number>();
  const addTotal = (label: string, specs: readonly PlanItemSpec[]): number => {
    const budget = specs.reduce((s, x) => s + x.budgetFen, 0);
    const adjustment = specs.reduce((s, x) => s + (x.adjustmentFen ?? 0), 0);
    const adjusted = specs.reduce((s, x) => s + adjustedBudgetFen(x), 0);
    const row = b.addRow(["", label, "", "", yuan(budget), adjustment === 0 ? "" : yuan(adjustment), yuan(adjusted)], TOTAL_STYLES);
    b.merge(`B${row}:D${row}`);
    return row;
  };
  const addSection = (label: string): void => {
    const row = b.addRow([label], "section");
    b.merge(`A${row}:${last}${row}`);
  };
  const addLine = (seq: number, spec: PlanItemSpec): void => {
    const row = b.addRow(
      [
        seq,
        spec.category,
        spec.account,
        spec.item,
        yuan(spec.budgetFen),
        spec.adjustmentFen === undefined ? "" : yuan(spec.adjustmentFen),
        yuan(adjustedBudgetFen(spec)),
        spec.approvalDate === undefined ? "" : isoToSerial(spec.approvalDate),
        spec.note ?? "",
      ],
      LINE_STYLES,
    );
    itemRows.set(spec.item, row);
  };

  const income = PLAN_ITEMS.filter((x) => x.kind === "income");
  const expense = PLAN_ITEMS.filter((x) => x.kind === "expense");
  addSection("一、收入");
  income.forEach((spec, i) => addLine(i + 1, spec));
  addTotal("收入合计", income);
  addSection("二、支出");
  let seq = 0;
  const categories = [...new Set(expense.map((x) => x.category))];
  for (const category of categories) {
    const lines = expense.filter((x) => x.category === category);
    for (const spec of lines) addLine(++seq, spec);
    addTotal(`${category}小计`, lines);
  }
  addTotal("支出合计", expense);

  const incomeTotal = income.reduce((s, x) => s + x.budgetFen, 0);
  const incomeAdjusted = income.reduce((s, x) => s + adjustedBudgetFen(x), 0);
  const expenseTotal = expense.reduce((s, x) => s + x.budgetFen, 0);
  const expenseAdjusted = expense.reduce((s, x) => s + adjustedBudgetFen(x), 0);
  const openingRow = b.addRow(["", "上年结余", "", "", yuan(OPENING_BALANCE_FEN), "", yuan(OPENING_BALANCE_FEN)], TOTAL_STYLES);
  b.merge(`B${openingRow}:D${openingRow}`);
  const closingRow = b.addRow(
    ["", "预计年末结余", "", "", yuan(OPENING_BALANCE_FEN + incomeTotal - expenseTotal), "", yuan(OPENING_BALANCE_FEN + incomeAdjusted - expenseAdjusted), "", "上年结余＋收入合计－支出合计"],
    TOTAL_STYLES,
  );
  b.merge(`B${closingRow}:D${closingRow}`);
  b.markTableBottom(closingRow);

  b.addRow([], "text");
  const signRow = b.addRow(["工会主席：李建华　　　经审会主任：王秀兰　　　制表：陈晓燕　　　编制日期：2025年1月10日"], "text");
  b.merge(`A${signRow}:${last}${signRow}`);
  return { sheet: b.build(), itemRows };
}

/** The adjusted-budget cell of a plan item (where an over-budget finding points). */
export function adjustedBudgetAddress(layout: PlanLayout, item: string): string {
  const row = layout.itemRows.get(item);
  if (row === undefined) throw new Error(`no plan line ${item}`);
  return a1(row, COLUMNS.adjusted);
}
