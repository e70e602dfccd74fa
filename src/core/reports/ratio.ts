/**
 * Ratios as integer basis points (1 bp = 0.01 %, 10000 bp = 100 %), so models stay exact integers and the
 * renderer divides once (bp / 10000) for Excel's "0.0%" format.
 */
import type { Fen } from "../model/types";

/** part ÷ whole in basis points, rounded half away from zero; undefined when whole is 0 (no meaningful ratio). */
export function ratioBp(part: Fen, whole: Fen): number | undefined {
  if (whole === 0) return undefined;
  // Integer arithmetic (exact below about 900 million yuan), so 0.5 bp always rounds up, never by float luck.
  const num = Math.abs(part) * 10000;
  const den = Math.abs(whole);
  const quotient = Math.floor(num / den);
  const rounded = 2 * (num - quotient * den) >= den ? quotient + 1 : quotient;
  const negative = part < 0 !== whole < 0;
  return (negative ? -rounded : rounded) + 0;
}

/** Basis points to the fraction Excel wants under a percent format (1234 bp -> 0.1234). */
export function bpToFraction(bp: number): number {
  return bp / 10000;
}
