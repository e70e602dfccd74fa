/** The shared request handler: read -> summary, check -> findings, report -> sheets or refusal; errors as values. */
import { defaultCore, handleRequest, runToEnd, type CoreApi, type Handled } from "../../src/worker/handle";
import type { CoreRequest, HandlerState, ProgressResponse } from "../../src/worker/protocol";
import type { RenderAll, RenderRefusal } from "../../src/worker/render-port";
import { renderAll } from "../../src/core/render/all";
import { welfareCapsOf } from "../../src/core/packs";
import { loadSettings, reportInputsFrom } from "../../src/core/settings/addin-settings";
import { yearPeriod } from "../../src/core/model/period";
import { readBooks } from "../../src/core/read/books";
import { nationalPack, packById } from "../../src/core/packs";
import { smallBooks } from "./fixtures";

function run(request: CoreRequest, state: HandlerState = {}, core: CoreApi = defaultCore): Handled & { progress: ProgressResponse[] } {
  const progress: ProgressResponse[] = [];
  const handled = runToEnd(handleRequest(request, state, core), (p) => progress.push(p));
  return { ...handled, progress };
}

const readState = (): HandlerState => ({ books: readBooks(smallBooks()) });

describe("read", () => {
  it("keeps the Books in the state and answers with a summary of them", () => {
    const { response, state, progress } = run({ id: 7, kind: "read", payload: { workbook: smallBooks() } });
    if (response.kind !== "result" || response.request !== "read") throw new Error(JSON.stringify(response));
    expect(response.id).toBe(7);
    const s = response.result;
    expect(s.counts).toEqual({ entries: 4, planLines: 4, subtotals: state.books!.ledger.subtotals.length, findings: 1 });
    expect(s.roles).toEqual({ planSheet: "预算表", ledgerSheets: ["明细账"] });
    expect(s.ledgerSheets).toEqual(["明细账"]);
    expect(s.ledgerMappings[0].columns).toMatchObject({ date: 1, voucher: 2, summary: 3, income: 6, expense: 7 });
    expect(s.year).toBe(2025);
    expect(s.unionName).toBe("江城机械厂工会");
    expect(s.memberCount).toBe(120);
    expect(s.ledgerTotals).toMatchObject({ income: 120000, expense: 35050 + 500000 + 10000 });
    expect(s.plan).toMatchObject({ sheet: "预算表", lineCount: 4, incomeBudget: 10000000, expenseBudget: 5000000 });
    expect(s.findings.map((f) => [f.rule, f.locations[0]?.address])).toEqual([["unparseable-date", "A6"]]);
    expect(state.books?.ledger.entries).toHaveLength(4);
    expect(progress.map((p) => [p.request, p.step, p.steps])).toEqual([["read", 1, 2], ["read", 2, 2]]);
    expect(progress.every((p) => p.id === 7 && /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
  });

  it("uses the user's choices", () => {
    const { response } = run({ id: 1, kind: "read", payload: { workbook: smallBooks(), choices: { roles: { ledgerSheets: ["明细账"] } } } });
    if (response.kind !== "result" || response.request !== "read") throw new Error(JSON.stringify(response));
    expect(response.result.roles.planSheet).toBeUndefined();
    expect(response.result.plan).toBeUndefined();
  });

  it("answers a request without a workbook with an error, keeping the old books", () => {
    const before = readState();
    const { response, state } = run({ id: 2, kind: "read", payload: {} as never }, before);
    expect(response).toMatchObject({ id: 2, kind: "error", code: "bad-request", request: "read" });
    expect(state.books).toBe(before.books);
  });
});

describe("check", () => {
  it("checks the kept books and names the pack", () => {
    const { response, progress } = run({ id: 3, kind: "check", payload: {} }, readState());
    if (response.kind !== "result" || response.request !== "check") throw new Error(JSON.stringify(response));
    const rules = response.result.findings.map((f) => `${f.rule}@${f.locations[0]?.address}`);
    expect(rules).toContain("shopping-card-or-cash-gift@C5");
    expect(rules).toContain("unparseable-date@A6");
    expect(response.result.pack).toEqual({ id: nationalPack.id, name: nationalPack.name });
    expect(response.result.period).toBeUndefined();
    expect(Object.keys(response.result.timings).sort()).toEqual([...response.result.ran].sort());
    expect(progress).toHaveLength(2);
  });

  it("passes the pack, period and enabled optional rules through", () => {
    const other = packById("anhui-2021")!;
    const { response } = run(
      { id: 4, kind: "check", payload: { settings: { packId: other.id, enableOptional: ["dates-out-of-order"] }, periodText: "2025年第一季度" } },
      readState(),
    );
    if (response.kind !== "result" || response.request !== "check") throw new Error(JSON.stringify(response));
    expect(response.result.pack.id).toBe("anhui-2021");
    expect(response.result.pack.name.zh).toBe(other.name.zh);
    expect(response.result.period).toMatchObject({ kind: "quarter", start: "2025-01-01", end: "2025-03-31" });
    expect(response.result.ran).toContain("dates-out-of-order");
    const plain = run({ id: 5, kind: "check", payload: {} }, readState()).response;
    if (plain.kind !== "result" || plain.request !== "check") throw new Error(JSON.stringify(plain));
    expect(plain.result.ran).not.toContain("dates-out-of-order");
  });

  it("refuses before a read, and on an unknown pack or an unreadable period, in Chinese", () => {
    const none = run({ id: 6, kind: "check", payload: {} }).response;
    expect(none).toMatchObject({ kind: "error", code: "no-books", request: "check" });
    const pack = run({ id: 7, kind: "check", payload: { settings: { packId: "atlantis" } } }, readState()).response;
    expect(pack).toMatchObject({ kind: "error", code: "unknown-pack" });
    const period = run({ id: 8, kind: "check", payload: { periodText: "明年春天" } }, readState()).response;
    expect(period).toMatchObject({ kind: "error", code: "bad-period" });
    for (const r of [none, pack, period]) {
      if (r.kind !== "error") throw new Error("expected an error");
      expect(r.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect((pack as { message: string }).message).toContain("atlantis");
  });
});

describe("report", () => {
  const fakeRender = (refuse: boolean) => {
    const calls: Parameters<RenderAll>[] = [];
    const renderAll: RenderAll = (...args) => {
      calls.push(args);
      const sheet = { name: "经费收支公开表", kind: "disclosure" as const, internal: false, rows: [[{ v: args[1].label }]] };
      const refused = { reason: "not-reconciled", difference: 1, message: "不平" } as RenderRefusal;
      return refuse ? { sheets: [sheet], refused } : { sheets: [sheet] };
    };
    return { calls, core: { ...defaultCore, renderAll } };
  };

  it("renders the kept books for the books' year with the pack's caps and the plan's member count", () => {
    const { calls, core } = fakeRender(false);
    const { response } = run({ id: 9, kind: "report", payload: { settings: { unionName: "江城工会", capOverrides: { welfareCaps: { birthday: 25000 } } } } }, readState(), core);
    if (response.kind !== "result" || response.request !== "report") throw new Error(JSON.stringify(response));
    expect(response.result.ok).toBe(true);
    expect(response.result.sheets.map((s) => s.rows[0][0].v)).toEqual(["2025年"]);
    const [books, period, settings, ctx] = calls[0];
    expect(books.ledger.entries).toHaveLength(4);
    expect(period.kind).toBe("year");
    expect(settings).toMatchObject({ unionName: "江城工会", threshold: 500000 });
    expect(ctx).toMatchObject({ packName: nationalPack.name.zh, memberCount: 120 });
    expect(ctx.caps.birthday).toBe(25000);
    expect(ctx.caps.festival).toBe(nationalPack.welfareCaps.festival);
    expect(calls[0][4]).toBe("zh-CN");
  });

  it("gives what the core's renderAll gives for the same books, period and pack", () => {
    const state = readState();
    const { response } = run({ id: 15, kind: "report", payload: { settings: { preparedDate: "2026-01-10" } } }, state);
    if (response.kind !== "result" || response.request !== "report") throw new Error(JSON.stringify(response));
    const inputs = reportInputsFrom(loadSettings({ preparedDate: "2026-01-10" }).settings, state.books!);
    expect(inputs.context).toMatchObject({ packName: nationalPack.name.zh, caps: welfareCapsOf(nationalPack), memberCount: 120 });
    const want = renderAll(state.books!, yearPeriod(2025), inputs.disclosure, inputs.context);
    expect(response.result.sheets).toEqual(want.sheets);
    expect(response.result.sheets.length).toBeGreaterThan(0);
    expect(response.result.ok).toBe(want.refused === undefined);
    if (!response.result.ok) expect(response.result.refused).toEqual(want.refused);
  });

  it("passes a refusal back as a value", () => {
    const { core } = fakeRender(true);
    const { response } = run({ id: 10, kind: "report", payload: { periodText: "2025H1" } }, readState(), core);
    if (response.kind !== "result" || response.request !== "report") throw new Error(JSON.stringify(response));
    expect(response.result).toMatchObject({ ok: false, refused: { reason: "not-reconciled" }, period: { kind: "half", index: 1 } });
    expect(response.result.sheets).toHaveLength(1); // the other reports still come back
  });

  it("says when the renderer is not there, and when there are no books", () => {
    const { core } = fakeRender(false);
    expect(run({ id: 11, kind: "report", payload: {} }, {}, core).response).toMatchObject({ kind: "error", code: "no-books" });
    const missing = run({ id: 12, kind: "report", payload: {} }, readState(), { ...defaultCore, renderAll: undefined }).response;
    expect(missing).toMatchObject({ kind: "error", code: "not-available", request: "report" });
  });
});

describe("errors are responses, never throws", () => {
  it("turns a core exception into an internal error with the detail kept", () => {
    const broken: CoreApi = { ...defaultCore, runChecks: () => { throw new Error("boom in rule"); } };
    const { response, state } = run({ id: 13, kind: "check", payload: {} }, readState(), broken);
    expect(response).toMatchObject({ id: 13, kind: "error", code: "internal", request: "check", detail: "boom in rule" });
    expect((response as { message: string }).message).toMatch(/^检查账目时出错/);
    expect(state.books).toBeDefined();
  });

  it("answers an unknown kind or a malformed message", () => {
    expect(run({ id: 14, kind: "explode" } as never).response).toMatchObject({ id: 14, kind: "error", code: "bad-request" });
    expect(run(null as never).response).toMatchObject({ id: -1, kind: "error", code: "bad-request" });
  });
});
