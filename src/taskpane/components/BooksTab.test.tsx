/** @jest-environment jsdom */
/**
 * The 账簿 tab with a stub gateway and an inline runner over a stub reader: the stub reader applies column
 * overrides the way the core reader does, so these tests pin the pane's behaviour (what it shows, what it sends
 * to the runner, what it saves) without depending on the reader's detection heuristics. The runner is the real
 * request handler on the UI thread, so the tab renders from the same BooksSummary the worker would send.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Books, ColumnMapping, LedgerField, ReadChoices, SourceRef, WorkbookSnapshot } from "../../core/model/types";
import type { Progress, SheetInfo, WorkbookGateway } from "../../excel/gateway";
import { sheet, workbook } from "../../../test/helpers/table";
import { LangContext } from "../i18n";
import { useBooks } from "../use-books";
import { runChecks } from "../../core/rules/engine";
import { createInlineRunner } from "../../worker/inline-runner";
import type { CoreApi } from "../../worker/handle";
import type { CoreRunner } from "../../worker/runner-api";
import { BooksTab } from "./BooksTab";

const wb: WorkbookSnapshot = workbook(
  sheet("预算", [
    ["项目", "预算数"],
    ["文体活动费", 500000],
  ]),
  sheet("明细账", [
    ["日期", "摘要", "收入", "支出", "余额"],
    ["2025-01-05", "会费", 120000, null, 120000],
    ["2025-01-09", "购买羽毛球", null, 30000, 90000],
  ]),
);

const detectedLedger: Partial<Record<LedgerField, number>> = { date: 1, summary: 2, income: 3, expense: 4, balance: 5 };

/** A reader stub: fixed detection, overrides applied on top (0 drops a field), counts from the sheet. */
const stubRead: jest.MockedFunction<CoreApi["readBooks"]> = jest.fn((snap: WorkbookSnapshot, choices?: ReadChoices): Books => {
  const ledgerSheet = choices?.roles?.ledgerSheets[0] ?? "明细账";
  const columns: Partial<Record<LedgerField, number>> = { ...detectedLedger };
  for (const [field, column] of Object.entries(choices?.ledgerColumns?.[ledgerSheet] ?? {})) {
    if (column) columns[field as LedgerField] = column;
    else delete columns[field as LedgerField];
  }
  const header = snap.sheets.find((s) => s.name === ledgerSheet)?.values[0] ?? [];
  const labels = Object.fromEntries(Object.entries(columns).map(([f, c]) => [f, String(header[c - 1] ?? "")]));
  const mapping: ColumnMapping<LedgerField> = { sheet: ledgerSheet, headerRows: [1], columns, labels, confidence: 0.9 };
  return {
    roles: { planSheet: choices?.roles?.planSheet ?? "预算", ledgerSheets: [ledgerSheet] },
    ledger: {
      sheets: [ledgerSheet],
      entries: [{}, {}] as Books["ledger"]["entries"],
      subtotals: [],
      mappings: [mapping],
    },
    findings: [
      {
        rule: "read.stubIssue",
        severity: "warning",
        params: {},
        locations: [{ sheet: ledgerSheet, row: 3, column: 4, address: "D3" }],
      },
    ],
  };
});

function stubGateway(saved?: ReadChoices) {
  const gateway = {
    listSheets: jest.fn(async (): Promise<SheetInfo[]> => []),
    readSnapshot: jest.fn(async (_names?: string[], onProgress?: Progress) => {
      onProgress?.(1, 2);
      onProgress?.(2, 2);
      return wb;
    }),
    loadSetting: jest.fn(async (_key: string): Promise<any> => saved),
    saveSetting: jest.fn(async (_key: string, _value: unknown) => undefined),
    selectCell: jest.fn(async (_ref: SourceRef) => undefined),
    highlight: jest.fn(async () => 0),
    clearHighlights: jest.fn(async () => 0),
    writeSheet: jest.fn(async () => undefined),
    removeGeneratedSheets: jest.fn(async (): Promise<string[]> => []),
    activateSheet: jest.fn(async (_name: string) => undefined),
  };
  return gateway satisfies WorkbookGateway;
}

