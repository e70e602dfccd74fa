/** A sheet given as a RowSource (rows made on demand) reads exactly as the same sheet given as arrays. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CellValue, RowSource, SheetSnapshot, WorkbookSnapshot } from "../model/types";
import { readBooks } from "./books";
import { sheet, workbook } from "../../../test/helpers/table";

/** The sheet's rows behind a RowSource that hands out a fresh copy of a row on every call, as the CSV reader does. */
function asSource(s: SheetSnapshot): SheetSnapshot {
  const rows = s.values;
  let calls = 0;
  const source: RowSource = {
    length: rows.length,
    width: rows.reduce((w, r) => Math.max(w, r.length), 0),
    row: (i) => {
      calls++;
      return rows[i] ? (rows[i].slice() as CellValue[]) : undefined;
    },
  };
  Object.defineProperty(source, "calls", { get: () => calls });
  return { ...s, values: [], rows: source };
}

const sampleBook = JSON.parse(readFileSync(join(__dirname, "../../../samples/sample-workbook.json"), "utf8")) as WorkbookSnapshot;

describe("readBooks over a RowSource", () => {
  test("the sample workbook: the same books, findings and locations", () => {
    const fromArrays = readBooks(sampleBook);
    const fromSource = readBooks({ sheets: sampleBook.sheets.map(asSource) });
    expect(fromArrays.ledger.entries.length).toBeGreaterThan(100);
    expect(JSON.parse(JSON.stringify(fromSource))).toEqual(JSON.parse(JSON.stringify(fromArrays)));
  });

  test("a ragged sheet whose widest row is below the top: the same books", () => {
    const wb = workbook(
      sheet("明细账", [
        ["日期", "摘要", "收入", "支出", "余额"],
        ["2025-01-02", "会费收入", "100.00", "", "100.00"],
        ["2025-01-03", "办公用品", "", "30.00", "70.00", "", "", "备注在远处"],
        ["本月合计", "", "100.00", "30.00", "70.00"],
      ]),
    );
    const fromArrays = readBooks(wb);
    const fromSource = readBooks({ sheets: wb.sheets.map(asSource) });
    expect(fromArrays.ledger.entries).toHaveLength(2);
    expect(JSON.parse(JSON.stringify(fromSource))).toEqual(JSON.parse(JSON.stringify(fromArrays)));
  });

  test("data rows are asked for once each (the reader keeps no second copy of a big sheet)", () => {
    const rows: CellValue[][] = [["日期", "摘要", "收入", "支出"]];
    for (let i = 0; i < 500; i++) rows.push([`2025-01-${String((i % 28) + 1).padStart(2, "0")}`, `项目${i}`, "", "1.00"]);
    const s = asSource(sheet("明细账", rows));
    const books = readBooks({ sheets: [s] });
    expect(books.ledger.entries).toHaveLength(500);
    const calls = (s.rows as unknown as { calls: number }).calls;
    expect(calls).toBeLessThanOrEqual(rows.length + 64);
  });

  test("a ledger with money columns is read without the sheet's width (a pass over a big file it does not need)", () => {
    const wb = workbook(
      sheet("明细账", [
        ["2025年现金日记账"],
        ["日期", "摘要", "收入", "支出", "余额"],
        ["2025-01-02", "会费收入", "100.00", "", "100.00"],
        ["2025-01-03", "办公用品", "", "30.00", "70.00", "", "", "", "远处的备注"],
      ]),
    );
    const s = asSource(wb.sheets[0]);
    let asked = 0;
    const rows = s.rows!;
    const counting: RowSource = { length: rows.length, row: (i) => rows.row(i), get width() { asked++; return rows.width; } };
    const books = readBooks({ sheets: [{ ...s, rows: counting }] });
    expect(books.ledger.entries.map((e) => e.summary)).toEqual(["会费收入", "办公用品"]);
    expect(JSON.parse(JSON.stringify(books))).toEqual(JSON.parse(JSON.stringify(readBooks(wb))));
    expect(asked).toBe(0);
  });
});
