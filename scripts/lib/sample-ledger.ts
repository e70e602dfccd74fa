/**
 * Lays the transactions out as a hand-kept 银行存款日记账: a title with the year only in it, a two-row header
 * (月 | 日 under a merged "2025年"), 上年结转, the month number only on each month's first row, a 本月合计
 * and 本年累计 after every month, one 过次页/承前页 pair, and a blank row between months.
 *
 * Three deliberate problems are made here, each touching exactly one cell: a mistyped running balance (the
 * rows after it continue from the correct balance), a 本月合计 that does not add up (本年累计 stays right),
 * and a voucher number reused from the previous day (flagged on the transaction).
 */
import { SheetBuilder, a1, type CellStyle, type TableSheet } from "./sheet-table";
import { LEDGER_SHEET, UNION_NAME, YEAR } from "./sample-union";
import { OPENING_BALANCE_FEN, yuan } from "./sample-plan";
import type { Txn, TxnFlag } from "./sample-transactions";

export const LEDGER_COLUMNS = {
  month: 1,
  day: 2,
  voucher: 3,
  summary: 4,
  account: 5,
  planItem: 6,
  debit: 7, // 借方 = money in
  credit: 8, // 贷方 = money out
  direction: 9,
  balance: 10,
  counterparty: 11,
  memberId: 12,
  method: 13,
  note: 14,
} as const;

/** Where the layout-made problems go (chosen so they do not overlap the data problems). */
const BALANCE_TYPO = { month: 8, entryIndex: 2 };
const SUBTOTAL_TYPO = { month: 4, creditExtraFen: 10_000 };
/** The page turns at the first voucher boundary after this many June rows. */
const PAGE_BREAK = { month: 6, afterEntryIndex: 18 };

export interface LedgerEntryRow {
  row: number;
  txn: Txn;
  voucher: string;
  /** The true running balance after this row. */
  balanceFen: number;
}

export interface LayoutProblem {
  rule: "running-balance" | "subtotal-mismatch" | TxnFlag;
  row: number;
  column: number;
  /** What is wrong, with the numbers, zh-CN and en. */
  zh: string;
  en: string;
}

export interface LedgerLayout {
  sheet: TableSheet;
  entries: LedgerEntryRow[];
  problems: LayoutProblem[];
  closingBalanceFen: number;
}

const ENTRY_STYLES: CellStyle[] = ["center", "center", "center", "text", "text", "text", "money", "money", "center", "money", "text", "center", "center", "text"];
const TOTAL_STYLES: CellStyle[] = ["center", "center", "center", "totalText", "totalText", "totalText", "totalMoney", "totalMoney", "center", "totalMoney", "text", "text", "text", "text"];

/** One typo: swap the yuan tens and hundreds digits (or the hundreds and thousands when those are equal). */
export function mistypeBalance(fen: number): number {
  const digits = String(Math.floor(fen / 100)).split("");
  const swap = (i: number): boolean => {
    if (i < 1 || digits[i] === digits[i - 1]) return false;
    [digits[i], digits[i - 1]] = [digits[i - 1], digits[i]];
    return true;
  };
  const n = digits.length;
  if (!swap(n - 2) && !swap(n - 3)) throw new Error(`cannot mistype ${fen}`);
  return Number(digits.join("")) * 100 + (fen % 100);
}

/**
 * Vouchers 记-001… numbered through the year (never restarting), one per journal row, as a treasurer who keys each
 * payment separately does. (Multi-line vouchers are legal but reported at info level for confirmation; the sample's
 * promise is that the pane lists exactly its documented problems, so it keeps to one row per voucher.)
 */
function assignVouchers(txns: readonly Txn[]): string[] {
  const out: string[] = [];
  let counter = 0;
  txns.forEach((t, i) => {
    if (t.flag === "duplicate-voucher") {
      if (i === 0 || txns[i - 1].date === t.date) throw new Error("a reused voucher must come from an earlier date");
      out.push(out[i - 1]);
    } else {
      counter += 1;
      out.push(`记-${String(counter).padStart(3, "0")}`);
    }
  });
  return out;
}

