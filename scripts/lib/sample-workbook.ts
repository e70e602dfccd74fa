/**
 * Assembles the sample workbook from one in-memory table and derives everything that must agree with it:
 * the WorkbookSnapshot JSON, the expected findings, and samples/README.md. The generator checks its own
 * claims (budgets, caps, festival windows, birthdays) and throws if an edit breaks one of them.
 */
import { SheetBuilder, a1, toWorkbookSnapshot, type TableSheet, type TableWorkbook } from "./sheet-table";
import type { WorkbookSnapshot } from "../../src/core/model/types";
import { PLAN_ITEMS, adjustedBudgetFen, buildPlanSheet, adjustedBudgetAddress, OPENING_BALANCE_FEN } from "./sample-plan";
import { buildLedgerSheet, problemAddress, type LedgerLayout } from "./sample-ledger";
import { buildTransactions, FESTIVALS, thousands, type Txn } from "./sample-transactions";
import { buildMembers, LEDGER_SHEET, MEMBER_COUNT, NOTES_SHEET, PLAN_SHEET, UNION_NAME } from "./sample-union";
import { isoToSerial } from "./excel-serial";

export interface ExpectedFinding {
  rule: string;
  sheet: string;
  address: string;
  note: string;
}

interface DescribedFinding extends ExpectedFinding {
  zh: string;
  en: string;
}

export interface Sample {
  table: TableWorkbook;
  snapshot: WorkbookSnapshot;
  expectedFindings: ExpectedFinding[];
  readme: string;
  ledger: LedgerLayout;
}

/** The item whose actual spending deliberately exceeds its adjusted budget. */
export const OVER_BUDGET_ITEM = "职工篮球赛";

/** National default caps (yuan per member per year), reference §2.3. */
const FESTIVAL_CAP_FEN = 150_000;
const FESTIVAL_ITEMS: Record<string, string> = { 春节慰问: FESTIVALS.springFestival, 端午慰问: FESTIVALS.dragonBoat, 中秋慰问: FESTIVALS.midAutumn };

function buildNotesSheet(): TableSheet {
  const b = new SheetBuilder(NOTES_SHEET, [100], false);
  const lines = [
    "说明",
    "1. 本工作簿为“工会经费助手”的示例数据，单位、人员、金额均为虚构。",
    `2. “${PLAN_SHEET}”为年度经费收支预算表；“${LEDGER_SHEET}”为2025年银行存款日记账。`,
    "3. 日记账借方为收入、贷方为支出，余额为银行存款余额；每月末有“本月合计”“本年累计”。",
    "4. 凭证字号全年连续编号（记-001起，不按月重编）；附发放清单的凭证（如生日蛋糕券）一张凭证对应多行。",
    "5. 职工集体福利（节日、生日、婚育、病丧、退休慰问）记入“职工活动支出—其他活动支出（50104）”，以“预算项目”列区分。",
    "6. 样例中故意留有若干错误，供检查功能演示，详见 samples/README.md。",
  ];
  lines.forEach((line, i) => b.addRow([line], i === 0 ? "subtitle" : "noteText"));
  b.markTableTop(lines.length + 1, 0); // no table, no borders
  return b.build();
}

function sumBy(txns: readonly Txn[], pick: (t: Txn) => boolean, amount: (t: Txn) => number): number {
  return txns.filter(pick).reduce((s, t) => s + amount(t), 0);
}

/** The sample's promises about itself; a broken promise is a bug in the generator, so it throws. */
function checkClaims(txns: readonly Txn[]): void {
  const fail = (why: string): never => {
    throw new Error(`sample data breaks its own rule: ${why}`);
  };
  const planItems = new Map(PLAN_ITEMS.map((p) => [p.item, p]));
  for (const t of txns) {
    if (!t.date.startsWith("2025-")) fail(`${t.date} outside 2025`);
    if (t.expenseFen > 0 && !planItems.has(t.planItem) && t.flag !== "no-budget-line") fail(`${t.summary} has no plan line`);
    if (t.planItem in FESTIVAL_ITEMS) {
      const days = isoToSerial(FESTIVAL_ITEMS[t.planItem]) - isoToSerial(t.date);
      if (days < 0 || days > 30) fail(`${t.summary} bought ${days} days before the festival`);
    }
  }
  for (const spec of PLAN_ITEMS.filter((p) => p.kind === "expense")) {
    const actual = sumBy(txns, (t) => t.planItem === spec.item, (t) => t.expenseFen);
    const over = actual > adjustedBudgetFen(spec);
    if (over !== (spec.item === OVER_BUDGET_ITEM)) fail(`${spec.item} spends ${actual} against ${adjustedBudgetFen(spec)}`);
  }
  // The category and the plan total stay within budget, so only the one item line is over.
  const categoryOf = (item: string): string | undefined => planItems.get(item)?.account;
  const sportsBudget = PLAN_ITEMS.filter((p) => p.account === "文体活动费").reduce((s, p) => s + adjustedBudgetFen(p), 0);
  if (sumBy(txns, (t) => categoryOf(t.planItem) === "文体活动费", (t) => t.expenseFen) > sportsBudget) fail("文体活动费 over budget");
  const otherBudget = PLAN_ITEMS.filter((p) => p.category === "其他支出").reduce((s, p) => s + adjustedBudgetFen(p), 0);
  if (sumBy(txns, (t) => t.account.startsWith("其他支出") && t.flag !== "no-budget-line", (t) => t.expenseFen) > otherBudget) fail("其他支出 over budget");
  const festival = sumBy(txns, (t) => t.planItem in FESTIVAL_ITEMS, (t) => t.expenseFen);
  if (festival / MEMBER_COUNT > FESTIVAL_CAP_FEN) fail(`festival ${festival / MEMBER_COUNT} fen per member`);
  const birthdays = new Map<string, number>();
  for (const t of txns.filter((x) => x.planItem === "生日慰问")) birthdays.set(t.memberId ?? "", (birthdays.get(t.memberId ?? "") ?? 0) + 1);
  const twice = [...birthdays.values()].filter((n) => n !== 1);
  if (birthdays.size !== MEMBER_COUNT || twice.length !== 1 || twice[0] !== 2) fail("birthdays: every member once, one member twice");
}

