/** Big benchmark ledgers: deterministic, exact balances, and files that read back as written. */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import iconv from "iconv-lite";
import Papa from "papaparse";
import { CSV_HEADER, bigLedgerRows, bigPlanLines, newPlanTotals, type BigRow } from "../../scripts/lib/big-ledger";
import { writeBigCsv, writeBigXlsx } from "../../scripts/lib/big-ledger-files";

const take = (count: number, seed?: number): { rows: BigRow[]; totals: ReturnType<typeof newPlanTotals> } => {
  const totals = newPlanTotals();
  return { rows: [...bigLedgerRows(count, totals, seed)], totals };
};

describe("big ledger rows", () => {
  it("are the same on every run with the same seed, and differ with another seed", () => {
    expect(take(3000).rows).toEqual(take(3000).rows);
    expect(take(300, 7).rows).not.toEqual(take(300, 8).rows);
  });

  it("keep exact, never negative balances, ordered 2025 dates and unique vouchers", () => {
    const { rows, totals } = take(5000);
    expect(rows).toHaveLength(5001); // 上年结转 + entries
    expect(rows[0].summary).toBe("上年结转");
    const vouchers = new Set<string>();
    for (let i = 1; i < rows.length; i++) {
      const r = rows[i];
      expect(r.balanceFen).toBe(rows[i - 1].balanceFen + r.incomeFen - r.expenseFen);
      expect(r.balanceFen).toBeGreaterThanOrEqual(0);
      expect(Number.isInteger(r.incomeFen) && Number.isInteger(r.expenseFen)).toBe(true);
      expect((r.incomeFen > 0) !== (r.expenseFen > 0)).toBe(true);
      expect(r.date >= rows[i - 1].date).toBe(true);
      vouchers.add(r.voucher);
    }
    expect(rows[rows.length - 1].date.startsWith("2025-12")).toBe(true);
    expect(vouchers.size).toBe(5000);
    expect(totals.closingFen).toBe(rows[rows.length - 1].balanceFen);
  });

  it("come with a plan whose every line covers what was spent", () => {
    const { rows, totals } = take(4000);
    const lines = bigPlanLines(totals);
    for (const line of lines.filter((l) => l.kind === "expense")) {
      const spent = rows.filter((r) => r.planItem === line.item).reduce((s, r) => s + r.expenseFen, 0);
      expect(spent).toBeGreaterThan(0);
      expect(line.budgetFen).toBeGreaterThanOrEqual(spent);
    }
    const planned = new Set(lines.map((l) => l.item));
    expect(rows.slice(1).every((r) => planned.has(r.planItem))).toBe(true);
  });
});

describe("big ledger files", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "big-ledger-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes a UTF-8 CSV with BOM that parses back to the generated rows, plus plan.csv", async () => {
    const result = await writeBigCsv(dir, 2500, "utf8");
    const bytes = readFileSync(join(dir, "ledger.csv"));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const parsed = Papa.parse<string[]>(bytes.toString("utf8").slice(1), { skipEmptyLines: true });
    expect(parsed.errors).toEqual([]);
    expect(parsed.data[0]).toEqual(CSV_HEADER);
    expect(parsed.data).toHaveLength(2502);
    const { rows } = take(2500);
    expect(parsed.data[2500][7]).toBe((rows[2499].balanceFen / 100).toFixed(2));
    expect(result.closingFen).toBe(rows[2500].balanceFen);
    const plan = Papa.parse<string[]>(readFileSync(join(dir, "plan.csv"), "utf8").slice(1), { skipEmptyLines: true });
    expect(plan.data[0]).toEqual(["收支类别", "预算科目", "计划项目", "年初预算", "调整数", "调整后预算"]);
    expect(plan.data.length).toBeGreaterThan(5);
  });

  it("writes a GBK CSV with the same text and no BOM", async () => {
    await writeBigCsv(dir, 300, "utf8");
    await writeBigCsv(dir, 300, "gbk");
    const gbk = readFileSync(join(dir, "ledger-gbk.csv"));
    expect(gbk[0]).not.toBe(0xef);
    expect(iconv.decode(gbk, "gbk")).toBe(readFileSync(join(dir, "ledger.csv"), "utf8").slice(1));
  });

  it("streams an xlsx with the ledger and the plan that exceljs reads back", async () => {
    const result = await writeBigXlsx(dir, 400);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(join(dir, "books.xlsx"));
    expect(book.worksheets.map((w) => w.name)).toEqual(["明细账", "经费预算"]);
    const ledger = book.getWorksheet("明细账")!;
    expect(ledger.actualRowCount).toBe(402);
    expect(ledger.getRow(1).values).toEqual([undefined, ...CSV_HEADER]);
    expect(ledger.getCell(402, 8).value).toBe(result.closingFen / 100);
    expect(ledger.getCell(2, 1).value).toBeInstanceOf(Date);
  });
});
