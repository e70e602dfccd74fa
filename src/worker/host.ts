/**
 * The worker side of the protocol: receive a request, run it through the shared handler, post progress and the
 * final response. The last Books live here, in the closure, between requests. Kept apart from core-worker.ts
 * so tests can attach it to a fake scope in node.
 */
import { handleRequest, runToEnd, defaultCore, type CoreApi } from "./handle";
import type { CoreRequest, CoreResponse, HandlerState } from "./protocol";

/** The part of a DedicatedWorkerGlobalScope the host uses. */
export interface WorkerScopeLike {
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage(message: CoreResponse): void;
}

export function attachCoreHandler(scope: WorkerScopeLike, core: CoreApi = defaultCore): void {
  let state: HandlerState = {};
  scope.onmessage = (event) => {
    // Messages run one at a time (the worker's event loop), so each sees the state the previous one left.
    const handled = runToEnd(handleRequest(event.data as CoreRequest, state, core), (p) => scope.postMessage(p));
    state = handled.state;
    scope.postMessage(handled.response);
  };
}
