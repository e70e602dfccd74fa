import type { Entry } from "../model/types";
import { resolveAccount } from "../model/accounts";
import { hardshipAidType, isInternalTransfer, welfareOccasion, WELFARE_KEYWORDS, entryText } from "./index";

/** A ledger row as the reader would give it: an expense unless income is given, the account resolved from text. */
function row(summary: string, extra: Partial<Entry> & { acct?: string; sub?: string } = {}): Entry {
  const { acct, sub, ...rest } = extra;
  return {
    index: 0,
    sheet: "明细账",
    row: 5,
    date: "2025-01-20",
    summary,
    accountText: acct,
    subAccountText: sub,
    account: acct || sub ? resolveAccount(acct, sub) : undefined,
    income: 0,
    expense: 100000,
    cells: {},
    ...rest,
  };
}

describe("welfareOccasion", () => {
  it.each([
    ["春节慰问品 全体会员 120人", "festival"],
    ["中秋节 月饼 发放", "festival"],
    ["端午节粽子", "festival"],
    ["购买年货 大米 食用油", "festival"],
    ["张三住院慰问", "sickness"],
    ["春节前看望住院职工张三", "sickness"],
    ["李四父亲去世慰问金", "bereavement"],
    ["王五结婚慰问", "wedding"],
    ["赵六生育慰问（产假）", "childbirth"],
    ["3月份职工生日蛋糕券 15人", "birthday"],
    ["孙七退休纪念品", "retirement"],
    ["春节慰问退休职工", "festival"],
    ["职工疗休养 第一批", "recuperation"],
    ["2025年度职工体检费", "checkup"],
    ["慰问一线职工", "other"],
  ])("%p -> %p", (summary, occasion) => {
    expect(welfareOccasion(row(summary))).toBe(occasion);
  });

  it("reads the occasion through the welfare account when the summary is generic", () => {
    expect(welfareOccasion(row("购买慰问品", { acct: "职工活动支出—生日慰问" }))).toBe("birthday");
    expect(welfareOccasion(row("慰问", { acct: "职工活动支出", sub: "职工集体福利", planItem: "端午节慰问" }))).toBe("festival");
    expect(welfareOccasion(row("发放物品", { acct: "职工活动支出—职工集体福利" }))).toBe("other");
    expect(welfareOccasion(row("购买物品", { acct: "50104" }))).toBe("other");
  });

  it("the summary beats the plan item when both name an occasion", () => {
    expect(welfareOccasion(row("张三住院慰问", { planItem: "春节慰问" }))).toBe("sickness");
  });

  it("is undefined for activities, even with festival words", () => {
    expect(welfareOccasion(row("中秋游园活动奖品"))).toBeUndefined();
    expect(welfareOccasion(row("元旦联欢晚会场地费"))).toBeUndefined();
    expect(welfareOccasion(row("春节慰问品", { acct: "50102" }))).toBeUndefined(); // booked as 文体活动费
    expect(welfareOccasion(row("趣味运动会", { acct: "50104" }))).toBeUndefined();
    expect(welfareOccasion(row("职工篮球比赛服装"))).toBeUndefined();
  });

  it("is undefined for business, capital and unrelated spending", () => {
    expect(welfareOccasion(row("中秋节前召开经审会", { acct: "会议费" }))).toBeUndefined();
    expect(welfareOccasion(row("购买打印机", { acct: "50502" }))).toBeUndefined();
    expect(welfareOccasion(row("银行手续费"))).toBeUndefined();
  });

  it("is undefined for income, transfers and hardship aid (hardship wins)", () => {
    expect(welfareOccasion(row("收到会费 春节", { income: 500000, expense: 0 }))).toBeUndefined();
    expect(welfareOccasion(row("提现 备春节慰问品"))).toBeUndefined();
    expect(welfareOccasion(row("春节慰问困难职工 赵六"))).toBeUndefined();
    expect(welfareOccasion(row("张三住院慰问", { acct: "50204" }))).toBeUndefined();
  });

  it("uses words when the account column holds the other side (银行存款) of a journal", () => {
    expect(welfareOccasion(row("春节慰问品", { acct: "银行存款" }))).toBe("festival");
  });

  it("a union can extend the keyword tables", () => {
    expect(welfareOccasion(row("火把节慰问品"))).toBe("other");
    WELFARE_KEYWORDS.festival.push("火把节");
    try {
      expect(welfareOccasion(row("火把节慰问品"))).toBe("festival");
    } finally {
      WELFARE_KEYWORDS.festival.pop();
    }
  });
});

describe("hardshipAidType", () => {
  it.each([
    ["金秋助学 王五之子", "education"],
    ["送温暖 困难职工 赵六", "warmth"],
    ["春节慰问困难职工 赵六", "warmth"],
    ["困难职工钱八大病医疗救助", "medical"],
    ["生活困难补助 孙七", "living"],
    ["意外致困职工周九救助", "accident"],
    ["困难帮扶 吴十", "other"],
  ])("%p -> %p", (summary, type) => {
    expect(hardshipAidType(row(summary))).toBe(type);
  });

  it("takes the hardship accounts as hardship aid whatever the words", () => {
    expect(hardshipAidType(row("张三", { acct: "50205" }))).toBe("warmth");
    expect(hardshipAidType(row("张三住院", { acct: "维权支出—困难职工帮扶费" }))).toBe("medical");
    expect(hardshipAidType(row("郑一", { acct: "困难帮扶" }))).toBe("other");
    expect(hardshipAidType(row("慰问金", { acct: "50204", planItem: "金秋助学" }))).toBe("education");
  });

  it("is undefined for welfare, income, transfers and accounts that cannot hold aid", () => {
    expect(hardshipAidType(row("张三住院慰问"))).toBeUndefined();
    expect(hardshipAidType(row("春节慰问品 全体会员"))).toBeUndefined();
    expect(hardshipAidType(row("收到上级帮扶补助", { acct: "40304", income: 300000, expense: 0 }))).toBeUndefined();
    expect(hardshipAidType(row("对口帮扶村捐款", { acct: "其他支出" }))).toBeUndefined();
    expect(hardshipAidType(row("帮扶困难职工 转存", {}))).toBeUndefined();
    expect(hardshipAidType(row("意外伤害保险"))).toBeUndefined();
  });
});

describe("isInternalTransfer", () => {
  it.each(["提现", "银行提取现金备用", "现金存入银行", "存现", "定期存款转存", "工会账户互转", "内部转账"])("%p is a transfer", (s) => {
    expect(isInternalTransfer(row(s))).toBe(true);
    expect(isInternalTransfer(row(s, { income: 100, expense: 0 }))).toBe(true);
  });

  it.each(["春节慰问品", "收到会费", "银行手续费", "支付转账手续费"])("%p is not", (s) => {
    expect(isInternalTransfer(row(s))).toBe(false);
  });

  it("does not call every row of a bank journal a transfer because of its account", () => {
    expect(isInternalTransfer(row("购买慰问品", { acct: "银行存款" }))).toBe(false);
  });
});

describe("entryText", () => {
  it("normalises and separates the summary from category texts, including local detail accounts", () => {
    const t = entryText(row(" 春节 慰问品 ", { acct: "职工活动支出—职工集体福利", planItem: "ＡＢ" }));
    expect(t.primary).toBe("春节慰问品");
    expect(t.secondary.split("|")).toEqual(["ab", "职工活动支出—职工集体福利", "职工集体福利"]);
  });
});
