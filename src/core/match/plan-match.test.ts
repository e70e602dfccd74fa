import { books, e, yuan } from "../reports/testing";
import { matchToPlan } from "./plan-match";
import { yearPeriod, quarterPeriod } from "../model/period";
import { sameLabel, normaliseLabel } from "./normalise";

describe("normalise", () => {
  it("ignores numbering, punctuation and soft endings", () => {
    expect(normaliseLabel("（二）文体 活动")).toBe("文体活动");
    expect(sameLabel("文体活动费", "2、文体活动")).toBe(true);
    expect(sameLabel("会费收入", "会费")).toBe(true);
    expect(sameLabel("活动", "文体活动")).toBe(false);
  });
});

describe("matchToPlan", () => {
  it("matches at plan-item granularity first", () => {
    const b = books({
      plan: [
        { label: "春节慰问", category: "职工活动支出", planItem: "春节慰问", budget: yuan(20000) },
        { label: "职工运动会", category: "职工活动支出", planItem: "职工运动会", budget: yuan(8000) },
      ],
      entries: [
        e("2025-01-20", "春节慰问品", { account: "50104", planItem: "春节慰问", expense: yuan(15000) }),
        e("2025-05-10", "运动会奖品", { account: "50102", planItem: " 职工运动会 ", expense: yuan(3000) }),
      ],
    });
    const m = matchToPlan(b);
    expect(m.lineOfEntry).toEqual([0, 1]);
    expect(m.actualOfLine).toEqual([yuan(15000), yuan(3000)]);
    expect(m.unbudgeted).toEqual([]);
  });

  it("prefers the most specific account line over the category line", () => {
    const b = books({
      plan: [
        { label: "职工活动支出", category: "职工活动支出", budget: yuan(50000) },
        { label: "文体活动", category: "职工活动支出", subCategory: "文体活动", budget: yuan(10000) },
      ],
      entries: [
        e("2025-03-01", "篮球赛", { account: "50102", expense: yuan(2000) }),
        e("2025-03-02", "读书会", { account: "50101", expense: yuan(500) }),
      ],
    });
    expect(b.plan!.lines[1].account?.code).toBe("50102");
    const m = matchToPlan(b);
    expect(m.lineOfEntry).toEqual([1, 0]);
    expect(m.actualOfLine).toEqual([yuan(500), yuan(2000)]);
  });

  it("matches sub-category text when the line resolved only to the category, and never a sibling", () => {
    const b = books({
      plan: [
        { label: "文体活动", category: "职工活动支出", subCategory: "文体活动", account: "501", budget: yuan(10000) },
        { label: "宣传活动", category: "职工活动支出", subCategory: "宣传活动", account: "501", budget: yuan(3000) },
      ],
      entries: [
        e("2025-03-01", "宣传栏制作", { account: "50103", expense: yuan(800) }),
        e("2025-03-02", "乒乓球", { account: "50102", expense: yuan(600) }),
        e("2025-03-03", "培训教材", { account: "50101", expense: yuan(100) }),
      ],
    });
    const m = matchToPlan(b);
    expect(m.lineOfEntry).toEqual([1, 0, undefined]);
    expect(m.unbudgeted).toEqual([2]);
  });

  it("falls back to category text when nothing resolves to the chart", () => {
    const b = books({
      plan: [{ label: "维权支出", category: "维权支出", account: null, budget: yuan(6000) }],
      entries: [e("2025-02-01", "法律咨询", { account: "50203", expense: yuan(1000) })],
    });
    const m = matchToPlan(b);
    expect(m.lineOfEntry).toEqual([0]);
  });

  it("matches income to income lines only, nets refunds and skips transfers and other periods", () => {
    const b = books({
      plan: [
        { kind: "income", label: "会费收入", category: "会费收入", budget: yuan(14400) },
        { label: "会费", category: "职工活动支出", planItem: "会费", budget: yuan(1) },
      ],
      entries: [
        e("2025-01-05", "1月会费", { account: "401", income: yuan(1200) }),
        e("2025-01-06", "退多收会费", { account: "401", expense: yuan(100) }),
        e("2025-01-07", "提取备用金", { expense: yuan(500) }),
        e("2025-04-05", "4月会费", { account: "401", income: yuan(1200) }),
        e(undefined, "无日期会费", { account: "401", income: yuan(5) }),
      ],
    });
    const m = matchToPlan(b, quarterPeriod(2025, 1));
    expect(m.lineOfEntry).toEqual([0, 0, undefined, undefined, undefined]);
    expect(m.actualOfLine).toEqual([yuan(1100), 0]);
    expect(m.unbudgeted).toEqual([]);
    expect(matchToPlan(b, yearPeriod(2025)).actualOfLine[0]).toBe(yuan(2300));
    expect(matchToPlan(b).actualOfLine[0]).toBe(yuan(2305));
  });

  it("puts expenditure with no line in 预算外, and uses the 摘要 for plan items when there is no item column", () => {
    const b = books({
      plan: [{ label: "春节慰问", category: "职工活动支出", subCategory: "春节慰问", account: "501", budget: yuan(20000) }],
      entries: [
        e("2025-01-20", "购买春节慰问品", { account: "50104", expense: yuan(12000) }),
        e("2025-06-01", "购置电脑", { account: "50502", expense: yuan(5000) }),
      ],
    });
    const m = matchToPlan(b);
    expect(m.lineOfEntry).toEqual([0, undefined]);
    expect(m.unbudgeted).toEqual([1]);
  });

  it("breaks ties by plan order", () => {
    const b = books({
      plan: [
        { label: "文体活动A", category: "职工活动支出", account: "50102", budget: 100 },
        { label: "文体活动B", category: "职工活动支出", account: "50102", budget: 100 },
      ],
      entries: [e("2025-03-01", "羽毛球", { account: "50102", expense: 50 })],
    });
    expect(matchToPlan(b).lineOfEntry).toEqual([0]);
  });
});

describe("matchToPlan with plan items on both sides", () => {
  it("does not let an entry naming an unknown item fall under another item on the same account", () => {
    const b = books({
      plan: [
        { label: "银行手续费", category: "其他支出", planItem: "银行手续费", budget: yuan(300) },
        { label: "维权支出", category: "维权支出", budget: yuan(300) },
      ],
      entries: [
        e("2025-01-31", "1月手续费", { account: "508", planItem: "银行手续费", expense: yuan(20) }),
        e("2025-07-01", "慈善捐款", { account: "其他支出—捐赠", planItem: "慈善捐赠", expense: yuan(2000) }),
        e("2025-07-02", "法律咨询", { account: "50203", planItem: "法律援助", expense: yuan(500) }),
      ],
    });
    const m = matchToPlan(b);
    expect(m.lineOfEntry).toEqual([0, undefined, 1]);
    expect(m.unbudgeted).toEqual([1]);
  });
});
