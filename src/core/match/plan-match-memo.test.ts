/** The plan match memoises per group of alike entries: rows that differ in what the match reads must not share. */
import { books, e, yuan } from "../reports/testing";
import { matchToPlan } from "./plan-match";

const plan = [
  { kind: "income" as const, label: "会费收入", category: "会费收入", budget: yuan(10000) },
  { label: "文体活动", category: "职工活动支出", subCategory: "文体活动", account: "501", budget: yuan(3000) },
  { label: "职工活动支出", category: "职工活动支出", budget: yuan(9000) },
  { label: "春节慰问", category: "职工活动支出", planItem: "春节慰问", budget: yuan(5000) },
];

describe("matchToPlan memo", () => {
  it("keeps apart rows with the same summary but another account, plan item or side", () => {
    const b = books({
      plan,
      entries: [
        e("2025-01-10", "慰问品", { account: "50102", expense: yuan(100) }),
        e("2025-01-11", "慰问品", { account: "50104", expense: yuan(200) }),
        e("2025-01-12", "慰问品", { account: "50104", planItem: "春节慰问", expense: yuan(300) }),
        e("2025-01-13", "慰问品", { account: "50104", planItem: "春节慰问", expense: yuan(400) }),
        e("2025-01-14", "会费", { account: "401", income: yuan(50) }),
        e("2025-01-15", "会费", { account: "401", expense: yuan(5) }),
        e("2025-01-16", "慰问品", { account: "50205", expense: yuan(60) }),
      ],
    });
    const m = matchToPlan(b);
    expect(m.lineOfEntry).toEqual([1, 2, 3, 3, 0, 0, undefined]);
    expect(m.actualOfLine).toEqual([yuan(45), yuan(100), yuan(200), yuan(700)]);
    expect(m.unbudgeted).toEqual([6]);
  });

  it("gives the same answer with the caller's transfer test and groups", () => {
    const b = books({
      plan,
      entries: [
        e("2025-02-01", "提现", { expense: yuan(1000) }),
        e("2025-02-02", "篮球赛", { account: "50102", expense: yuan(80) }),
        e("2025-02-03", "篮球赛", { account: "50102", expense: yuan(20) }),
      ],
    });
    let asked = 0;
    const groups = new Map<string, object>();
    const hooked = matchToPlan(b, undefined, {
      isTransfer: (x) => x.summary === "提现",
      groupOf: (x) => {
        asked++;
        const k = `${x.summary}|${x.account?.code}`;
        if (!groups.has(k)) groups.set(k, {});
        return groups.get(k)!;
      },
    });
    expect(hooked).toEqual(matchToPlan(b));
    expect(hooked.lineOfEntry).toEqual([undefined, 1, 1]);
    expect(asked).toBe(2);
  });
});
