/** A double-entry journal (序时账) is read in single entry; cash journals with 借方/贷方 are read as before. */
import { sheet, workbook } from "../../../test/helpers/table";
import type { Books } from "../model/types";
import { runChecks } from "../rules/engine";
import { entryFlow } from "../match/flow";
import { readBooks } from "./books";

const HEADER = ["日期", "凭证号", "摘要", "科目", "借方", "贷方"];

/** Four vouchers as accounting software exports them, one line per account. */
const JOURNAL = [
  HEADER,
  ["2025-01-05", "记1", "收1月会费", "银行存款", 500, null],
  ["2025-01-05", "记1", "收1月会费", "会费收入", null, 500],
  ["2025-01-08", "记2", "篮球赛场地费", "职工活动支出-文体活动费", 800, null],
  ["2025-01-08", "记2", "篮球赛场地费", "银行存款", null, 800],
  ["2025-01-09", "记3", "提现备用", "库存现金", 1000, null],
  ["2025-01-09", "记3", "提现备用", "银行存款", null, 1000],
  ["2025-01-10", "记4", "退回多付场地费", "银行存款", 50, null],
  ["2025-01-10", "记4", "退回多付场地费", "职工活动支出-文体活动费", null, 50],
];

const rulesOf = (b: Books) => runChecks(b).findings.map((f) => f.rule);

describe("a double-entry journal", () => {
  test("keeps the lines on counter-accounts, in their accounts' terms, and leaves the cash and bank lines out", () => {
    const b = readBooks(workbook(sheet("序时账", JOURNAL)));
    const entries = b.ledger.entries;
    expect(entries.map((e) => [e.row, e.account?.code, e.income, e.expense])).toEqual([
      [3, "401", 50000, 0], // 贷 会费收入: dues received
      [4, "50102", 0, 80000], // 借 文体活动费: money spent
      [9, "50102", 5000, 0], // 贷 文体活动费: a refund, which nets the expense
    ]);
    expect(entries.map((e) => e.index)).toEqual([0, 1, 2]);
    expect(entries.map((e) => entryFlow(e))).toEqual([{ kind: "income", amount: 50000 }, { kind: "expense", amount: 80000 }, { kind: "expense", amount: -5000 }]);
    // The cells follow the sides: the income of row 3 was read from the 贷方 column (F).
    expect(entries[0].cells.income).toMatchObject({ address: "F3" });
    expect(entries[1].cells.expense).toMatchObject({ address: "E4" });
    const [info] = b.findings.filter((f) => f.rule === "double-entry-journal");
    expect(info).toMatchObject({ severity: "info", params: { sheet: "序时账", kept: 3, cash: 5, closing: 0 } });
    expect(info.locations.map((l) => l.address)).toEqual(["D2", "D5", "D6", "D7", "D8"]);
    // Nothing counted twice, nothing on the wrong side, no voucher "duplicated" by its own lines.
    expect(rulesOf(b)).not.toEqual(expect.arrayContaining(["duplicate-voucher"]));
    expect(rulesOf(b).filter((r) => ["wrong-side", "duplicate-voucher", "negative-amount"].includes(r))).toEqual([]);
  });

  test("a period-end closing voucher (结转本年结余) is left out, not read as negative income and expense", () => {
    const b = readBooks(workbook(sheet("序时账", [
      ...JOURNAL,
      ["2025-12-31", "记99", "结转本年收支", "会费收入", 500, null],
      ["2025-12-31", "记99", "结转本年收支", "本年结余", null, 500],
    ])));
    expect(b.ledger.entries.map((e) => e.row)).toEqual([3, 4, 9]);
    expect(b.findings.find((f) => f.rule === "double-entry-journal")?.params).toMatchObject({ kept: 3, cash: 5, closing: 2 });
  });

  test("a cash journal with 借方/贷方 and the counter-account in 科目 is read as a cash journal (借方 = money in)", () => {
    const b = readBooks(workbook(sheet("现金日记账", [
      ["日期", "凭证号", "摘要", "对方科目", "借方", "贷方", "余额"],
      ["2025-01-09", "现付1", "提现备用", "银行存款", 1000, null, 1000],
      ["2025-01-12", "现付2", "慰问品", "职工活动支出", null, 300, 700],
      ["2025-01-12", "现付2", "慰问品运费", "职工活动支出", null, 20, 680],
      ["2025-01-15", "现收1", "收会费", "会费收入", 200, null, 880],
    ])));
    expect(b.ledger.entries.map((e) => [e.row, e.income, e.expense])).toEqual([[2, 100000, 0], [3, 0, 30000], [4, 0, 2000], [5, 20000, 0]]);
    expect(b.findings.filter((f) => f.rule === "double-entry-journal")).toEqual([]);
  });

  test("a journal headed 收入/支出 is not taken for double entry, whatever its vouchers", () => {
    const rows = JOURNAL.map((r, i) => (i === 0 ? ["日期", "凭证号", "摘要", "科目", "收入", "支出"] : r));
    const b = readBooks(workbook(sheet("明细账", rows)));
    expect(b.ledger.entries).toHaveLength(8);
    expect(b.findings.filter((f) => f.rule === "double-entry-journal")).toEqual([]);
  });
});
