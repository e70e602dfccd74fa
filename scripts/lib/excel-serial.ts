/**
 * Excel date serials for the generator and its tests. Excel counts days from 1899-12-30 (the 1900 leap-year
 * bug folded in), which is what `range.values` returns for a date cell.
 */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** "2025-03-10" -> 45726. */
export function isoToSerial(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH_MS) / DAY_MS);
}

/** 45726 -> "2025-03-10". */
export function serialToIso(serial: number): string {
  return new Date(EXCEL_EPOCH_MS + serial * DAY_MS).toISOString().slice(0, 10);
}

/** A serial as the UTC-midnight Date exceljs writes and reads back for a date cell. */
export function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + serial * DAY_MS);
}

/** A Date read back by exceljs (UTC based) -> serial, keeping any time of day as a fraction. */
export function dateToSerial(date: Date): number {
  return (date.getTime() - EXCEL_EPOCH_MS) / DAY_MS;
}

/** Day of year helpers for the big ledgers: ISO date of the n-th day (0-based) of a year. */
export function isoOfDayInYear(year: number, dayIndex: number): string {
  return new Date(Date.UTC(year, 0, 1) + dayIndex * DAY_MS).toISOString().slice(0, 10);
}

export function daysInYear(year: number): number {
  return (Date.UTC(year + 1, 0, 1) - Date.UTC(year, 0, 1)) / DAY_MS;
}
