/**
 * The task pane's way into the core: a Web Worker when the host has one (the pane stays responsive while a
 * 100k-row ledger is read and checked), else the same handler inline on the UI thread.
 *
 * This module uses `import.meta.url`, which the Jest (CommonJS) transform cannot load: import it only from the
 * pane's entry (index.tsx) and pass the runner down; components and tests use `import type { CoreRunner }`
 * from here, or `createInlineRunner` from ./inline-runner.
 */
import { createInlineRunner } from "./inline-runner";
import { createWorkerClient, type WorkerLike } from "./worker-client";
import type { CoreRunner } from "./runner-api";

export type { CoreRunner, ProgressCallback } from "./runner-api";
export { CoreRunnerError } from "./runner-api";
export { createInlineRunner } from "./inline-runner";
export type {
  BooksSummary, CheckOutcome, CheckRequestOptions, PackInfo, ProgressResponse, ReportOutcome, ReportRequestOptions,
} from "./protocol";

/** The core in a Web Worker. webpack 5 sees this `new Worker(new URL(...))` and emits core-worker as its own chunk. */
export function createWorkerRunner(): CoreRunner {
  const worker = new Worker(new URL("./core-worker.ts", import.meta.url), { name: "union-core" });
  return createWorkerClient(worker as unknown as WorkerLike);
}

/** A worker where the host has Web Workers, the inline runner elsewhere (or if the worker cannot start). */
export function createCoreRunner(): CoreRunner {
  if (typeof Worker !== "undefined") {
    try {
      return createWorkerRunner();
    } catch {
      // A host that forbids workers (CSP, old webview) throws here: run inline rather than not at all.
    }
  }
  return createInlineRunner();
}
