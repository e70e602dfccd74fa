/**
 * The Excel adapter against the in-memory fake (which throws like Excel on unloaded properties and bad writes).
 */
import { createFakeExcel, type FakeExcel, type FakeExcelInit } from "../../src/demo/fake-excel";
import { createExcelGateway, MAX_HIGHLIGHTS } from "../../src/excel/excel-gateway";
import { GENERATED_SHEETS_KEY, HIGHLIGHTS_KEY } from "../../src/excel/registry";
import type { SheetModel } from "../../src/core/render/sheet-model";
import type { CellValue } from "../../src/core/model/types";

function install(init: FakeExcelInit): FakeExcel {
  const fake = createFakeExcel(init);
  (globalThis as unknown as { Excel: unknown }).Excel = fake.Excel;
  return fake;
}

afterEach(() => {
  delete (globalThis as unknown as { Excel?: unknown }).Excel;
});

const LEDGER: CellValue[][] = [
  ["2025年经费收支明细账", null, null, null],
  ["日期", "摘要", "收入", "支出"],
  [45658, "收会费", 1200, null],
  [45689, "春节慰问", null, 800.5],
];

const PLAN: CellValue[][] = [
  ["预算科目", "预算数"],
  ["文体活动费", 5000],
];

function disclosureModel(name = "经费收支公开表"): SheetModel {
  return {
    name,
    kind: "disclosure",
    internal: false,
    rows: [
      [{ v: "2025年度工会经费收支公开表", style: "title" }],
      [{ v: "项目", style: "header" }, { v: "金额（元）", style: "header" }, { v: "凭证号", style: "header" }],
      [{ v: "会费收入", style: "label" }, { v: 1200, fmt: "#,##0.00" }, { v: "001" }],
      [{ v: "慰问支出", style: "label" }, { v: 800.5, fmt: "#,##0.00" }, { v: null }],
      [{ v: "合计", style: "total" }, { v: 2000.5, fmt: "#,##0.00", style: "total" }],
    ],
    columnWidths: [20, 14, 10],
    merges: ["A1:C1"],
    freezeRows: 2,
    print: { paper: "A4", orientation: "portrait", fitToPagesWide: 1, repeatRows: "1:2", pageNumbers: true },
    charts: [{ type: "bar", title: "收支", categories: "A3:A4", series: [{ name: "金额", values: "B3:B4" }], anchor: "E2" }],
  };
}

