import { inPeriod, parsePeriod, yearPeriod } from "./period";

describe("parsePeriod", () => {
  it.each([
    ["2025", { kind: "year", year: 2025, start: "2025-01-01", end: "2025-12-31", label: "2025年" }],
    ["2025年", { kind: "year", year: 2025, start: "2025-01-01", end: "2025-12-31", label: "2025年" }],
    ["2025年度", { kind: "year", year: 2025, start: "2025-01-01", end: "2025-12-31", label: "2025年" }],
    ["2025H1", { kind: "half", year: 2025, index: 1, start: "2025-01-01", end: "2025-06-30", label: "2025年上半年" }],
    ["2025h2", { kind: "half", year: 2025, index: 2, start: "2025-07-01", end: "2025-12-31", label: "2025年下半年" }],
    ["2025年上半年", { kind: "half", year: 2025, index: 1, start: "2025-01-01", end: "2025-06-30", label: "2025年上半年" }],
    ["2025Q3", { kind: "quarter", year: 2025, index: 3, start: "2025-07-01", end: "2025-09-30", label: "2025年第三季度" }],
    ["2025-Q1", { kind: "quarter", year: 2025, index: 1, start: "2025-01-01", end: "2025-03-31", label: "2025年第一季度" }],
    ["2025年第四季度", { kind: "quarter", year: 2025, index: 4, start: "2025-10-01", end: "2025-12-31", label: "2025年第四季度" }],
    ["2025-03", { kind: "month", year: 2025, index: 3, start: "2025-03-01", end: "2025-03-31", label: "2025年3月" }],
    ["2024年2月", { kind: "month", year: 2024, index: 2, start: "2024-02-01", end: "2024-02-29", label: "2024年2月" }],
    ["ytd:2025-09-30", { kind: "ytd", year: 2025, index: 9, start: "2025-01-01", end: "2025-09-30", label: "2025年1-9月" }],
    ["YTD:2025-09-15", { kind: "ytd", year: 2025, index: 9, start: "2025-01-01", end: "2025-09-15", label: "2025年1月1日至9月15日" }],
    ["2025年1-9月", { kind: "ytd", year: 2025, index: 9, start: "2025-01-01", end: "2025-09-30", label: "2025年1-9月" }],
    [" ２０２５Ｑ３ ", { kind: "quarter", year: 2025, index: 3, start: "2025-07-01", end: "2025-09-30", label: "2025年第三季度" }],
  ])("%p", (text, period) => {
    expect(parsePeriod(text)).toEqual(period);
  });

  it("2025YTD runs to today within 2025, to year end after it, and is undefined before it", () => {
    expect(parsePeriod("2025YTD", { today: "2025-09-30" })).toMatchObject({ kind: "ytd", end: "2025-09-30", label: "2025年1-9月" });
    expect(parsePeriod("2025ytd", { today: "2026-02-01" })).toMatchObject({ kind: "ytd", end: "2025-12-31", label: "2025年1-12月" });
    expect(parsePeriod("2025YTD", { today: "2024-12-31" })).toBeUndefined();
    expect(parsePeriod("2025YTD")).toMatchObject({ end: "2025-12-31" });
  });

  it.each(["", "abc", "2025Q5", "2025-13", "2025H3", "ytd:2025-02-30", "25", "2025年13月"])("%p is not a period", (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });
});

describe("inPeriod", () => {
  it("includes both ends", () => {
    const q3 = parsePeriod("2025Q3")!;
    expect(inPeriod("2025-07-01", q3)).toBe(true);
    expect(inPeriod("2025-09-30", q3)).toBe(true);
    expect(inPeriod("2025-06-30", q3)).toBe(false);
    expect(inPeriod("2025-10-01", q3)).toBe(false);
  });

  it("a year period holds exactly that year's dates", () => {
    const y = yearPeriod(2025);
    expect(inPeriod("2025-12-31", y)).toBe(true);
    expect(inPeriod("2026-01-01", y)).toBe(false);
    expect(inPeriod("2024-12-31", y)).toBe(false);
  });
});
