/** Two ledger sheets recording the same business are reported; journals that only share transfers are not. */
import { sheet, workbook } from "../../../test/helpers/table";
import type { Books } from "../model/types";
import { readBooks } from "./books";

const overlaps = (b: Books) => b.findings.filter((f) => f.rule === "ledger-sheets-overlap");

const BANK = [
  ["日期", "凭证号", "摘要", "收入", "支出"],
  ["2025-01-05", "银收1", "收会费", 500, null],
  ["2025-01-08", "银付1", "篮球赛场地费", null, 800],
  ["2025-01-09", "银付2", "提现", null, 1000],
  ["2025-01-20", "银付3", "慰问品", null, 300],
];

describe("ledger sheets that record the same business", () => {
  test("a 收支明细账 copied from the bank journal: one warning, at the repeated rows of the larger sheet", () => {
    const b = readBooks(workbook(
      sheet("银行存款日记账", BANK),
      sheet("收支明细账", [
        ["日期", "摘要", "收入", "支出"],
        ["2025-01-05", "会费", 500, null],
        ["2025-01-08", "场地费", null, 800],
        ["2025-01-20", "慰问品", null, 300],
      ]),
    ));
    const [f] = overlaps(b);
    expect(overlaps(b)).toHaveLength(1);
    expect(f).toMatchObject({ severity: "warning", params: { first: "银行存款日记账", second: "收支明细账", count: 3, rows: 3 } });
    expect(f.locations.map((l) => `${l.sheet}!${l.address}`)).toEqual(["银行存款日记账!D2", "银行存款日记账!E3", "银行存款日记账!E5"]);
  });

  test("cash and bank journals sharing only their transfer, and month sheets, are not reported", () => {
    const cash = [
      ["日期", "凭证号", "摘要", "收入", "支出"],
      ["2025-01-09", "现收1", "提现", 1000, null],
      ["2025-01-10", "现付1", "茶歇", null, 120],
      ["2025-01-20", "现付2", "慰问品", null, 300], // one coincidence is not a copied sheet
    ];
    expect(overlaps(readBooks(workbook(sheet("银行存款日记账", BANK), sheet("现金日记账", cash))))).toEqual([]);
    const feb = BANK.map((r, i) => (i === 0 ? r : [String(r[0]).replace("-01-", "-02-"), ...r.slice(1)]));
    expect(overlaps(readBooks(workbook(sheet("1月", BANK), sheet("2月", feb))))).toEqual([]);
  });
});