describe("readSnapshot", () => {
  it("returns the exact values, number formats and merges of each sheet, empty cells as null", async () => {
    install({
      sheets: [
        { name: "明细账", values: LEDGER, merges: ["A1:D1"], numberFormats: [[], [], ["yyyy-mm-dd"], ["yyyy-mm-dd"]] },
        { name: "预算", values: PLAN },
      ],
    });
    const progress: [number, number][] = [];
    const wb = await createExcelGateway().readSnapshot(undefined, (d, t) => progress.push([d, t]));
    expect(wb.sheets.map((s) => s.name)).toEqual(["明细账", "预算"]);
    expect(wb.sheets[0].values).toEqual(LEDGER);
    expect(wb.sheets[0].origin).toBeUndefined();
    expect(wb.sheets[0].merges).toEqual(["A1:D1"]);
    expect(wb.sheets[0].numberFormats?.[2]).toEqual(["yyyy-mm-dd", "General", "General", "General"]);
    expect(wb.sheets[1].values).toEqual(PLAN);
    expect(wb.sheets[1].merges).toBeUndefined();
    expect(progress[0]).toEqual([0, 6]);
    expect(progress[progress.length - 1]).toEqual([6, 6]);
  });

  it("keeps the origin when the used range does not start at A1", async () => {
    install({ sheets: [{ name: "账", values: [["摘要", "金额"], ["会费", 10]], origin: { row: 4, column: 3 } }] });
    const wb = await createExcelGateway().readSnapshot(["账"]);
    expect(wb.sheets[0]).toMatchObject({ origin: { row: 4, column: 3 }, values: [["摘要", "金额"], ["会费", 10]] });
  });

  it("reads a blank sheet as no rows, and reads without merges on a host that lacks getMergedAreasOrNullObject", async () => {
    install({ sheets: [{ name: "空", values: [] }, { name: "账", values: LEDGER, merges: ["A1:D1"] }], missingApis: ["getMergedAreasOrNullObject"] });
    const wb = await createExcelGateway().readSnapshot(["空", "账"]);
    expect(wb.sheets[0].values).toEqual([]);
    expect(wb.sheets[1].values).toEqual(LEDGER);
    expect(wb.sheets[1].merges).toBeUndefined();
  });

  it("a workbook on the 1904 date system: date serials are read as the core counts them (from 1900), other numbers as they are", async () => {
    const formats = [[], [], ["yyyy-mm-dd", "General", "#,##0.00"], ["yyyy\"年\"m\"月\"d\"日\"", "General", "General", "#,##0.00"]];
    // The same days as LEDGER's, as a 1904 workbook stores them.
    const stored = LEDGER.map((row, r) => (r >= 2 ? [(row[0] as number) - 1462, ...row.slice(1)] : row));
    install({ sheets: [{ name: "明细账", values: stored, numberFormats: formats }], date1904: true });
    const wb = await createExcelGateway().readSnapshot(["明细账"]);
    expect(wb.sheets[0].values).toEqual(LEDGER);
    // A 1900 workbook, and a host without Workbook.functions, read the serials as they are.
    install({ sheets: [{ name: "明细账", values: LEDGER, numberFormats: formats }] });
    expect((await createExcelGateway().readSnapshot(["明细账"])).sheets[0].values).toEqual(LEDGER);
    install({ sheets: [{ name: "明细账", values: stored, numberFormats: formats }], date1904: true, missingApis: ["functions"] });
    expect((await createExcelGateway().readSnapshot(["明细账"])).sheets[0].values).toEqual(stored);
  });

  it("throws a Chinese error for a sheet that does not exist", async () => {
    install({ sheets: { 账: LEDGER } });
    await expect(createExcelGateway().readSnapshot(["不存在"])).rejects.toThrow(/找不到工作表“不存在”/);
  });

  it("reads a 100,000-row x 12-column ledger with every sync far under 5 MB, reporting progress", async () => {
    const rows = 100_000;
    const values: CellValue[][] = [["日期", "凭证号", "摘要", "科目", "收入", "支出", "余额", "经办人", "部门", "项目", "支付方式", "备注"]];
    for (let i = 1; i < rows; i++)
      values.push([45658 + (i % 365), `记-${i}`, `第${i}笔 职工春节慰问品采购`, "职工活动支出", i % 2 ? 1234.56 : null, i % 2 ? null : 99.9, 100000 + i, "张三", "工会办公室", "春节慰问", "银行转账", i % 7 ? null : "附发票"]);
    const fake = install({ sheets: { 明细账: values } }); // the fake itself refuses any sync over 5,000,000 bytes
    const progress: number[] = [];
    const wb = await createExcelGateway().readSnapshot(["明细账"], (done, total) => {
      expect(total).toBe(rows);
      progress.push(done);
    });
    expect(wb.sheets[0].values.length).toBe(rows);
    expect(wb.sheets[0].values[rows - 1]).toEqual(values[rows - 1].map((v) => v ?? null));
    expect(wb.sheets[0].values[54321]).toEqual(values[54321]);
    const sizes = fake.syncs.map((s) => s.payloadBytes);
    const chunkSyncs = sizes.filter((b) => b > 100_000);
    expect(chunkSyncs.length).toBeGreaterThan(10); // the data really was read in many pieces
    expect(Math.max(...sizes)).toBeLessThan(2_500_000); // half the limit, with room to spare
    expect(progress[progress.length - 1]).toBe(rows);
    expect(progress.every((d, i) => i === 0 || d > progress[i - 1])).toBe(true);
  });
});

describe("settings", () => {
  it("round-trips JSON values under the ufa. prefix; missing is undefined; undefined deletes", async () => {
    const fake = install({ sheets: { 账: LEDGER } });
    const gw = createExcelGateway();
    expect(await gw.loadSetting("roles")).toBeUndefined();
    const roles = { planSheet: "预算", ledgerSheets: ["明细账"], caps: { 慰问: 50000 } };
    await gw.saveSetting("roles", roles);
    expect(await gw.loadSetting("roles")).toEqual(roles);
    expect(fake.settings()["ufa.roles"]).toBe(JSON.stringify(roles));
    await gw.saveSetting("roles", undefined);
    expect(await gw.loadSetting("roles")).toBeUndefined();
    expect(fake.settings()).not.toHaveProperty("ufa.roles");
  });

  it("does not let a caller overwrite the registry of generated sheets", async () => {
    install({ sheets: { 账: LEDGER } });
    await expect(createExcelGateway().saveSetting("generatedSheets", [])).rejects.toThrow(/内部使用/);
  });
});

