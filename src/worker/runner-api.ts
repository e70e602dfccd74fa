/** What the task pane calls: the core behind a promise, wherever it runs (a Web Worker or the UI thread). */
import type { ReadChoices, WorkbookSnapshot } from "../core/model/types";
import type {
  BooksSummary, CheckOutcome, CheckRequestOptions, ErrorCode, ProgressResponse, ReportOutcome, ReportRequestOptions,
  RequestKind,
} from "./protocol";

export type ProgressCallback = (progress: ProgressResponse) => void;

export interface CoreRunner {
  /** Read the books from a snapshot; the Books stay with the runner, the pane gets a light summary. */
  read(wb: WorkbookSnapshot, choices?: ReadChoices, onProgress?: ProgressCallback): Promise<BooksSummary>;
  /** Check the books read last. */
  check(opts: CheckRequestOptions, onProgress?: ProgressCallback): Promise<CheckOutcome>;
  /** Render the generated sheets of the books read last (or the renderer's refusal). */
  report(opts: ReportRequestOptions, onProgress?: ProgressCallback): Promise<ReportOutcome>;
  /** Stop the worker; pending and later requests reject. */
  dispose(): void;
}

/** A request that failed: `message` is Chinese and can be shown as is. */
export class CoreRunnerError extends Error {
  constructor(
    message: string,
    readonly code: ErrorCode | "disposed" | "worker-crashed",
    readonly request?: RequestKind,
    readonly detail?: string,
  ) {
    super(message);
    this.name = "CoreRunnerError";
  }
}
