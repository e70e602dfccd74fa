/**
 * State and actions of the 报表 tab. "生成报表" reads the workbook afresh (so a cell the treasurer just corrected
 * counts), reads the books in the core runner with the choices confirmed on the 账簿 tab, renders the reports for
 * the chosen period with the saved settings, and writes the chosen sheets through the gateway. When the
 * disclosure is refused (the books do not reconcile to the fen), the refusal is kept to be shown loudly and the
 * other sheets are still written. A sheet that cannot be written is reported by name; the others are still written.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ReadChoices } from "../core/model/types";
import type { Period } from "../core/model/period";
import type { GeneratedSheetKind } from "../core/render/sheet-model";
import { t, type Lang } from "../core/i18n";
import type { SheetInfo, WorkbookGateway } from "../excel/gateway";
import { parseArea } from "../excel/a1";
import type { AddinSettings } from "../core/settings/addin-settings";
import type { CoreRunner } from "../worker/runner-api";
import type { PackInfo, RenderRefusal } from "../worker/protocol";
import { REPORT_CHOICES, indexRange, toggleReport, type PeriodChoice, type ReportChoice } from "./components/ReportsPeriod";

/** Where a generate run is: each step reports done/total so the bar moves; `sheet` names the sheet being written. */
export type ReportsStep = "snapshot" | "books" | "render" | "write";

export type ReportsPhase =
  | { kind: "idle" }
  | { kind: "running"; step: ReportsStep; done: number; total: number; sheet?: string }
  | { kind: "done" }
  | { kind: "error"; message: string };

export interface WriteFailure {
  sheet: string;
  message: string;
}

/** What the last generate produced. */
export interface ReportsResult {
  period: Period;
  pack: PackInfo;
  /** Set when the disclosure was left out; nothing named as a disclosure was written. */
  refused?: RenderRefusal;
  written: string[];
  failed: WriteFailure[];
}

export interface ReportsController {
  phase: ReportsPhase;
  result?: ReportsResult;
  /** Generated sheets now in the workbook (tagged by the add-in), in workbook order. */
  generated: SheetInfo[];
  /** Names removed by the last "删除生成的工作表". */
  removed?: string[];
  /** A failure of listing, navigating or removing (Chinese, from the gateway). */
  actionError?: string;
  generate(periodText: string | undefined, kinds: ReadonlySet<GeneratedSheetKind>): Promise<void>;
  goTo(name: string): Promise<void>;
  /** Selects a cell named like "银行存款日记账!J316" (the refusal's closing-balance cells). */
  goToCell(reference: string): Promise<void>;
  removeGenerated(): Promise<void>;
}