describe("selectCell and activateSheet", () => {
  it("activates the sheet and selects the cell", async () => {
    const fake = install({ sheets: { 预算: PLAN, 明细账: LEDGER } });
    await createExcelGateway().selectCell({ sheet: "明细账", row: 4, column: 4, address: "D4" });
    expect(fake.activeSheet()).toBe("明细账");
    expect(fake.selection()).toBe("D4");
  });

  it("explains in Chinese when the sheet is gone", async () => {
    install({ sheets: { 预算: PLAN } });
    await expect(createExcelGateway().activateSheet("明细账")).rejects.toThrow(/找不到工作表“明细账”/);
  });
});

describe("highlight and clearHighlights", () => {
  it("marks cells with conditional formats only, and clearing restores every user sheet exactly", async () => {
    const fake = install({ sheets: { 明细账: LEDGER, 预算: PLAN } });
    // The user's own conditional format must survive our clear.
    await fake.Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("预算").getRange("B2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=B2>1000";
      await ctx.sync();
    });
    const before = { 明细账: fake.fingerprint("明细账"), 预算: fake.fingerprint("预算") };
    const gw = createExcelGateway();
    const marked = await gw.highlight([
      { ref: { sheet: "明细账", row: 3, column: 3, address: "C3" }, severity: "warning" },
      { ref: { sheet: "明细账", row: 3, column: 3, address: "C3" }, severity: "error" },
      { ref: { sheet: "明细账", row: 4, column: 4, address: "D4" }, severity: "info" },
      { ref: { sheet: "预算", row: 2, column: 2, address: "B2" }, severity: "warning" },
      { ref: { sheet: "已删除的表", row: 1, column: 1, address: "A1" }, severity: "error" },
    ]);
    expect(marked).toBe(3);
    const cfs = fake.sheet("明细账")!.conditionalFormats;
    expect(cfs.map((c) => [c.address, c.props["custom.format.fill.color"]])).toEqual([
      ["C3", "#FFC7CE"],
      ["D4", "#DDEBF7"],
    ]);
    expect(fake.sheet("明细账")!.formats).toEqual([]); // no fills written on user cells
    expect(fake.fingerprint("明细账")).not.toBe(before.明细账);

    expect(await gw.clearHighlights()).toBe(3);
    expect(fake.fingerprint("明细账")).toBe(before.明细账);
    expect(fake.fingerprint("预算")).toBe(before.预算);
    expect(fake.settings()).not.toHaveProperty(HIGHLIGHTS_KEY);
    expect(await gw.clearHighlights()).toBe(0);
  });

  it("replaces the previous marks instead of piling them up", async () => {
    const fake = install({ sheets: { 明细账: LEDGER } });
    const gw = createExcelGateway();
    const cell = { ref: { sheet: "明细账", row: 3, column: 3, address: "C3" }, severity: "error" as const };
    await gw.highlight([cell]);
    await gw.highlight([cell, { ...cell, ref: { ...cell.ref, address: "C4", row: 4 } }]);
    expect(fake.sheet("明细账")!.conditionalFormats.map((c) => c.address)).toEqual(["C3", "C4"]);
  });
});

describe("highlight limits", () => {
  it("marks at most MAX_HIGHLIGHTS cells, errors first, and clears them all", async () => {
    const fake = install({ sheets: { 明细账: LEDGER } });
    const gw = createExcelGateway();
    const infos = Array.from({ length: MAX_HIGHLIGHTS }, (_, i) => ({
      ref: { sheet: "明细账", row: i + 10, column: 1, address: `A${i + 10}` },
      severity: "info" as const,
    }));
    const error = { ref: { sheet: "明细账", row: 3, column: 3, address: "C3" }, severity: "error" as const };
    expect(await gw.highlight([...infos, error])).toBe(MAX_HIGHLIGHTS);
    const cfs = fake.sheet("明细账")!.conditionalFormats;
    expect(cfs).toHaveLength(MAX_HIGHLIGHTS);
    expect(cfs.some((c) => c.address === "C3")).toBe(true);
    expect(await gw.clearHighlights()).toBe(MAX_HIGHLIGHTS);
    expect(fake.sheet("明细账")!.conditionalFormats).toEqual([]);
  });
});