export function buildSample(): Sample {
  const members = buildMembers();
  const txns = buildTransactions(members);
  checkClaims(txns);
  const plan = buildPlanSheet();
  const ledger = buildLedgerSheet(txns);
  const table: TableWorkbook = { sheets: [plan.sheet, ledger.sheet, buildNotesSheet()] };

  const basketball = PLAN_ITEMS.find((p) => p.item === OVER_BUDGET_ITEM)!;
  const basketballActual = sumBy(txns, (t) => t.planItem === OVER_BUDGET_ITEM, (t) => t.expenseFen);
  const basketballRows = ledger.entries.filter((e) => e.txn.planItem === OVER_BUDGET_ITEM).map((e) => `${LEDGER_SHEET}!${a1(e.row, 8)}`);
  const described: DescribedFinding[] = [
    ...ledger.problems.map((p) => ({ rule: p.rule, sheet: LEDGER_SHEET, address: problemAddress(p), zh: p.zh, en: p.en, note: "" })),
    {
      rule: "over-budget",
      sheet: PLAN_SHEET,
      address: adjustedBudgetAddress(plan, OVER_BUDGET_ITEM),
      zh: `计划项目“${OVER_BUDGET_ITEM}”调整后预算 ${thousands(adjustedBudgetFen(basketball))}，实际支出 ${thousands(basketballActual)}（${basketballRows.join("、")}），超支 ${thousands(basketballActual - adjustedBudgetFen(basketball))}`,
      note: "",
      en: `Plan item ${OVER_BUDGET_ITEM} (staff basketball match): adjusted budget ${thousands(adjustedBudgetFen(basketball))}, spent ${thousands(basketballActual)} (${basketballRows.join(", ")}), ${thousands(basketballActual - adjustedBudgetFen(basketball))} over.`,
    },
  ];
  for (const d of described) d.note = `${d.zh} / ${d.en}`;
  const expectedFindings = described.map(({ rule, sheet, address, note }) => ({ rule, sheet, address, note }));
  return { table, snapshot: toWorkbookSnapshot(table), expectedFindings, readme: buildReadme(described, ledger, festivalPerMemberFen(txns)), ledger };
}

/** JSON with one line per row of cells, so a diff of the sample shows which rows changed. */
export function formatJson(value: unknown): string {
  const pretty = JSON.stringify(value, null, 2);
  return `${pretty.replace(/\[\n\s+([^[\]{}]*?)\n\s+\]/g, (_m, inner: string) => `[${inner.split(/,\n\s+/).join(", ")}]`)}\n`;
}

function festivalPerMemberFen(txns: readonly Txn[]): number {
  return Math.round(sumBy(txns, (t) => t.planItem in FESTIVAL_ITEMS, (t) => t.expenseFen) / MEMBER_COUNT);
}

