/** @jest-environment jsdom */
/**
 * The 报表 tab over a stub gateway (an in-memory list of sheets) and the inline core runner: the sheets written
 * are the ones the core renders, a refused disclosure is shown loudly and not written, write errors are shown.
 */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { SourceRef, WorkbookSnapshot } from "../../core/model/types";
import type { SheetModel } from "../../core/render/sheet-model";
import type { SheetInfo, WorkbookGateway } from "../../excel/gateway";
import { DEFAULT_SETTINGS } from "../../core/settings/addin-settings";
import { readBooks } from "../../core/read/books";
import { renderAll } from "../../core/render/all";
import { yearPeriod } from "../../core/model/period";
import { reportInputsFrom } from "../../core/settings/addin-settings";
import { createInlineRunner } from "../../worker/inline-runner";
import { sheet, workbook } from "../../../test/helpers/table";
import { LangContext } from "../i18n";
import type { BooksController } from "../use-books";
import type { SettingsController } from "../use-settings";
import { ReportsTabContainer } from "./ReportsTab";

/** A small plan and ledger; `closing` is the last balance (500 reconciles, anything else does not). */
function books(closing: number): WorkbookSnapshot {
  return workbook(
    sheet("2025年预算", [
      ["2025年度工会经费预算", null, null],
      ["收支", "预算科目", "预算数"],
      ["收入", "会费收入", 12000],
      ["支出", "文体活动费", 8000],
      ["支出", "慰问费", 4000],
    ]),
    sheet("明细账", [
      ["日期", "凭证号", "摘要", "科目", "收入", "支出", "余额"],
      ["2025-01-05", "记-001", "收1月会费", "会费收入", 1000, null, 1000],
      ["2025-02-10", "记-002", "购买羽毛球", "文体活动费", null, 300, 700],
      ["2025-03-08", "记-003", "三八节慰问", "慰问费", null, 200, closing],
    ]),
  );
}

/** The gateway as the tab sees it: user sheets plus whatever was written; `failOn` makes one write throw. */
function stubGateway(wb: WorkbookSnapshot, failOn?: string) {
  const written = new Map<string, SheetModel>();
  const activated: string[] = [];
  const removed: string[][] = [];
  const selected: SourceRef[] = [];
  const gateway: WorkbookGateway = {
    listSheets: async () => [
      ...wb.sheets.map((s): SheetInfo => ({ name: s.name, rowCount: s.values.length, columnCount: 7, generated: false })),
      ...[...written.keys()].map((name): SheetInfo => ({ name, rowCount: 1, columnCount: 1, generated: true })),
    ],
    readSnapshot: async (_names, onProgress) => {
      onProgress?.(1, 1);
      return wb;
    },
    loadSetting: async () => undefined,
    saveSetting: async () => undefined,
    selectCell: async (ref) => void selected.push(ref),
    highlight: async () => 0,
    clearHighlights: async () => 0,
    writeSheet: async (model) => {
      if (model.name === failOn) throw new Error(`工作簿中已有名为“${model.name}”的工作表，且不是本加载项生成的。`);
      written.set(model.name, model);
    },
    removeGeneratedSheets: async (only?: string[]) => {
      const names = [...written.keys()].filter((n) => !only || only.includes(n));
      for (const n of names) written.delete(n);
      removed.push(names);
      return names;
    },
    activateSheet: async (name) => void activated.push(name),
  };
  return { gateway, written, activated, selected, removed };
}

function expectedSheets(wb: WorkbookSnapshot) {
  const b = readBooks(wb);
  const { disclosure, context } = reportInputsFrom(DEFAULT_SETTINGS, b);
  return renderAll(b, yearPeriod(2025), disclosure, context);
}

function show(gateway: WorkbookGateway) {
  const booksController = { choices: {}, summary: { year: 2025 } } as unknown as BooksController;
  const settings: SettingsController = { settings: DEFAULT_SETTINGS, loaded: true, problems: [], save: async () => undefined };
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value="zh-CN">
        <ReportsTabContainer books={booksController} runner={createInlineRunner()} settings={settings} gateway={gateway} />
      </LangContext.Provider>
    </FluentProvider>,
  );
}