export function buildLedgerSheet(txns: readonly Txn[]): LedgerLayout {
  const C = LEDGER_COLUMNS;
  const b = new SheetBuilder(LEDGER_SHEET, [5, 5, 9, 34, 24, 13, 13, 13, 6, 14, 20, 9, 9, 18], true);
  b.addRow([`${YEAR}年银行存款日记账`], "title");
  b.merge("A1:N1");
  const captions: CellStyle[] = ["caption", "caption", "caption", "caption", "caption", "caption", "caption", "caption", "caption", "caption", "caption", "captionRight", "captionRight", "captionRight"];
  b.addRow([`核算单位：${UNION_NAME}`, "", "", "", "", "", `开户行：中国工商银行江城支行`, "", "", "", "", "单位：元"], captions);
  b.merge("A2:F2");
  b.merge("G2:K2");
  b.merge("L2:N2");
  const top = b.addRow([`${YEAR}年`, "", "凭证字号", "摘要", "会计科目", "预算项目", "借方", "贷方", "借或贷", "余额", "领取人/收款单位", "会员编号", "结算方式", "备注"], "header");
  b.addRow(["月", "日"], "header");
  b.merge(`A${top}:B${top}`);
  for (let c = C.voucher; c <= C.note; c++) {
    const letter = String.fromCharCode(64 + c);
    b.merge(`${letter}${top}:${letter}${top + 1}`);
  }
  b.markTableTop(top, top + 1);

  const direction = (fen: number): string => (fen > 0 ? "借" : fen < 0 ? "贷" : "平");
  b.addRow([1, 1, "", "上年结转", "", "", "", "", direction(OPENING_BALANCE_FEN), yuan(OPENING_BALANCE_FEN)], ENTRY_STYLES);

  const vouchers = assignVouchers(txns);
  const entries: LedgerEntryRow[] = [];
  const problems: LayoutProblem[] = [];
  let balance = OPENING_BALANCE_FEN;
  let yearIn = 0;
  let yearOut = 0;
  let cursor = 0;
  let pageBroken = false;
  for (let month = 1; month <= 12; month++) {
    let monthIn = 0;
    let monthOut = 0;
    let k = 0;
    while (cursor < txns.length && Number(txns[cursor].date.slice(5, 7)) === month) {
      const t = txns[cursor];
      balance += t.incomeFen - t.expenseFen;
      if (balance < 0) throw new Error(`balance goes negative on ${t.date}`);
      monthIn += t.incomeFen;
      monthOut += t.expenseFen;
      let printed = balance;
      const row = b.nextRow;
      if (month === BALANCE_TYPO.month && k === BALANCE_TYPO.entryIndex) {
        if (t.flag || t.typedAs) throw new Error("the balance typo must sit on an otherwise clean row");
        printed = mistypeBalance(balance);
        problems.push({
          rule: "running-balance",
          row,
          column: C.balance,
          zh: `余额误录为 ${thousands2(printed)}，按上行余额加减本行发生额应为 ${thousands2(balance)}（数字颠倒）；其后各行余额正确`,
          en: `Balance typed as ${thousands2(printed)}; previous balance plus this row gives ${thousands2(balance)} (two digits swapped). Later rows are right.`,
        });
      }
      const amountCell = (fen: number): string | number => (fen === 0 ? "" : t.typedAs ?? yuan(fen));
      const styles = [...ENTRY_STYLES];
      if (t.typedAs) styles[(t.incomeFen > 0 ? C.debit : C.credit) - 1] = "typedAmount";
      b.addRow(
        [
          k === 0 && month !== 1 ? month : "",
          Number(t.date.slice(8, 10)),
          vouchers[cursor],
          t.summary,
          t.account,
          t.planItem,
          amountCell(t.incomeFen),
          amountCell(t.expenseFen),
          direction(printed),
          yuan(printed),
          t.counterparty,
          t.memberId ?? "",
          t.method,
          t.note ?? "",
        ],
        styles,
      );
      entries.push({ row, txn: t, voucher: vouchers[cursor], balanceFen: balance });
      if (t.flag) problems.push(dataProblem(t, row, vouchers, cursor, txns));
      cursor += 1;
      k += 1;
      const voucherEnds = cursor === txns.length || vouchers[cursor] !== vouchers[cursor - 1];
      if (month === PAGE_BREAK.month && k > PAGE_BREAK.afterEntryIndex && voucherEnds && !pageBroken) {
        pageBroken = true;
        // 过次页 carries the month's totals so far (会计基础工作规范: from the start of the month), 承前页 repeats them.
        for (const label of ["过次页", "承前页"]) {
          b.addRow(["", "", "", label, "", "", yuan(monthIn), yuan(monthOut), direction(balance), yuan(balance)], TOTAL_STYLES);
        }
      }
    }
    yearIn += monthIn;
    yearOut += monthOut;
    let printedOut = monthOut;
    const totalRow = b.nextRow;
    if (month === SUBTOTAL_TYPO.month) {
      printedOut = monthOut + SUBTOTAL_TYPO.creditExtraFen;
      problems.push({
        rule: "subtotal-mismatch",
        row: totalRow,
        column: C.credit,
        zh: `${month}月本月合计贷方填为 ${thousands2(printedOut)}，本月各行贷方合计为 ${thousands2(monthOut)}（多 100.00）；本年累计正确`,
        en: `Month ${month} total credit reads ${thousands2(printedOut)} but the month's rows add up to ${thousands2(monthOut)} (100.00 too much). The year-to-date row is right.`,
      });
    }
    b.addRow(["", "", "", "本月合计", "", "", yuan(monthIn), yuan(printedOut), direction(balance), yuan(balance)], TOTAL_STYLES);
    b.addRow(["", "", "", "本年累计", "", "", yuan(yearIn), yuan(yearOut), direction(balance), yuan(balance)], TOTAL_STYLES);
    if (month < 12) b.addRow([], ENTRY_STYLES);
  }
  if (cursor !== txns.length) throw new Error("transactions outside 2025 or out of order");
  if (!pageBroken) throw new Error("the 过次页/承前页 pair was not placed");
  return { sheet: b.build(), entries, problems: problems.sort((x, y) => x.row - y.row), closingBalanceFen: balance };
}

