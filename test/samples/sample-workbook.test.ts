/**
 * The sample workbook: deterministic, the JSON snapshot and the xlsx hold the same cells, the committed files
 * are what the generator makes today, and the books are clean except for the documented problems.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from "../../src/core/model/types";
import { buildSample, formatJson, type ExpectedFinding } from "../../scripts/lib/sample-workbook";
import { toXlsxBuffer } from "../../scripts/lib/to-exceljs";
import { dateToSerial, isoToSerial } from "../../scripts/lib/excel-serial";
import { columnLetter } from "../../scripts/lib/sheet-table";

const SAMPLES = join(__dirname, "..", "..", "samples");
const LEDGER = "银行存款日记账";
const PLAN = "2025年经费预算";

const committedJson = (): WorkbookSnapshot => JSON.parse(readFileSync(join(SAMPLES, "sample-workbook.json"), "utf8"));
const committedFindings = (): ExpectedFinding[] => JSON.parse(readFileSync(join(SAMPLES, "expected-findings.json"), "utf8"));

function sheetOf(book: WorkbookSnapshot, name: string): SheetSnapshot {
  const found = book.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The value Excel's range.values would show for an exceljs cell value. */
function asExcelValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return dateToSerial(value);
  if (typeof value === "object" && "richText" in value) return value.richText.map((r) => r.text).join("");
  if (typeof value === "object" && "result" in value) return asExcelValue(value.result as ExcelJS.CellValue);
  return value as CellValue;
}

/** Parses an amount cell the way a lenient reader would: numbers, "1,250.00", "¥350"; NaN when unreadable. */
function toFen(value: CellValue): number {
  if (value === "" || value === null) return 0;
  if (typeof value === "number") return Math.round(value * 100);
  const text = String(value).replace(/^[¥￥]/, "").replace(/,/g, "");
  return /^\d+(\.\d{1,2})?$/.test(text) ? Math.round(Number(text) * 100) : Number.NaN;
}

interface LedgerRow {
  row: number;
  month: number;
  day: number | "";
  voucher: string;
  summary: string;
  planItem: string;
  debit: CellValue;
  credit: CellValue;
  balance: number;
  memberId: string;
  method: string;
}

/** Reads the sample ledger's rows straight from the snapshot (month carried down from each month's first row). */
function ledgerRows(book: WorkbookSnapshot): LedgerRow[] {
  const values = sheetOf(book, LEDGER).values;
  const rows: LedgerRow[] = [];
  let month = 0;
  values.forEach((r, i) => {
    if (i < 4) return; // title, caption, two header rows
    if (typeof r[0] === "number") month = r[0];
    if (r.every((v) => v === "")) return;
    rows.push({
      row: i + 1,
      month,
      day: r[1] as number | "",
      voucher: String(r[2]),
      summary: String(r[3]),
      planItem: String(r[5]),
      debit: r[6],
      credit: r[7],
      balance: Math.round((r[9] as number) * 100),
      memberId: String(r[11]),
      method: String(r[12]),
    });
  });
  return rows;
}

const findingsOf = (rule: string): ExpectedFinding[] => buildSample().expectedFindings.filter((f) => f.rule === rule);
const addressOf = (row: number, column: number): string => `${columnLetter(column)}${row}`;

