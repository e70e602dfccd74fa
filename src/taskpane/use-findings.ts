/**
 * State and actions of the 检查账目 tab: run the checks through the runner (which checks the books read last),
 * jump to a finding's cell, mark every finding's cells with removable conditional formats, and clear them.
 *
 * The state lives in a small store kept per runner rather than in the tab's component, so the results survive
 * switching to another tab and back (App unmounts inactive tabs) without App knowing about findings.
 */
import { useCallback, useMemo, useSyncExternalStore } from "react";
import type { SourceRef } from "../core/model/types";
import type { WorkbookGateway } from "../excel/gateway";
import type { CheckOutcome } from "../worker/protocol";
import type { CoreRunner } from "../worker/runner-api";
import { highlightCells } from "./findings-model";

export type CheckPhase =
  | { kind: "idle" }
  | { kind: "checking"; step: number; steps: number; phase?: string }
  | { kind: "done" }
  | { kind: "error"; message: string };

/** The last marking action and how it went. */
export type MarkState =
  | { kind: "idle" }
  | { kind: "busy"; action: "highlight" | "clear" }
  | { kind: "highlighted"; cells: number }
  | { kind: "cleared"; cells: number }
  | { kind: "error"; message: string };

export interface FindingsState {
  phase: CheckPhase;
  outcome?: CheckOutcome;
  /** The books' readVersion the outcome was computed from. */
  checkedVersion?: number;
  mark: MarkState;
  selectError?: string;
}

export interface FindingsController extends FindingsState {
  /** Books have been read: checking is possible. */
  canCheck: boolean;
  /** The books were read again after the last check: the listed findings may be out of date. */
  stale: boolean;
  check(): Promise<void>;
  goTo(ref: SourceRef): Promise<void>;
  highlightAll(): Promise<void>;
  clearHighlights(): Promise<void>;
}

export interface FindingsInputs {
  runner: CoreRunner;
  gateway: WorkbookGateway;
  /** The user's saved settings (AddinSettings), passed to the runner as is. */
  settings: unknown;
  /** True once the books have been read (the runner holds them). */
  booksReady: boolean;
  /** The books controller's readVersion. */
  readVersion: number;
}

interface Store {
  get(): FindingsState;
  set(change: (s: FindingsState) => FindingsState): void;
  subscribe(listener: () => void): () => void;
  /** Counts check requests so a late answer to an older one is dropped. */
  nextCheck(): number;
  latestCheck(): number;
}

const INITIAL: FindingsState = { phase: { kind: "idle" }, mark: { kind: "idle" } };

function createStore(): Store {
  let state = INITIAL;
  let checks = 0;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(change) {
      state = change(state);
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    nextCheck: () => ++checks,
    latestCheck: () => checks,
  };
}

/** One store per runner: one pane has one runner, and a test's fresh runner starts from a clean slate. */
const stores = new WeakMap<CoreRunner, Store>();

function storeFor(runner: CoreRunner): Store {
  let store = stores.get(runner);
  if (!store) stores.set(runner, (store = createStore()));
  return store;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function useFindings({ runner, gateway, settings, booksReady, readVersion }: FindingsInputs): FindingsController {
  const store = useMemo(() => storeFor(runner), [runner]);
  const state = useSyncExternalStore(store.subscribe, store.get, store.get);

  const check = useCallback(async () => {
    const request = store.nextCheck();
    const isLatest = () => request === store.latestCheck();
    store.set((s) => ({ ...s, phase: { kind: "checking", step: 0, steps: 0 }, selectError: undefined }));
    try {
      const outcome = await runner.check({ settings }, (p) => {
        if (isLatest()) store.set((s) => ({ ...s, phase: { kind: "checking", step: p.step, steps: p.steps, phase: p.phase } }));
      });
      if (!isLatest()) return;
      store.set((s) => ({ ...s, phase: { kind: "done" }, outcome, checkedVersion: readVersion }));
    } catch (e) {
      if (isLatest()) store.set((s) => ({ ...s, phase: { kind: "error", message: messageOf(e) } }));
    }
  }, [runner, settings, readVersion, store]);

  const goTo = useCallback(
    async (ref: SourceRef) => {
      store.set((s) => ({ ...s, selectError: undefined }));
      try {
        await gateway.selectCell(ref);
      } catch (e) {
        store.set((s) => ({ ...s, selectError: messageOf(e) }));
      }
    },
    [gateway, store],
  );

  const highlightAll = useCallback(async () => {
    const findings = store.get().outcome?.findings ?? [];
    const cells = highlightCells(findings);
    store.set((s) => ({ ...s, mark: { kind: "busy", action: "highlight" } }));
    try {
      const marked = await gateway.highlight(cells);
      store.set((s) => ({ ...s, mark: { kind: "highlighted", cells: marked } }));
    } catch (e) {
      store.set((s) => ({ ...s, mark: { kind: "error", message: messageOf(e) } }));
    }
  }, [gateway, store]);

  const clearHighlights = useCallback(async () => {
    store.set((s) => ({ ...s, mark: { kind: "busy", action: "clear" } }));
    try {
      const removed = await gateway.clearHighlights();
      store.set((s) => ({ ...s, mark: { kind: "cleared", cells: removed } }));
    } catch (e) {
      store.set((s) => ({ ...s, mark: { kind: "error", message: messageOf(e) } }));
    }
  }, [gateway, store]);

  return {
    ...state,
    canCheck: booksReady,
    stale: state.outcome !== undefined && state.checkedVersion !== readVersion,
    check,
    goTo,
    highlightAll,
    clearHighlights,
  };
}
