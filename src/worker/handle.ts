/**
 * The one implementation of request handling, shared by the Web Worker and the inline runner so the two
 * cannot drift. `handleRequest` is a generator: it yields a progress response between phases and returns the
 * final response with the next state. Drivers decide how to pause between phases: the worker runs straight
 * through (`runToEnd`), the inline runner gives the UI thread a turn after each phase (`runYielding`).
 *
 * Nothing here throws to its caller: a bad request, missing books or a bug in the core all come back as an
 * error response with a Chinese message.
 */
import type { Books, ReadChoices, WorkbookSnapshot } from "../core/model/types";
import { parsePeriod, yearPeriod, type Period } from "../core/model/period";
import { readBooks } from "../core/read/books";
import { runChecks } from "../core/rules/engine";
import type { CheckOptions, CheckResult } from "../core/rules/types";
import { packById, type RulePack } from "../core/packs";
import { checkOptionsFrom, effectivePack, loadSettings, reportInputsFrom, type AddinSettings } from "../core/settings/addin-settings";
import { summarizeBooks } from "./summary";
import { renderAllFromCore, type RenderAll } from "./render-port";
import type {
  CheckRequestOptions, CoreRequest, ErrorCode, ErrorResponse, HandlerState, PackAndPeriod, PackInfo,
  ProgressResponse, ReportRequestOptions, RequestKind, ResultResponse,
} from "./protocol";

/** The core functions the handler calls; injectable so tests can make the core fail on purpose. */
export interface CoreApi {
  readBooks(wb: WorkbookSnapshot, choices?: ReadChoices): Books;
  runChecks(books: Books, options: CheckOptions): CheckResult;
  /** When absent (a build without the renderer), "report" answers "not-available". */
  renderAll?: RenderAll;
}

export const defaultCore: CoreApi = { readBooks, runChecks, renderAll: renderAllFromCore };

export interface Handled {
  response: ResultResponse | ErrorResponse;
  state: HandlerState;
}

export type Handling = Generator<ProgressResponse, Handled, void>;

/** The phases of each request, with the Chinese label a progress bar shows. */
const PHASES = {
  read: [
    ["read", "正在读取账簿和预算表…"],
    ["summarize", "正在整理读取结果…"],
  ],
  check: [
    ["prepare", "正在准备规则包和期间…"],
    ["check", "正在检查账目…"],
  ],
  report: [
    ["prepare", "正在准备规则包和期间…"],
    ["render", "正在生成报表…"],
  ],
} as const satisfies Record<RequestKind, readonly (readonly [string, string])[]>;

/** A failure the handler expects (bad period, no books...): carried out of the phases as a value. */
class Refusal {
  constructor(
    readonly code: ErrorCode,
    readonly message: string,
  ) {}
}

const REQUEST_KINDS: readonly string[] = ["read", "check", "report"];

