/**
 * The Web Worker entry. webpack 5 bundles it as its own chunk from
 * `new Worker(new URL("./core-worker.ts", import.meta.url))` in core-runner.ts.
 */
import { attachCoreHandler, type WorkerScopeLike } from "./host";

attachCoreHandler(self as unknown as WorkerScopeLike);
