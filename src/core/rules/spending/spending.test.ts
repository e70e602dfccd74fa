import { runChecks } from "../engine";
import { books, yuan, acct, type BooksSpec } from "../testing";
import type { CheckOptions } from "../types";
import { packById } from "../../packs";

function check(rule: string, spec: BooksSpec, options: CheckOptions = {}) {
  return runChecks(books(spec), { ...options, tiers: [], enable: [rule] }).findings.filter((f) => f.rule === rule || f.rule === "internal-error");
}
const pay = (summary: string, amount = 500, extra = {}) => ({ date: "2025-09-20", summary, expense: yuan(amount), ...extra });

describe("shopping-card-or-cash-gift", () => {
  test("a shopping card is an error; cake and pick-up vouchers are allowed", () => {
    const f = check("shopping-card-or-cash-gift", {
      entries: [pay("中秋节慰问 超市购物卡 120张", 24000), pay("会员生日蛋糕券"), pay("中秋月饼提货券"), pay("端午粽子")],
    });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", params: { context: "card", term: "购物卡", amount: "24,000.00" } });
    expect(f[0].locations[0].address).toBe("C2");
  });
  test("a card next to an allowed voucher is still found", () => {
    expect(check("shopping-card-or-cash-gift", { entries: [pay("蛋糕券及京东卡")] })[0].params.term).toBe("京东卡");
  });
  test("festival cash (慰问金) where only goods are allowed", () => {
    const f = check("shopping-card-or-cash-gift", { entries: [pay("春节慰问金发放", 6000, { date: "2025-01-20" })] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", params: { context: "cash", occasion: "festival", term: "慰问金" } });
  });
  test("cash is fine for sickness, and for weddings under a pack that allows it", () => {
    expect(check("shopping-card-or-cash-gift", { entries: [pay("张三住院慰问金", 500, { counterparty: "张三" })] })).toEqual([]);
    expect(check("shopping-card-or-cash-gift", { entries: [pay("李四结婚慰问金", 500, { counterparty: "李四" })] }, { pack: packById("anhui-2018") })).toEqual([]);
  });
});

describe("bonus-or-allowance", () => {
  test("an allowance paid from union funds", () => {
    const f = check("bonus-or-allowance", { entries: [pay("发放职工高温补贴", 3000), pay("银行手续费", 10), pay("职工篮球比赛奖金", 600)] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", params: { term: "补贴", amount: "3,000.00" } });
    expect(f[0].locations.map((l) => l.address)).toEqual(["C2", "F2"]);
  });
  test("hardship aid is not an allowance", () => {
    expect(check("bonus-or-allowance", { entries: [pay("困难职工王五生活困难补贴", 2000, { counterparty: "王五", account: acct("50204") })] })).toEqual([]);
  });
});

describe("entertainment-or-banquet / high-end-consumption / employer-borne-cost", () => {
  test("a banquet for visitors", () => {
    const f = check("entertainment-or-banquet", { entries: [pay("宴请上级检查组", 1800), pay("运动会工作餐 30人", 900)] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { term: "宴请" } });
  });
  test("KTV is high-end consumption", () => {
    const f = check("high-end-consumption", { entries: [pay("工会小组ktv活动", 1200), pay("羽毛球馆场地费", 300)] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", params: { term: "ktv" } });
  });
  test("utilities are the employer's cost; a venue rental for an event is not", () => {
    const f = check("employer-borne-cost", { entries: [pay("工会办公室水电费", 400), pay("运动会场地租金", 800)] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { term: "水电费" } });
  });
  test("a union can extend a synonym table through the pack", () => {
    const spec = { entries: [pay("工会干事值守费", 200)] };
    expect(check("bonus-or-allowance", spec)).toEqual([]);
    expect(check("bonus-or-allowance", spec, { capOverrides: { keywords: { "bonus-or-allowance": { include: ["值守费"] } } } })).toHaveLength(1);
  });
});

describe("cash-over-limit", () => {
  test("a cash payment above 1,000 yuan", () => {
    const f = check("cash-over-limit", { entries: [pay("购买慰问品", 1500, { paymentMethod: "现金" }), pay("购买慰问品", 1500, { paymentMethod: "转账" }), pay("购买水果", 800, { paymentMethod: "现金" })] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { amount: "1,500.00", limit: "1,000.00" } });
    expect(f[0].locations[0].address).toBe("F2");
  });
  test("the limit is an option; withdrawals are transfers, not payments", () => {
    expect(check("cash-over-limit", { entries: [pay("购买慰问品", 1500, { paymentMethod: "现金" })] }, { cashLimitFen: yuan(2000) })).toEqual([]);
    expect(check("cash-over-limit", { entries: [pay("提现", 5000, { paymentMethod: "现金" })] })).toEqual([]);
  });
});

describe("outing-overnight-or-over-cap", () => {
  test("an outing with lodging", () => {
    const f = check("outing-overnight-or-over-cap", { entries: [pay("秋游 黄山两日游 住宿费", 8000)] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { context: "overnight" } });
  });
  test("per head above the day cap when the summary gives a head count", () => {
    const f = check("outing-overnight-or-over-cap", { entries: [pay("春游 40人 大巴及门票", 10000), pay("春游 50人 大巴及门票", 10000)] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ params: { context: "cap", heads: 40, perHead: "250.00", cap: "200.00" } });
    expect(f[0].locations[0].address).toBe("F2");
  });
});
