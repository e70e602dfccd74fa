import { classifyPlanLabel, classifySubtotal, directionOf, monthFromSheetName, stripNumbering } from "./keywords";
import { normalizeHeader } from "./normalize";
import { ledgerMatcher, planMatcher } from "./synonyms";
import { columnLetters, parseRange } from "../model/a1";

describe("keywords", () => {
  test.each([
    ["本月合计", "monthTotal", undefined], ["3月合计", "monthTotal", 3], ["十二月份合计", "monthTotal", 12],
    ["本月合计（1月）", "monthTotal", undefined], ["本年累计", "yearTotal", undefined], ["本季合计", "quarterTotal", undefined],
    ["过次页", "carriedForward", undefined], ["承前页", "broughtForward", undefined], ["上年结转", "opening", undefined],
    ["期初余额", "opening", undefined], ["合 计", "total", undefined], ["总计：", "total", undefined],
  ])("%s is a %s row", (text, kind, month) => {
    expect(classifySubtotal(text)).toEqual(month === undefined ? { kind } : { kind, month });
  });

  test.each(["会费", "支付上年结转的慰问品款项共计三笔", "购买计算器", ""])("%s is an ordinary entry", (text) => {
    expect(classifySubtotal(text)).toBeUndefined();
  });

  test.each([["1月", 1], ["01月份", 1], ["2025.03", 3], ["2025-11", 11], ["2025年4月", 4], ["一月", 1], ["十二月", 12], ["Mar", 3]])(
    "sheet %s is month %d", (name, month) => expect(monthFromSheetName(name as string)).toBe(month));

  test.each(["明细账", "2025", "现金日记账", "预算"])("sheet %s names no month", (name) => {
    expect(monthFromSheetName(name)).toBeUndefined();
  });

  test("plan labels: sections, totals, opening and closing", () => {
    expect(classifyPlanLabel("一、收入")).toEqual({ type: "section", kind: "income" });
    expect(classifyPlanLabel("二、支出预算")).toEqual({ type: "section", kind: "expense" });
    expect(classifyPlanLabel("支出合计")).toEqual({ type: "total", kind: "expense" });
    expect(classifyPlanLabel("小计")).toEqual({ type: "total" });
    expect(classifyPlanLabel("上年结余")).toEqual({ type: "opening" });
    expect(classifyPlanLabel("本年结余")).toEqual({ type: "closing" });
    // A projected or closing balance is a result of the plan, never a budget line.
    for (const label of ["预计年末结余", "年末结余", "本年结余", "收支差额", "预计本年结余", "年末滚存结余", "五、预计年末结余"]) {
      expect(classifyPlanLabel(label)).toEqual({ type: "closing" });
    }
    for (const label of ["年初结余", "上年结余", "期初余额"]) expect(classifyPlanLabel(label)).toEqual({ type: "opening" });
    // Ordinary lines stay lines.
    for (const label of ["结余分配", "银行手续费", "预计收入"]) expect(classifyPlanLabel(label)?.type ?? "line").not.toMatch(/closing|opening/);
    expect(classifyPlanLabel("会费收入")).toBeUndefined();
    expect(classifyPlanLabel("（一）职工活动支出")).toBeUndefined();
  });

  test("plan labels lose their numbering and a leading 其中：, and nothing else", () => {
    expect(["一、会费收入", "（二）职工活动支出", "1.2 文体活动", "其中：文体活动", "其中:节日慰问", "  其中 春节慰问", "①其中，宣传"].map(stripNumbering))
      .toEqual(["会费收入", "职工活动支出", "文体活动", "文体活动", "节日慰问", "春节慰问", "宣传"]);
    expect(["其中", "其中：", "会费其中", "文体活动（其中：篮球）"].map(stripNumbering)).toEqual(["", "", "会费其中", "文体活动(其中:篮球)"]);
  });

  test("directions", () => {
    expect(["借", "收", "收入", "+", "Dr", "debit"].map(directionOf)).toEqual(Array(6).fill("in"));
    expect(["贷", "支", "支出", "-", "－", "Cr"].map(directionOf)).toEqual(Array(6).fill("out"));
    expect(directionOf("平")).toBeUndefined();
  });
});

describe("header words", () => {
  test("normalisation strips spaces, breaks, units and full width", () => {
    expect(normalizeHeader("收 入\n（元）")).toBe("收入");
    expect(normalizeHeader("Voucher No.")).toBe("voucherno");
    expect(normalizeHeader("ＤＡＴＥ")).toBe("date");
    expect(normalizeHeader("摘　要")).toBe("摘要");
  });

  test("matches exact words and longer headers that contain a specific word; titles match nothing", () => {
    expect(ledgerMatcher.match(normalizeHeader("借方发生额"))?.field).toBe("income");
    expect(ledgerMatcher.match(normalizeHeader("收款人姓名"))?.field).toBe("counterparty");
    expect(ledgerMatcher.match(normalizeHeader("审批日期"))?.field).toBe("approval");
    expect(ledgerMatcher.match(normalizeHeader("2025年银行存款日记账"))).toBeUndefined();
    expect(planMatcher.match(normalizeHeader("2025年预算数"))?.field).toBe("budget");
    expect(planMatcher.match(normalizeHeader("调整后预算数"))?.field).toBe("adjustedBudget");
  });

  test("A1 helpers", () => {
    expect([1, 26, 27, 52, 703].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "AAA"]);
    expect(parseRange("$B$3:A1")).toEqual({ top: 1, left: 1, bottom: 3, right: 2 });
    expect(parseRange("Sheet1!C5")).toEqual({ top: 5, left: 3, bottom: 5, right: 3 });
    expect(parseRange("nonsense")).toBeUndefined();
  });
});
