/**
 * The fake must fail where Excel fails, or adapter tests would pass by accident (as they do with office-addin-mock).
 */
import { createFakeExcel, snapshotToFakeInit } from "../../src/demo/fake-excel";
import { sheet, workbook } from "../helpers/table";

function fakeWith(rows: (string | number | null)[][] = [["日期", "摘要", "收入"], [45658, "会费", 1200]]) {
  return createFakeExcel({ sheets: { 明细账: rows } });
}

describe("fake Excel: proxies and sync", () => {
  it("throws PropertyNotLoaded until load + sync, then gives the values", async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("明细账").getRange("A1:C2");
      expect(() => range.values).toThrow(/PropertyNotLoaded|not available/);
      range.load("values");
      expect(() => range.values).toThrow(/not available/); // loaded but not yet synced
      await ctx.sync();
      expect(range.values).toEqual([["日期", "摘要", "收入"], [45658, "会费", 1200]]);
      expect(() => range.address).toThrow(/not available/);
    });
  });

  it("rejects a write whose dimensions differ from the range, at sync, with InvalidArgument", async () => {
    const fake = fakeWith();
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("明细账").getRange("A1:B2").values = [["x", "y", "z"]];
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidArgument" });
    expect(fake.values("明细账")?.[0]).toEqual(["日期", "摘要", "收入"]);
  });

  it("writes matching values; null leaves a cell unchanged and an empty string clears it", async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("明细账").getRange("A2:C2").values = [[null, "", 99]];
      await ctx.sync();
    });
    expect(fake.values("明细账")).toEqual([["日期", "摘要", "收入"], [45658, null, 99]]);
  });

  it("fails getItem of a missing sheet at sync; getItemOrNullObject gives a null object", async () => {
    const fake = fakeWith();
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("预算");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemNotFound" });
    const isNull = await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItemOrNullObject("预算");
      expect(() => ws.isNullObject).toThrow(/not available/);
      await ctx.sync();
      return ws.isNullObject;
    });
    expect(isNull).toBe(true);
  });

  it("gives A1 as the used range of a blank sheet, and a null object from getUsedRangeOrNullObject", async () => {
    const fake = createFakeExcel({ sheets: { 空表: [] } });
    const [address, isNull] = await fake.Excel.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem("空表");
      const used = ws.getUsedRange().load("address");
      const orNull = ws.getUsedRangeOrNullObject();
      await ctx.sync();
      return [used.address, orNull.isNullObject];
    });
    expect(address).toBe("'空表'!A1");
    expect(isNull).toBe(true);
  });

  it("refuses a sync whose payload is over the limit, and records every sync's size", async () => {
    const rows = Array.from({ length: 2000 }, (_, i) => [i, "一段相当长的摘要文字用来占用空间", 123.45]);
    const fake = createFakeExcel({ sheets: { 明细账: rows }, payloadLimitBytes: 50_000 });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("明细账").getRange("A1:C2000").load("values");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ResponsePayloadSizeLimitExceeded" });
    expect(fake.syncs[fake.syncs.length - 1].payloadBytes).toBeGreaterThan(50_000);
  });

  it("keeps sheet names unique without regard to case and never deletes the last sheet", async () => {
    const fake = createFakeExcel({ sheets: { Ledger: [["a"]] } });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.add("LEDGER");
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ItemAlreadyExists" });
    await expect(
      fake.Excel.run(async (ctx) => {
        ctx.workbook.worksheets.getItem("Ledger").delete();
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "InvalidOperation" });
    expect(fake.sheetNames()).toEqual(["Ledger"]);
  });

  it("records format writes, which read back only after load", async () => {
    const fake = fakeWith();
    await fake.Excel.run(async (ctx) => {
      const range = ctx.workbook.worksheets.getItem("明细账").getRange("A1:C1");
      range.format.font.bold = true;
      range.format.fill.color = "#D9E1F2";
      expect(() => range.format.font.bold).toThrow(/not available/);
      range.format.font.load("bold");
      await ctx.sync();
      expect(range.format.font.bold).toBe(true);
    });
    expect(fake.formatAt("明细账", "B1")).toMatchObject({ "font.bold": true, "fill.color": "#D9E1F2" });
    expect(fake.formatAt("明细账", "B2")).toEqual({});
  });

  it("gives conditional formats ids that getItem and delete use", async () => {
    const fake = fakeWith();
    const id = await fake.Excel.run(async (ctx) => {
      const cf = ctx.workbook.worksheets.getItem("明细账").getRange("B2").conditionalFormats.add("Custom");
      cf.custom.rule.formula = "=TRUE";
      cf.custom.format.fill.color = "#FFC7CE";
      cf.load("id");
      await ctx.sync();
      return cf.id as string;
    });
    expect(fake.sheet("明细账")?.conditionalFormats).toEqual([
      { id, address: "B2", type: "Custom", props: { "custom.rule.formula": "=TRUE", "custom.format.fill.color": "#FFC7CE" } },
    ]);
    await fake.Excel.run(async (ctx) => {
      ctx.workbook.worksheets.getItem("明细账").getRange().conditionalFormats.getItem(id).delete();
      await ctx.sync();
    });
    expect(fake.sheet("明细账")?.conditionalFormats).toEqual([]);
  });

  it("starts from a WorkbookSnapshot, honouring origin, number formats and merges", () => {
    const wb = workbook(
      sheet("账", [["2025年明细账", null], [45658, 10]], {
        origin: { row: 3, column: 2 },
        numberFormats: [["General", "General"], ["yyyy-mm-dd", "#,##0.00"]],
        merges: ["B3:C3"],
      }),
    );
    const fake = createFakeExcel(snapshotToFakeInit(wb));
    const view = fake.sheet("账")!;
    expect(view.values[2]).toEqual([null, "2025年明细账", null]);
    expect(view.values[3]).toEqual([null, 45658, 10]);
    expect(view.numberFormats).toEqual({ B4: "yyyy-mm-dd", C4: "#,##0.00" });
    expect(view.merges).toEqual(["B3:C3"]);
  });
});
