/**
 * The runners: the inline runner and the worker client (over an in-memory worker that clones every message,
 * as postMessage does) give what calling the core directly gives.
 */
import { createInlineRunner } from "../../src/worker/inline-runner";
import { createWorkerClient, type WorkerLike } from "../../src/worker/worker-client";
import { attachCoreHandler, type WorkerScopeLike } from "../../src/worker/host";
import { defaultCore, type CoreApi } from "../../src/worker/handle";
import { CoreRunnerError, type CoreRunner } from "../../src/worker/runner-api";
import type { CoreRequest, CoreResponse, ProgressResponse } from "../../src/worker/protocol";
import { summarizeBooks } from "../../src/worker/summary";
import { readBooks } from "../../src/core/read/books";
import { runChecks } from "../../src/core/rules/engine";
import { nationalPack } from "../../src/core/packs";
import { parsePeriod, yearPeriod } from "../../src/core/model/period";
import { renderAll } from "../../src/core/render/all";
import { welfareCapsOf } from "../../src/core/packs";
import { DEFAULT_SETTINGS, reportInputsFrom } from "../../src/core/settings/addin-settings";
import { smallBooks } from "./fixtures";

/** A Worker and its global scope joined in memory: messages are structured-cloned and delivered later. */
function memoryWorker(core: CoreApi = defaultCore): WorkerLike & { terminated: boolean; crash(message: string): void } {
  const scope: WorkerScopeLike = { onmessage: null, postMessage: (m) => deliverToClient(m) };
  attachCoreHandler(scope, core);
  let terminated = false;
  const deliverToClient = (m: CoreResponse) => {
    const copy = structuredClone(m);
    setTimeout(() => !terminated && worker.onmessage?.({ data: copy }), 0);
  };
  const worker = {
    onmessage: null as WorkerLike["onmessage"],
    onerror: null as WorkerLike["onerror"],
    get terminated() {
      return terminated;
    },
    postMessage(m: CoreRequest) {
      const copy = structuredClone(m);
      setTimeout(() => !terminated && scope.onmessage?.({ data: copy }), 0);
    },
    terminate() {
      terminated = true;
    },
    crash(message: string) {
      worker.onerror?.({ message });
    },
  };
  return worker;
}

const direct = () => {
  const books = readBooks(smallBooks());
  return { books, summary: summarizeBooks(books), checked: runChecks(books, { pack: nationalPack }) };
};

describe.each<[string, () => CoreRunner]>([
  ["inline runner", () => createInlineRunner()],
  ["worker client", () => createWorkerClient(memoryWorker())],
])("%s", (_name, make) => {
  let runner: CoreRunner;
  beforeEach(() => {
    runner = make();
  });
  afterEach(() => runner.dispose());

  it("resolves what the core gives when called directly", async () => {
    const want = direct();
    const progress: ProgressResponse[] = [];
    const summary = await runner.read(smallBooks(), undefined, (p) => progress.push(p));
    expect(summary).toEqual(want.summary);
    expect(progress.map((p) => p.phase)).toEqual(["read", "summarize"]);

    const checked = await runner.check({});
    expect(checked.findings).toEqual(want.checked.findings);
    expect(checked.ran).toEqual(want.checked.ran);
    expect(checked.pack.id).toBe("national");

    const q1 = await runner.check({ periodText: "2025Q1" });
    const wantQ1 = runChecks(want.books, { pack: nationalPack, period: parsePeriod("2025Q1") });
    expect(q1.findings).toEqual(wantQ1.findings);

    const report = await runner.report({});
    const inputs = reportInputsFrom(DEFAULT_SETTINGS, want.books);
    expect(inputs.context).toMatchObject({ packName: nationalPack.name.zh, caps: welfareCapsOf(nationalPack), memberCount: 120 });
    const wantReport = renderAll(want.books, yearPeriod(2025), inputs.disclosure, inputs.context);
    expect(report.sheets).toEqual(wantReport.sheets);
    expect(report.ok ? undefined : report.refused).toEqual(wantReport.refused);
  });

  it("runs requests in order, so a check sent right after a read sees the new books", async () => {
    const read = runner.read(smallBooks());
    const check = runner.check({});
    const [summary, checked] = await Promise.all([read, check]);
    expect(summary.counts.entries).toBe(4);
    expect(checked.findings.some((f) => f.rule === "shopping-card-or-cash-gift")).toBe(true);
  });

  it("rejects with a Chinese CoreRunnerError, and goes on working afterwards", async () => {
    const failed = runner.check({});
    await expect(failed).rejects.toBeInstanceOf(CoreRunnerError);
    await expect(failed).rejects.toMatchObject({ code: "no-books", request: "check" });
    await expect(failed).rejects.toThrow(/读取账簿/);
    await runner.read(smallBooks());
    await expect(runner.check({ periodText: "某年" })).rejects.toMatchObject({ code: "bad-period" });
    await expect(runner.check({})).resolves.toMatchObject({ pack: { id: "national" } });
  });

  it("rejects after dispose", async () => {
    runner.dispose();
    await expect(runner.read(smallBooks())).rejects.toMatchObject({ code: "disposed" });
  });
});

describe("worker client", () => {
  it("fails every pending request when the worker dies, and every later one", async () => {
    const worker = memoryWorker();
    const runner = createWorkerClient(worker);
    const pending = runner.read(smallBooks());
    worker.crash("out of memory");
    await expect(pending).rejects.toMatchObject({ code: "worker-crashed", detail: "out of memory", request: "read" });
    expect(worker.terminated).toBe(true);
    await expect(runner.check({})).rejects.toMatchObject({ code: "worker-crashed", request: "check" });
  });

  it("rejects a payload that cannot be cloned instead of throwing", async () => {
    const runner = createWorkerClient(memoryWorker());
    const bad = { settings: { unionName: "x", format: () => "not cloneable" } };
    await expect(runner.report(bad as never)).rejects.toMatchObject({ code: "bad-request" });
    runner.dispose();
  });

  it("keeps the books in the worker: a core failure leaves them usable", async () => {
    let fail = true;
    const core: CoreApi = { ...defaultCore, runChecks: (b, o) => { if (fail) throw new Error("rule bug"); return defaultCore.runChecks(b, o); } };
    const runner = createWorkerClient(memoryWorker(core));
    await runner.read(smallBooks());
    await expect(runner.check({})).rejects.toMatchObject({ code: "internal", detail: "rule bug" });
    fail = false;
    await expect(runner.check({})).resolves.toMatchObject({ pack: { id: "national" } });
    runner.dispose();
  });
});

describe("inline runner", () => {
  it("gives the event loop a turn between phases", async () => {
    const runner = createInlineRunner();
    const order: string[] = [];
    const done = runner.read(smallBooks(), undefined, (p) => order.push(`progress:${p.phase}`));
    setTimeout(() => order.push("timer"), 0);
    await done;
    // A timer queued while the read starts runs between its phases: the UI thread got a turn.
    expect(order).toEqual(["progress:read", "timer", "progress:summarize"]);
  });
});
