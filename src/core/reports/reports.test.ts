import { books, e, sampleBooks, yuan } from "./testing";
import { budgetExecution } from "./budget-execution";
import { hardshipSummary } from "./hardship";
import { welfareSummary, looksLikePersonName } from "./welfare";
import { welfareCapsFrom } from "../packs";
import { disclosureModel, type DisclosureSettings } from "./disclosure";
import { reconcile } from "./reconcile";
import { ratioBp } from "./ratio";
import { quarterPeriod, yearPeriod, monthPeriod } from "../model/period";

const Y = yearPeriod(2025);
const SETTINGS: DisclosureSettings = {
  unionName: "示例公司工会",
  preparedDate: "2026-01-15",
  signatories: { chair: "赵主席", auditChair: "钱主任", accountant: "孙会计", preparer: "周制表" },
  objectionDays: 7,
  objectionChannel: "工会办公室（电话 1234）",
  reviewStatement: "经审查，账目清楚，收支合规。",
};
const CTX = { packName: "全国默认", caps: { festival: yuan(100), birthday: yuan(300), sickness: yuan(400) } };

describe("ratioBp", () => {
  it("rounds half away from zero in integers", () => {
    expect(ratioBp(1, 20000)).toBe(1); // 0.5 bp
    expect(ratioBp(12700, 18000)).toBe(7056);
    expect(ratioBp(-1, 20000)).toBe(-1);
    expect(ratioBp(5, 0)).toBeUndefined();
  });
});

describe("budgetExecution", () => {
  const m = budgetExecution(sampleBooks(), Y);

  it("says the budget is annual", () => {
    expect(m.budgetBasis).toBe("annual");
    expect(m.hasPlan).toBe(true);
  });

  it("gives exact fen per expense line, with adjustment and over-budget flag", () => {
    const byLabel = Object.fromEntries(m.expense.lines.map((l) => [l.label, l]));
    expect(byLabel["文体活动"].actual).toBe(yuan(3000));
    expect(byLabel["节日慰问"]).toMatchObject({ budget: yuan(20000), adjustment: yuan(-2000), adjustedBudget: yuan(18000), actual: yuan(12700), remaining: yuan(5300), executionBp: 7056, overBudget: false, entryCount: 3 });
    expect(byLabel["维权支出"].actual).toBe(yuan(9000));
    expect(byLabel["资本性支出"]).toMatchObject({ actual: yuan(6800), remaining: yuan(-1800), executionBp: 13600, overBudget: true });
    expect(m.expense.unbudgeted.actual).toBe(0);
    expect(m.expense.total).toMatchObject({ adjustedBudget: yuan(43000), actual: yuan(31500) });
  });

  it("groups by category and by plan item", () => {
    const cat = m.expense.byCategory.find((c) => c.key === "501")!;
    expect(cat).toMatchObject({ label: "职工活动支出", adjustedBudget: yuan(28000), actual: yuan(15700) });
    expect(m.expense.byPlanItem).toHaveLength(1);
    expect(m.expense.byPlanItem[0]).toMatchObject({ label: "节日慰问", actual: yuan(12700) });
  });

  it("reports income lines", () => {
    expect(m.income.lines.map((l) => [l.label, l.actual, l.executionBp])).toEqual([
      ["会费收入", yuan(1200), 833],
      ["拨缴经费收入", yuan(30000), 5000],
      ["上级补助收入", yuan(5000), 10000],
    ]);
    expect(m.income.total.actual).toBe(yuan(36200));
  });

  it("puts spending without a line in 预算外, by category, and respects the period", () => {
    const b = books({
      plan: [{ label: "文体活动", category: "职工活动支出", subCategory: "文体活动", budget: yuan(100) }],
      entries: [
        e("2025-02-01", "羽毛球", { account: "50102", expense: yuan(40) }),
        e("2025-02-02", "律师咨询", { account: "50203", expense: yuan(300) }),
        e("2025-02-03", "无科目支出", { expense: yuan(7) }),
        e("2025-05-01", "乒乓球", { account: "50102", expense: yuan(90) }),
      ],
    });
    const q1 = budgetExecution(b, quarterPeriod(2025, 1));
    expect(q1.expense.lines[0].actual).toBe(yuan(40));
    expect(q1.expense.unbudgeted).toMatchObject({ actual: yuan(307), entryCount: 2, entryIndexes: [1, 2] });
    expect(q1.expense.unbudgeted.byCategory.map((c) => [c.key, c.actual])).toEqual([
      ["502", yuan(300)],
      ["unclassified", yuan(7)],
    ]);
    expect(q1.expense.total.actual).toBe(yuan(347));
    const year = budgetExecution(b, Y);
    expect(year.expense.lines[0]).toMatchObject({ actual: yuan(130), overBudget: true, executionBp: 13000 });
  });
});

