/**
 * The reader's speed-ups in src/core/model/money.ts must not change a single result: roundToFen's fast path and
 * the plain-digits fast path of parseMoney agree with the full rule on every input.
 */
import fc from "fast-check";
import { parseMoney, roundToFen } from "../model/money";

/** THE rounding rule without the fast path (15 significant digits, then half away from zero). */
function roundToFenReference(yuan: number): number {
  const scaled = Math.abs(yuan) * 100;
  const cleaned = scaled < 1e15 ? Number(scaled.toPrecision(15)) : scaled;
  const fen = Math.floor(cleaned + 0.5);
  return (yuan < 0 ? -fen : fen) + 0;
}

describe("money fast paths give the full rule's results", () => {
  test("roundToFen on arbitrary doubles, whole fen, half fen and float noise", () => {
    const amounts = fc.oneof(
      fc.double({ min: -1e12, max: 1e12, noNaN: true }),
      fc.integer({ min: -1e9, max: 1e9 }).map((f) => f / 100),
      fc.integer({ min: -1e9, max: 1e9 }).map((f) => (f + 0.5) / 100),
      fc.tuple(fc.integer({ min: 0, max: 1e6 }), fc.integer({ min: 0, max: 99 })).map(([y, c]) => y + c / 100 + 1e-9),
    );
    fc.assert(fc.property(amounts, (x) => roundToFen(x) === roundToFenReference(x)), { numRuns: 20000 });
    for (const x of [1.005, 0.1 + 0.2, 2.675, -1.005, 1e13 + 0.5, 0.005, -0.005, 123456789.125]) expect(roundToFen(x)).toBe(roundToFenReference(x));
  });

  test("plain digit text reads exactly as the thousands-separated form (the full path)", () => {
    const text = fc.tuple(fc.integer({ min: 0, max: 9_999_999_999 }), fc.constantFrom("", ".", ".5", ".05", ".50", ".99", ".1"));
    fc.assert(fc.property(text, ([whole, frac]) => {
      const plain = parseMoney(`${whole}${frac}`);
      const grouped = parseMoney(`${whole.toLocaleString("en-US")}${frac}`);
      return JSON.stringify(plain) === JSON.stringify(grouped);
    }), { numRuns: 5000 });
    expect(parseMoney("350.25")).toEqual({ ok: true, fen: 35025, empty: false });
    expect(parseMoney("12..3")).toMatchObject({ ok: false });
    expect(parseMoney("12.345")).toMatchObject({ ok: false, reason: "precision" });
  });
});
