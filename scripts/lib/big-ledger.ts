/**
 * Big ledgers for benchmarks: N entry rows over 2025 in date order, from a seeded generator, with exact
 * running balances in fen. Rows are produced lazily so a million of them never sit in memory together;
 * the plan's budgets are derived from the actual spending once the rows are done.
 */
import { createPrng } from "./prng";
import { daysInYear, isoOfDayInYear } from "./excel-serial";

export const BIG_YEAR = 2025;
export const BIG_OPENING_FEN = 50_000_000; // 500,000.00

export interface BigRow {
  date: string;
  voucher: string;
  summary: string;
  account: string;
  planItem: string;
  incomeFen: number;
  expenseFen: number;
  balanceFen: number;
  counterparty: string;
  memberId: string;
  method: string;
}

interface Template {
  kind: "income" | "expense";
  summary: string;
  account: string;
  planCategory: string;
  planItem: string;
  /** yuan range, both ends included */
  min: number;
  max: number;
  /** relative frequency */
  weight: number;
  toMember: boolean;
  counterparty?: string;
}

const TEMPLATES: readonly Template[] = [
  { kind: "income", summary: "收会员会费", account: "会费收入", planCategory: "收入", planItem: "会员会费", min: 200, max: 1500, weight: 14, toMember: false, counterparty: "工会小组" },
  { kind: "income", summary: "收行政拨缴工会经费", account: "拨缴经费收入", planCategory: "收入", planItem: "行政拨缴经费", min: 2000, max: 9000, weight: 4, toMember: false, counterparty: "江城精密机械有限公司" },
  { kind: "income", summary: "收公司行政补助", account: "行政补助收入", planCategory: "收入", planItem: "行政补助", min: 1000, max: 5000, weight: 2, toMember: false, counterparty: "江城精密机械有限公司" },
  { kind: "income", summary: "银行存款结息", account: "其他收入", planCategory: "收入", planItem: "利息收入", min: 1, max: 90, weight: 1, toMember: false, counterparty: "中国工商银行江城支行" },
  { kind: "expense", summary: "生日慰问（蛋糕券）", account: "50104", planCategory: "职工活动支出", planItem: "生日慰问", min: 200, max: 200, weight: 20, toMember: true },
  { kind: "expense", summary: "住院慰问", account: "职工活动支出—其他活动支出", planCategory: "职工活动支出", planItem: "病丧慰问", min: 300, max: 800, weight: 4, toMember: true },
  { kind: "expense", summary: "结婚慰问", account: "职工活动支出—其他活动支出", planCategory: "职工活动支出", planItem: "婚育慰问", min: 500, max: 1000, weight: 3, toMember: true },
  { kind: "expense", summary: "职工文体活动用品", account: "文体活动费", planCategory: "职工活动支出", planItem: "文体活动", min: 100, max: 3000, weight: 8, toMember: false, counterparty: "江城动力体育用品店" },
  { kind: "expense", summary: "职工读书活动购书", account: "50101", planCategory: "职工活动支出", planItem: "职工教育", min: 100, max: 2000, weight: 4, toMember: false, counterparty: "新华书店江城分店" },
  { kind: "expense", summary: "困难职工生活救助", account: "维权支出—困难职工帮扶费", planCategory: "维权支出", planItem: "困难职工帮扶", min: 500, max: 2000, weight: 5, toMember: true },
  { kind: "expense", summary: "冬送温暖慰问", account: "50205", planCategory: "维权支出", planItem: "送温暖", min: 300, max: 800, weight: 4, toMember: true },
  { kind: "expense", summary: "工会干部培训费", account: "业务支出—培训费", planCategory: "业务支出", planItem: "培训费", min: 500, max: 3000, weight: 2, toMember: false, counterparty: "江城市总工会干部学校" },
  { kind: "expense", summary: "会议资料印制", account: "会议费", planCategory: "业务支出", planItem: "会议费", min: 100, max: 1500, weight: 2, toMember: false, counterparty: "江城文印中心" },
  { kind: "expense", summary: "银行手续费", account: "其他支出", planCategory: "其他支出", planItem: "银行手续费", min: 1, max: 30, weight: 2, toMember: false, counterparty: "中国工商银行江城支行" },
];

const TOTAL_WEIGHT = TEMPLATES.reduce((s, t) => s + t.weight, 0);
const SURNAMES = [..."王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"];
const GIVEN = [..."伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚英华兰萍"];

