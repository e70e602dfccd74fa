import { sheet, workbook } from "../../../test/helpers/table";
import type { Books, Finding } from "../model/types";
import { findingFix, findingMessage, hasKey } from "../i18n";
import { readCatalog } from "../i18n/catalog/read";
import { detectRoles, READ_RULES, readBooks } from "./books";

const byRule = (b: Books, rule: string): Finding[] => b.findings.filter((f) => f.rule === rule);
const addresses = (fs: Finding[]) => fs.map((f) => f.locations[0]?.address);

describe("readBooks: ledger layouts", () => {
  test("simple one-date layout", () => {
    const b = readBooks(workbook(sheet("明细账", [
      ["日期", "凭证号", "摘要", "科目", "收入", "支出", "余额"],
      ["2025-01-05", "记1", "收1月会费", "会费收入", 1200, null, 1200],
      ["2025-01-20", "记2", "购买篮球", "50102", null, "350.5", 849.5],
    ])));
    expect(b.roles.ledgerSheets).toEqual(["明细账"]);
    const [e1, e2] = b.ledger.entries;
    expect(b.ledger.entries).toHaveLength(2);
    expect(e1).toMatchObject({ date: "2025-01-05", voucher: "记1", summary: "收1月会费", income: 120000, expense: 0, balance: 120000, row: 2 });
    expect(e1.account?.code).toBe("401");
    expect(e2).toMatchObject({ date: "2025-01-20", income: 0, expense: 35050, balance: 84950 });
    expect(e2.account?.code).toBe("50102");
    expect(e2.cells.expense).toEqual({ sheet: "明细账", row: 3, column: 6, address: "F3" });
    expect(b.ledger.year).toBe(2025);
    expect(b.ledger.mappings[0].columns).toMatchObject({ date: 1, voucher: 2, summary: 3, account: 4, income: 5, expense: 6, balance: 7 });
    expect(byRule(b, "no-plan-sheet")).toHaveLength(1);
    expect(b.findings.filter((f) => f.severity === "error")).toEqual([]);
  });

  test("月/日 columns, year from the title, month carried down", () => {
    const b = readBooks(workbook(sheet("银行账", [
      ["2025年银行存款日记账", null, null, null, null, null],
      ["单位：元", null, null, null, null, null],
      ["月", "日", "凭证号", "摘要", "借方", "贷方"],
      [3, 1, "1", "拨缴经费", 5000, null],
      [null, 15, "2", "慰问品", null, 800],
      [4, 2, "3", "会费", 300, null],
      [null, "5", "4", "培训费", null, 100],
    ])));
    expect(b.ledger.entries.map((e) => e.date)).toEqual(["2025-03-01", "2025-03-15", "2025-04-02", "2025-04-05"]);
    expect(b.ledger.entries.map((e) => [e.income, e.expense])).toEqual([[500000, 0], [0, 80000], [30000, 0], [0, 10000]]);
    expect(b.ledger.mappings[0].headerRows).toEqual([3]);
    expect(b.findings.filter((f) => f.severity !== "warning" || f.rule !== "no-plan-sheet").filter((f) => f.rule !== "no-plan-sheet")).toEqual([]);
  });

  test("借方/贷方 journal: debit is money in, credit money out", () => {
    const b = readBooks(workbook(sheet("现金日记账", [
      ["日期", "摘要", "借方金额", "贷方金额", "借或贷", "余额"],
      ["2025-02-01", "提现", 2000, null, "借", 2000],
      ["2025-02-03", "慰问金", null, 500, "借", 1500],
    ])));
    expect(b.ledger.entries.map((e) => [e.income, e.expense, e.balance, e.direction])).toEqual([
      [200000, 0, 200000, "借"], [0, 50000, 150000, "借"],
    ]);
  });

  test("one 金额 column with 借或贷 direction, and a signed amount", () => {
    const b = readBooks(workbook(sheet("流水", [
      ["日期", "摘要", "金额", "借或贷"],
      ["2025-01-02", "会费", 100, "借"],
      ["2025-01-03", "慰问", 40, "贷"],
      ["2025-01-04", "退款", -5, null],
    ])));
    expect(b.ledger.entries.map((e) => [e.income, e.expense])).toEqual([[10000, 0], [0, 4000], [0, 500]]);
    // A blank direction is reported at the direction cell, not silently guessed.
    expect(addresses(byRule(b, "amount-direction-unknown"))).toEqual(["D4"]);
  });

  test("signed amount without a direction column; the account's kind decides a positive amount", () => {
    const b = readBooks(workbook(sheet("流水", [
      ["日期", "摘要", "科目", "金额"],
      ["2025-01-02", "会费", "会费收入", 100],
      ["2025-01-03", "球赛", "文体活动费", 60],
      ["2025-01-04", "付款", null, -5],
    ])));
    expect(b.ledger.entries.map((e) => [e.income, e.expense])).toEqual([[10000, 0], [0, 6000], [0, 500]]);
  });

  test("merged two-row header: 2025年 over 月/日, 凭证 over 字号, 金额 over 收入/支出", () => {
    const b = readBooks(workbook(sheet("经费账", [
      ["XX公司工会经费收支明细账", null, null, null, null, null, null],
      ["2025年", null, "凭证", "摘要", "金额", null, "余额"],
      ["月", "日", "字号", null, "收入", "支出", null],
      [1, 8, "记-1", "会费", 100, null, 100],
      [null, 9, "记-2", "茶叶", null, 30, 70],
    ], { merges: ["A1:G1", "A2:B2", "E2:F2", "D2:D3", "G2:G3"] })));
    const m = b.ledger.mappings[0];
    expect(m.headerRows).toEqual([2, 3]);
    expect(m.columns).toMatchObject({ month: 1, day: 2, voucher: 3, summary: 4, income: 5, expense: 6, balance: 7 });
    expect(b.ledger.entries.map((e) => [e.date, e.voucher, e.income, e.expense, e.balance])).toEqual([
      ["2025-01-08", "记-1", 10000, 0, 10000], ["2025-01-09", "记-2", 0, 3000, 7000],
    ]);
  });

  test("title rows and blank separator rows and blank columns", () => {
    const b = readBooks(workbook(sheet("账", [
      ["某某街道工会", null, null, null, null, null],
      [null, null, null, null, null, null],
      ["经费收支明细账", null, null, null, null, null],
      ["单位：元", null, null, null, null, null],
      ["日 期", null, "摘  要", "收入\n（元）", "支出(元)", ""],
      ["2025-05-01", null, "会费", "1,000.00", null, null],
      [null, null, null, null, null, null],
      ["", "", "", "", "", ""],
      ["2025-05-09", null, "购书", null, "¥20", null],
    ])));
    expect(b.ledger.mappings[0].headerRows).toEqual([5]);
    expect(b.ledger.entries.map((e) => [e.row, e.income, e.expense])).toEqual([[6, 100000, 0], [9, 0, 2000]]);
    expect(b.findings.filter((f) => f.rule !== "no-plan-sheet")).toEqual([]);
  });

  test("subtotal and carry rows are kept apart; the opening row sets the opening balance", () => {
    const b = readBooks(workbook(sheet("明细账", [
      ["日期", "摘要", "收入", "支出", "余额"],
      ["2025-01-01", "上年结转", null, null, 5000],
      ["2025-01-05", "会费", 1000, null, 6000],
      [null, "本月合计", 1000, 0, 6000],
      [null, "本年累计", 1000, 0, 6000],
      [null, "过次页", 1000, 0, 6000],
      [null, "承前页", 1000, 0, 6000],
      ["2025-02-03", "文具", null, 200, 5800],
      [null, "2月合计", 0, 200, 5800],
      [null, "本季合计", 1000, 200, 5800],
      [null, "合计", 1000, 200, 5800],
    ])));
    expect(b.ledger.entries.map((e) => e.summary)).toEqual(["会费", "文具"]);
    expect(b.ledger.subtotals.map((s) => [s.kind, s.row])).toEqual([
      ["opening", 2], ["monthTotal", 4], ["yearTotal", 5], ["carriedForward", 6], ["broughtForward", 7],
      ["monthTotal", 9], ["quarterTotal", 10], ["total", 11],
    ]);
    const monthTotal = b.ledger.subtotals[1];
    expect(monthTotal).toMatchObject({ month: 1, income: 100000, expense: 0, balance: 600000, label: "本月合计" });
    expect(b.ledger.subtotals[5].month).toBe(2);
    expect(b.ledger.opening).toEqual({ amount: 500000, source: { sheet: "明细账", row: 2, column: 5, address: "E2" } });
    expect(b.findings.filter((f) => f.rule !== "no-plan-sheet")).toEqual([]);
  });

  test("a subtotal label typed in the date column is found too", () => {
    const b = readBooks(workbook(sheet("明细账", [
      ["日期", "摘要", "收入", "支出"],
      ["2025-01-05", "会费", 10, null],
      ["本月合计", null, 10, null],
    ])));
    expect(b.ledger.entries).toHaveLength(1);
    expect(b.ledger.subtotals).toMatchObject([{ kind: "monthTotal", row: 3, income: 1000 }]);
    expect(byRule(b, "unparseable-date")).toEqual([]);
  });
});

