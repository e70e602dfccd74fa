/** @jest-environment jsdom */
/**
 * The 检查账目 tab inside the whole pane, with a stub gateway and an inline runner (the worker's request handler
 * on the UI thread). Most tests give the runner a stub `runChecks` so the findings are known exactly; the last
 * one runs the real core over a small ledger and expects what the core gives in node.
 */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import type { Books, Finding, Severity, SourceRef, WorkbookSnapshot } from "../../core/model/types";
import type { WorkbookGateway } from "../../excel/gateway";
import { readBooks } from "../../core/read/books";
import { runChecks } from "../../core/rules/engine";
import type { CheckOptions, CheckResult } from "../../core/rules/types";
import { nationalPack } from "../../core/packs";
import { findingFix, findingMessage } from "../../core/i18n";
import { createInlineRunner } from "../../worker/inline-runner";
import { sheet, workbook } from "../../../test/helpers/table";
import { ROWS_PER_PAGE } from "../findings-model";
import { Pane } from "../Pane";

const wb: WorkbookSnapshot = workbook(
  sheet("2025年预算", [
    ["收支", "预算科目", "预算数"],
    ["收入", "会费收入", 12000],
    ["支出", "文体活动费", 8000],
  ]),
  sheet("明细账", [
    ["日期", "凭证号", "摘要", "科目", "收入", "支出", "余额"],
    ["2025-01-05", "记-001", "收1月会费", "会费收入", 1000, null, 1000],
    ["2025-02-10", "记-002", "购买羽毛球", "文体活动费", null, 300, 800],
    ["2025-03-08", "记-003", "购买跳绳", "文体活动费", null, 200, 500],
  ]),
);

function at(address: string, sheetName = "明细账"): SourceRef {
  const m = /^([A-Z]+)(\d+)$/.exec(address)!;
  return { sheet: sheetName, row: Number(m[2]), column: m[1].charCodeAt(0) - 64, address };
}

function finding(rule: string, severity: Severity, ...locations: SourceRef[]): Finding {
  return { rule, severity, params: {}, locations };
}

const knownFindings: Finding[] = [
  finding("running-balance", "error", at("G3")),
  finding("over-budget", "warning", at("C3", "2025年预算")),
  finding("duplicate-voucher", "error", at("B3"), at("B4")),
  finding("birthday-twice", "warning", at("C4")),
  finding("missing-voucher", "info", at("B2")),
];

/** A core whose checks give `findings` (the reader is the real one). */
function stubbedRunner(findings: () => Finding[]) {
  const checks = jest.fn(
    (_books: Books, options: CheckOptions): CheckResult => ({
      findings: findings(),
      timings: { "running-balance": 12.4, "over-budget": 3.3 },
      ran: ["running-balance", "over-budget", "duplicate-voucher"],
      pack: options.pack ?? nationalPack,
    }),
  );
  return { runner: createInlineRunner({ readBooks, runChecks: checks }), checks };
}

function stubGateway() {
  const gateway = {
    listSheets: jest.fn(async () => []),
    readSnapshot: jest.fn(async () => wb),
    loadSetting: jest.fn(async (): Promise<any> => undefined),
    saveSetting: jest.fn(async () => undefined),
    selectCell: jest.fn(async (_ref: SourceRef) => undefined),
    highlight: jest.fn(async (cells: { ref: SourceRef; severity: Severity }[]) => new Set(cells.map((c) => `${c.ref.sheet}!${c.ref.address}`)).size),
    clearHighlights: jest.fn(async () => 6),
    writeSheet: jest.fn(async () => undefined),
    removeGeneratedSheets: jest.fn(async (): Promise<string[]> => []),
    activateSheet: jest.fn(async () => undefined),
  };
  return gateway satisfies WorkbookGateway;
}

async function readBooksOnBooksTab() {
  fireEvent.click(screen.getByTestId("read-books"));
  await screen.findByTestId("count-entries");
  await waitFor(() => expect(screen.getByTestId("read-books")).toBeEnabled());
}