function buildReadme(findings: DescribedFinding[], ledger: LedgerLayout, festivalFen: number): string {
  const rows = findings.map((f, i) => `| ${i + 1} | \`${f.rule}\` | ${f.sheet}!${f.address} | ${f.zh} | ${f.en} |`);
  const entryCount = ledger.entries.length;
  return `# 样例工作簿 / Sample workbook

本目录由 \`npx tsx scripts/generate-samples.ts\` 生成，请勿手工修改；改动生成器后重新运行即可。
Generated by \`npx tsx scripts/generate-samples.ts\`; do not edit by hand, change the generator and rerun it.

| 文件 / File | 内容 / What |
|---|---|
| \`工会经费样例-2025.xlsx\` | 虚构的“${UNION_NAME}”2025年账簿（CLI 读取）/ the fictional union's 2025 books, read by the CLI |
| \`sample-workbook.json\` | 同一账簿的 \`WorkbookSnapshot\`（Excel \`range.values\` 的样子：日期为序列号，文本原样，空格为 ""）；演示页和浏览器测试读取 / the same books as a \`WorkbookSnapshot\` (what Excel returns: dates as serials, text as typed, blanks as ""), loaded by the demo page and browser tests |
| \`expected-findings.json\` | 故意留下的问题及应报告它们的检查项 / the deliberate problems and the check that should report each |

两份文件来自同一张内存表，测试 \`test/samples/\` 逐格比对。Both files come from one in-memory table; \`test/samples/\` compares them cell by cell.

## 工作表 / Sheets

- **${PLAN_SHEET}**：标题行、会员人数（${MEMBER_COUNT}人）、单位：元；表头 序号｜收支类别｜预算科目｜计划项目｜年初预算｜调整数｜调整后预算｜批准日期｜备注；“一、收入”“二、支出”分段、各类小计与合计、上年结余 ${thousands(OPENING_BALANCE_FEN)}、预计年末结余。三行有调整及批准日期。
  The plan: title rows, member count, a one-row header, income and expense bands, category subtotals, totals, the opening balance and the expected closing balance; three lines carry an adjustment and its approval date.
- **${LEDGER_SHEET}**：标题“2025年银行存款日记账”（年份只在标题中），两行表头（“2025年”下分 月｜日），借方＝收入、贷方＝支出，上年结转、每月首行才填月份、每月“本月合计”“本年累计”、6月有一对“过次页/承前页”（金额为本月初至该页的发生额）、月间空行，共 ${entryCount} 笔分录，年末余额 ${thousands(ledger.closingBalanceFen)}。会计科目混用编码（50104）、名称（文体活动费）和路径（职工活动支出—文体活动）；部分金额以文本录入（“1,250.00”“¥350”“¥500”）。
  The bank journal: year only in the title, a two-row header (月 | 日 under a merged "2025年"), 借方 = money in, an opening row, the month number only on each month's first row, month and year-to-date totals, one 过次页/承前页 pair in June (carrying the month's totals so far), blank rows between months, ${entryCount} entry rows. Accounts are written as codes, names or paths; a few amounts are typed as text.
- **${NOTES_SHEET}**：说明文字，加载项应忽略。A notes sheet the add-in should ignore.

凭证字号全年连续（记-001 起，不按月重编）；附清单的凭证（每月生日蛋糕券、困难帮扶、送温暖、会费）一张凭证对应同一天的多行。
Vouchers run through the year (记-001…, never restarting); a voucher with an attached list covers several rows of the same day.

## 故意留下的问题 / Deliberate problems

| # | 检查项 / Check | 单元格 / Cell | 问题 | Problem |
|---|---|---|---|---|
${rows.join("\n")}

除上表外账簿应是干净的：其余余额逐行精确到分，小计准确，日期有序且都在2025年内，凭证号不重复，节日慰问品均在节前30天内购买、人均合计 ${thousands(festivalFen)} 元（上限 ${thousands(FESTIVAL_CAP_FEN)}），生日、婚育、病丧、退休慰问均在全国默认标准内，每笔支出都对应预算表的计划项目，会计科目都能对应2010年工会会计制度科目表。
Everything else should be clean: every other balance exact to the fen, subtotals right, dates in order and in 2025, vouchers unique, festival goods bought within 30 days before the festival and ${thousands(festivalFen)} per member in total (cap ${thousands(FESTIVAL_CAP_FEN)}), welfare within the national default caps, every expense on a plan line, every account resolvable against the 2010 chart.

提示 / Notes for the checks:
- 无法识别的金额（\`unparseable-amount\`）所在行的余额是按正确金额计算的：余额检查遇到无法识别的金额应从该行打印的余额重新起算，不应另报一条；该月本月合计也按正确金额填写。
  The row with the unreadable amount prints the right balance: the running-balance check should restart from it rather than report a second finding, and that month's total includes the right amount.
- 超预算按“调整后预算”比较；文体活动费类别合计与支出合计均未超。Over-budget compares with the adjusted budget; the 文体活动费 category and the expense total are within budget.
- 捐赠行只应报“无预算项目”，不应使“其他支出（银行手续费）”一行超预算。The donation should only be reported as having no plan line.

## 大数据量账簿 / Big ledgers

\`npx tsx scripts/generate-samples.ts --big\` writes 10k, 100k and 1M-row ledgers (CSV with BOM, GBK CSV and streamed xlsx, each with its plan) to \`bench-data/\` (git-ignored). One size: \`--rows 50000 --format csv|xlsx|gbk --out DIR\`.
`;
}
