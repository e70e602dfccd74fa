/**
 * State and actions of the 账簿 tab: read the workbook through the gateway, read the books with the core behind
 * the runner (a Web Worker in the pane), let the user correct the sheet roles and column mapping (each correction
 * reads the books again through the runner), and save the confirmed choices in the workbook.
 *
 * The Books stay inside the runner: the pane only holds the light `BooksSummary` it shows, so a 100k-row ledger
 * never sits on the UI thread. Later tabs (检查账目, 报表) ask the runner, which checks the books read last;
 * `readVersion` tells them when the books changed under their results.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { LedgerField, PlanField, ReadChoices, SourceRef, WorkbookSnapshot } from "../core/model/types";
import type { WorkbookGateway } from "../excel/gateway";
import type { CoreRunner } from "../worker/runner-api";
import type { BooksSummary } from "../worker/summary";
import {
  sameChoices,
  withLedgerColumn,
  withLedgerSheets,
  withPlanColumn,
  withPlanSheet,
} from "./books-model";

export const READ_CHOICES_KEY = "readChoices";

export type ReadPhase =
  | { kind: "idle" }
  /** The gateway is reading the sheets out of the workbook (chunks done / total). */
  | { kind: "reading"; done: number; total: number }
  /** The runner is reading the books from the snapshot: step of steps, `phase` is the runner's phase id. */
  | { kind: "analysing"; step: number; steps: number; phase?: string }
  | { kind: "ready" }
  | { kind: "error"; message: string };

export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; message: string };

export interface BooksController {
  phase: ReadPhase;
  /** The sheets as read from the workbook: the 账簿 tab labels its column dropdowns with their header rows. */
  snapshot?: WorkbookSnapshot;
  /** What the runner read from the snapshot with the current choices (roles, mappings, counts, reader findings). */
  summary?: BooksSummary;
  /** Goes up by one each time the runner has read the books again; results computed before are out of date. */
  readVersion: number;
  choices: ReadChoices;
  /** True when choices saved in the workbook were found at start and are being reused. */
  usingSavedChoices: boolean;
  /** True once the workbook holds saved choices (found at start or saved now). */
  hasSaved: boolean;
  /** The choices differ from what is saved in the workbook. */
  dirty: boolean;
  save: SaveState;
  selectError?: string;
  readWorkbook(): Promise<void>;
  setPlanSheet(sheet: string | undefined): void;
  setLedgerSheets(sheets: string[]): void;
  setLedgerColumn(sheet: string, field: LedgerField, column: number): void;
  setPlanColumn(field: PlanField, column: number): void;
  confirmAndSave(): Promise<void>;
  goTo(ref: SourceRef): Promise<void>;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function useBooks(gateway: WorkbookGateway, runner: CoreRunner): BooksController {
  const [phase, setPhase] = useState<ReadPhase>({ kind: "idle" });
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot>();
  const [summary, setSummary] = useState<BooksSummary>();
  const [readVersion, setReadVersion] = useState(0);
  const [choices, setChoices] = useState<ReadChoices>({});
  const [saved, setSaved] = useState<ReadChoices>();
  const [savedAtStart, setSavedAtStart] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [selectError, setSelectError] = useState<string>();
  // The read button may be pressed before the saved choices have loaded: reading waits for them.
  const loading = useRef<Promise<ReadChoices | undefined> | undefined>(undefined);
  // Edits come from user events one after another; the ref lets each edit build on the latest choices at once.
  const choicesRef = useRef<ReadChoices>({});
  // Only the newest read request may update the tab: an older answer arriving late is dropped.
  const latestRead = useRef(0);

  useEffect(() => {
    let live = true;
    const pending = gateway.loadSetting<ReadChoices>(READ_CHOICES_KEY).catch(() => undefined);
    loading.current = pending;
    void pending.then((found) => {
      if (!live || !found) return;
      setSaved(found);
      setSavedAtStart(true);
      choicesRef.current = found;
      setChoices(found);
    });
    return () => {
      live = false;
    };
  }, [gateway]);

  /** Reads the books from the snapshot through the runner, which keeps them for checks and reports. */
  const analyse = useCallback(
    async (wb: WorkbookSnapshot, withChoices: ReadChoices) => {
      const request = ++latestRead.current;
      const isLatest = () => request === latestRead.current;
      setPhase({ kind: "analysing", step: 0, steps: 0 });
      try {
        const result = await runner.read(wb, withChoices, (p) => {
          if (isLatest()) setPhase({ kind: "analysing", step: p.step, steps: p.steps, phase: p.phase });
        });
        if (!isLatest()) return;
        setSummary(result);
        setReadVersion((v) => v + 1);
        setPhase({ kind: "ready" });
      } catch (e) {
        if (isLatest()) setPhase({ kind: "error", message: messageOf(e) });
      }
    },
    [runner],
  );

  const readWorkbook = useCallback(async () => {
    setPhase({ kind: "reading", done: 0, total: 0 });
    setSave({ kind: "idle" });
    try {
      await loading.current;
      const wb = await gateway.readSnapshot(undefined, (done, total) =>
        setPhase({ kind: "reading", done, total }),
      );
      setSnapshot(wb);
      await analyse(wb, choicesRef.current);
    } catch (e) {
      setPhase({ kind: "error", message: messageOf(e) });
    }
  }, [gateway, analyse]);

  const roles = summary?.roles ?? { ledgerSheets: [] };
  const edit = (change: (c: ReadChoices) => ReadChoices) => {
    const next = change(choicesRef.current);
    if (next === choicesRef.current) return;
    choicesRef.current = next;
    setChoices(next);
    setSave({ kind: "idle" });
    if (snapshot) void analyse(snapshot, next);
  };

  const confirmAndSave = useCallback(async () => {
    if (!summary) return;
    // Confirming accepts the detected roles too, so they are saved explicitly with the column overrides.
    const confirmed: ReadChoices = {
      ...choicesRef.current,
      roles: { ...summary.roles, ledgerSheets: [...summary.roles.ledgerSheets] },
    };
    setSave({ kind: "saving" });
    try {
      await gateway.saveSetting(READ_CHOICES_KEY, confirmed);
      choicesRef.current = confirmed;
      setChoices(confirmed);
      setSaved(confirmed);
      setSave({ kind: "saved" });
    } catch (e) {
      setSave({ kind: "error", message: messageOf(e) });
    }
  }, [summary, gateway]);

  const goTo = useCallback(
    async (ref: SourceRef) => {
      setSelectError(undefined);
      try {
        await gateway.selectCell(ref);
      } catch (e) {
        setSelectError(messageOf(e));
      }
    },
    [gateway],
  );

  return {
    phase,
    snapshot,
    summary,
    readVersion,
    choices,
    usingSavedChoices: savedAtStart,
    hasSaved: saved !== undefined,
    dirty: summary !== undefined && (saved === undefined || !sameChoices(choices, saved)),
    save,
    selectError,
    readWorkbook,
    setPlanSheet: (sheet) => edit((c) => withPlanSheet(c, roles, sheet)),
    setLedgerSheets: (sheets) => edit((c) => withLedgerSheets(c, roles, sheets)),
    setLedgerColumn: (sheet, field, column) => edit((c) => withLedgerColumn(c, sheet, field, column)),
    setPlanColumn: (field, column) => edit((c) => withPlanColumn(c, field, column)),
    confirmAndSave,
    goTo,
  };
}
