/** Birthday gifts: a second gift in the year is birthday-twice's finding; birthday-over-cap looks at each gift. */
import { runChecks } from "../engine";
import { books, yuan, type BooksSpec } from "../testing";

const pay = (date: string, summary: string, amount: number, extra = {}) => ({ date, summary, expense: yuan(amount), ...extra });

function found(spec: BooksSpec) {
  return runChecks(books(spec), { tiers: [], enable: ["birthday-twice", "birthday-over-cap"] }).findings
    .filter((f) => f.rule === "birthday-twice" || f.rule === "birthday-over-cap" || f.rule === "internal-error");
}

describe("birthday gifts", () => {
  test("two gifts within the cap to one member: birthday-twice only, not over the cap", () => {
    const f = found({ year: 2025, entries: [
      pay("2025-03-06", "3月生日慰问（蛋糕券）", 200, { memberId: "GH034", counterparty: "宋金凤" }),
      pay("2025-10-09", "10月生日慰问（蛋糕券）", 200, { memberId: "GH034", counterparty: "宋金凤" }),
    ] });
    expect(f.map((x) => [x.rule, x.locations[0].address])).toEqual([["birthday-twice", "I3"]]);
  });

  test("one gift over the cap is reported at that gift, with its own amount", () => {
    const f = found({ year: 2025, entries: [
      pay("2025-03-06", "生日慰问", 200, { counterparty: "张三" }),
      pay("2025-04-01", "生日慰问", 350, { counterparty: "李四" }),
    ] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ rule: "birthday-over-cap", params: { name: "李四", total: "350.00", cap: "300.00", over: "50.00", heads: 1 } });
    expect(f[0].locations.map((l) => l.address)).toEqual(["F3"]);
  });

  test("an oversized second gift is both a repeat and over the cap, each reported once", () => {
    const f = found({ year: 2025, entries: [
      pay("2025-03-06", "生日慰问", 200, { memberId: "007", counterparty: "张三" }),
      pay("2025-09-06", "生日慰问", 400, { memberId: "007", counterparty: "张三" }),
    ] });
    expect(f.map((x) => [x.rule, x.locations.map((l) => l.address).join(",")]).sort()).toEqual([["birthday-over-cap", "F3"], ["birthday-twice", "I3"]]);
    expect(f.find((x) => x.rule === "birthday-over-cap")!.params).toMatchObject({ total: "400.00", over: "100.00" });
  });

  test("a collective gift is divided by its head count", () => {
    expect(found({ entries: [pay("2025-03-02", "3月生日会员蛋糕券 10人", 3000)] })).toEqual([]);
    expect(found({ entries: [pay("2025-03-02", "3月生日会员蛋糕券 10人", 3100)] })[0].params).toMatchObject({ heads: 10, total: "310.00", over: "10.00" });
  });
});