async function checkOnFindingsTab() {
  fireEvent.click(screen.getByTestId("tab-findings"));
  fireEvent.click(screen.getByTestId("findings-check"));
  await screen.findByTestId("findings-summary");
}

const listed = () =>
  screen.queryAllByTestId("findings-item").map((el) => `${el.dataset.rule}@${el.dataset.address}`);

describe("检查账目 tab", () => {
  it("asks for the books first, then checks through the runner and groups the findings by severity and rule", async () => {
    const { runner, checks } = stubbedRunner(() => knownFindings);
    render(<Pane gateway={stubGateway()} runner={runner} lang="zh-CN" environment="demo" />);

    fireEvent.click(screen.getByTestId("tab-findings"));
    expect(screen.getByTestId("findings-check")).toBeDisabled();
    expect(screen.getByTestId("findings-need-books")).toHaveTextContent("请先在“账簿”页点击“读取账簿”");

    fireEvent.click(screen.getByTestId("tab-books"));
    await readBooksOnBooksTab();
    await checkOnFindingsTab();
    expect(checks).toHaveBeenCalledTimes(1);

    expect(screen.getByTestId("findings-total")).toHaveTextContent("共发现 5 个问题");
    // The severity toggles carry the counts.
    expect(screen.getByTestId("findings-toggle-error")).toHaveTextContent("错误 2");
    expect(screen.getByTestId("findings-toggle-warning")).toHaveTextContent("警告 2");
    expect(screen.getByTestId("findings-toggle-info")).toHaveTextContent("提示 1");
    expect(screen.getByTestId("findings-pack")).toHaveTextContent(`规则包：${nationalPack.name.zh}`);
    // 12.4 + 3.3 ms, rounded; three rules ran.
    expect(screen.getByTestId("findings-timing")).toHaveTextContent("运行 3 条规则，用时 16 毫秒");

    // Severity sections in order, rule groups inside with their counts; few findings: groups open by themselves.
    const sections = screen.getAllByTestId(/^findings-severity-/).map((s) => [s.dataset.testid, s.dataset.count]);
    expect(sections).toEqual([["findings-severity-error", "2"], ["findings-severity-warning", "2"], ["findings-severity-info", "1"]]);
    const errorRules = within(screen.getByTestId("findings-severity-error")).getAllByTestId("findings-rule");
    expect(errorRules.map((r) => [r.dataset.rule, r.dataset.count])).toEqual([["running-balance", "1"], ["duplicate-voucher", "1"]]);
    expect(errorRules[0]).toHaveTextContent("余额计算错误");
    expect(listed()).toEqual([
      "running-balance@明细账!G3",
      "duplicate-voucher@明细账!B3",
      "over-budget@2025年预算!C3",
      "birthday-twice@明细账!C4",
      "missing-voucher@明细账!B2",
    ]);

    // Each finding reads its message and its fix, in Chinese, and names its cells.
    const dup = screen.getAllByTestId("findings-item")[1];
    expect(dup).toHaveTextContent(findingMessage(knownFindings[2], "zh-CN"));
    expect(dup).toHaveTextContent(`改正：${findingFix(knownFindings[2], "zh-CN")}`);
    expect(within(dup).getAllByTestId("findings-location").map((l) => l.textContent)).toEqual(["明细账!B3", "明细账!B4"]);
  });

  it("filters by severity, rule and search words", async () => {
    const { runner } = stubbedRunner(() => knownFindings);
    render(<Pane gateway={stubGateway()} runner={runner} lang="zh-CN" environment="demo" />);
    await readBooksOnBooksTab();
    await checkOnFindingsTab();

    fireEvent.click(screen.getByTestId("findings-toggle-error"));
    await waitFor(() => expect(listed()).toEqual(["over-budget@2025年预算!C3", "birthday-twice@明细账!C4", "missing-voucher@明细账!B2"]));
    expect(screen.getByTestId("findings-shown")).toHaveTextContent("显示 3 / 5 个问题");
    fireEvent.click(screen.getByTestId("findings-toggle-error"));

    fireEvent.click(screen.getByRole("combobox", { name: "规则" }));
    fireEvent.click(await screen.findByRole("option", { name: "凭证号重复（1）" }));
    await waitFor(() => expect(listed()).toEqual(["duplicate-voucher@明细账!B3"]));

    fireEvent.click(screen.getByTestId("findings-filter-reset"));
    await waitFor(() => expect(listed()).toHaveLength(5));
    // Search by cell address (with its sheet) and by words of the message.
    fireEvent.change(screen.getByPlaceholderText("搜索问题、单元格"), { target: { value: "2025年预算!c3" } });
    await waitFor(() => expect(listed()).toEqual(["over-budget@2025年预算!C3"]));
    fireEvent.change(screen.getByPlaceholderText("搜索问题、单元格"), { target: { value: "没有这样的问题" } });
    expect(await screen.findByTestId("findings-no-match")).toHaveTextContent("没有符合筛选条件的问题");
  });

  it("goes to a finding's cell, marks all findings' cells and clears the marks through the gateway", async () => {
    const gateway = stubGateway();
    const { runner } = stubbedRunner(() => knownFindings);
    render(<Pane gateway={gateway} runner={runner} lang="zh-CN" environment="demo" />);
    await readBooksOnBooksTab();
    await checkOnFindingsTab();

    // The message goes to the first cell, a location link to its own cell.
    const dup = screen.getAllByTestId("findings-item")[1];
    fireEvent.click(within(dup).getByTestId("findings-item-message"));
    await waitFor(() => expect(gateway.selectCell).toHaveBeenLastCalledWith(at("B3")));
    fireEvent.click(within(dup).getAllByTestId("findings-location")[1]);
    await waitFor(() => expect(gateway.selectCell).toHaveBeenLastCalledWith(at("B4")));

    await act(async () => {
      fireEvent.click(screen.getByTestId("findings-highlight-all"));
    });
    expect(gateway.highlight).toHaveBeenCalledWith([
      { ref: at("G3"), severity: "error" },
      { ref: at("C3", "2025年预算"), severity: "warning" },
      { ref: at("B3"), severity: "error" },
      { ref: at("B4"), severity: "error" },
      { ref: at("C4"), severity: "warning" },
      { ref: at("B2"), severity: "info" },
    ]);
    expect(await screen.findByTestId("findings-mark-status")).toHaveTextContent("已在工作表中标记 6 个单元格");

    await act(async () => {
      fireEvent.click(screen.getByTestId("findings-clear"));
    });
    expect(gateway.clearHighlights).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("findings-mark-status")).toHaveTextContent("已清除 6 个标记");
  });

  it("says why a cell cannot be selected or marked", async () => {
    const gateway = stubGateway();
    gateway.selectCell.mockRejectedValueOnce(new Error("找不到工作表“明细账”"));
    gateway.highlight.mockRejectedValueOnce(new Error("工作表受保护"));
    const { runner } = stubbedRunner(() => knownFindings);
    render(<Pane gateway={gateway} runner={runner} lang="zh-CN" environment="demo" />);
    await readBooksOnBooksTab();
    await checkOnFindingsTab();
    fireEvent.click(screen.getAllByTestId("findings-item-message")[0]);
    expect(await screen.findByTestId("findings-select-error")).toHaveTextContent("无法转到该单元格：找不到工作表“明细账”");
    fireEvent.click(screen.getByTestId("findings-highlight-all"));
    expect(await screen.findByTestId("findings-mark-error")).toHaveTextContent("标记失败：工作表受保护");
  });

  it("keeps thousands of findings responsive: groups start closed and open a page of rows at a time", async () => {
    const many = Array.from({ length: 1500 }, (_, i) => finding("running-balance", "error", at(`G${i + 2}`)));
    many.push(finding("over-budget", "warning", at("C3", "2025年预算")));
    const { runner } = stubbedRunner(() => many);
    render(<Pane gateway={stubGateway()} runner={runner} lang="zh-CN" environment="demo" />);
    await readBooksOnBooksTab();
    await checkOnFindingsTab();

    expect(screen.getByTestId("findings-total")).toHaveTextContent("共发现 1501 个问题");
    const group = within(screen.getByTestId("findings-severity-error")).getByTestId("findings-rule");
    expect(group).toHaveAttribute("data-count", "1500");
    expect(screen.queryAllByTestId("findings-item")).toHaveLength(0);

    fireEvent.click(within(group).getByTestId("findings-rule-toggle"));
    expect(within(group).getAllByTestId("findings-item")).toHaveLength(ROWS_PER_PAGE);
    expect(within(group).getByTestId("findings-more")).toHaveTextContent(`还有 ${1500 - ROWS_PER_PAGE} 个`);
    fireEvent.click(within(group).getByTestId("findings-more"));
    expect(within(group).getAllByTestId("findings-item")).toHaveLength(2 * ROWS_PER_PAGE);
    // The other group is still closed.
    expect(within(screen.getByTestId("findings-severity-warning")).queryAllByTestId("findings-item")).toHaveLength(0);
  });

  it("keeps the results across tabs and says when the books were read again since", async () => {
    let round = 0;
    const { runner, checks } = stubbedRunner(() => (round++ === 0 ? knownFindings : knownFindings.slice(0, 1)));
    render(<Pane gateway={stubGateway()} runner={runner} lang="zh-CN" environment="demo" />);
    await readBooksOnBooksTab();
    await checkOnFindingsTab();
    expect(listed()).toHaveLength(5);

    fireEvent.click(screen.getByTestId("tab-books"));
    await readBooksOnBooksTab();
    fireEvent.click(screen.getByTestId("tab-findings"));
    expect(listed()).toHaveLength(5);
    expect(screen.getByTestId("findings-stale")).toHaveTextContent("账簿已重新读取");

    fireEvent.click(screen.getByTestId("findings-check"));
    await waitFor(() => expect(listed()).toEqual(["running-balance@明细账!G3"]));
    expect(screen.queryByTestId("findings-stale")).not.toBeInTheDocument();
    expect(checks).toHaveBeenCalledTimes(2);
  });

  it("with the real core, lists what the rules find in node, in English when the pane is", async () => {
    const expected = runChecks(readBooks(wb)).findings;
    expect(expected.length).toBeGreaterThan(0);
    render(<Pane gateway={stubGateway()} runner={createInlineRunner()} lang="en" environment="demo" />);
    fireEvent.click(screen.getByTestId("read-books"));
    await screen.findByTestId("count-entries");
    await waitFor(() => expect(screen.getByTestId("read-books")).toBeEnabled());
    fireEvent.click(screen.getByTestId("tab-findings"));
    expect(screen.getByTestId("findings-check")).toHaveTextContent("Check the books");
    fireEvent.click(screen.getByTestId("findings-check"));
    await screen.findByTestId("findings-summary");

    const key = (f: Finding) => `${f.rule}@${f.locations[0] ? `${f.locations[0].sheet}!${f.locations[0].address}` : ""}`;
    expect(listed().sort()).toEqual(expected.map(key).sort());
    // The first row is the engine's first finding of the most severe kind, worded in English.
    const first = [...expected].sort((a, b) => rank(a) - rank(b))[0];
    expect(screen.getAllByTestId("findings-item")[0]).toHaveTextContent(findingMessage(first, "en"));
  });
});

function rank(f: Finding): number {
  return { error: 0, warning: 1, info: 2 }[f.severity];
}