export interface PlanTotals {
  /** Actual spending/income per plan item in fen, in first-seen order, with the item's category and account. */
  items: Map<string, { category: string; account: string; kind: "income" | "expense"; fen: number }>;
  closingFen: number;
}

/**
 * Yields the opening row (上年结转) and then `count` entry rows. `totals` is filled as rows are taken, and is
 * complete when the generator finishes.
 */
export function* bigLedgerRows(count: number, totals: PlanTotals, seed = 20250001): Generator<BigRow> {
  const prng = createPrng(seed);
  const days = daysInYear(BIG_YEAR);
  const memberCount = Math.max(200, Math.min(50_000, Math.round(count / 20)));
  let balance = BIG_OPENING_FEN;
  yield { date: `${BIG_YEAR}-01-01`, voucher: "", summary: "上年结转", account: "", planItem: "", incomeFen: 0, expenseFen: 0, balanceFen: balance, counterparty: "", memberId: "", method: "" };
  for (let i = 0; i < count; i++) {
    let template = pickTemplate(prng.next());
    let fen = prng.int(template.min * 100, template.max * 100);
    if (template.min === template.max) fen = template.min * 100;
    if (template.kind === "expense" && fen > balance) {
      // Never overdraw: book that day's dues instead.
      template = TEMPLATES[0];
      fen = prng.int(template.min * 100, template.max * 100);
    }
    const income = template.kind === "income" ? fen : 0;
    const expense = template.kind === "expense" ? fen : 0;
    balance += income - expense;
    const memberNo = prng.int(1, memberCount);
    const row: BigRow = {
      date: isoOfDayInYear(BIG_YEAR, Math.floor((i * days) / count)),
      voucher: `记-${String(i + 1).padStart(7, "0")}`,
      summary: template.summary,
      account: template.account,
      planItem: template.planItem,
      incomeFen: income,
      expenseFen: expense,
      balanceFen: balance,
      counterparty: template.toMember ? SURNAMES[memberNo % SURNAMES.length] + GIVEN[(memberNo * 7) % GIVEN.length] + GIVEN[(memberNo * 13) % GIVEN.length] : template.counterparty ?? "",
      memberId: template.toMember ? `M${String(memberNo).padStart(5, "0")}` : "",
      method: template.account === "其他支出" ? "银行扣款" : "转账",
    };
    const item = totals.items.get(template.planItem) ?? { category: template.planCategory, account: template.account, kind: template.kind, fen: 0 };
    item.fen += fen;
    totals.items.set(template.planItem, item);
    totals.closingFen = balance;
    yield row;
  }
}

function pickTemplate(r: number): Template {
  let target = r * TOTAL_WEIGHT;
  for (const t of TEMPLATES) {
    target -= t.weight;
    if (target < 0) return t;
  }
  return TEMPLATES[TEMPLATES.length - 1];
}

export function newPlanTotals(): PlanTotals {
  return { items: new Map(), closingFen: BIG_OPENING_FEN };
}

export interface BigPlanLine {
  kind: "income" | "expense";
  category: string;
  account: string;
  item: string;
  budgetFen: number;
}

/** Budgets: actual plus 10 %, rounded up to whole hundreds of yuan, so every line is within budget. */
export function bigPlanLines(totals: PlanTotals): BigPlanLine[] {
  const lines: BigPlanLine[] = [];
  for (const [item, t] of totals.items) {
    const budgetFen = Math.ceil((t.fen * 1.1) / 10_000) * 10_000;
    lines.push({ kind: t.kind, category: t.category, account: t.account, item, budgetFen });
  }
  return lines.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "income" ? -1 : 1));
}

export const CSV_HEADER = ["日期", "凭证号", "摘要", "会计科目", "预算项目", "收入", "支出", "余额", "领取人", "会员编号", "结算方式"];
export const PLAN_CSV_HEADER = ["收支类别", "预算科目", "计划项目", "年初预算", "调整数", "调整后预算"];

export function fenText(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, "0")}`;
}

function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(",")}\r\n`;
}

export function bigRowFields(r: BigRow): string[] {
  return [
    r.date,
    r.voucher,
    r.summary,
    r.account,
    r.planItem,
    r.incomeFen ? fenText(r.incomeFen) : "",
    r.expenseFen ? fenText(r.expenseFen) : "",
    fenText(r.balanceFen),
    r.counterparty,
    r.memberId,
    r.method,
  ];
}

export function planLineFields(l: BigPlanLine): string[] {
  return [l.kind === "income" ? "收入" : l.category, l.account, l.item, fenText(l.budgetFen), "", fenText(l.budgetFen)];
}
