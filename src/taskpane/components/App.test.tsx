/** @jest-environment jsdom */
/**
 * The whole pane (providers, tabs, the real core reader) over a small inline workbook, with a stub gateway:
 * what a treasurer sees after pressing 读取账簿, in Chinese and in English.
 */
import { fireEvent, render, screen, within } from "@testing-library/react";
import type { WorkbookGateway } from "../../excel/gateway";
import type { WorkbookSnapshot } from "../../core/model/types";
import { readBooks } from "../../core/read/books";
import { sheet, workbook } from "../../../test/helpers/table";
import { Pane } from "../Pane";

const wb: WorkbookSnapshot = workbook(
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
    ["2025-03-08", "记-003", "三八节慰问", "慰问费", null, 200, 500],
  ]),
);

function gateway(): WorkbookGateway {
  return {
    listSheets: async () => [],
    readSnapshot: async () => wb,
    loadSetting: async () => undefined,
    saveSetting: async () => undefined,
    selectCell: async () => undefined,
    highlight: async () => 0,
    clearHighlights: async () => 0,
    writeSheet: async () => undefined,
    removeGeneratedSheets: async () => [],
    activateSheet: async () => undefined,
  };
}

describe("Pane", () => {
  it("shows the 账簿 tab and, after reading, what the core reader found", async () => {
    const expected = readBooks(wb);
    render(<Pane gateway={gateway()} lang="zh-CN" environment="demo" />);

    expect(screen.getByRole("tab", { name: "账簿" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByTestId("environment-note")).toHaveTextContent("演示模式");
    fireEvent.click(screen.getByRole("button", { name: "读取账簿" }));

    expect(await screen.findByTestId("count-entries")).toHaveTextContent(String(expected.ledger.entries.length));
    expect(screen.getByTestId("count-plan-lines")).toHaveTextContent(String(expected.plan?.lines.length ?? 0));
    expect(screen.getByTestId("count-findings")).toHaveTextContent(String(expected.findings.length));
    expect(screen.getByTestId("role-ledger")).toHaveTextContent("明细账");
    const card = screen.getByTestId("mapping-ledger-明细账");
    expect(within(card).getByTestId("map-summary")).toHaveAttribute("data-column", String(expected.ledger.mappings[0].columns.summary));
  });

  it("speaks English when the host does", async () => {
    render(<Pane gateway={gateway()} lang="en" environment="browser" />);
    expect(screen.getByRole("tab", { name: "Books" })).toBeInTheDocument();
    expect(screen.getByTestId("environment-note")).toHaveTextContent("Not running in Excel");
    fireEvent.click(screen.getByRole("button", { name: "Read the books" }));
    expect(await screen.findByText("Columns of ledger \"明细账\"")).toBeInTheDocument();
  });
});
