/**
 * End to end on the sample books: reader + every check of the national pack give EXACTLY the documented problems
 * (samples/expected-findings.json), no derived extras, none missing; the xlsx the CLI reads gives the same; and
 * the disclosure is refused by exactly the unreadable 1,200.00 until that one cell is corrected.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, Finding, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/types";
import { readBooks } from "../../src/core/read/books";
import { runChecks } from "../../src/core/rules/engine";
import { renderAll } from "../../src/core/render/all";
import { checkOptionsFrom, DEFAULT_SETTINGS, periodFor, reportInputsFrom } from "../../src/core/settings/addin-settings";
import { parseRange } from "../../src/core/model/a1";

const SAMPLES = join(__dirname, "..", "..", "samples");
const LEDGER = "银行存款日记账";

interface Documented {
  rule: string;
  sheet: string;
  address: string;
}

const documented: Documented[] = JSON.parse(readFileSync(join(SAMPLES, "expected-findings.json"), "utf8"));
const sampleJson = (): WorkbookSnapshot => JSON.parse(readFileSync(join(SAMPLES, "sample-workbook.json"), "utf8"));

function findingsOf(wb: WorkbookSnapshot): Finding[] {
  const books = readBooks(wb);
  return runChecks(books, checkOptionsFrom(DEFAULT_SETTINGS, periodFor(books))).findings;
}

const keyOf = (d: Documented) => `${d.rule}@${d.sheet}!${d.address}`;
/** "H130" -> {row: 130, column: 8}. */
function cellOf(address: string): { row: number; column: number } {
  const r = parseRange(address)!;
  return { row: r.top, column: r.left };
}
const rowOf = (address: string) => cellOf(address).row;

/**
 * A finding as `rule@sheet!cell`. It names the documented cell when it points at it (or at its row: some checks
 * point at the amount of the row whose plan item or member id is the documented cell, or list both rows of a
 * reused voucher); otherwise it names its first location, so an extra finding shows where it is.
 */
function keysOf(findings: Finding[]): string[] {
  return findings.map((f) => {
    const first = f.locations[0];
    const doc = documented.find((d) => d.rule === f.rule && f.locations.some((l) => l.sheet === d.sheet && (l.address === d.address || l.row === rowOf(d.address))));
    return doc ? keyOf(doc) : `${f.rule}@${first ? `${first.sheet}!${first.address}` : "(nowhere)"}`;
  }).sort();
}

/** The value Excel's range.values gives for an exceljs cell value: dates as serials, rich text as its text. */
function excelValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return (value.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  if (typeof value === "object" && "result" in value) return excelValue(value.result as ExcelJS.CellValue);
  if (typeof value === "object" && "text" in value) return String(value.text);
  if (typeof value === "object" && "error" in value) return String(value.error);
  return value as CellValue;
}

/** A WorkbookSnapshot from an xlsx, as the Excel host would give it (merged areas hold their value top-left only). */
async function xlsxSnapshot(path: string): Promise<WorkbookSnapshot> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheets: SheetSnapshot[] = book.worksheets.map((ws) => {
    const rows = ws.rowCount;
    const columns = ws.columnCount;
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    for (let r = 1; r <= rows; r++) {
      const vs: CellValue[] = [];
      const fs: string[] = [];
      for (let c = 1; c <= columns; c++) {
        const cell = ws.getCell(r, c);
        vs.push(cell.isMerged && cell.master.address !== cell.address ? "" : excelValue(cell.value));
        fs.push(cell.numFmt || "General");
      }
      values.push(vs);
      numberFormats.push(fs);
    }
    const merges = [...(ws.model as unknown as { merges: string[] }).merges];
    return { name: ws.name, values, numberFormats, merges };
  });
  return { sheets };
}

describe("the sample books give exactly their documented problems", () => {
  const expected = documented.map(keyOf).sort();

  test("the documented list is the nine deliberate problems", () => {
    expect(expected).toHaveLength(9);
  });

  test("from the JSON snapshot (what the pane reads)", () => {
    expect(keysOf(findingsOf(sampleJson()))).toEqual(expected);
  });

  test("from the xlsx (what the CLI reads)", async () => {
    const wb = await xlsxSnapshot(join(SAMPLES, "工会经费样例-2025.xlsx"));
    expect(wb.sheets.map((s) => s.name)).toEqual(sampleJson().sheets.map((s) => s.name));
    expect(keysOf(findingsOf(wb))).toEqual(expected);
  });

  test("correcting the unreadable cell removes its finding and nothing else appears or disappears", () => {
    const wb = withCorrectedCredit(sampleJson());
    expect(keysOf(findingsOf(wb))).toEqual(expected.filter((k) => !k.startsWith("unparseable-amount@")));
  });
});

/** A copy of the sample with H130 ("1,2O0.00", a letter O for a zero) typed as the 1200 it means. */
function withCorrectedCredit(wb: WorkbookSnapshot): WorkbookSnapshot {
  const copy: WorkbookSnapshot = JSON.parse(JSON.stringify(wb));
  const ledger = copy.sheets.find((s) => s.name === LEDGER)!;
  const { row, column } = cellOf(documented.find((d) => d.rule === "unparseable-amount")!.address);
  expect(ledger.values[row - 1][column - 1]).toBe("1,2O0.00");
  ledger.values[row - 1][column - 1] = 1200;
  return copy;
}

describe("the disclosure reconciles to the fen once the unreadable amount is fixed", () => {
  const render = (wb: WorkbookSnapshot) => {
    const books = readBooks(wb);
    const { disclosure, context } = reportInputsFrom(DEFAULT_SETTINGS, books);
    return renderAll(books, periodFor(books)!, disclosure, context);
  };

  test("refused on the sample by exactly the unreadable 1,200.00", () => {
    const all = render(sampleJson());
    expect(all.refused).toBeDefined();
    expect(Math.abs(all.refused!.difference)).toBe(120000);
    expect(all.sheets.map((s) => s.kind)).not.toContain("disclosure");
  });

  test("produced once that one cell reads 1200", () => {
    const all = render(withCorrectedCredit(sampleJson()));
    expect(all.refused).toBeUndefined();
    expect(all.sheets.map((s) => s.kind)).toContain("disclosure");
  });
});
