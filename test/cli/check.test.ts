/**
 * `union-books check` as a whole process over the sample workbook, its CSV export, a GBK CSV and broken files.
 */
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import iconv from "iconv-lite";
import Papa from "papaparse";
import type { Finding, WorkbookSnapshot } from "../../src/core/model/types";
import { readBooks } from "../../src/core/read/books";
import { runChecks } from "../../src/core/rules/engine";
import { allFindings } from "../../src/cli/analyse";
import { excelSerialToIso, isDateFormat } from "../../src/core/model/dates";
import { SAMPLE_JSON, SAMPLE_XLSX, runCli } from "./run-cli";

const LEDGER = "银行存款日记账";
const PLAN = "2025年经费预算";

interface JsonOut {
  findings: { rule: string; severity: string; message: string; fix: string; locations: { sheet: string; row: number; column: number; address: string }[] }[];
  summary: { errors: number; warnings: number; infos: number; entries: number; planLines: number };
}

const snapshot = (): WorkbookSnapshot => JSON.parse(readFileSync(SAMPLE_JSON, "utf8"));

/** What the pane would report for the committed sample snapshot: the core, without the CLI. */
function coreFindings(wb: WorkbookSnapshot): Finding[] {
  const books = readBooks(wb);
  const r = runChecks(books);
  return allFindings(books, r.findings, r.ran);
}

const key = (f: { rule: string; locations: { sheet: string; address: string }[] }) =>
  `${f.rule}@${f.locations.map((l) => `${l.sheet}!${l.address}`).join(",")}`;

