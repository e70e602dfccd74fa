import fc from "fast-check";
import {
  addDays,
  daysBetween,
  excelSerialToIso,
  isDateFormat,
  isoToExcelSerial,
  monthOf,
  parseDate,
  parseMonthDay,
  yearFromTitle,
  yearOf,
} from "./dates";

describe("Excel serials, 1900 system", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    [61, "1900-03-01"],
    [45717, "2025-03-01"],
    [45658, "2025-01-01"],
    [2958465, "9999-12-31"],
    [45717.75, "2025-03-01"], // a time of day is dropped
  ])("serial %p is %p", (serial, iso) => {
    expect(excelSerialToIso(serial)).toBe(iso);
  });

  it("serial 60 is Excel's phantom 1900-02-29, which is no real date", () => {
    expect(excelSerialToIso(60)).toBeUndefined();
  });

  it.each([0, -1, 2958466, Number.NaN])("serial %p is out of range", (serial) => {
    expect(excelSerialToIso(serial)).toBeUndefined();
  });

  it("isoToExcelSerial is the inverse on both sides of the phantom day", () => {
    expect(isoToExcelSerial("1900-01-01")).toBe(1);
    expect(isoToExcelSerial("1900-02-28")).toBe(59);
    expect(isoToExcelSerial("1900-03-01")).toBe(61);
    expect(isoToExcelSerial("2025-03-01")).toBe(45717);
  });

  it("round-trips every serial except 60", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2958465 }).filter((n) => n !== 60), (n) => {
        return isoToExcelSerial(excelSerialToIso(n)!) === n;
      }),
    );
  });
});

describe("parseDate", () => {
  it.each([
    ["2025-03-01", "2025-03-01"],
    ["2025-3-1", "2025-03-01"],
    ["2025年3月1日", "2025-03-01"],
    ["2025年3月1号", "2025-03-01"],
    ["2025 年 3 月 1 日", "2025-03-01"],
    ["2025.3.1", "2025-03-01"],
    ["2025/3/1", "2025-03-01"],
    ["2025/03/01 00:00:00", "2025-03-01"],
    ["2025-03-01T08:30", "2025-03-01"],
    ["２０２５－０３－０１", "2025-03-01"],
    ["20250301", "2025-03-01"],
    ["2024-02-29", "2024-02-29"],
  ])("text %p -> %p", (text, iso) => {
    expect(parseDate(text)).toEqual({ ok: true, iso });
  });

  it("reads numbers: serials and compact yyyymmdd", () => {
    expect(parseDate(45717)).toEqual({ ok: true, iso: "2025-03-01" });
    expect(parseDate(20250301)).toEqual({ ok: true, iso: "2025-03-01" });
    expect(parseDate(45717, { numberFormat: "yyyy-mm-dd" })).toEqual({ ok: true, iso: "2025-03-01" });
  });

  it("takes a number with a plain format for a serial only when the year is plausible", () => {
    expect(parseDate(45717, { numberFormat: "General" })).toEqual({ ok: true, iso: "2025-03-01" });
    expect(parseDate(3, { numberFormat: "General" })).toEqual({ ok: false, raw: "3", reason: "invalid" });
    expect(parseDate(3, { numberFormat: "yyyy/m/d" })).toEqual({ ok: true, iso: "1900-01-03" });
  });

  it("month-day forms need a default year", () => {
    expect(parseDate("3月1日", { defaultYear: 2025 })).toEqual({ ok: true, iso: "2025-03-01" });
    expect(parseDate("3-1", { defaultYear: 2025 })).toEqual({ ok: true, iso: "2025-03-01" });
    expect(parseDate("12/31", { defaultYear: 2025 })).toEqual({ ok: true, iso: "2025-12-31" });
    expect(parseDate("3月1日")).toEqual({ ok: false, raw: "3月1日", reason: "invalid" });
  });

  it.each(["2025-02-30", "2025-13-01", "2023-02-29", "2025年4月31日", "20251301"])("%p is invalid", (text) => {
    expect(parseDate(text)).toEqual({ ok: false, raw: text, reason: "invalid" });
  });

  it.each(["3/1/2025", "01/03/2025", "三月一日", "上旬", "2025年3月", "abc"])("%p is text (ambiguous or not a date)", (text) => {
    expect(parseDate(text)).toEqual({ ok: false, raw: text, reason: "text" });
  });

  it("blank cells are empty, errors are errors, booleans are text", () => {
    expect(parseDate(null)).toEqual({ ok: true, empty: true });
    expect(parseDate("  ")).toEqual({ ok: true, empty: true });
    expect(parseDate("#VALUE!")).toEqual({ ok: false, raw: "#VALUE!", reason: "error" });
    expect(parseDate(false)).toEqual({ ok: false, raw: "false", reason: "text" });
    expect(parseDate(-5)).toEqual({ ok: false, raw: "-5", reason: "invalid" });
  });
});

