import { festivalBefore, festivalsOfYear } from "./festivals";

/** Published holiday dates (国务院办公厅 holiday notices), festival days only. */
const KNOWN: Record<number, Record<string, string>> = {
  2020: { 春节: "2020-01-25", 清明节: "2020-04-04", 端午节: "2020-06-25", 中秋节: "2020-10-01" },
  2023: { 春节: "2023-01-22", 清明节: "2023-04-05", 端午节: "2023-06-22", 中秋节: "2023-09-29" },
  2024: { 春节: "2024-02-10", 清明节: "2024-04-04", 端午节: "2024-06-10", 中秋节: "2024-09-17" },
  2025: { 春节: "2025-01-29", 清明节: "2025-04-04", 端午节: "2025-05-31", 中秋节: "2025-10-06" },
  2026: { 春节: "2026-02-17", 清明节: "2026-04-05", 端午节: "2026-06-19", 中秋节: "2026-09-25" },
};

describe("festivalsOfYear", () => {
  it.each(Object.keys(KNOWN).map(Number))("%p: lunar festivals and Qingming match the calendar", (year) => {
    const byName = Object.fromEntries(festivalsOfYear(year).map((f) => [f.name, f.date]));
    expect(byName).toMatchObject(KNOWN[year]);
    expect(byName).toMatchObject({ 元旦: `${year}-01-01`, 劳动节: `${year}-05-01`, 国庆节: `${year}-10-01` });
  });

  it("lists the seven festivals in date order, 中秋 before 国庆 when they coincide", () => {
    const names2025 = festivalsOfYear(2025).map((f) => f.name);
    expect(names2025).toEqual(["元旦", "春节", "清明节", "劳动节", "端午节", "国庆节", "中秋节"]);
    const names2020 = festivalsOfYear(2020).map((f) => f.name);
    expect(names2020.slice(-2)).toEqual(["中秋节", "国庆节"]);
  });

  it("returns copies: a caller cannot corrupt the cache", () => {
    festivalsOfYear(2025)[0].date = "1999-01-01";
    expect(festivalsOfYear(2025)[0].date).toBe("2025-01-01");
  });
});

describe("festivalBefore", () => {
  it("finds the festival a purchase precedes within the window", () => {
    expect(festivalBefore("2025-01-20", 15)).toEqual({ name: "春节", date: "2025-01-29" });
    expect(festivalBefore("2025-09-25", 15)).toEqual({ name: "国庆节", date: "2025-10-01" });
    expect(festivalBefore("2025-10-03", 15)).toEqual({ name: "中秋节", date: "2025-10-06" });
    expect(festivalBefore("2025-05-31", 0)).toEqual({ name: "端午节", date: "2025-05-31" });
  });

  it("looks into next year for December dates", () => {
    expect(festivalBefore("2025-12-25", 10)).toEqual({ name: "元旦", date: "2026-01-01" });
    expect(festivalBefore("2023-12-20", 40)).toEqual({ name: "元旦", date: "2024-01-01" });
    expect(festivalBefore("2025-12-25", 60)?.name).toBe("元旦");
  });

  it("is undefined after a festival or outside the window", () => {
    expect(festivalBefore("2025-01-30", 15)).toBeUndefined(); // the day after 春节, next is Qingming
    expect(festivalBefore("2025-07-15", 20)).toBeUndefined();
    expect(festivalBefore("2025-01-10", 15)).toBeUndefined(); // 19 days before 春节
  });
});
