import { runChecks } from "../engine";
import { books, yuan, type BooksSpec } from "../testing";
import type { CheckOptions } from "../types";

function check(rule: string, spec: BooksSpec, options: CheckOptions = {}) {
  return runChecks(books(spec), { ...options, tiers: [], enable: [rule] }).findings.filter((f) => f.rule === rule || f.rule === "internal-error");
}

const plan = [
  { label: "会费收入", kind: "income" as const, budget: yuan(10000) },
  { label: "文体活动", budget: yuan(3000) },
  { label: "春节慰问", budget: yuan(5000) },
];

describe("no-budget-line", () => {
  test("spending under an item the plan does not have, grouped into one finding", () => {
    const f = check("no-budget-line", {
      plan,
      entries: [
        { date: "2025-03-01", summary: "篮球赛", planItem: "文体活动", expense: yuan(800) },
        { date: "2025-05-01", summary: "办公用品", planItem: "办公用品", expense: yuan(120) },
        { date: "2025-06-01", summary: "办公用品", planItem: "办公用品", expense: yuan(80) },
      ],
    });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { context: "expense", count: 2, amount: "200.00" } });
    expect(f[0].locations.map((l) => l.address)).toEqual(["N3", "N4"]);
  });
  test("a journal with no 科目 or 预算项目 column: one finding per sheet and kind, not one per narration", () => {
    const f = check("no-budget-line", {
      plan,
      entries: [
        { date: "2025-03-01", summary: "篮球赛场地费", expense: yuan(800) },
        { date: "2025-03-02", summary: "购买春节慰问品", expense: yuan(500) }, // its 摘要 names a budget line: matched
        { date: "2025-03-03", summary: "会议茶歇", expense: yuan(120) },
        { date: "2025-03-04", summary: "银行利息", income: yuan(3) },
        { date: "2025-03-05", summary: "会议茶歇", expense: yuan(80), sheet: "现金日记账" },
      ],
    });
    expect(f.map((x) => [x.params.context, x.params.sheet, x.params.count, x.params.amount, x.locations.map((l) => `${l.sheet}!${l.address}`).join(" ")])).toEqual([
      ["expenseNoColumn", "明细账", 2, "920.00", "明细账!F2 明细账!F4"],
      ["incomeNoColumn", "明细账", 1, "3.00", "明细账!E5"],
      ["expenseNoColumn", "现金日记账", 1, "80.00", "现金日记账!F6"],
    ]);
    expect(f.every((x) => x.severity === "warning" && x.params.label === undefined)).toBe(true);
  });
  test("a sheet that has a 科目 column keeps one finding per label, even for a row whose 科目 is blank", () => {
    const f = check("no-budget-line", {
      plan,
      columns: ["date", "summary", "account", "income", "expense"],
      entries: [
        { date: "2025-03-01", summary: "篮球赛场地费", expense: yuan(800) },
        { date: "2025-03-03", summary: "会议茶歇", expense: yuan(120) },
      ],
    });
    expect(f.map((x) => [x.params.context, x.params.label])).toEqual([["expense", "篮球赛场地费"], ["expense", "会议茶歇"]]);
  });
  test("everything budgeted, or no plan at all", () => {
    const entries = [{ date: "2025-03-01", summary: "篮球赛", planItem: "文体活动", expense: yuan(800) }];
    expect(check("no-budget-line", { plan, entries })).toEqual([]);
    expect(check("no-budget-line", { entries })).toEqual([]);
  });
});

describe("over-budget", () => {
  const entries = [
    { date: "2025-03-01", summary: "篮球赛", planItem: "文体活动", expense: yuan(2500) },
    { date: "2025-04-01", summary: "羽毛球赛", planItem: "文体活动", expense: yuan(600) },
  ];
  test("one finding per line over its budget", () => {
    const f = check("over-budget", { plan, entries });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { label: "文体活动", budget: "3,000.00", actual: "3,100.00", over: "100.00", percent: 103.3 } });
    expect(f[0].locations[0]).toMatchObject({ sheet: "预算", address: "C3" });
  });
  test("within the tolerance", () => {
    expect(check("over-budget", { plan, entries }, { overBudgetTolerance: 0.05 })).toEqual([]);
  });
  test("the adjusted budget counts", () => {
    const adjusted = plan.map((l) => (l.label === "文体活动" ? { ...l, adjustment: yuan(500), approvalDate: "2025-06-01" } : l));
    expect(check("over-budget", { plan: adjusted, entries })).toEqual([]);
  });
});

describe("budget-deficit", () => {
  test("expense budget above income plus opening balance", () => {
    const g = check("budget-deficit", { plan: [...plan, { label: "疗休养", budget: yuan(4000) }], openingBalance: yuan(1500) });
    expect(g).toHaveLength(1);
    expect(g[0]).toMatchObject({ severity: "warning", params: { expense: "12,000.00", income: "10,000.00", opening: "1,500.00", gap: "500.00" } });
    expect(g[0].locations[0]).toMatchObject({ sheet: "预算", address: "C3" });
  });
  test("balanced with the opening balance", () => {
    expect(check("budget-deficit", { plan: [...plan, { label: "疗休养", budget: yuan(4000) }], openingBalance: yuan(2000) })).toEqual([]);
  });
});

describe("budget-adjusted-without-approval", () => {
  test("an adjustment without an approval date", () => {
    const f = check("budget-adjusted-without-approval", { plan: [{ label: "文体活动", budget: yuan(3000), adjustment: yuan(500) }] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { label: "文体活动", adjustment: "500.00", adjusted: "3,500.00" } });
    expect(f[0].locations[0].address).toBe("D2");
  });
  test("approved, or not adjusted", () => {
    expect(check("budget-adjusted-without-approval", { plan: [{ label: "文体活动", budget: yuan(3000), adjustment: yuan(500), approvalDate: "2025-06-30" }, { label: "x", budget: 5 }] })).toEqual([]);
  });
});