function thousands2(fen: number): string {
  const sign = fen < 0 ? "-" : "";
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100).toLocaleString("en-US")}.${String(abs % 100).padStart(2, "0")}`;
}

function dataProblem(t: Txn, row: number, vouchers: string[], index: number, txns: readonly Txn[]): LayoutProblem {
  const C = LEDGER_COLUMNS;
  switch (t.flag) {
    case "unparseable-amount":
      return { rule: t.flag, row, column: C.credit, zh: `贷方金额“${t.typedAs}”中把数字0误录为字母O，无法识别（应为 ${thousands2(t.expenseFen)}；本行余额按 ${thousands2(t.expenseFen)} 计算是正确的）`, en: `Credit "${t.typedAs}" has a letter O for a zero and cannot be read (meant ${thousands2(t.expenseFen)}; the row's balance is right for that amount).` };
    case "duplicate-voucher":
      return { rule: t.flag, row, column: C.voucher, zh: `凭证号 ${vouchers[index]} 与 ${txns[index - 1].date} 的上一笔重复（本笔日期 ${t.date}）`, en: `Voucher ${vouchers[index]} was already used on ${txns[index - 1].date}; this row is dated ${t.date}.` };
    case "shopping-card-or-cash-gift":
      return { rule: t.flag, row, column: C.summary, zh: `节日慰问购买超市购物卡（${thousands2(t.expenseFen)}），违反“八不准”，应改发实物`, en: `Festival welfare bought as supermarket shopping cards (${thousands2(t.expenseFen)}); shopping cards are forbidden, goods are allowed.` };
    case "birthday-twice":
      return { rule: t.flag, row, column: C.memberId, zh: `会员 ${t.memberId}（${t.counterparty}）3月已领生日蛋糕券，10月又领一次`, en: `Member ${t.memberId} (${t.counterparty}) got a birthday cake voucher in March and again in October.` };
    case "hardship-aid-not-by-transfer":
      return { rule: t.flag, row, column: C.method, zh: `困难职工医疗救助 ${thousands2(t.expenseFen)} 以现金发放，应实名打卡（银行转账）`, en: `Hardship medical aid of ${thousands2(t.expenseFen)} paid in cash; it must go by bank transfer to the member's own card.` };
    case "no-budget-line":
      return { rule: t.flag, row, column: C.planItem, zh: `慈善捐赠 ${thousands2(t.expenseFen)} 记入“其他支出—捐赠”，预算表没有对应的计划项目（其他支出只列了银行手续费）`, en: `A ${thousands2(t.expenseFen)} charity donation booked to 其他支出—捐赠; the plan has no such line (its 其他支出 line is bank fees only).` };
    default:
      throw new Error(`unexpected flag ${String(t.flag)}`);
  }
}

export function problemAddress(p: LayoutProblem): string {
  return a1(p.row, p.column);
}
