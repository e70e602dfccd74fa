import fc from "fast-check";
import { fenToYuan, formatYuan, isExcelError, parseMoney, roundToFen, sumFen, toHalfWidth } from "./money";

const fenOf = (v: Parameters<typeof parseMoney>[0]) => {
  const r = parseMoney(v);
  if (!r.ok) throw new Error(`expected ok for ${String(v)}, got ${r.reason}`);
  return r.fen;
};

describe("roundToFen: the one rounding rule", () => {
  it.each([
    [0.1 + 0.2, 30],
    [1.005, 101],
    [1.015, 102],
    [2.675, 268],
    [-1.005, -101],
    [0.125, 13],
    [-0.125, -13],
    [0.004, 0],
    [-0.004, 0],
    [1234.5, 123450],
    [8.345, 835],
  ])("%p yuan -> %p fen", (yuan, fen) => {
    expect(roundToFen(yuan)).toBe(fen);
  });

  it("never returns -0", () => {
    expect(Object.is(roundToFen(-0.001), 0)).toBe(true);
  });

  it("throws on non-finite input instead of returning NaN", () => {
    expect(() => roundToFen(Number.NaN)).toThrow(RangeError);
    expect(() => roundToFen(Infinity)).toThrow(RangeError);
  });
});

describe("parseMoney: numbers", () => {
  it("reads yuan numbers into fen, rounding float noise", () => {
    expect(parseMoney(1234.5)).toEqual({ ok: true, fen: 123450, empty: false });
    expect(fenOf(0.1 + 0.2)).toBe(30);
    expect(fenOf(-12.5)).toBe(-1250);
    expect(fenOf(0)).toBe(0);
  });

  it("marks null as empty, never as a silent 0 entry", () => {
    expect(parseMoney(null)).toEqual({ ok: true, fen: 0, empty: true });
  });

  it("rejects booleans and numbers beyond safe fen", () => {
    expect(parseMoney(true)).toEqual({ ok: false, raw: "true", reason: "text" });
    expect(parseMoney(1e15)).toMatchObject({ ok: false, reason: "too-large" });
    expect(parseMoney(Number.NaN)).toMatchObject({ ok: false, reason: "error" });
  });
});

describe("parseMoney: text", () => {
  it.each([
    ["1,234.50", 123450],
    ["¥1,234.5", 123450],
    ["￥12", 1200],
    ["１２３", 12300],
    ["１，２３４．５", 123450],
    ["(123.00)", -12300],
    ["（123.00）", -12300],
    ["-12.5", -1250],
    ["+7", 700],
    ["12.5元", 1250],
    ["  88  ", 8800],
    ["RMB 5", 500],
    ["rmb5", 500],
    ["人民币5元", 500],
    ["-¥12", -1200],
    ["¥-12", -1200],
    ["12.500", 1250],
    [".5", 50],
    ["12.", 1200],
    ["1 234.50", 123450],
    ["1.2E+05", 12000000],
  ])("%p -> %p fen", (text, fen) => {
    expect(parseMoney(text)).toEqual({ ok: true, fen, empty: false });
  });

  it.each(["", "  ", "-", "—", "－", "/", "——", "无"])("%p is an empty cell", (text) => {
    expect(parseMoney(text)).toEqual({ ok: true, fen: 0, empty: true });
  });

  it.each(["#REF!", "#VALUE!", "#N/A", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"])("%p is an Excel error", (text) => {
    expect(parseMoney(text)).toEqual({ ok: false, raw: text, reason: "error" });
  });

  it.each(["12.345", "0.001", "1,234.567"])("%p has more precision than a fen", (text) => {
    expect(parseMoney(text)).toEqual({ ok: false, raw: text, reason: "precision" });
  });

  it.each(["abc", "十二元", "12元5角", "1,23", "12-3", "(-5)", "¥", "1.2.3", "12,34.5"])("%p is text", (text) => {
    expect(parseMoney(text)).toEqual({ ok: false, raw: text, reason: "text" });
  });

  it("refuses amounts beyond Number.MAX_SAFE_INTEGER fen", () => {
    expect(parseMoney("99999999999999999")).toMatchObject({ ok: false, reason: "too-large" });
    expect(parseMoney("90071992547409.91")).toEqual({ ok: true, fen: 9007199254740991, empty: false });
    expect(parseMoney("90071992547409.92")).toMatchObject({ ok: false, reason: "too-large" });
  });

  it("a negative zero text is plain zero", () => {
    expect(parseMoney("-0.00")).toEqual({ ok: true, fen: 0, empty: false });
  });
});

describe("formatYuan, fenToYuan, sumFen", () => {
  it.each([
    [123450, "1,234.50"],
    [-1200, "-12.00"],
    [0, "0.00"],
    [5, "0.05"],
    [-5, "-0.05"],
    [100000000, "1,000,000.00"],
  ])("%p fen -> %p", (fen, text) => {
    expect(formatYuan(fen)).toBe(text);
  });

  it("fenToYuan gives the yuan number for a numeric cell", () => {
    expect(fenToYuan(123450)).toBe(1234.5);
    expect(fenToYuan(-5)).toBe(-0.05);
  });

  it("sums integer fen exactly", () => {
    expect(sumFen([10, 20, -5])).toBe(25);
    expect(sumFen(new Set<number>())).toBe(0);
    expect(sumFen(Array.from({ length: 10 }, () => 10))).toBe(100); // 10 x 0.10 yuan, no float drift
  });
});

describe("helpers", () => {
  it("toHalfWidth converts full-width digits, punctuation and the ideographic space", () => {
    expect(toHalfWidth("１２３，．（）　Ａ")).toBe("123,.() A");
  });
  it("isExcelError ignores case and spaces", () => {
    expect(isExcelError(" #n/a ")).toBe(true);
    expect(isExcelError("N/A")).toBe(false);
  });
});

describe("properties", () => {
  const safeFen = fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });

  it("formatYuan then parseMoney gives back the same fen", () => {
    fc.assert(
      fc.property(safeFen, (fen) => {
        const r = parseMoney(formatYuan(fen));
        return r.ok && r.fen === fen && !r.empty;
      }),
    );
  });

  it("fenToYuan then parseMoney (a numeric cell) gives back the same fen", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (fen) => {
        const r = parseMoney(fenToYuan(fen));
        return r.ok && r.fen === fen;
      }),
    );
  });

  it("parseMoney never returns NaN and never throws, whatever the cell", () => {
    const cell = fc.oneof(fc.string(), fc.double(), fc.boolean(), fc.constant(null), fc.integer());
    fc.assert(
      fc.property(cell, (v) => {
        const r = parseMoney(v);
        return r.ok ? Number.isSafeInteger(r.fen) : typeof r.raw === "string";
      }),
    );
  });

  it("roundToFen is odd-symmetric and an integer", () => {
    fc.assert(
      fc.property(fc.double({ min: -1e9, max: 1e9, noNaN: true }), (y) => {
        const f = roundToFen(y);
        return Number.isInteger(f) && roundToFen(-y) === -f + 0;
      }),
    );
  });
});
