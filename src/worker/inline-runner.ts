/**
 * The core on the calling thread, through the same handler as the worker. Used where `Worker` does not exist
 * (jsdom tests, old hosts). It yields to the event loop between phases so the pane can paint its progress,
 * and runs requests one after another, as the worker does, so a check never sees a half-finished read.
 */
import { defaultCore, handleRequest, runYielding, type CoreApi } from "./handle";
import type { CoreRequest, HandlerState, RequestKind, ResultOf } from "./protocol";
import { CoreRunnerError, type CoreRunner, type ProgressCallback } from "./runner-api";

export function createInlineRunner(core: CoreApi = defaultCore): CoreRunner {
  let state: HandlerState = {};
  let queue: Promise<unknown> = Promise.resolve();
  let nextId = 1;
  let disposed = false;

  function send<K extends RequestKind>(kind: K, payload: unknown, onProgress?: ProgressCallback): Promise<ResultOf[K]> {
    const request = { id: nextId++, kind, payload } as CoreRequest;
    const run = async (): Promise<ResultOf[K]> => {
      if (disposed) throw disposedError(kind);
      const handled = await runYielding(handleRequest(request, state, core), (p) => onProgress?.(p));
      if (disposed) throw disposedError(kind);
      state = handled.state;
      const r = handled.response;
      if (r.kind === "error") throw new CoreRunnerError(r.message, r.code, r.request, r.detail);
      return r.result as ResultOf[K];
    };
    const result = queue.then(run, run);
    queue = result.catch(() => undefined);
    return result;
  }

  return {
    read: (workbook, choices, onProgress) => send("read", { workbook, ...(choices ? { choices } : {}) }, onProgress),
    check: (opts, onProgress) => send("check", opts, onProgress),
    report: (opts, onProgress) => send("report", opts, onProgress),
    dispose: () => {
      disposed = true;
      state = {};
    },
  };
}

function disposedError(kind: RequestKind): CoreRunnerError {
  return new CoreRunnerError("计算已停止，请重新打开任务窗格。", "disposed", kind);
}
