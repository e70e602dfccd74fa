/**
 * Names of what the add-in keeps inside the workbook, and the shape of its records. Everything lives under the
 * `ufa.` prefix in workbook settings so it never collides with another add-in's settings.
 */

export const SETTING_PREFIX = "ufa.";

/** Setting holding the registry of generated sheets. */
export const GENERATED_SHEETS_KEY = `${SETTING_PREFIX}generatedSheets`;

/** Setting holding the conditional formats `highlight` added, so `clearHighlights` removes exactly those. */
export const HIGHLIGHTS_KEY = `${SETTING_PREFIX}highlights`;

/** Worksheet custom property marking a generated sheet (ExcelApi 1.12), a second tag besides the registry. */
export const SHEET_TAG_PROPERTY = "ufa.generated";

export interface GeneratedSheetRecord {
  /** Worksheet id: stable across renames, and different for a new sheet that reuses the name. */
  id: string;
  name: string;
  kind: string;
}

export interface HighlightRecord {
  sheet: string;
  /** Worksheet id, so a highlight on a renamed sheet is still found. */
  sheetId?: string;
  /** The highlighted area, A1 without a sheet prefix. */
  address: string;
  /** Conditional-format id. */
  id: string;
}

/** Parses a stored JSON string; a missing or damaged value gives `fallback` (the registry is then rebuilt). */
export function parseStored<T>(raw: unknown, isValid: (v: unknown) => v is T, fallback: T): T {
  if (typeof raw !== "string") return fallback;
  try {
    const v: unknown = JSON.parse(raw);
    return isValid(v) ? v : fallback;
  } catch {
    return fallback; // someone edited the setting by hand: start again rather than fail every action
  }
}

export function isSheetRecords(v: unknown): v is GeneratedSheetRecord[] {
  return (
    Array.isArray(v) &&
    v.every((r) => r && typeof r.id === "string" && typeof r.name === "string" && typeof r.kind === "string")
  );
}

export function isHighlightRecords(v: unknown): v is HighlightRecord[] {
  return (
    Array.isArray(v) &&
    v.every((r) => r && typeof r.sheet === "string" && typeof r.address === "string" && typeof r.id === "string")
  );
}
