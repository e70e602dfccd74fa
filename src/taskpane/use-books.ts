/**
 * State and actions of the 账簿 tab: read the workbook through the gateway, read the books with the core reader,
 * let the user correct the sheet roles and column mapping, and save the confirmed choices in the workbook.
 * Later tabs (检查账目, 报表) take `books` and `snapshot` from here.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Books, LedgerField, PlanField, ReadChoices, SourceRef, WorkbookSnapshot } from "../core/model/types";
import type { WorkbookGateway } from "../excel/gateway";
import {
  sameChoices,
  withLedgerColumn,
  withLedgerSheets,
  withPlanColumn,
  withPlanSheet,
} from "./books-model";

export const READ_CHOICES_KEY = "readChoices";

export type ReadBooks = (wb: WorkbookSnapshot, choices?: ReadChoices) => Books;

export type ReadPhase =
  | { kind: "idle" }
  | { kind: "reading"; done: number; total: number }
  | { kind: "ready" }
  | { kind: "error"; message: string };

export type SaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; message: string };

export interface BooksController {
  phase: ReadPhase;
  snapshot?: WorkbookSnapshot;
  books?: Books;
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

export function useBooks(gateway: WorkbookGateway, read: ReadBooks): BooksController {
  const [phase, setPhase] = useState<ReadPhase>({ kind: "idle" });
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot>();
  const [choices, setChoices] = useState<ReadChoices>({});
  const [saved, setSaved] = useState<ReadChoices>();
  const [savedAtStart, setSavedAtStart] = useState(false);
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [selectError, setSelectError] = useState<string>();
  // The read button may be pressed before the saved choices have loaded: reading waits for them.
  const loading = useRef<Promise<ReadChoices | undefined> | undefined>(undefined);

  useEffect(() => {
    let live = true;
    const pending = gateway.loadSetting<ReadChoices>(READ_CHOICES_KEY).catch(() => undefined);
    loading.current = pending;
    void pending.then((found) => {
      if (!live || !found) return;
      setSaved(found);
      setSavedAtStart(true);
      setChoices(found);
    });
    return () => {
      live = false;
    };
  }, [gateway]);

  // Reading the books is pure and fast next to the workbook round-trip, so every edit re-reads the snapshot.
  const readResult = useMemo<{ books?: Books; error?: string }>(() => {
    if (!snapshot) return {};
    try {
      return { books: read(snapshot, choices) };
    } catch (e) {
      return { error: messageOf(e) };
    }
  }, [snapshot, choices, read]);

  const readWorkbook = useCallback(async () => {
    setPhase({ kind: "reading", done: 0, total: 0 });
    setSave({ kind: "idle" });
    try {
      await loading.current;
      const wb = await gateway.readSnapshot(undefined, (done, total) =>
        setPhase({ kind: "reading", done, total }),
      );
      setSnapshot(wb);
      setPhase({ kind: "ready" });
    } catch (e) {
      setPhase({ kind: "error", message: messageOf(e) });
    }
  }, [gateway]);

  const books = readResult.books;
  const roles = books?.roles ?? { ledgerSheets: [] };
  const edit = (change: (c: ReadChoices) => ReadChoices) => {
    setChoices(change);
    setSave({ kind: "idle" });
  };

  const confirmAndSave = useCallback(async () => {
    if (!books) return;
    // Confirming accepts the detected roles too, so they are saved explicitly with the column overrides.
    const confirmed: ReadChoices = { ...choices, roles: { ...books.roles, ledgerSheets: [...books.roles.ledgerSheets] } };
    setSave({ kind: "saving" });
    try {
      await gateway.saveSetting(READ_CHOICES_KEY, confirmed);
      setChoices(confirmed);
      setSaved(confirmed);
      setSave({ kind: "saved" });
    } catch (e) {
      setSave({ kind: "error", message: messageOf(e) });
    }
  }, [books, choices, gateway]);

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

  const shownPhase: ReadPhase = readResult.error ? { kind: "error", message: readResult.error } : phase;

  return {
    phase: shownPhase,
    snapshot,
    books,
    choices,
    usingSavedChoices: savedAtStart,
    hasSaved: saved !== undefined,
    dirty: books !== undefined && (saved === undefined || !sameChoices(choices, saved)),
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
