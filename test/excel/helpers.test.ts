/** Pure helpers of the Excel adapter: A1 addresses, chunk sizing, the sheet plan, error wording. */
import fc from "fast-check";
import { areaAddress, columnIndex, columnLetters, parseArea, splitAreas, stripSheetPrefix } from "../../src/excel/a1";
import { RowChunker } from "../../src/excel/chunking";
import { isCoercibleText, planSheet } from "../../src/excel/sheet-plan";
import { ExcelGatewayError, wrapExcelError } from "../../src/excel/errors";

describe("A1 addresses", () => {
  it("converts column letters both ways", () => {
    expect([0, 25, 26, 701, 702, 16383].map(columnLetters)).toEqual(["A", "Z", "AA", "ZZ", "AAA", "XFD"]);
    fc.assert(fc.property(fc.integer({ min: 0, max: 16383 }), (c) => columnIndex(columnLetters(c)) === c));
  });

  it("parses cells, areas, whole rows, and rejects nonsense", () => {
    expect(parseArea("$B$3:$D$10")).toEqual({ row: 2, column: 1, rowCount: 8, columnCount: 3 });
    expect(parseArea("D10:B3")).toEqual({ row: 2, column: 1, rowCount: 8, columnCount: 3 });
    expect(parseArea("1:4")).toMatchObject({ row: 0, rowCount: 4, columnCount: 16384 });
    expect(parseArea("F123")).toEqual({ row: 122, column: 5, rowCount: 1, columnCount: 1 });
    expect(parseArea("合计")).toBeUndefined();
    expect(parseArea("A0")).toBeUndefined();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 0, max: 300 }), fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 50 }), (row, column, rowCount, columnCount) => {
        const a = { row, column, rowCount, columnCount };
        expect(parseArea(areaAddress(a))).toEqual(a);
      }),
    );
  });

  it("strips sheet prefixes, including quoted names with quotes and commas", () => {
    expect(stripSheetPrefix("Sheet1!A1:C3")).toBe("A1:C3");
    expect(stripSheetPrefix("'明细 账'!B2")).toBe("B2");
    expect(stripSheetPrefix("'It''s!'!C4")).toBe("C4");
    expect(splitAreas("'a, b'!A1:F1,'a, b'!A3:B3")).toEqual(["A1:F1", "A3:B3"]);
    expect(splitAreas("账!A1, 账!C2")).toEqual(["A1", "C2"]);
  });
});

describe("RowChunker", () => {
  it("starts cautiously, grows to the target and shrinks when rows turn out larger", () => {
    const chunker = new RowChunker(12, 1_000_000);
    const first = chunker.next(100_000);
    expect(first * 12 * 80).toBeLessThanOrEqual(1_000_000);
    chunker.observe(first, first * 200); // 200 bytes a row measured
    const second = chunker.next(100_000);
    expect(second).toBeGreaterThan(first);
    chunker.observe(second, second * 4000); // much wider rows appear
    expect(chunker.next(100_000) * 4000).toBeLessThanOrEqual(1_000_000);
    expect(chunker.next(3)).toBe(3);
  });

  it("always moves at least one row", () => {
    const chunker = new RowChunker(16384, 1000);
    expect(chunker.next(10)).toBe(1);
  });
});

describe("planSheet", () => {
  it("pads rows, writes empty strings for null, marks coercible text as text, and groups style runs", () => {
    const plan = planSheet({
      name: "公开表",
      kind: "disclosure",
      internal: false,
      rows: [
        [{ v: "标题", style: "title" }],
        [{ v: "项目", style: "header" }, { v: "金额", style: "header" }, { v: "凭证号", style: "header" }],
        [{ v: "会费", style: "label" }, { v: 12.5, fmt: "#,##0.00" }, { v: "0012" }],
        [{ v: null }, { v: "=SUM(B1:B2)" }],
      ],
    });
    expect(plan.columnCount).toBe(3);
    expect(plan.values).toEqual([["标题", "", ""], ["项目", "金额", "凭证号"], ["会费", 12.5, "0012"], ["", "=SUM(B1:B2)", ""]]);
    expect(plan.numberFormats[2]).toEqual(["General", "#,##0.00", "@"]);
    expect(plan.numberFormats[3]).toEqual(["General", "@", "General"]);
    expect(plan.styles).toEqual([
      { row: 0, column: 0, count: 1, style: "title" },
      { row: 1, column: 0, count: 3, style: "header" },
      { row: 2, column: 0, count: 1, style: "label" },
    ]);
  });

  it("knows which text Excel would turn into numbers, dates or formulas", () => {
    for (const s of ["001", "1,234.50", "50%", "3-5", "2025/3/5", "2025年3月", "=A1", "-5", "+1", "TRUE", "10:30"]) expect([s, isCoercibleText(s)]).toEqual([s, true]);
    for (const s of ["会费收入", "记-12", "A001", "第3季度", ""]) expect([s, isCoercibleText(s)]).toEqual([s, false]);
  });
});

describe("wrapExcelError", () => {
  it("says what was being done and why, in Chinese, and keeps the cause", () => {
    const cause = Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
    const e = wrapExcelError(cause, "读取工作表数据");
    expect(e.message).toBe("读取工作表数据失败：找不到指定的工作表、区域或项目（可能已被删除或改名）。");
    expect(e.cause).toBe(cause);
    const ours = new ExcelGatewayError("SheetNameTaken", "已有同名工作表");
    expect(wrapExcelError(ours, "生成")).toBe(ours);
    expect(wrapExcelError(new Error("boom"), "保存设置").message).toBe("保存设置失败：未知错误：boom。");
  });
});
