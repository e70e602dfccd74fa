import { runChecks } from "../engine";
import { books, yuan, type BooksSpec } from "../testing";
import type { CheckOptions } from "../types";
import { packById } from "../../packs";

function check(rule: string, spec: BooksSpec, options: CheckOptions = {}) {
  return runChecks(books(spec), { ...options, tiers: [], enable: [rule] }).findings.filter((f) => f.rule === rule || f.rule === "internal-error");
}
const pay = (date: string, summary: string, amount: number, extra = {}) => ({ date, summary, expense: yuan(amount), ...extra });

describe("festival-gift-over-cap", () => {
  // 2025: 春节 2025-01-29, 端午 2025-05-31, 中秋 2025-10-06.
  const gifts = [pay("2025-01-20", "春节慰问品 米面油", 60000), pay("2025-05-25", "端午节慰问品 粽子", 30000), pay("2025-10-03", "中秋节慰问品 月饼", 100000)];
  test("per-member yearly total over the national 1,500 cap", () => {
    const f = check("festival-gift-over-cap", { year: 2025, memberCount: 100, entries: gifts });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { context: "year", members: 100, total: "190,000.00", perHead: "1,900.00", cap: "1,500.00", over: "400.00" } });
    expect(f[0].locations.map((l) => l.address)).toEqual(["F2", "F3", "F4"]);
  });
  test("within the cap with more members, and skipped without a member count", () => {
    expect(check("festival-gift-over-cap", { memberCount: 130, entries: gifts })).toEqual([]);
    expect(check("festival-gift-over-cap", { entries: gifts })).toEqual([]);
  });
  test("the member count option wins over the plan's", () => {
    expect(check("festival-gift-over-cap", { memberCount: 130, entries: gifts }, { memberCount: 100 })).toHaveLength(1);
  });
  test("Guizhou caps each festival: 春节 500, others 200 per head", () => {
    const f = check("festival-gift-over-cap", { memberCount: 100, entries: gifts }, { pack: packById("guizhou-2018") });
    expect(f.map((x) => [x.params.festival, x.params.perHead])).toEqual([
      ["春节", "600.00"],
      ["端午节", "300.00"],
      ["中秋节", "1,000.00"],
    ]);
    expect(f[0].params).toMatchObject({ context: "festival", cap: "500.00" });
  });
  test("Beijing caps the festival total at 50 % of budgeted income", () => {
    const plan = [{ label: "会费收入", kind: "income" as const, budget: yuan(300000) }];
    const f = check("festival-gift-over-cap", { plan, entries: gifts }, { pack: packById("beijing-2019") });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ params: { context: "ratio", ratio: 50, cap: "150,000.00", total: "190,000.00" } });
    expect(check("festival-gift-over-cap", { plan: [{ label: "会费收入", kind: "income" as const, budget: yuan(400000) }], entries: gifts }, { pack: packById("beijing-2019") })).toEqual([]);
  });
  test("a user override of the cap", () => {
    expect(check("festival-gift-over-cap", { memberCount: 100, entries: gifts }, { capOverrides: { welfareCaps: { festival: yuan(2000) } } })).toEqual([]);
  });
});

describe("festival-gift-off-festival", () => {
  test("a festival gift bought far from any statutory festival", () => {
    const f = check("festival-gift-off-festival", { entries: [pay("2025-07-15", "节日慰问品", 5000), pay("2025-09-28", "中秋节慰问品 月饼", 5000)] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { date: "2025-07-15", days: 30 } });
    expect(f[0].locations[0].address).toBe("A2");
  });
  test("the window is an option", () => {
    expect(check("festival-gift-off-festival", { entries: [pay("2025-09-01", "中秋节慰问品", 5000)] }, { festivalWindowDays: 40 })).toEqual([]);
    expect(check("festival-gift-off-festival", { entries: [pay("2025-09-01", "中秋节慰问品", 5000)] }, { festivalWindowDays: 10 })).toHaveLength(1);
  });
});

