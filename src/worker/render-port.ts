/**
 * Where the worker meets the sheet renderer (`renderAll` in src/core/render/all.ts). The handler reaches it
 * through `CoreApi.renderAll`, so tests can put a failing or refusing renderer in its place.
 */
import { renderAll, type RefusedDisclosure, type RenderAllResult } from "../core/render/all";
import type { DisclosureSettings } from "../core/reports/disclosure";

/** What the renderer reads from settings: the disclosure settings (union name, signatories, date...). */
export type RenderSettings = DisclosureSettings;

/** Why the disclosure was left out (not reconciled to the fen), with ready-made Chinese title, message and fix. */
export type RenderRefusal = RefusedDisclosure;

export type RenderResult = RenderAllResult;

export type RenderAll = typeof renderAll;

export const renderAllFromCore: RenderAll | undefined = renderAll;
