/**
 * The UI-thread side of the protocol over anything shaped like a Worker: numbers requests, routes progress
 * to the caller's callback, settles each promise on its "result" or "error", and fails every pending request
 * if the worker dies. Separate from core-runner.ts (which spawns the real Worker) so tests can drive it with
 * an in-memory worker in node.
 */
import type { CoreRequest, CoreResponse, RequestKind, ResultOf } from "./protocol";
import { CoreRunnerError, type CoreRunner, type ProgressCallback } from "./runner-api";

/** The part of a Worker the client uses. */
export interface WorkerLike {
  postMessage(message: CoreRequest): void;
  onmessage: ((event: { data: CoreResponse }) => void) | null;
  onerror: ((event: { message?: string }) => void) | null;
  terminate(): void;
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: CoreRunnerError): void;
  onProgress?: ProgressCallback;
  kind: RequestKind;
}

export function createWorkerClient(worker: WorkerLike): CoreRunner {
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let dead: CoreRunnerError | undefined;

  const failAll = (e: CoreRunnerError) => {
    dead = e;
    for (const p of pending.values()) p.reject(new CoreRunnerError(e.message, e.code, p.kind, e.detail));
    pending.clear();
  };

  worker.onmessage = (event) => {
    const r = event.data;
    const p = pending.get(r.id);
    if (!p) return; // a late answer to a request already given up on
    if (r.kind === "progress") {
      p.onProgress?.(r);
      return;
    }
    pending.delete(r.id);
    if (r.kind === "result") p.resolve(r.result);
    else p.reject(new CoreRunnerError(r.message, r.code, r.request, r.detail));
  };
  worker.onerror = (event) => {
    // An uncaught error (or a failed chunk load) leaves the worker's state unknown: stop using it.
    failAll(new CoreRunnerError("后台计算意外停止，请重新读取账簿。", "worker-crashed", undefined, event?.message));
    worker.terminate();
  };

  function send<K extends RequestKind>(kind: K, payload: unknown, onProgress?: ProgressCallback): Promise<ResultOf[K]> {
    if (dead) return Promise.reject(new CoreRunnerError(dead.message, dead.code, kind, dead.detail));
    const id = nextId++;
    return new Promise<ResultOf[K]>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress, kind });
      try {
        worker.postMessage({ id, kind, payload } as CoreRequest);
      } catch (e) {
        // postMessage throws DataCloneError for a value that cannot be cloned (a function in the settings...).
        pending.delete(id);
        const detail = e instanceof Error ? e.message : String(e);
        reject(new CoreRunnerError("无法把数据交给后台计算：" + detail, "bad-request", kind, detail));
      }
    });
  }

  return {
    read: (workbook, choices, onProgress) => send("read", { workbook, ...(choices ? { choices } : {}) }, onProgress),
    check: (opts, onProgress) => send("check", opts, onProgress),
    report: (opts, onProgress) => send("report", opts, onProgress),
    dispose: () => {
      if (!dead) failAll(new CoreRunnerError("计算已停止，请重新打开任务窗格。", "disposed"));
      worker.terminate();
    },
  };
}