describe("readBooks: cell problems are located findings", () => {
  test("amounts as text in every accepted form, and a bad one located exactly", () => {
    const b = readBooks(workbook(sheet("明细账", [
      ["日期", "摘要", "科目", "备注", "收入", "支出"],
      ["2025-01-01", "a", null, null, "1,234.50", null],
      ["2025-01-02", "b", null, null, "¥1,234.5", null],
      ["2025-01-03", "c", null, null, "１２３", null],
      ["2025-01-04", "d", null, null, null, "(123.00)"],
      ["2025-01-05", "e", null, null, " 88元 ", null],
      ["2025-01-06", "f", null, null, null, "12..3"],
    ])));
    expect(b.ledger.entries.map((e) => e.income - e.expense)).toEqual([123450, 123450, 12300, 12300, 8800, 0]);
    const bad = byRule(b, "unparseable-amount");
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ severity: "error", locations: [{ sheet: "明细账", row: 7, column: 6, address: "F7" }] });
    expect(bad[0].params).toMatchObject({ value: "12..3", cell: "明细账!F7" });
    // The row is still an entry, so nothing disappears from the books.
    expect(b.ledger.entries[5].row).toBe(7);
  });

  test("#REF! in a mapped cell is an error-cell finding at that cell", () => {
    const b = readBooks(workbook(sheet("明细账", [
      ["日期", "摘要", "收入", "支出"],
      ["2025-01-01", "会费", "#REF!", null],
      ["2025-01-02", "#N/A", null, 5],
    ])));
    expect(byRule(b, "error-cell").map((f) => [f.locations[0].address, f.params.value])).toEqual([["C2", "#REF!"], ["B3", "#N/A"]]);
    expect(byRule(b, "unparseable-amount")).toEqual([]);
    expect(b.ledger.entries).toHaveLength(2);
  });

  test("#REF! in the date cell leaves the date unknown, not the date of the row above (nor a missing-date finding)", () => {
    const b = readBooks(workbook(
      sheet("明细账", [
        ["日期", "摘要", "收入", "支出"],
        ["2024-12-30", "会费", 10, null],
        ["#REF!", "会费", 20, null],
        [null, "会费", 30, null],
      ]),
      sheet("2025年银行账", [
        ["月", "日", "摘要", "收入"],
        [3, 1, "会费", 10],
        [null, "#N/A", "会费", 10],
        ["#REF!", 5, "会费", 10],
      ]),
    ));
    expect(b.ledger.entries.map((e) => [e.sheet, e.date, e.unreadable])).toEqual([
      ["明细账", "2024-12-30", undefined],
      ["明细账", undefined, ["date"]],
      // A blank date after the error still means "the same day as the last date written".
      ["明细账", "2024-12-30", undefined],
      ["2025年银行账", "2025-03-01", undefined],
      ["2025年银行账", undefined, ["date"]],
      ["2025年银行账", undefined, ["date"]],
    ]);
    expect(byRule(b, "error-cell").map((f) => f.locations[0].address)).toEqual(["A3", "B3", "A4"]);
    expect(byRule(b, "missing-date")).toEqual([]);
    expect(byRule(b, "unparseable-date")).toEqual([]);
  });

  test("Entry.unreadable names the fields whose cells could not be read, and only those", () => {
    const b = readBooks(workbook(sheet("明细账", [
      ["日期", "摘要", "科目", "收入", "支出", "余额"],
      ["2025-01-01", "会费", "杂七杂八费", 100, null, 100],
      ["2025-01-02", "慰问", null, null, "1,2O0.00", 90],
      ["2025-13-45", "会费", null, "#REF!", null, "余额?"],
      ["2025-01-04", "买书", null, null, 10, 80],
    ])));
    expect(b.ledger.entries.map((e) => e.unreadable)).toEqual([undefined, ["expense"], ["income", "balance", "date"], undefined]);
    // An unknown account is read fine (its text is kept), so it is not unreadable.
    expect(b.ledger.entries[0].accountText).toBe("杂七杂八费");
  });

  test("月/日 layout: an unreadable day makes the entry's date unreadable", () => {
    const b = readBooks(workbook(sheet("2025年银行账", [
      ["月", "日", "摘要", "收入"],
      [3, 1, "会费", 10],
      [null, "三十二", "会费", 10],
    ])));
    expect(byRule(b, "unparseable-date")).toHaveLength(1);
    expect(b.ledger.entries.map((e) => e.unreadable)).toEqual([undefined, ["date"]]);
  });

  test("unknown account: a warning at the account cell, entry kept with its text", () => {
    const b = readBooks(workbook(sheet("明细账", [
      ["日期", "摘要", "会计科目", "支出"],
      ["2025-01-01", "买花", "杂七杂八费", 50],
    ])));
    const f = byRule(b, "unknown-account");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", locations: [{ address: "C2" }], params: { value: "杂七杂八费" } });
    expect(b.ledger.entries[0]).toMatchObject({ accountText: "杂七杂八费", expense: 5000 });
    expect(b.ledger.entries[0].account).toBeUndefined();
  });

  test("bad date, and a row with a summary but no amount", () => {
    const b = readBooks(workbook(sheet("明细账", [
      ["日期", "摘要", "收入", "支出"],
      ["2025-13-45", "会费", 10, null],
      ["2025-01-02", "说明文字", null, null],
    ])));
    expect(byRule(b, "unparseable-date").map((f) => f.locations[0].address)).toEqual(["A2"]);
    const noAmount = byRule(b, "row-without-amount");
    expect(noAmount.map((f) => [f.severity, f.locations[0].address])).toEqual([["warning", "C3"]]);
    expect(b.ledger.entries.map((e) => e.row)).toEqual([2, 3]);
    expect(b.ledger.entries[0].date).toBeUndefined();
  });

  test("a used range that does not start at A1: addresses honour the origin", () => {
    const b = readBooks(workbook(sheet("明细账", [
      ["日期", "摘要", "收入", "支出"],
      ["2025-01-01", "会费", "abc", null],
    ], { origin: { row: 3, column: 2 } })));
    const f = byRule(b, "unparseable-amount")[0];
    expect(f.locations[0]).toEqual({ sheet: "明细账", row: 4, column: 4, address: "D4" });
    expect(b.ledger.mappings[0]).toMatchObject({ headerRows: [3], columns: { date: 2, summary: 3, income: 4, expense: 5 } });
    expect(b.ledger.entries[0]).toMatchObject({ row: 4, summary: "会费" });
  });

  test("two columns matching one field: an info finding names the column taken", () => {
    const b = readBooks(workbook(sheet("明细账", [
      ["日期", "摘要", "说明", "收入", "支出"],
      ["2025-01-01", "会费", "x", 1, null],
    ])));
    const f = byRule(b, "ambiguous-column");
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "info", params: { field: "summary" } });
    expect(f[0].locations.map((l) => l.address)).toEqual(["B1", "C1"]);
    expect(b.ledger.entries[0].summary).toBe("会费");
  });

  test("every finding the reader emits has zh-CN and en message and fix", () => {
    const b = readBooks(workbook(
      sheet("明细账", [
        ["日期", "摘要", "说明", "科目", "金额", "借或贷"],
        ["2025-13-01", "a", null, "无此科目", "x", "借"],
        ["2025-01-02", "b", null, null, "#DIV/0!", null],
        ["2025-01-03", "c", null, null, null, null],
        ["2025-01-04", "d", null, null, 5, "?"],
      ]),
      sheet("2025年预算", [["项目", "预算数"], ["一、支出", 10], ["文体活动费", 20], ["支出合计", 30]]),
      sheet("备注页", [["随便写点"]]),
    ), { roles: { planSheet: "2025年预算", ledgerSheets: ["明细账", "备注页", "没了"] } });
    const rules = new Set(b.findings.map((f) => f.rule));
    for (const r of ["unparseable-date", "unparseable-amount", "unknown-account", "error-cell", "row-without-amount",
      "ambiguous-column", "amount-direction-unknown", "header-not-found", "sheet-not-found", "plan-subtotal-mismatch"]) {
      expect(rules).toContain(r);
    }
    for (const f of b.findings) {
      for (const lang of ["zh-CN", "en"] as const) {
        expect(hasKey(`finding.${f.rule}.message`, lang)).toBe(true);
        expect(hasKey(f.fix ?? `finding.${f.rule}.fix`, lang)).toBe(true);
        expect(findingMessage(f, lang)).not.toMatch(/\{\{/);
        expect(findingFix(f, lang)).not.toMatch(/\{\{/);
      }
    }
    expect(findingMessage(byRule(b, "unparseable-amount")[0])).toContain("“x”");
  });

  test("the read catalogue words every reader rule in both languages, with a concrete fix", () => {
    for (const rule of Object.keys(READ_RULES)) {
      for (const lang of ["zh-CN", "en"] as const) {
        expect(readCatalog[lang][`finding.${rule}.message`]).toBeTruthy();
        expect(readCatalog[lang][`finding.${rule}.fix`]).toBeTruthy();
      }
      expect(readCatalog["zh-CN"][`finding.${rule}.fix`]).toMatch(/请/);
    }
  });
});

describe("readBooks: several ledger sheets", () => {
  test("twelve month sheets read as one ledger, in month order, each entry knowing its sheet", () => {
    const months = Array.from({ length: 12 }, (_, i) => i + 1);
    const sheets = months.map((m) => sheet(`${m}月`, [
      ["2025年经费明细账", null, null, null],
      ["日", "摘要", "收入", "支出"],
      [3, `会费${m}`, m, null],
      [null, "本月合计", m, null],
    ]));
    const shuffled = [...sheets.slice(6), ...sheets.slice(0, 6)];
    const b = readBooks(workbook(...shuffled));
    expect(b.roles.ledgerSheets).toEqual(months.map((m) => `${m}月`));
    expect(b.ledger.entries).toHaveLength(12);
    expect(b.ledger.entries.map((e) => e.date)).toEqual(months.map((m) => `2025-${String(m).padStart(2, "0")}-03`));
    expect(b.ledger.entries.map((e) => e.sheet)).toEqual(months.map((m) => `${m}月`));
    expect(b.ledger.entries.map((e) => e.index)).toEqual(months.map((m) => m - 1));
    expect(b.ledger.subtotals.map((s) => s.month)).toEqual(months);
    expect(b.ledger.mappings).toHaveLength(12);
  });

  test("现金日记账 + 银行存款日记账 read as one; generated sheets ignored", () => {
    const b = readBooks(workbook(
      sheet("现金日记账", [["日期", "摘要", "借方", "贷方", "余额"], ["2025-01-02", "提现", 500, null, 500]]),
      sheet("银行存款日记账", [["日期", "摘要", "借方", "贷方", "余额"], ["2025-01-02", "提现", null, 500, 9500]]),
      sheet("经费收支公开表", [["日期", "摘要", "收入", "支出"], ["2025-01-01", "x", 1, 1]]),
    ));
    expect(b.roles.ledgerSheets).toEqual(["现金日记账", "银行存款日记账"]);
    expect(b.ledger.sheets).toEqual(["现金日记账", "银行存款日记账"]);
    expect(b.ledger.entries.map((e) => [e.sheet, e.income, e.expense])).toEqual([["现金日记账", 50000, 0], ["银行存款日记账", 0, 50000]]);
  });
});

describe("readBooks: plan sheet", () => {
  test("上年结余/年初结余 is the opening balance; a projected closing balance is not a budget line", () => {
    const b = readBooks(workbook(
      sheet("2025年经费预算", [
        ["收支类别", "预算科目", "年初预算", "调整数", "调整后预算", "批准日期"],
        ["收入", "会费收入", 2000, null, 2000, null],
        ["支出", "文体活动费", 1500, null, 1500, null],
        ["", "支出合计", 1500, null, 1500, null],
        ["", "年初结余", 800, null, 800, null],
        ["", "预计年末结余", 1300, -200, 1100, null],
        ["", "收支差额", 500, null, 500, null],
      ]),
      sheet("明细账", [["日期", "摘要", "收入", "支出"], ["2025-01-02", "会费", 1, null]]),
    ));
    const plan = b.plan!;
    expect(plan.openingBalance).toBe(80000);
    expect(plan.lines.map((l) => l.label)).toEqual(["会费收入", "文体活动费"]);
    expect(plan.lines.filter((l) => l.kind === "expense").reduce((s, l) => s + l.adjustedBudget, 0)).toBe(150000);
    expect(b.findings.filter((f) => f.rule.startsWith("plan-"))).toEqual([]);
  });

  test("budget, adjustment, adjusted, approval date, section rows, totals and opening balance", () => {
    const b = readBooks(workbook(
      sheet("2025年经费预算", [
        ["XX公司工会2025年经费收支预算表", null, null, null, null],
        ["会员人数：120人", null, null, null, null],
        ["项目", "预算数", "调整数", "调整后预算", "批准日期"],
        ["上年结余", 3000, null, null, null],
        ["一、收入", 12000, null, null, null],
        ["会费收入", 2000, null, null, "2025-01-10"],
        ["拨缴经费收入", 10000, null, null, "2025-01-10"],
        ["收入合计", 12000, null, null, null],
        ["二、支出", null, null, null, null],
        ["50102 文体活动费", 5000, 1000, 6000, "2025-01-10"],
        ["职工活动支出—职工教育费", 4000, -500, null, "2025-06-30"],
        ["困难职工帮扶费", 3000, null, null, null],
        ["支出合计", 12000, 500, 13000, null],
      ]),
      sheet("明细账", [["日期", "摘要", "收入", "支出"], ["2025-01-02", "会费", 1, null]]),
    ));
    expect(b.roles).toEqual({ planSheet: "2025年经费预算", ledgerSheets: ["明细账"] });
    const plan = b.plan!;
    expect(plan.year).toBe(2025);
    expect(plan.unionName).toBe("XX公司工会");
    expect(plan.memberCount).toBe(120);
    expect(plan.openingBalance).toBe(300000);
    expect(plan.lines.map((l) => [l.kind, l.account?.code, l.budget, l.adjustment, l.adjustedBudget, l.approvalDate])).toEqual([
      ["income", "401", 200000, undefined, 200000, "2025-01-10"],
      ["income", "402", 1000000, undefined, 1000000, "2025-01-10"],
      ["expense", "50102", 500000, 100000, 600000, "2025-01-10"],
      ["expense", "50101", 400000, -50000, 350000, "2025-06-30"],
      ["expense", "50204", 300000, undefined, 300000, undefined],
    ]);
    expect(plan.lines.map((l) => l.index)).toEqual([0, 1, 2, 3, 4]);
    // 6000 + 3500 + 3000 = 12500, but the sheet says 13000.
    const mismatch = byRule(b, "plan-subtotal-mismatch");
    expect(mismatch.map((f) => [f.locations[0].address, f.params.stated, f.params.computed])).toEqual([["D13", "13,000.00", "12,500.00"]]);
  });

  test("plan items under a category; a category with child lines is a group, not a line", () => {
    const b = readBooks(workbook(sheet("工作计划及预算", [
      ["类别", "计划项目", "预算金额", "备注"],
      ["职工活动支出", "春节慰问", 20000, "每人200元"],
      [null, "职工篮球赛", 8000, null],
      ["维权支出", "困难职工帮扶", 5000, null],
    ], { merges: ["A2:A3"] }), sheet("流水", [["日期", "摘要", "金额"], ["2025-01-01", "x", 1]])));
    const plan = b.plan!;
    expect(plan.lines.map((l) => [l.label, l.category, l.planItem, l.account?.code, l.kind, l.budget])).toEqual([
      ["春节慰问", "职工活动支出", "春节慰问", "501", "expense", 2000000],
      ["职工篮球赛", "职工活动支出", "职工篮球赛", "501", "expense", 800000],
      ["困难职工帮扶", "维权支出", "困难职工帮扶", "502", "expense", 500000],
    ]);
    expect(plan.lines[0].note).toBe("每人200元");

    const grouped = readBooks(workbook(sheet("预算", [
      ["项目", "预算数"],
      ["职工活动支出", 9000],
      ["文体活动费", 5000],
      ["职工教育费", 3000],
      ["维权支出", 1000],
    ])));
    expect(grouped.plan!.lines.map((l) => [l.account?.code, l.budget])).toEqual([["50102", 500000], ["50101", 300000], ["502", 100000]]);
    expect(byRule(grouped, "plan-subtotal-mismatch").map((f) => f.locations[0].address)).toEqual(["B2"]);
  });
});

describe("readBooks: English, roles, choices", () => {
  test("English header", () => {
    const b = readBooks(workbook(sheet("Ledger", [
      ["Date", "Voucher No.", "Description", "Account", "Debit", "Credit", "Balance", "Payee", "Member ID"],
      ["2025-03-01", "V1", "Dues", "401", 50, null, 50, null, "E001"],
      ["2025-03-02", "V2", "Football", "50102", null, 20, 30, "Sports shop", null],
    ])));
    expect(b.ledger.entries.map((e) => [e.voucher, e.summary, e.income, e.expense, e.counterparty, e.memberId])).toEqual([
      ["V1", "Dues", 5000, 0, undefined, "E001"], ["V2", "Football", 0, 2000, "Sports shop", undefined],
    ]);
  });

  test("role detection: plan by name and columns, ledgers by date + amount, notes ignored", () => {
    const wb = workbook(
      sheet("说明", [["本工作簿记录工会经费收支"], ["请勿删除"]]),
      sheet("收支明细", [["日期", "摘要", "收入", "支出"], ["2025-01-01", "x", 1, null]]),
      sheet("年度预算", [["科目", "预算数"], ["会费收入", 100]]),
      sheet("执行情况", [["项目", "预算数", "实际数"], ["会费收入", 100, 10]]),
    );
    expect(detectRoles(wb)).toEqual({ planSheet: "年度预算", ledgerSheets: ["收支明细"] });
    expect(readBooks(workbook(sheet("说明", [["hello"]]))).findings.map((f) => f.rule).sort()).toEqual(["no-ledger-sheet", "no-plan-sheet"]);
  });

  test("choices override roles and columns", () => {
    const wb = workbook(
      sheet("A", [["日期", "摘要", "收入", "支出"], ["2025-01-01", "x", 1, 2]]),
      sheet("B", [["when", "what", "money"], ["2025-02-01", "y", 7]]),
    );
    expect(detectRoles(wb).ledgerSheets).toEqual(["A"]);
    const b = readBooks(wb, { roles: { ledgerSheets: ["B"] }, ledgerColumns: { B: { date: 1, summary: 2, expense: 3 } } });
    expect(b.ledger.sheets).toEqual(["B"]);
    expect(b.ledger.entries).toMatchObject([{ date: "2025-02-01", summary: "y", expense: 700, income: 0, row: 2 }]);

    // Moving 收入 off its column: the detector's 收入 column is read as expense.
    const swapped = readBooks(wb, { ledgerColumns: { A: { expense: 3, income: 0 } } });
    expect(swapped.ledger.entries[0]).toMatchObject({ income: 0, expense: 100 });
  });

  test("never throws on odd input", () => {
    const odd = workbook(
      sheet("空", []),
      sheet("稀疏", [[null], [], [null, null, "日期"]]),
      { name: "无值", values: undefined as never },
    );
    const b = readBooks(odd);
    expect(b.ledger.entries).toEqual([]);
    expect(b.findings.map((f) => f.rule)).toContain("no-ledger-sheet");
  });
});

describe("readBooks: more hand-made layouts", () => {
  test("two-row header without merges: 2025年 | | 凭证 | 摘要 | 借方 over 月 | 日 | 字号", () => {
    const b = readBooks(workbook(sheet("日记账", [
      ["2025年", null, "凭证", "摘要", "借方", "贷方", "余额"],
      ["月", "日", "字号", null, null, null, null],
      [6, 1, "记1", "承前页", null, null, 100],
      [null, 2, "记2", "会费", 20, null, 120],
    ])));
    expect(b.ledger.mappings[0]).toMatchObject({ headerRows: [1, 2], columns: { month: 1, day: 2, voucher: 3, summary: 4, income: 5, expense: 6, balance: 7 } });
    expect(b.ledger.entries).toMatchObject([{ date: "2025-06-02", voucher: "记2", income: 2000 }]);
    expect(b.ledger.subtotals).toMatchObject([{ kind: "broughtForward", balance: 10000, row: 3 }]);
  });

  test("sheet names 2025.01 and 一月 give months; day-only sheets use them; year from the sheet name", () => {
    const b = readBooks(workbook(
      sheet("2025.02", [["日", "摘要", "收入", "支出"], [3, "b", 2, null]]),
      sheet("2025.01", [["日", "摘要", "收入", "支出"], [9, "a", 1, null]]),
    ));
    expect(b.ledger.entries.map((e) => [e.sheet, e.date])).toEqual([["2025.01", "2025-01-09"], ["2025.02", "2025-02-03"]]);
    const cn = readBooks(workbook(
      sheet("三月", [["日期", "摘要", "支出"], ["2025-03-01", "c", 3]]),
      sheet("一月", [["日期", "摘要", "支出"], ["2025-01-01", "a", 1]]),
    ));
    expect(cn.roles.ledgerSheets).toEqual(["一月", "三月"]);
  });

  test("月/日 with no year anywhere: one year-not-found warning, no flood of date errors", () => {
    const b = readBooks(workbook(sheet("明细", [["月", "日", "摘要", "收入"], [1, 2, "a", 1], [1, 3, "b", 2]])));
    expect(byRule(b, "year-not-found").map((f) => f.locations[0].address)).toEqual(["A2"]);
    expect(byRule(b, "unparseable-date")).toEqual([]);
    expect(b.ledger.entries).toHaveLength(2);
  });

  test("the plan's year dates a ledger that has only 月/日", () => {
    const b = readBooks(workbook(
      sheet("2024年度预算", [["项目", "预算数"], ["会费收入", 100]]),
      sheet("明细", [["月", "日", "摘要", "收入"], [5, 6, "会费", 1]]),
    ));
    expect(b.ledger.entries[0].date).toBe("2024-05-06");
    expect(b.ledger.year).toBe(2024);
  });

  test("a header repeated on a later page and a signature footer are not entries", () => {
    const b = readBooks(workbook(sheet("明细账", [
      ["日期", "摘要", "收入", "支出"],
      ["2025-01-01", "会费", 1, null],
      ["日期", "摘要", "收入", "支出"],
      ["2025-01-02", "会费", 2, null],
      ["制表人：张三", null, null, null],
    ])));
    expect(b.ledger.entries.map((e) => e.row)).toEqual([2, 4]);
    expect(b.findings.filter((f) => f.rule !== "no-plan-sheet")).toEqual([]);
  });

  test("an unreadable month cell is located at the month, an unreadable day at the day", () => {
    const b = readBooks(workbook(sheet("明细", [
      ["2025年经费账", null, null, null],
      ["月", "日", "摘要", "收入"],
      ["三月份x", 2, "a", 1],
      [3, "x日", "b", 2],
    ])));
    expect(byRule(b, "unparseable-date").map((f) => f.locations[0].address)).toEqual(["A3", "B4"]);
  });
});

describe("readBooks: plan kinds", () => {
  test("a 收支 column decides the kind; a line nobody can place is an expense with a warning", () => {
    const b = readBooks(workbook(sheet("预算表", [
      ["收支", "预算项目", "预算数"],
      ["收", "工会会费", 500],
      ["支", "春节慰问", 300],
      [null, "杂项", 50],
    ])));
    expect(b.plan!.lines.map((l) => [l.label, l.kind])).toEqual([["工会会费", "income"], ["春节慰问", "expense"], ["杂项", "expense"]]);
    expect(byRule(b, "plan-kind-unknown").map((f) => f.locations[0].address)).toEqual(["B4"]);
  });
});