describe("parseMonthDay (月 and 日 in two columns)", () => {
  it("builds the date from the book's year", () => {
    expect(parseMonthDay(3, 1, 2025)).toEqual({ ok: true, iso: "2025-03-01" });
    expect(parseMonthDay("03", "1日", 2025)).toEqual({ ok: true, iso: "2025-03-01" });
    expect(parseMonthDay("３月", "１号", 2025)).toEqual({ ok: true, iso: "2025-03-01" });
  });

  it("is empty when both are blank, invalid when one is missing, the year is unknown or the day is impossible", () => {
    expect(parseMonthDay(null, "", 2025)).toEqual({ ok: true, empty: true });
    expect(parseMonthDay(null, 5, 2025)).toMatchObject({ ok: false, reason: "invalid" });
    expect(parseMonthDay(3, 1, undefined)).toMatchObject({ ok: false, reason: "invalid" });
    expect(parseMonthDay(2, 30, 2025)).toMatchObject({ ok: false, reason: "invalid" });
  });

  it("reports text and errors", () => {
    expect(parseMonthDay("三", 1, 2025)).toMatchObject({ ok: false, reason: "text" });
    expect(parseMonthDay(3.5, 1, 2025)).toMatchObject({ ok: false, reason: "text" });
    expect(parseMonthDay("#REF!", 1, 2025)).toMatchObject({ ok: false, reason: "error" });
  });
});

describe("yearFromTitle", () => {
  it.each([
    ["2025年银行存款日记账", 2025],
    ["XX公司工会2024年度经费收支预算表", 2024],
    ["二〇二五年工会经费收支明细账", 2025],
    ["二零二四年度预算", 2024],
    ["经费收支明细账（2025）", 2025],
    ["２０２５年", 2025],
  ])("%p -> %p", (title, year) => {
    expect(yearFromTitle(title)).toBe(year);
  });

  it.each(["经费收支明细账", "单位：元", "电话 13812345678", "第1234号"])("%p has no year", (title) => {
    expect(yearFromTitle(title)).toBeUndefined();
  });
});

describe("day arithmetic without time zones", () => {
  it("adds days across months, leap days and years", () => {
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2025-03-01", -1)).toBe("2025-02-28");
  });

  it("daysBetween is b - a", () => {
    expect(daysBetween("2025-01-01", "2025-12-31")).toBe(364);
    expect(daysBetween("2025-01-29", "2025-01-20")).toBe(-9);
  });

  it("month and year of an ISO date", () => {
    expect(monthOf("2025-09-30")).toBe(9);
    expect(yearOf("2025-09-30")).toBe(2025);
  });

  it("addDays and daysBetween agree", () => {
    fc.assert(
      fc.property(fc.integer({ min: 61, max: 2900000 }), fc.integer({ min: -20000, max: 20000 }), (serial, n) => {
        const a = excelSerialToIso(serial)!;
        const b = addDays(a, n);
        return daysBetween(a, b) === n;
      }),
    );
  });
});

describe("isDateFormat", () => {
  it.each(["yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\"", "m/d/yyyy", "[$-804]yyyy年m月d日", "mmm-yy", "d-mmm", "[$-F800]dddd, mmmm dd, yyyy"])(
    "%p is a date format",
    (f) => expect(isDateFormat(f)).toBe(true),
  );
  it.each(["General", "0.00", "#,##0.00", "@", "h:mm", "[h]:mm:ss", "0.00E+00", "\"月\"0", undefined])("%p is not", (f) =>
    expect(isDateFormat(f)).toBe(false),
  );
});
