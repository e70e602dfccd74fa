/**
 * What the task pane may ask of the workbook. The pane receives an implementation as a prop: the real one
 * (`createExcelGateway()` in ./excel-gateway.ts, the only code that calls Excel.run) in Excel and in the demo
 * (where `Excel` is the in-memory fake), and simple stubs in component tests. No bookkeeping happens here.
 */
import type { SourceRef, WorkbookSnapshot, Severity } from "../core/model/types";
import type { SheetModel } from "../core/render/sheet-model";

export interface SheetInfo {
  name: string;
  rowCount: number;
  columnCount: number;
  /** True for sheets this add-in generated and tagged. */
  generated: boolean;
}

export type Progress = (done: number, total: number) => void;

export interface WorkbookGateway {
  listSheets(): Promise<SheetInfo[]>;
  /** Reads the used range of the named sheets (all non-generated sheets when omitted) in chunks small enough to stay far below Excel on the web's 5 MB payload limit. */
  readSnapshot(sheetNames?: string[], onProgress?: Progress): Promise<WorkbookSnapshot>;
  /** Workbook-level settings saved inside the workbook (JSON values). */
  loadSetting<T>(key: string): Promise<T | undefined>;
  saveSetting(key: string, value: unknown): Promise<void>;
  /** Activates the cell's sheet and selects the cell. */
  selectCell(ref: SourceRef): Promise<void>;
  /** Marks cells with tagged conditional formats (never fills); returns how many cells were marked. */
  highlight(cells: { ref: SourceRef; severity: Severity }[]): Promise<number>;
  /** Removes exactly the conditional formats `highlight` added; returns how many were removed. */
  clearHighlights(): Promise<number>;
  /** Creates or replaces a generated, tagged sheet. Refuses (throws) to overwrite a sheet the add-in did not create. */
  writeSheet(model: SheetModel, onProgress?: Progress): Promise<void>;
  /** Deletes the sheets this add-in generated (only those named, when names are given); returns their names. */
  removeGeneratedSheets(names?: string[]): Promise<string[]>;
  activateSheet(name: string): Promise<void>;
}