function Tab({ gateway, runner }: { gateway: WorkbookGateway; runner: CoreRunner }) {
  const controller = useBooks(gateway, runner);
  return <BooksTab controller={controller} />;
}

function renderTab(gateway: WorkbookGateway, runner: CoreRunner = createInlineRunner({ readBooks: stubRead, runChecks })) {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value="zh-CN">
        <Tab gateway={gateway} runner={runner} />
      </LangContext.Provider>
    </FluentProvider>,
  );
}

async function readTheBooks() {
  fireEvent.click(screen.getByTestId("read-books"));
  await screen.findByTestId("count-entries");
}

beforeEach(() => stubRead.mockClear());

describe("账簿 tab", () => {
  it("reads through the gateway and shows roles, the column mapping and counts", async () => {
    const gateway = stubGateway();
    renderTab(gateway);
    await readTheBooks();

    expect(gateway.readSnapshot).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("count-entries")).toHaveTextContent("2");
    expect(screen.getByTestId("count-plan-lines")).toHaveTextContent("0");
    expect(screen.getByTestId("count-findings")).toHaveTextContent("1");
    expect(screen.getByTestId("role-plan")).toHaveTextContent("预算");
    expect(screen.getByTestId("role-ledger")).toHaveTextContent("明细账");

    const card = screen.getByTestId("mapping-ledger-明细账");
    const summary = within(card).getByTestId("map-summary");
    expect(summary).toHaveAttribute("data-column", "2");
    expect(summary).toHaveTextContent("B 列 · 摘要");
    expect(within(card).getByTestId("map-voucher")).toHaveTextContent("（不使用）");

    // The finding's location is a link that selects the cell through the gateway.
    fireEvent.click(within(screen.getByTestId("finding-list")).getByText("明细账!D3"));
    await waitFor(() => expect(gateway.selectCell).toHaveBeenCalledWith(expect.objectContaining({ address: "D3" })));
  });

  it("re-reads with a changed column and saves the confirmed choices", async () => {
    const gateway = stubGateway();
    renderTab(gateway);
    await readTheBooks();

    const card = screen.getByTestId("mapping-ledger-明细账");
    fireEvent.click(within(card).getByRole("combobox", { name: "摘要" }));
    fireEvent.click(await screen.findByRole("option", { name: "C 列 · 收入" }));

    await waitFor(() => expect(within(card).getByTestId("map-summary")).toHaveAttribute("data-column", "3"));
    expect(stubRead).toHaveBeenLastCalledWith(wb, { ledgerColumns: { 明细账: { summary: 3 } } });
    expect(screen.getByTestId("unsaved")).toBeInTheDocument();

    await act(async () => {
      fireEvent.click(screen.getByTestId("confirm-save"));
    });
    expect(gateway.saveSetting).toHaveBeenCalledWith("readChoices", {
      roles: { planSheet: "预算", ledgerSheets: ["明细账"] },
      ledgerColumns: { 明细账: { summary: 3 } },
    });
    expect(await screen.findByTestId("save-done")).toHaveTextContent("已保存");
    expect(screen.queryByTestId("unsaved")).not.toBeInTheDocument();
  });

  it("reuses the choices saved in the workbook", async () => {
    const saved: ReadChoices = { roles: { planSheet: "预算", ledgerSheets: ["明细账"] }, ledgerColumns: { 明细账: { balance: 0 } } };
    const gateway = stubGateway(saved);
    renderTab(gateway);
    await waitFor(() => expect(gateway.loadSetting).toHaveBeenCalledWith("readChoices"));
    await readTheBooks();

    expect(stubRead).toHaveBeenLastCalledWith(wb, saved);
    expect(screen.getByTestId("saved-choices-note")).toBeInTheDocument();
    expect(within(screen.getByTestId("mapping-ledger-明细账")).getByTestId("map-balance")).toHaveAttribute("data-column", "0");
  });

  it("says why reading failed", async () => {
    const gateway = stubGateway();
    gateway.readSnapshot.mockRejectedValueOnce(new Error("RichApi.Error: 网络中断"));
    renderTab(gateway);
    fireEvent.click(screen.getByTestId("read-books"));
    expect(await screen.findByTestId("read-error")).toHaveTextContent("读取失败：RichApi.Error: 网络中断");
  });
});