describe("writeSheet, listSheets, removeGeneratedSheets", () => {
  it("creates a tagged sheet with values, formats, merges, widths, freeze, print setup and a chart", async () => {
    const fake = install({ sheets: { 明细账: LEDGER } });
    const gw = createExcelGateway();
    const progress: [number, number][] = [];
    await gw.writeSheet(disclosureModel(), (d, t) => progress.push([d, t]));
    const view = fake.sheet("经费收支公开表")!;
    expect(view.values).toEqual([
      ["2025年度工会经费收支公开表", null, null],
      ["项目", "金额（元）", "凭证号"],
      ["会费收入", 1200, "001"],
      ["慰问支出", 800.5, null],
      ["合计", 2000.5, null],
    ]);
    expect(view.numberFormats).toEqual({ B3: "#,##0.00", B4: "#,##0.00", B5: "#,##0.00", C3: "@" });
    expect(fake.formatAt("经费收支公开表", "A1")).toMatchObject({ "font.bold": true, "font.size": 16 });
    expect(fake.formatAt("经费收支公开表", "B2")).toMatchObject({ "font.bold": true, "fill.color": "#D9E1F2" });
    expect(fake.formatAt("经费收支公开表", "B5")).toMatchObject({ "font.bold": true });
    expect(fake.formatAt("经费收支公开表", "A3")["font.bold"]).toBeUndefined();
    expect(fake.formatAt("经费收支公开表", "A9")["columnWidth"]).toBeGreaterThan(fake.formatAt("经费收支公开表", "C9")["columnWidth"] as number);
    expect(view.merges).toEqual(["A1:C1"]);
    expect(view.freeze).toEqual({ rows: 2, columns: 0 });
    expect(view.pageLayout).toMatchObject({
      paperSize: "A4",
      orientation: "Portrait",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      printTitleRows: "$1:$2",
      "headersFooters.defaultForAllPages.centerFooter": "第 &P 页，共 &N 页",
    });
    expect(view.charts).toHaveLength(1);
    expect(view.charts[0]).toMatchObject({ type: "BarClustered", props: { "title.text": "收支", position: "E2" } });
    expect(view.charts[0].series).toEqual([{ name: "金额", values: "B3:B4", xValues: "A3:A4" }]);
    expect(JSON.parse(fake.settings()[GENERATED_SHEETS_KEY] as string)).toEqual([{ id: view.id, name: "经费收支公开表", kind: "disclosure" }]);
    expect(JSON.parse(view.customProperties["ufa.generated"] as string)).toEqual({ id: view.id, kind: "disclosure" });
    expect(progress[progress.length - 1]).toEqual([5, 5]);
    expect(fake.values("明细账")).toEqual(LEDGER);
  });

  it("writes report dates in the workbook's own date system", async () => {
    const model: SheetModel = { name: "明细", kind: "hardship-detail", internal: true, rows: [[{ v: 45658, fmt: "yyyy-mm-dd" }, { v: 1200, fmt: "#,##0.00" }]] };
    const fake1904 = install({ sheets: { 明细账: LEDGER }, date1904: true });
    await createExcelGateway().writeSheet(model);
    expect(fake1904.sheet("明细")!.values).toEqual([[45658 - 1462, 1200]]);
    const fake1900 = install({ sheets: { 明细账: LEDGER } });
    await createExcelGateway().writeSheet(model);
    expect(fake1900.sheet("明细")!.values).toEqual([[45658, 1200]]);
  });

  it("replaces its own sheet with identical content, at the same position, registered once", async () => {
    const fake = install({ sheets: { 明细账: LEDGER, 预算: PLAN } });
    const gw = createExcelGateway();
    await gw.writeSheet(disclosureModel());
    await gw.activateSheet("明细账");
    const first = fake.fingerprint("经费收支公开表");
    // Move the generated sheet between the user's sheets; the rewrite keeps it there.
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("经费收支公开表").position = 1;
      await ctx.sync();
    });
    await gw.writeSheet(disclosureModel());
    expect(fake.fingerprint("经费收支公开表")).toBe(first);
    expect(fake.sheetNames()).toEqual(["明细账", "经费收支公开表", "预算"]);
    const registry = JSON.parse(fake.settings()[GENERATED_SHEETS_KEY] as string);
    expect(registry).toEqual([{ id: fake.sheet("经费收支公开表")!.id, name: "经费收支公开表", kind: "disclosure" }]);
  });

  it("refuses to overwrite a user's sheet of the same name (any case) and leaves it untouched", async () => {
    const fake = install({ sheets: { 明细账: LEDGER, Report: PLAN } });
    const before = fake.fingerprint("Report");
    await expect(createExcelGateway().writeSheet(disclosureModel("REPORT"))).rejects.toThrow(/已有名为“Report”的工作表.*不会覆盖/);
    expect(fake.fingerprint("Report")).toBe(before);
    expect(fake.sheetNames()).toEqual(["明细账", "Report"]);
  });

  it("rejects an invalid sheet name before touching the workbook", async () => {
    const fake = install({ sheets: { 明细账: LEDGER } });
    await expect(createExcelGateway().writeSheet(disclosureModel("公开表/2025"))).rejects.toThrow(/工作表名“公开表\/2025”无效/);
    expect(fake.syncs).toHaveLength(0);
  });

  it("lists sheets with a generated flag, reads only user sheets by default, and removes only its own", async () => {
    const fake = install({ sheets: { 明细账: LEDGER, 预算: PLAN } });
    const gw = createExcelGateway();
    await gw.writeSheet(disclosureModel());
    await gw.writeSheet({ ...disclosureModel("预算执行情况"), kind: "budget-execution", charts: [] });
    expect(await gw.listSheets()).toEqual([
      { name: "明细账", generated: false, rowCount: 4, columnCount: 4 },
      { name: "预算", generated: false, rowCount: 2, columnCount: 2 },
      { name: "经费收支公开表", generated: true, rowCount: 5, columnCount: 3 },
      { name: "预算执行情况", generated: true, rowCount: 5, columnCount: 3 },
    ]);
    expect((await gw.readSnapshot()).sheets.map((s) => s.name)).toEqual(["明细账", "预算"]);
    const before = { 明细账: fake.fingerprint("明细账"), 预算: fake.fingerprint("预算") };
    // Named removal (a refused disclosure takes its stale sheet away) touches only the generated sheet named.
    expect(await gw.removeGeneratedSheets(["经费收支公开表", "明细账"])).toEqual(["经费收支公开表"]);
    expect(fake.sheetNames()).toEqual(["明细账", "预算", "预算执行情况"]);
    expect(await gw.removeGeneratedSheets()).toEqual(["预算执行情况"]);
    expect(fake.sheetNames()).toEqual(["明细账", "预算"]);
    expect(fake.fingerprint("明细账")).toBe(before.明细账);
    expect(fake.fingerprint("预算")).toBe(before.预算);
    expect(JSON.parse(fake.settings()[GENERATED_SHEETS_KEY] as string)).toEqual([]);
  });

  it("still knows its sheets by their tag when the registry setting is lost, but not a user's copy", async () => {
    const fake = install({ sheets: { 明细账: LEDGER } });
    const gw = createExcelGateway();
    await gw.writeSheet(disclosureModel());
    // The registry is lost, and the user made a sheet carrying a copied tag that names another sheet's id.
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.settings.getItem(GENERATED_SHEETS_KEY).delete();
      const copy = ctx.workbook.worksheets.add("我的副本");
      copy.getRange("A1").values = [["我改过的内容"]];
      copy.customProperties.add("ufa.generated", JSON.stringify({ id: fake.sheet("经费收支公开表")!.id, kind: "disclosure" }));
      await ctx.sync();
    });
    const flags = Object.fromEntries((await gw.listSheets()).map((s) => [s.name, s.generated]));
    expect(flags).toEqual({ 明细账: false, 经费收支公开表: true, 我的副本: false });
    expect(await gw.removeGeneratedSheets()).toEqual(["经费收支公开表"]);
    expect(fake.sheetNames()).toEqual(["明细账", "我的副本"]);
  });

  it("works on a host without worksheet custom properties (registry only)", async () => {
    const fake = install({ sheets: { 明细账: LEDGER }, missingApis: ["customProperties"] });
    const gw = createExcelGateway();
    await gw.writeSheet(disclosureModel());
    await gw.writeSheet(disclosureModel());
    expect(fake.sheetNames()).toEqual(["明细账", "经费收支公开表"]);
    expect(await gw.removeGeneratedSheets()).toEqual(["经费收支公开表"]);
  });

  it("writes a large sheet in chunks under the target size", async () => {
    const fake = install({ sheets: { 明细账: LEDGER } });
    const rows = Array.from({ length: 5000 }, (_, i) => [{ v: `第${i}行 慰问 职工` }, { v: i * 1.5, fmt: "#,##0.00" }, { v: "备注文字" }]);
    await createExcelGateway({ chunkTargetBytes: 50_000 }).writeSheet({ name: "困难帮扶明细（内部）", kind: "hardship-detail", internal: true, rows });
    expect(fake.values("困难帮扶明细（内部）")).toHaveLength(5000);
    expect(fake.values("困难帮扶明细（内部）")![4999]).toEqual(["第4999行 慰问 职工", 7498.5, "备注文字"]);
    const big = fake.syncs.filter((s) => s.requestBytes > 10_000);
    expect(big.length).toBeGreaterThan(5);
    expect(Math.max(...fake.syncs.map((s) => s.requestBytes))).toBeLessThan(60_000);
  });
});