export interface ReportsInputs {
  gateway: WorkbookGateway;
  runner: CoreRunner;
  settings: AddinSettings;
  /** The reading choices of the 账簿 tab (roles and column overrides). */
  choices: ReadChoices;
  lang: Lang;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function useReports({ gateway, runner, settings, choices, lang }: ReportsInputs): ReportsController {
  const [phase, setPhase] = useState<ReportsPhase>({ kind: "idle" });
  const [result, setResult] = useState<ReportsResult>();
  const [generated, setGenerated] = useState<SheetInfo[]>([]);
  const [removed, setRemoved] = useState<string[]>();
  const [actionError, setActionError] = useState<string>();
  const live = useRef(true);

  const refreshList = useCallback(async () => {
    try {
      const sheets = await gateway.listSheets();
      if (live.current) setGenerated(sheets.filter((s) => s.generated));
    } catch (e) {
      if (live.current) setActionError(messageOf(e));
    }
  }, [gateway]);

  // The list shows what is in the workbook now, so it survives switching tabs and reopening the pane.
  useEffect(() => {
    live.current = true;
    void refreshList();
    return () => {
      live.current = false;
    };
  }, [refreshList]);

  const generate = useCallback(
    async (periodText: string | undefined, kinds: ReadonlySet<GeneratedSheetKind>) => {
      setActionError(undefined);
      setRemoved(undefined);
      setResult(undefined);
      const step = (s: ReportsStep, done: number, total: number, sheet?: string) =>
        live.current && setPhase({ kind: "running", step: s, done, total, ...(sheet ? { sheet } : {}) });
      try {
        step("snapshot", 0, 0);
        const snapshot = await gateway.readSnapshot(undefined, (done, total) => step("snapshot", done, total));
        step("books", 0, 1);
        await runner.read(snapshot, choices, (p) => step("books", p.step, p.steps));
        step("render", 0, 1);
        const outcome = await runner.report(
          { settings, lang, ...(periodText ? { periodText } : {}) },
          (p) => step("render", p.step, p.steps),
        );
        // A refused outcome holds no disclosure; filtering by kind keeps it that way even if a renderer changed.
        const chosen = outcome.sheets.filter((m) => kinds.has(m.kind) && (outcome.ok || m.kind !== "disclosure"));
        const written: string[] = [];
        const failed: WriteFailure[] = [];
        for (const [i, model] of chosen.entries()) {
          step("write", i, chosen.length, model.name);
          try {
            await gateway.writeSheet(model, (done, total) => step("write", i + (total > 0 ? done / total : 0), chosen.length, model.name));
            written.push(model.name);
          } catch (e) {
            failed.push({ sheet: model.name, message: messageOf(e) });
          }
        }
        // A disclosure left from an earlier run would no longer match these books: remove it, never leave it standing.
        if (!outcome.ok) await gateway.removeGeneratedSheets([t("report.sheet.disclosure", {}, lang)]);
        if (!live.current) return;
        setResult({
          period: outcome.period,
          pack: outcome.pack,
          ...(outcome.ok ? {} : { refused: outcome.refused }),
          written,
          failed,
        });
        setPhase({ kind: "done" });
      } catch (e) {
        if (live.current) setPhase({ kind: "error", message: messageOf(e) });
      }
      await refreshList();
    },
    [gateway, runner, settings, choices, lang, refreshList],
  );

  const goTo = useCallback(
    async (name: string) => {
      setActionError(undefined);
      try {
        await gateway.activateSheet(name);
      } catch (e) {
        setActionError(messageOf(e));
      }
    },
    [gateway],
  );

  const goToCell = useCallback(
    async (reference: string) => {
      setActionError(undefined);
      const cut = reference.lastIndexOf("!");
      const sheet = reference.slice(0, cut).replace(/^'(.*)'$/, "$1").replace(/''/g, "'");
      const address = reference.slice(cut + 1);
      const area = parseArea(address);
      if (cut <= 0 || !area) return;
      try {
        await gateway.selectCell({ sheet, address, row: area.row + 1, column: area.column + 1 });
      } catch (e) {
        setActionError(messageOf(e));
      }
    },
    [gateway],
  );

  const removeGenerated = useCallback(async () => {
    setActionError(undefined);
    try {
      const names = await gateway.removeGeneratedSheets();
      if (live.current) {
        setRemoved(names);
        setResult(undefined);
        setPhase({ kind: "idle" });
      }
    } catch (e) {
      if (live.current) setActionError(messageOf(e));
    }
    await refreshList();
  }, [gateway, refreshList]);

  return { phase, result, generated, removed, actionError, generate, goTo, goToCell, removeGenerated };
}

export interface ReportForm {
  period: PeriodChoice;
  chosen: ReadonlySet<ReportChoice>;
  setPeriod(change: Partial<PeriodChoice>): void;
  toggle(r: ReportChoice, on: boolean): void;
}

/** The period and the reports picked on the 报表 tab; the year follows the books' year until the user types one. */
export function useReportForm(booksYear: number | undefined): ReportForm {
  const [period, setPeriodState] = useState<PeriodChoice>({ kind: "year", year: booksYear ? String(booksYear) : "", index: 1 });
  const [chosen, setChosen] = useState<ReadonlySet<ReportChoice>>(() => new Set(REPORT_CHOICES));
  const [yearTouched, setYearTouched] = useState(false);

  useEffect(() => {
    if (!yearTouched && booksYear) setPeriodState((p) => ({ ...p, year: String(booksYear) }));
  }, [booksYear, yearTouched]);

  const setPeriod = useCallback((change: Partial<PeriodChoice>) => {
    if (change.year !== undefined) setYearTouched(true);
    setPeriodState((p) => {
      const next = { ...p, ...change };
      // Switching kind keeps the index only when it still makes sense (a month 7 is not a quarter).
      const range = indexRange(next.kind);
      if (range.length > 0 && !range.includes(next.index)) next.index = range[0];
      return next;
    });
  }, []);

  const toggle = useCallback((r: ReportChoice, on: boolean) => setChosen((c) => toggleReport(c, r, on)), []);

  return { period, chosen, setPeriod, toggle };
}