describe("sample workbook generator", () => {
  it("is deterministic, down to the xlsx bytes", async () => {
    const a = buildSample();
    const b = buildSample();
    expect(b.snapshot).toEqual(a.snapshot);
    expect(b.expectedFindings).toEqual(a.expectedFindings);
    expect(b.readme).toBe(a.readme);
    const [x, y] = await Promise.all([toXlsxBuffer(a.table), toXlsxBuffer(b.table)]);
    expect(x.equals(y)).toBe(true);
  });

  it("matches the committed samples/ files (rerun `npx tsx scripts/generate-samples.ts` if this fails)", () => {
    const sample = buildSample();
    expect(readFileSync(join(SAMPLES, "sample-workbook.json"), "utf8")).toBe(formatJson(sample.snapshot));
    expect(readFileSync(join(SAMPLES, "expected-findings.json"), "utf8")).toBe(formatJson(sample.expectedFindings));
    expect(readFileSync(join(SAMPLES, "README.md"), "utf8")).toBe(sample.readme);
  });

  it("matches the committed xlsx byte for byte", async () => {
    const bytes = await toXlsxBuffer(buildSample().table);
    expect(bytes.equals(readFileSync(join(SAMPLES, "工会经费样例-2025.xlsx")))).toBe(true);
  });

  it("has the three sheets, the ledger about 300 rows long", () => {
    const book = committedJson();
    expect(book.sheets.map((s) => s.name)).toEqual([PLAN, LEDGER, "说明"]);
    const entries = ledgerRows(book).filter((r) => r.voucher !== "");
    expect(entries.length).toBeGreaterThanOrEqual(250);
    expect(entries.length).toBeLessThanOrEqual(330);
  });
});

describe("the committed xlsx holds exactly the JSON snapshot", () => {
  let xlsx: ExcelJS.Workbook;
  beforeAll(async () => {
    xlsx = new ExcelJS.Workbook();
    await xlsx.xlsx.readFile(join(SAMPLES, "工会经费样例-2025.xlsx"));
  });

  it("has the same sheets in the same order", () => {
    expect(xlsx.worksheets.map((w) => w.name)).toEqual(committedJson().sheets.map((s) => s.name));
  });

  it("agrees cell by cell on values and number formats", () => {
    for (const snap of committedJson().sheets) {
      const ws = xlsx.getWorksheet(snap.name)!;
      const mismatches: string[] = [];
      snap.values.forEach((row, r) =>
        row.forEach((expected, c) => {
          const cell = ws.getCell(r + 1, c + 1);
          // exceljs shows a merged area's value in every cell of it; Excel gives it only in the top-left one.
          const actual = cell.isMerged && cell.master.address !== cell.address ? "" : asExcelValue(cell.value);
          if (actual !== expected) mismatches.push(`${snap.name}!${addressOf(r + 1, c + 1)}: xlsx ${JSON.stringify(actual)} json ${JSON.stringify(expected)}`);
          const format = cell.numFmt || "General";
          const expectedFormat = snap.numberFormats![r][c];
          if (format !== expectedFormat) mismatches.push(`${snap.name}!${addressOf(r + 1, c + 1)}: format ${format} vs ${expectedFormat}`);
        }),
      );
      expect(mismatches).toEqual([]);
      // Nothing in the xlsx lies outside the snapshot's used range.
      expect(ws.actualRowCount).toBeLessThanOrEqual(snap.values.length);
      ws.eachRow((row, r) => row.eachCell((cell, c) => {
        if (asExcelValue(cell.value) !== "") {
          expect(r).toBeLessThanOrEqual(snap.values.length);
          expect(c).toBeLessThanOrEqual(snap.values[0].length);
        }
      }));
    }
  });

  it("agrees on the merged areas", () => {
    for (const snap of committedJson().sheets) {
      const merges = (xlsx.getWorksheet(snap.name)!.model as unknown as { merges: string[] }).merges;
      expect([...merges].sort()).toEqual([...(snap.merges ?? [])].sort());
    }
  });

  it("stores the plan's approval dates as real dates", () => {
    const ws = xlsx.getWorksheet(PLAN)!;
    const dates: number[] = [];
    ws.getColumn(8).eachCell((cell) => {
      if (cell.value instanceof Date) dates.push(dateToSerial(cell.value));
    });
    expect(dates).toContain(isoToSerial("2025-06-18"));
    expect(dates).toContain(isoToSerial("2025-03-10"));
  });
});

