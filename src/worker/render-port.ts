/**
 * Where the worker meets the sheet renderer. `renderAll(books, period, settings, ctx)` is being written in
 * src/core/render by another engineer; until it lands, this port states the agreed shape and reports
 * "not available" instead of guessing. When it lands, replace `renderAllFromCore` with the import
 * (one line) and let the types below follow it through `Parameters<typeof renderAll>`.
 */
import type { Books } from "../core/model/types";
import type { Period } from "../core/model/period";
import type { DisclosureContext, DisclosureSettings } from "../core/reports/disclosure";
import type { SheetModel } from "../core/render/sheet-model";

/** What the renderer reads from settings (the disclosure settings, plus whatever renderAll adds). */
export type RenderSettings = DisclosureSettings & Record<string, unknown>;

/** Why the renderer declined, as it reports it (e.g. the disclosure's "not-reconciled" with the difference). */
export type RenderRefusal = { reason?: string } & Record<string, unknown>;

export interface RenderResult {
  sheets: SheetModel[];
  refused?: RenderRefusal;
}

export type RenderAll = (books: Books, period: Period, settings: RenderSettings, ctx: DisclosureContext) => RenderResult;

/** The core's renderAll, or undefined while it does not exist yet. */
export const renderAllFromCore: RenderAll | undefined = undefined;
