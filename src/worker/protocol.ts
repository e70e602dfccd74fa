/**
 * The messages between the task pane (UI thread) and the core running in a Web Worker.
 *
 * The workbook snapshot crosses once, on "read"; the Books it gives stay inside the worker, and later requests
 * ("check", "report") only name options. Responses carry the request's id: "progress" any number of times,
 * then exactly one "result" or "error". Error messages are Chinese, for the treasurer; `detail` keeps the
 * original exception text for a bug report.
 */
import type { Books, Finding, ReadChoices, WorkbookSnapshot } from "../core/model/types";
import type { Period } from "../core/model/period";
import type { Tier } from "../core/rules/types";
import type { SheetModel } from "../core/render/sheet-model";
import type { Lang } from "../core/i18n";
import type { BooksSummary } from "./summary";
import type { RenderRefusal } from "./render-port";

export type { BooksSummary } from "./summary";
export type { RenderRefusal, RenderSettings } from "./render-port";

export type RequestKind = "read" | "check" | "report";

/**
 * Options shared by "check" and "report": the user's saved settings (rule pack, cap overrides, tolerance,
 * disclosure details; see src/core/settings/addin-settings.ts, read with its schema in the handler) and the period.
 */
export interface PackAndPeriod {
  /** The settings as saved in the workbook (AddinSettings JSON); defaults when absent. */
  settings?: unknown;
  /** Period as the user typed it ("2025", "2025年上半年", "2025Q3"...); the books' year when absent. */
  periodText?: string;
  /** ISO date used for "2025YTD"; the core has no clock, so the pane passes today's date. */
  today?: string;
}

export interface CheckRequestOptions extends PackAndPeriod {
  /** Tiers to run; basic + strict when absent. */
  tiers?: Tier[];
}

export interface ReportRequestOptions extends PackAndPeriod {
  /** Language of the generated sheets; zh-CN when absent. */
  lang?: Lang;
}

export interface ReadPayload {
  workbook: WorkbookSnapshot;
  choices?: ReadChoices;
}

export type CoreRequest =
  | { id: number; kind: "read"; payload: ReadPayload }
  | { id: number; kind: "check"; payload: CheckRequestOptions }
  | { id: number; kind: "report"; payload: ReportRequestOptions };

/** The rule pack actually used, so the pane and the disclosure can name it. */
export interface PackInfo {
  id: string;
  name: { zh: string; en: string };
}

export interface CheckOutcome {
  findings: Finding[];
  /** Milliseconds per rule id. */
  timings: Record<string, number>;
  /** Ids of the rules that ran. */
  ran: string[];
  pack: PackInfo;
  /** The period checked; absent when neither the request nor the books name one. */
  period?: Period;
}

export type ReportOutcome =
  | { ok: true; sheets: SheetModel[]; period: Period; pack: PackInfo }
  /**
   * The disclosure was left out because the books do not reconcile to the fen; `refused` says why (with Chinese
   * words ready to show), and `sheets` still holds the other reports, which help find the difference.
   */
  | { ok: false; refused: RenderRefusal; sheets: SheetModel[]; period: Period; pack: PackInfo };

export interface ResultOf {
  read: BooksSummary;
  check: CheckOutcome;
  report: ReportOutcome;
}

/** A step of a request, for a progress bar: step 1..steps, with a Chinese label. */
export interface ProgressResponse {
  id: number;
  kind: "progress";
  request: RequestKind;
  phase: string;
  message: string;
  step: number;
  steps: number;
}

export type ResultResponse =
  | { id: number; kind: "result"; request: "read"; result: BooksSummary }
  | { id: number; kind: "result"; request: "check"; result: CheckOutcome }
  | { id: number; kind: "result"; request: "report"; result: ReportOutcome };

/** Why a request failed, for the pane to choose its own wording or action. */
export type ErrorCode = "no-books" | "bad-request" | "bad-period" | "unknown-pack" | "not-available" | "internal";

export interface ErrorResponse {
  id: number;
  kind: "error";
  request?: RequestKind;
  code: ErrorCode;
  /** Chinese, shown to the user as is. */
  message: string;
  /** The original exception text, when there was one. */
  detail?: string;
}

export type CoreResponse = ProgressResponse | ResultResponse | ErrorResponse;

/** The state the worker keeps between requests: the last Books read, never sent back whole. */
export interface HandlerState {
  books?: Books;
}