describe("hardshipSummary", () => {
  it("counts households, person-times and amounts by type, month and fund", () => {
    const h = hardshipSummary(sampleBooks(), Y);
    const byType = Object.fromEntries(h.byType.map((r) => [r.type, r]));
    expect(h.byType.map((r) => r.type)).toEqual(["living", "medical", "education", "warmth", "accident", "other"]);
    expect(byType.education).toMatchObject({ households: 1, personTimes: 1, amount: yuan(6000) });
    expect(byType.medical).toMatchObject({ households: 1, personTimes: 1, amount: yuan(2000) });
    expect(byType.warmth).toMatchObject({ households: 1, personTimes: 1, amount: yuan(1000) });
    expect(h.total).toEqual({ households: 2, personTimes: 3, amount: yuan(9000) });
    expect(h.months).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(h.byMonth[2]).toEqual({ month: 3, personTimes: 2, amount: yuan(8000) });
    expect(byType.warmth.byMonth[6]).toBe(yuan(1000));
    expect(h.fund).toEqual({ opening: 0, openingKnown: false, income: yuan(5000), spending: yuan(9000), closing: yuan(-4000) });
    expect(h.detail.map((d) => [d.recipient, d.memberId, d.type, d.amount, d.cell])).toEqual([
      ["李四", "M002", "education", yuan(6000), "明细账!F9"],
      ["王五", "M003", "medical", yuan(2000), "明细账!F10"],
      ["王五", "M003", "warmth", yuan(1000), "明细账!F16"],
    ]);
  });

  it("moves the fund opening by what happened before the period", () => {
    const h = hardshipSummary(sampleBooks(), quarterPeriod(2025, 3), { openingBalance: yuan(10000) });
    expect(h.months).toEqual([7, 8, 9]);
    expect(h.fund).toEqual({ opening: yuan(10000 + 5000 - 8000), openingKnown: true, income: 0, spending: yuan(1000), closing: yuan(6000) });
  });

  it("counts unnamed payments as their own household and says how many", () => {
    const b = books({ entries: [e("2025-01-02", "困难帮扶", { account: "50204", expense: 100 }), e("2025-01-03", "困难帮扶", { account: "50204", expense: 100 })] });
    const h = hardshipSummary(b, Y);
    expect(h.total.households).toBe(2);
    expect(h.unidentified).toBe(2);
  });
});