export function* handleRequest(request: CoreRequest, state: HandlerState, core: CoreApi = defaultCore): Handling {
  const id = typeof request?.id === "number" ? request.id : -1;
  const kind = request?.kind as string;
  if (!REQUEST_KINDS.includes(kind)) {
    return { state, response: error(id, undefined, "bad-request", `无法识别的请求：${String(kind)}`) };
  }
  const req = request as CoreRequest;
  const progress = (index: number): ProgressResponse => {
    const phases = PHASES[req.kind];
    const [phase, message] = phases[index];
    return { id, kind: "progress", request: req.kind, phase, message, step: index + 1, steps: phases.length };
  };
  try {
    switch (req.kind) {
      case "read": {
        const payload = req.payload;
        if (!payload || !Array.isArray(payload.workbook?.sheets)) {
          return { state, response: error(id, "read", "bad-request", "读取请求缺少工作簿内容。") };
        }
        yield progress(0);
        const books = core.readBooks(payload.workbook, payload.choices);
        yield progress(1);
        const result = summarizeBooks(books);
        return { state: { ...state, books }, response: { id, kind: "result", request: "read", result } };
      }
      case "check": {
        const books = requireBooks(state);
        const options: CheckRequestOptions = req.payload ?? {};
        yield progress(0);
        const settings = resolveSettings(options);
        const period = options.periodText ? resolvePeriod(options) : undefined;
        const checkOptions: CheckOptions = { ...checkOptionsFrom(settings, period), ...(options.tiers ? { tiers: options.tiers } : {}) };
        yield progress(1);
        const r = core.runChecks(books, checkOptions);
        const result = { findings: r.findings, timings: r.timings, ran: r.ran, pack: packInfo(r.pack), ...(period ? { period } : {}) };
        return { state, response: { id, kind: "result", request: "check", result } };
      }
      case "report": {
        const books = requireBooks(state);
        const options: ReportRequestOptions = req.payload ?? {};
        yield progress(0);
        if (!core.renderAll) throw new Refusal("not-available", "报表功能尚未就绪，请稍后再试。");
        const settings = resolveSettings(options);
        const period = options.periodText ? resolvePeriod(options) : yearOfBooks(books);
        const lang = options.lang ?? "zh-CN";
        const { disclosure, context } = reportInputsFrom(settings, books, lang);
        yield progress(1);
        const rendered = core.renderAll(books, period, disclosure, context, lang);
        const info = packInfo(effectivePack(settings));
        const result = rendered.refused
          ? { ok: false as const, refused: rendered.refused, sheets: rendered.sheets ?? [], period, pack: info }
          : { ok: true as const, sheets: rendered.sheets, period, pack: info };
        return { state, response: { id, kind: "result", request: "report", result } };
      }
    }
  } catch (e) {
    if (e instanceof Refusal) return { state, response: error(id, req.kind, e.code, e.message) };
    const detail = e instanceof Error ? e.message : String(e);
    return { state, response: { ...error(id, req.kind, "internal", `${ACTION_NAMES[req.kind]}时出错：${detail}`), detail } };
  }
}

const ACTION_NAMES: Record<RequestKind, string> = { read: "读取账簿", check: "检查账目", report: "生成报表" };

function error(id: number, request: RequestKind | undefined, code: ErrorCode, message: string): ErrorResponse {
  return request ? { id, kind: "error", request, code, message } : { id, kind: "error", code, message };
}

function requireBooks(state: HandlerState): Books {
  if (!state.books) throw new Refusal("no-books", "还没有读取账簿：请先点击“读取账簿”。");
  return state.books;
}

/** The saved settings, read with their schema; a pack id that is not built in is refused rather than guessed. */
function resolveSettings(options: PackAndPeriod): AddinSettings {
  const { settings } = loadSettings(options.settings);
  if (!packById(settings.packId)) {
    throw new Refusal("unknown-pack", `找不到规则包“${settings.packId}”，请在设置中重新选择。`);
  }
  return settings;
}

function resolvePeriod(options: PackAndPeriod): Period {
  const text = options.periodText ?? "";
  const period = parsePeriod(text, options.today ? { today: options.today } : {});
  if (!period) {
    throw new Refusal("bad-period", `无法识别期间“${text}”：请写成 2025、2025年上半年、2025年第三季度、2025年3月或 2025年1-9月。`);
  }
  return period;
}

function yearOfBooks(books: Books): Period {
  const year = books.ledger.year ?? books.plan?.year;
  if (year === undefined) {
    throw new Refusal("bad-period", "无法从账簿确定年度：请在设置中填写报表期间（如 2025）。");
  }
  return yearPeriod(year);
}

/** The pack's id (overrides keep the id) and its names. */
function packInfo(pack: RulePack): PackInfo {
  return { id: pack.id, name: { zh: pack.name.zh, en: pack.name.en } };
}

/** Drive a handling straight through: the worker's way (it has its own thread, nothing to yield to). */
export function runToEnd(handling: Handling, onProgress: (p: ProgressResponse) => void): Handled {
  for (;;) {
    const step = handling.next();
    if (step.done) return step.value;
    onProgress(step.value);
  }
}

/** Drive a handling on the UI thread, letting the page repaint between phases. */
export async function runYielding(
  handling: Handling,
  onProgress: (p: ProgressResponse) => void,
  pause: () => Promise<void> = () => new Promise((r) => setTimeout(r, 0)),
): Promise<Handled> {
  for (;;) {
    const step = handling.next();
    if (step.done) return step.value;
    onProgress(step.value);
    await pause();
  }
}