describe("birthday", () => {
  test("twice in a year for the same member id", () => {
    const f = check("birthday-twice", { entries: [pay("2025-03-01", "生日蛋糕", 200, { memberId: "007", counterparty: "张三" }), pay("2025-08-01", "生日蛋糕券", 200, { memberId: "007", counterparty: "张三" }), pay("2025-08-01", "生日蛋糕", 200, { memberId: "008" })] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { name: "张三", count: 2, first: "2025-03-01" } });
    expect(f[0].locations[0].address).toBe("I3");
  });
  test("once a year is fine, including across years", () => {
    expect(check("birthday-twice", { entries: [pay("2024-03-01", "生日蛋糕", 200, { counterparty: "张三" }), pay("2025-03-01", "生日蛋糕", 200, { counterparty: "张三" })] })).toEqual([]);
  });
  test("over the 300 cap; a collective entry is divided by its head count", () => {
    const f = check("birthday-over-cap", { entries: [pay("2025-03-01", "生日蛋糕", 350, { counterparty: "张三" }), pay("2025-03-02", "3月生日会员蛋糕券 10人", 3000)] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { name: "张三", total: "350.00", cap: "300.00", over: "50.00" } });
    expect(check("birthday-over-cap", { entries: [pay("2025-03-02", "3月生日会员蛋糕券 10人", 3100)] })[0].params).toMatchObject({ heads: 10, total: "310.00" });
  });
});

describe("wedding / childbirth / retirement caps", () => {
  test.each([
    ["wedding-over-cap", "李四结婚慰问", 1200, "1,000.00"],
    ["childbirth-over-cap", "李四生育慰问", 1100, "1,000.00"],
    ["retirement-over-cap", "李四退休纪念品", 1500, "1,000.00"],
  ])("%s", (rule, summary, amount, cap) => {
    const f = check(rule, { entries: [pay("2025-03-01", summary, amount, { counterparty: "李四" }), pay("2025-03-01", summary, 500, { counterparty: "王五" })] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { name: "李四", cap } });
    expect(f[0].locations[0].address).toBe("F2");
  });
  test("a province without a stated cap skips the check", () => {
    expect(check("wedding-over-cap", { entries: [pay("2025-03-01", "李四结婚慰问", 5000, { counterparty: "李四" })] }, { pack: packById("shandong-2018") })).toEqual([]);
  });
});

describe("sickness", () => {
  test("over the per-illness cap; surgery raises it where the pack says so", () => {
    const entries = [pay("2025-03-01", "王五住院慰问", 1500, { counterparty: "王五" }), pay("2025-04-01", "赵六手术住院慰问", 1500, { counterparty: "赵六" })];
    const national = check("sickness-over-cap", { entries });
    expect(national).toHaveLength(2);
    expect(national[0]).toMatchObject({ severity: "warning", params: { name: "王五", amount: "1,500.00", cap: "1,000.00" } });
    const anhui = check("sickness-over-cap", { entries }, { pack: packById("anhui-2021") });
    expect(anhui.map((x) => x.params.name)).toEqual(["王五"]);
  });
  test("the same member condoled twice in a year", () => {
    const entries = [pay("2025-03-01", "王五住院慰问", 500, { counterparty: "王五" }), pay("2025-09-01", "王五住院慰问", 500, { counterparty: "王五" }), pay("2025-09-01", "赵六住院慰问", 500, { counterparty: "赵六" })];
    const f = check("same-illness-twice", { entries }, { pack: packById("anhui-2021") });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { name: "王五", count: 2, first: "2025-03-01" } });
    expect(f[0].locations[0].address).toBe("F3");
    expect(check("same-illness-twice", { entries })[0].severity).toBe("info");
    expect(check("same-illness-twice", { entries: entries.slice(1) })).toEqual([]);
  });
});

describe("bereavement", () => {
  test("relative's death over the relative cap; the member's own death uses the member cap", () => {
    const f = check("bereavement-over-cap", {
      entries: [pay("2025-03-01", "赵六父亲去世慰问", 1500, { counterparty: "赵六", relation: "父亲" }), pay("2025-04-01", "钱七病故慰问", 1500, { counterparty: "钱七家属", relation: "本人" })],
    });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ params: { name: "赵六", cap: "1,000.00" } });
  });
  test("not a direct relative: an error from the relation column, a warning from the summary", () => {
    const f = check("bereavement-not-direct-relative", {
      entries: [
        pay("2025-03-01", "赵六岳母去世慰问", 500, { counterparty: "赵六", relation: "岳母" }),
        pay("2025-03-02", "孙八祖父去世慰问", 500, { counterparty: "孙八" }),
        pay("2025-03-03", "周九母亲去世慰问", 500, { counterparty: "周九", relation: "母亲" }),
      ],
    });
    expect(f.map((x) => [x.severity, x.params.relation, x.locations[0].address])).toEqual([
      ["error", "岳母", "K2"],
      ["warning", "祖父", "C3"],
    ]);
  });
});