describe("welfareSummary", () => {
  it("reports count, total, members, average and highest against caps", () => {
    const w = welfareSummary(sampleBooks(), Y, CTX.caps);
    const by = Object.fromEntries(w.byOccasion.map((r) => [r.occasion, r]));
    expect(w.memberCount).toBe(100);
    expect(by.festival).toMatchObject({ count: 1, total: yuan(12000), membersCovered: 0, collectiveTotal: yuan(12000), averagePerMember: yuan(120), highestPerMember: yuan(120), cap: yuan(100), overCap: true, membersOverCap: 100 });
    expect(by.birthday).toMatchObject({ count: 1, total: yuan(200), membersCovered: 1, averagePerMember: yuan(2), highestPerMember: yuan(200), overCap: false, membersOverCap: 0 });
    expect(by.sickness).toMatchObject({ total: yuan(500), highestPerMember: yuan(500), overCap: true, membersOverCap: 1 });
    expect(w.overCap).toEqual([{ occasion: "sickness", recipient: "李四", memberId: "M002", total: yuan(500), cap: yuan(400), payments: 1, cells: ["明细账!F15"] }]);
    expect(w.total).toEqual({ count: 3, total: yuan(12700) });
    // Hardship payments are not welfare, even the 送温暖 visit.
    expect(w.detail.map((d) => d.amount)).toEqual([yuan(12000), yuan(200), yuan(500)]);
  });

  it("adds each member's share of collective payments to their named ones", () => {
    const b = books({
      memberCount: 10,
      plan: [],
      entries: [
        e("2025-09-01", "中秋月饼", { account: "50104", counterparty: "好利来食品店", expense: yuan(1000) }),
        e("2025-09-02", "中秋慰问品补发", { account: "50104", counterparty: "陈六", expense: yuan(150) }),
      ],
    });
    const w = welfareSummary(b, Y, { festival: yuan(200) });
    expect(w.byOccasion[0]).toMatchObject({ membersCovered: 1, highestPerMember: yuan(250), averagePerMember: yuan(115), overCap: true, membersOverCap: 1 });
  });

  it("tells people from shops, and maps pack caps", () => {
    expect(looksLikePersonName("张三")).toBe(true);
    expect(looksLikePersonName("欧阳·娜娜")).toBe(true);
    expect(looksLikePersonName("惠民超市")).toBe(false);
    expect(looksLikePersonName("某科技有限公司")).toBe(false);
    expect(welfareCapsFrom({ festival: 1, sickness: 2, sicknessWithSurgery: 5, bereavementMember: 9, bereavementRelative: 3 })).toEqual({ festival: 1, sickness: 5, bereavement: 9 });
  });
});

describe("reconcile", () => {
  it("uses printed balances and shows other movements apart", () => {
    const r = reconcile(sampleBooks(), Y);
    expect(r).toMatchObject({ opening: yuan(50000), openingSource: "ledger", income: yuan(36200), expense: yuan(31500), otherMovements: yuan(-1000), expectedClosing: yuan(53700), ledgerClosing: yuan(53700), closingMethod: "printed-balance", difference: 0 });
    expect(r.closingCells).toEqual(["明细账!G16"]);
  });

  it("rolls the opening forward for a later period", () => {
    const r = reconcile(sampleBooks(), quarterPeriod(2025, 2));
    expect(r.opening).toBe(yuan(50000 + 31200 - 12200 - 8000));
    expect(r.ledgerClosing).toBe(yuan(54700)); // last row of June: 李四住院慰问
    expect(r.difference).toBe(0);
  });

  it("infers the opening from the first printed balance when no opening row", () => {
    const b = books({ entries: [e("2025-01-02", "会费", { account: "401", income: 500, balance: 10500 }), e("2025-01-03", "文体", { account: "50102", expense: 200, balance: 10300 })] });
    expect(reconcile(b, Y)).toMatchObject({ opening: 10000, openingSource: "inferred", ledgerClosing: 10300, difference: 0 });
  });

  it("computes the closing when the ledger prints no balances", () => {
    const b = books({ planOpening: 1000, plan: [], entries: [e("2025-01-02", "会费", { account: "401", income: 500 })] });
    expect(reconcile(b, monthPeriod(2025, 1))).toMatchObject({ opening: 1000, openingSource: "plan", closingMethod: "computed", ledgerClosing: 1500, expectedClosing: 1500, difference: 0 });
  });
});