/** A sheet of the snapshot as CSV text, the way Excel's "CSV UTF-8" export writes it: shown values, dates as dates. */
function csvOf(wb: WorkbookSnapshot, name: string): string {
  const sheet = wb.sheets.find((s) => s.name === name)!;
  const shown = (v: unknown, fmt: string | undefined) =>
    v === null ? "" : typeof v === "number" && isDateFormat(fmt) ? excelSerialToIso(v) ?? String(v) : String(v);
  return Papa.unparse(sheet.values.map((row, r) => row.map((v, c) => shown(v, sheet.numberFormats?.[r]?.[c]))), { newline: "\r\n" });
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "union-books-check-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("check on the sample workbook", () => {
  test("--json: the same findings (rule ids and cells) as the core on the sample snapshot, exit 1 for errors", () => {
    const r = runCli(["check", SAMPLE_XLSX, "--json"]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as JsonOut;
    const expected = coreFindings(snapshot());
    expect(out.findings.map(key).sort()).toEqual(expected.map(key).sort());
    expect(out.findings.length).toBeGreaterThan(0);
    expect(out.summary.errors).toBe(expected.filter((f) => f.severity === "error").length);
    expect(out.summary.entries).toBe(readBooks(snapshot()).ledger.entries.length);
    expect(out.summary.planLines).toBeGreaterThan(0);
    // Every finding carries words, not keys.
    for (const f of out.findings) {
      expect(f.message).not.toMatch(/^finding\./);
      expect(f.fix).not.toMatch(/^finding\./);
    }
    expect(r.code).toBe(out.summary.errors > 0 ? 1 : 0);
  });

  test("the deliberate problems of the sample are reported at their cells", () => {
    const out = JSON.parse(runCli(["check", SAMPLE_XLSX, "--json"]).stdout) as JsonOut;
    const where = new Set(out.findings.flatMap((f) => f.locations.map((l) => `${f.rule}@${l.sheet}!${l.address}`)));
    expect(where).toContain(`subtotal-mismatch@${LEDGER}!H109`);
    expect(where).toContain(`unparseable-amount@${LEDGER}!H130`);
    expect(where).toContain(`running-balance@${LEDGER}!J196`);
  });

  test("table output: a header, cells like 银行存款日记账!H130, fixes, and a Chinese summary line", () => {
    const r = runCli(["check", SAMPLE_XLSX]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("级别");
    expect(r.stdout).toContain(`${LEDGER}!H130`);
    expect(r.stdout).toContain("→ ");
    expect(r.stdout.trim().split("\n").pop()).toMatch(/^共 \d+ 条：错误 \d+，警告 \d+，提示 \d+/);
  });

  test("--lang en gives English words", () => {
    const r = runCli(["check", SAMPLE_XLSX, "--lang", "en"]);
    expect(r.stdout).toContain("Severity");
    expect(r.stdout.trim().split("\n").pop()).toMatch(/^\d+ findings: \d+ errors/);
  });

  test("the sample's CSV export (ledger + plan beside it) gives the same findings", () => {
    const wb = snapshot();
    const csvDir = join(dir, "csv");
    mkdirSync(csvDir);
    writeFileSync(join(csvDir, `${LEDGER}.csv`), "\uFEFF" + csvOf(wb, LEDGER));
    writeFileSync(join(csvDir, `${PLAN}.csv`), "\uFEFF" + csvOf(wb, PLAN));
    const r = runCli(["check", join(csvDir, `${LEDGER}.csv`), "--json"]);
    expect(r.stderr).toBe("");
    const out = JSON.parse(r.stdout) as JsonOut;
    // The CSV holds the cells as text: the same books, so the same findings on the same cells.
    const expected = coreFindings({ sheets: wb.sheets.filter((s) => s.name === LEDGER || s.name === PLAN) });
    expect(out.findings.map(key).sort()).toEqual(expected.map(key).sort());
    expect(out.summary.planLines).toBeGreaterThan(0);
  });
});

describe("CSV encodings", () => {
  const rows = [
    ["日期", "凭证号", "摘要", "会计科目", "收入", "支出", "余额"],
    ["2025-01-01", "", "上年结转", "", "", "", "1000.00"],
    ["2025-01-05", "记-001", "收到1月会费", "会费收入", "500.00", "", "1500.00"],
    ["2025-01-10", "记-002", "职工篮球赛，购买“运动服”", "文体活动费", "", "300.00", "1200.00"],
  ];
  const text = rows.map((r) => r.map((v) => (/[",]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)).join(",")).join("\r\n");

  test("a GBK CSV (Chinese Excel's default) reads its Chinese headers and 摘要", () => {
    const file = join(dir, "gbk-明细账.csv");
    writeFileSync(file, iconv.encode(text, "gbk"));
    const bytes = readFileSync(file);
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    const out = JSON.parse(runCli(["check", file, "--json", "--no-plan"]).stdout) as JsonOut;
    expect(out.summary.entries).toBe(2);
    // The same file in UTF-8 gives exactly the same findings: the GBK decoding lost nothing.
    const utf8 = join(dir, "utf8-明细账.csv");
    writeFileSync(utf8, "\uFEFF" + text);
    const same = JSON.parse(runCli(["check", utf8, "--json", "--no-plan"]).stdout) as JsonOut;
    expect(out.findings.map((f) => f.rule + f.message)).toEqual(same.findings.map((f) => f.rule + f.message));
  });

  test("Excel's 「Unicode 文本」 (.txt: UTF-16 with a BOM, tab-separated) gives the same findings as the UTF-8 CSV", () => {
    const tsv = rows.map((r) => r.join("\t")).join("\r\n");
    const file = join(dir, "unicode-明细账.txt");
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(tsv, "utf16le")]));
    const out = JSON.parse(runCli(["check", file, "--json", "--no-plan"]).stdout) as JsonOut;
    expect(out.summary.entries).toBe(2);
    const utf8 = join(dir, "utf8-tsv-明细账.csv");
    writeFileSync(utf8, "\uFEFF" + text);
    const same = JSON.parse(runCli(["check", utf8, "--json", "--no-plan"]).stdout) as JsonOut;
    const words = (o: JsonOut) => o.findings.map((f) => `${f.rule}|${f.message.replace(/unicode-明细账|utf8-tsv-明细账/g, "S")}`);
    expect(words(out)).toEqual(words(same));
  });

  test("GBK decoding keeps the 摘要 text with quotes and commas (read through the CLI's loader)", async () => {
    const { csvSheet } = await import("../../src/cli/load/csv");
    const { sheet, encoding } = csvSheet("明细账", iconv.encode(text, "gbk"));
    expect(encoding).toBe("gb18030");
    expect(sheet.rows!.row(0)).toEqual(rows[0]);
    expect(sheet.rows!.row(3)![2]).toBe("职工篮球赛，购买“运动服”");
    const bom = csvSheet("明细账", Buffer.from("\uFEFF" + text, "utf8"));
    expect(bom.encoding).toBe("utf8");
    expect(bom.sheet.rows!.row(0)![0]).toBe("日期"); // the BOM is not part of the first header
  });
});

describe("exit codes", () => {
  test("0 for clean books", () => {
    const file = join(dir, "clean-明细账.csv");
    writeFileSync(file, "\uFEFF日期,凭证号,摘要,会计科目,收入,支出,余额\r\n2025-01-05,记-001,收到1月会费,会费收入,500.00,,500.00\r\n");
    const r = runCli(["check", file, "--json", "--no-plan"]);
    const out = JSON.parse(r.stdout) as JsonOut;
    expect(out.summary.errors).toBe(0);
    expect(r.code).toBe(0);
  });

  test("2 for a corrupt .xlsx: one line on stderr, no stack trace, nothing on stdout", () => {
    const file = join(dir, "broken.xlsx");
    writeFileSync(file, "this is not a zip file at all");
    const r = runCli(["check", file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("broken.xlsx");
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/); // no stack frames
  });

  test("2 for a missing file and for a bad period, each with one line", () => {
    const missing = runCli(["check", join(dir, "nope.xlsx")]);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toHaveLength(1);
    expect(missing.stderr).toContain("找不到文件");
    const period = runCli(["check", SAMPLE_XLSX, "--period", "2025Q9"]);
    expect(period.code).toBe(2);
    expect(period.stderr).toContain("2025Q9");
  });

  test("the input file is only read", () => {
    const before = createHash("sha256").update(readFileSync(SAMPLE_XLSX)).digest("hex");
    runCli(["check", SAMPLE_XLSX, "--json"]);
    expect(createHash("sha256").update(readFileSync(SAMPLE_XLSX)).digest("hex")).toBe(before);
  });
});