describe("ReportsTab", () => {
  it("writes every report the core renders for the books' year", async () => {
    const wb = books(500);
    const { gateway, written, activated } = stubGateway(wb);
    show(gateway);
    expect(screen.getByTestId("period-label")).toHaveTextContent("2025年");
    expect(screen.getByTestId("reports-pack")).toHaveTextContent("全国默认");
    fireEvent.click(screen.getByTestId("generate-reports"));
    const done = await screen.findByTestId("reports-done", {}, { timeout: 10_000 });
    const expected = expectedSheets(wb);
    expect(expected.refused).toBeUndefined();
    expect(done).toHaveTextContent(`已生成 ${expected.sheets.length} 张工作表`);
    expect([...written.values()]).toEqual(expected.sheets);
    expect(screen.queryByTestId("disclosure-refused")).toBeNull();

    const listed = await screen.findAllByTestId("generated-sheet");
    expect(listed.map((li) => li.getAttribute("data-name"))).toEqual(expected.sheets.map((s) => s.name));
    fireEvent.click(within(listed[1]).getByTestId("goto-sheet"));
    await waitFor(() => expect(activated).toEqual([expected.sheets[1].name]));

    fireEvent.click(screen.getByTestId("remove-generated"));
    expect(await screen.findByTestId("removed-note")).toHaveTextContent(`已删除 ${expected.sheets.length} 张`);
    await waitFor(() => expect(screen.queryAllByTestId("generated-sheet")).toHaveLength(0));
    expect(written.size).toBe(0);
  });

  it("shows a refused disclosure loudly and writes the other chosen sheets only", async () => {
    const wb = books(400);
    const { gateway, written, selected, removed } = stubGateway(wb);
    // A disclosure from an earlier run that reconciled is in the workbook: a refusal must take it away.
    written.set("经费收支公开表", { name: "经费收支公开表", kind: "disclosure", internal: false, rows: [] });
    show(gateway);
    // Leave out the welfare detail: it must not be written either.
    fireEvent.click(screen.getByTestId("report-welfareDetail"));
    fireEvent.click(screen.getByTestId("generate-reports"));
    const refused = await screen.findByTestId("disclosure-refused", {}, { timeout: 10_000 });
    const expected = expectedSheets(wb);
    expect(expected.refused).toBeDefined();
    expect(refused).toHaveTextContent(expected.refused!.title);
    expect(refused).toHaveTextContent("相差 -100.00 元");
    expect(refused).toHaveTextContent(expected.refused!.fix);
    expect([...written.keys()]).toEqual(expected.sheets.filter((s) => s.kind !== "welfare-detail").map((s) => s.name));
    expect([...written.values()].some((s) => s.kind === "disclosure")).toBe(false);
    expect(removed).toEqual([["经费收支公开表"]]);
    // The refusal links to the ledger's closing balance.
    fireEvent.click(screen.getByTestId("refusal-goto"));
    await waitFor(() => expect(selected).toEqual([{ sheet: "明细账", address: "G4", row: 4, column: 7 }]));
  });

  it("shows a sheet that could not be written and still writes the others", async () => {
    const wb = books(500);
    const { gateway, written } = stubGateway(wb, "福利慰问汇总");
    show(gateway);
    fireEvent.click(screen.getByTestId("generate-reports"));
    const error = await screen.findByTestId("write-error", {}, { timeout: 10_000 });
    expect(error).toHaveTextContent("工作表“福利慰问汇总”未能写入");
    expect(error).toHaveTextContent("不是本加载项生成的");
    expect(written.has("福利慰问汇总")).toBe(false);
    expect(written.size).toBe(expectedSheets(wb).sheets.length - 1);
  });

  it("builds the period text from the choice and refuses a bad year", async () => {
    const wb = books(500);
    const { gateway } = stubGateway(wb);
    show(gateway);
    fireEvent.change(screen.getByTestId("period-kind"), { target: { value: "quarter" } });
    fireEvent.change(screen.getByTestId("period-index"), { target: { value: "1" } });
    expect(screen.getByTestId("period-label")).toHaveTextContent("2025年第一季度");
    fireEvent.change(screen.getByTestId("period-year"), { target: { value: "25" } });
    expect(screen.getByTestId("period-label")).toHaveTextContent("年度请写四位数字");
    expect(screen.getByTestId("generate-reports")).toBeDisabled();
    fireEvent.change(screen.getByTestId("period-year"), { target: { value: "2025" } });
    fireEvent.click(screen.getByTestId("generate-reports"));
    expect(await screen.findByTestId("reports-done", {}, { timeout: 10_000 })).toHaveTextContent("2025年第一季度");
  });
});