describe("disclosureModel", () => {
  it("builds the public model from the sample books", () => {
    const r = disclosureModel(sampleBooks(), Y, SETTINGS, CTX);
    if (!r.ok) throw new Error("expected a reconciled disclosure");
    const m = r.model;
    expect(m.summary).toMatchObject({ opening: yuan(50000), income: yuan(36200), expense: yuan(31500), otherMovements: yuan(-1000), closing: yuan(53700) });
    expect(m.summary.opening + m.summary.income - m.summary.expense + m.summary.otherMovements).toBe(m.summary.closing);
    expect(m.income.lines.map((l) => [l.key, l.budget, l.actual, l.shareBp])).toEqual([
      ["dues", yuan(14400), yuan(1200), 331],
      ["allocation", yuan(60000), yuan(30000), 8287],
      ["higherSubsidy", yuan(5000), yuan(5000), 1381],
      ["employerSubsidy", undefined, 0, 0],
      ["other", undefined, 0, 0],
    ]);
    expect(m.expense.categories.map((c) => [c.key, c.label, c.budget, c.actual])).toEqual([
      ["501", "职工活动支出", yuan(28000), yuan(15700)],
      ["502", "维权支出", yuan(10000), yuan(9000)],
      ["505", "资本性支出", yuan(5000), yuan(6800)],
    ]);
    expect(m.expense.categories[0].items.map((i) => [i.label, i.budget, i.actual])).toEqual([
      ["文体活动费", yuan(10000), yuan(3000)],
      ["其他活动支出", yuan(18000), yuan(12700)],
    ]);
    expect(m.hardship).toEqual({
      rows: [
        { type: "medical", households: 1, personTimes: 1, amount: yuan(2000) },
        { type: "education", households: 1, personTimes: 1, amount: yuan(6000) },
        { type: "warmth", households: 1, personTimes: 1, amount: yuan(1000) },
      ],
      households: 2,
      personTimes: 3,
      amount: yuan(9000),
    });
    expect(m.majorItems).toEqual([
      { date: "2025-01-20", purpose: { kind: "summary", text: "春节慰问品" }, amount: yuan(12000) },
      { date: "2025-06-20", purpose: { kind: "summary", text: "购置投影仪" }, amount: yuan(6800) },
      { purpose: { kind: "hardship-aggregate", count: 1 }, amount: yuan(6000) },
    ]);
    expect(m.threshold).toBe(500000);
    expect(m.packName).toBe("全国默认");
    expect(m.signatories.chair).toBe("赵主席");
    expect(m.objection).toEqual({ days: 7, channel: "工会办公室（电话 1234）" });
  });

  it("refuses, with the difference, when one ledger amount changes", () => {
    const b = sampleBooks();
    b.ledger.entries[7] = { ...b.ledger.entries[7], expense: yuan(3100) }; // 职工篮球赛 3000 -> 3100, balances untouched
    const r = disclosureModel(b, Y, SETTINGS, CTX);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r).toMatchObject({ reason: "not-reconciled", expectedClosing: yuan(53600), ledgerClosing: yuan(53700), difference: yuan(100) });
    expect(r.detail.expense).toBe(yuan(31600));
  });

  it("replaces a summary that names a hardship recipient, and scrubs hand-typed detail accounts", () => {
    const b = sampleBooks();
    const extra = books({
      entries: [
        e("2025-08-01", "为李四家维修房屋", { account: "50206", expense: yuan(5500) }),
        e("2025-08-02", "慰问", { account: "职工活动支出—王五家属", expense: yuan(10) }),
      ],
    }).ledger.entries.map((x, i) => ({ ...x, index: b.ledger.entries.length + i }));
    b.ledger.entries.push(...extra);
    b.ledger.opening = undefined;
    b.plan!.openingBalance = yuan(50000);
    // No balances on the new rows: closing is computed, the check is about masking here.
    const r = disclosureModel(b, Y, SETTINGS, CTX);
    if (!r.ok) throw new Error("expected ok");
    const json = JSON.stringify(r.model);
    for (const secret of ["李四", "王五", "M002", "M003"]) expect(json).not.toContain(secret);
    expect(r.model.majorItems).toContainEqual({ date: "2025-08-01", purpose: { kind: "account", text: "其他维权支出" }, amount: yuan(5500) });
  });
});