describe("the sample books are clean except for the documented problems", () => {
  const book = committedJson();
  const rows = ledgerRows(book);
  const entries = rows.filter((r) => r.voucher !== "");
  /** A row's credit; the unreadable one counts at what its balance implies (previous balance minus this one). */
  const creditOf = (e: LedgerRow): number => {
    const credit = toFen(e.credit);
    if (!Number.isNaN(credit)) return credit;
    const before = rows[rows.indexOf(e) - 1];
    return before.balance - e.balance;
  };
  const documented = (rule: string): string[] => committedFindings().filter((f) => f.rule === rule).map((f) => f.address);

  it("documents one finding for each of the nine checks, each on a real cell", () => {
    const findings = committedFindings();
    expect(findings.map((f) => f.rule).sort()).toEqual(
      ["birthday-twice", "duplicate-voucher", "hardship-aid-not-by-transfer", "no-budget-line", "over-budget", "running-balance", "shopping-card-or-cash-gift", "subtotal-mismatch", "unparseable-amount"],
    );
    for (const f of findings) {
      expect(Object.keys(f).sort()).toEqual(["address", "note", "rule", "sheet"]);
      const m = /^([A-Z]+)(\d+)$/.exec(f.address)!;
      const sheet = sheetOf(book, f.sheet);
      expect(Number(m[2])).toBeLessThanOrEqual(sheet.values.length);
    }
  });

  it("keeps every running balance exact to the fen except the one documented typo", () => {
    let balance = Math.round((rows.find((r) => r.summary === "上年结转")!.balance));
    const wrong: string[] = [];
    const unreadable: string[] = [];
    for (const r of entries) {
      const debit = toFen(r.debit);
      const credit = toFen(r.credit);
      if (Number.isNaN(debit) || Number.isNaN(credit)) {
        unreadable.push(addressOf(r.row, Number.isNaN(debit) ? 7 : 8));
        balance = r.balance; // restart from the printed balance
        continue;
      }
      balance += debit - credit;
      if (r.balance !== balance) wrong.push(addressOf(r.row, 10));
    }
    expect(wrong).toEqual(documented("running-balance"));
    expect(unreadable).toEqual(documented("unparseable-amount"));
  });

  it("adds up every 本月合计, 本年累计 and 过次页/承前页 except the one documented month total", () => {
    const credits = new Map<number, number>();
    const debits = new Map<number, number>();
    const wrong: string[] = [];
    let yearIn = 0;
    let yearOut = 0;
    // The unreadable cell counts at the amount its balance implies.
    let previousBalance = rows[0].balance;
    let carried = 0;
    for (const r of rows) {
      if (r.voucher !== "") {
        let debit = toFen(r.debit);
        let credit = toFen(r.credit);
        if (Number.isNaN(credit)) credit = previousBalance - r.balance;
        if (Number.isNaN(debit)) debit = r.balance - previousBalance;
        debits.set(r.month, (debits.get(r.month) ?? 0) + debit);
        credits.set(r.month, (credits.get(r.month) ?? 0) + credit);
        previousBalance = previousBalance + debit - credit;
        continue;
      }
      const monthIn = debits.get(r.month) ?? 0;
      const monthOut = credits.get(r.month) ?? 0;
      const shown = [toFen(r.debit), toFen(r.credit)];
      if (r.summary === "本月合计") {
        yearIn += monthIn;
        yearOut += monthOut;
        if (shown[0] !== monthIn) wrong.push(addressOf(r.row, 7));
        if (shown[1] !== monthOut) wrong.push(addressOf(r.row, 8));
      } else if (r.summary === "本年累计") {
        expect(shown).toEqual([yearIn, yearOut]);
      } else if (r.summary === "过次页" || r.summary === "承前页") {
        expect(shown).toEqual([monthIn, monthOut]);
        carried += 1;
      }
      if (r.summary !== "上年结转") expect(r.balance).toBe(previousBalance);
    }
    expect(carried).toBe(2);
    expect(wrong).toEqual(documented("subtotal-mismatch"));
  });

  it("has dates in order within 2025 and the month number only on each month's first row", () => {
    let last = 0;
    for (const r of entries) {
      expect(typeof r.day).toBe("number");
      const serial = isoToSerial(`2025-${String(r.month).padStart(2, "0")}-${String(r.day).padStart(2, "0")}`);
      expect(serial).toBeGreaterThanOrEqual(last);
      last = serial;
    }
    const monthCells = sheetOf(book, LEDGER).values.slice(4).map((r) => r[0]).filter((v) => v !== "");
    expect(monthCells).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it("uses each voucher number on one date only, except the documented reuse", () => {
    const dates = new Map<string, string>();
    const reused: string[] = [];
    for (const r of entries) {
      const date = `${r.month}-${r.day}`;
      const seen = dates.get(r.voucher);
      if (seen !== undefined && seen !== date) reused.push(addressOf(r.row, 3));
      dates.set(r.voucher, date);
    }
    expect(reused).toEqual(documented("duplicate-voucher"));
  });

  it("books every expense to a plan item, except the documented donation", () => {
    const planItems = new Set(sheetOf(book, PLAN).values.map((r) => r[3]).filter((v) => typeof v === "string" && v !== ""));
    const missing = entries.filter((r) => toFen(r.credit) !== 0 && !planItems.has(r.planItem)).map((r) => addressOf(r.row, 6));
    expect(missing).toEqual(documented("no-budget-line"));
  });

  it("spends within every adjusted budget except the documented item", () => {
    const plan = sheetOf(book, PLAN).values;
    const over: string[] = [];
    plan.forEach((r, i) => {
      if (typeof r[0] !== "number" || plan.slice(0, i).every((x) => x[0] !== "二、支出")) return;
      const spent = entries.filter((e) => e.planItem === r[3]).reduce((s, e) => s + creditOf(e), 0);
      if (spent > Math.round((r[6] as number) * 100)) over.push(addressOf(i + 1, 7));
    });
    expect(over).toEqual(documented("over-budget"));
  });

  it("pays hardship aid by transfer, and gives each member one birthday gift, except where documented", () => {
    const cash = entries.filter((r) => r.planItem === "困难职工帮扶" && r.method !== "转账").map((r) => addressOf(r.row, 13));
    expect(cash).toEqual(documented("hardship-aid-not-by-transfer"));
    const seen = new Set<string>();
    const twice: string[] = [];
    for (const r of entries.filter((e) => e.planItem === "生日慰问")) {
      if (seen.has(r.memberId)) twice.push(addressOf(r.row, 12));
      seen.add(r.memberId);
    }
    expect(seen.size).toBe(120);
    expect(twice).toEqual(documented("birthday-twice"));
  });

  it("mentions a shopping card only in the documented festival purchase", () => {
    const cards = entries.filter((r) => /购物卡|礼品卡|储值卡|代金券|消费券/.test(r.summary)).map((r) => addressOf(r.row, 4));
    expect(cards).toEqual(documented("shopping-card-or-cash-gift"));
  });

  it("keeps festival goods within 30 days before the festival and under 1,500 yuan per member", () => {
    const festivals: Record<string, string> = { 春节慰问: "2025-01-29", 端午慰问: "2025-05-31", 中秋慰问: "2025-10-06" };
    let total = 0;
    for (const r of entries.filter((e) => e.planItem in festivals)) {
      const days = isoToSerial(festivals[r.planItem]) - isoToSerial(`2025-${String(r.month).padStart(2, "0")}-${String(r.day).padStart(2, "0")}`);
      expect(days).toBeGreaterThanOrEqual(0);
      expect(days).toBeLessThanOrEqual(30);
      total += toFen(r.credit);
    }
    expect(total / 120).toBeLessThanOrEqual(150_000);
    expect(findingsOf("shopping-card-or-cash-gift")).toHaveLength(1);
  });
});
