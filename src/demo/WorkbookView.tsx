/**
 * A small, read-only picture of the demo's in-memory workbook, beside the real pane, for people trying the add-in
 * without Excel: sheet tabs (generated sheets marked), the active sheet's cells in a grid with column letters and
 * row numbers, merged cells spanning, money and ratios shown by their number format, bold and filled cells as the
 * add-in styled them, the selection and the highlighted cells outlined. It follows the workbook's active sheet and
 * re-renders whenever a batch of Excel calls finishes (`subscribe`).
 */
import { useMemo, useState, useSyncExternalStore, type CSSProperties } from "react";
import type { CellValue } from "../core/model/types";
import { columnLetters, parseArea, type Area } from "../excel/a1";
import { SHEET_TAG_PROPERTY } from "../excel/registry";
import type { FakeExcel, FakeSheetView } from "./fake-excel";

/** Rows drawn at most; a bigger sheet says how many more there are. */
export const MAX_VIEW_ROWS = 600;
const DEFAULT_COLUMN_PX = 76;

export interface WorkbookStore {
  subscribe(listener: () => void): () => void;
  /** Goes up after every Excel.run (and every direct change made by a test). */
  version(): number;
}

export interface WorkbookViewProps {
  fake: FakeExcel;
  store: WorkbookStore;
}

/** Text of a cell as Excel would show it for the simple formats the add-in writes. */
export function displayValue(v: CellValue, fmt: string | undefined): string {
  if (v === null || v === undefined) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  if (typeof v !== "number" || !fmt || fmt === "General" || fmt === "@") return String(v);
  const decimals = /0\.(0+)/.exec(fmt)?.[1].length ?? 0;
  if (fmt.trim().endsWith("%")) return `${(v * 100).toFixed(decimals)}%`;
  if (/y/i.test(fmt) && /d/i.test(fmt)) {
    // Excel date serial (1900 system, after 1900-03-01) to yyyy-mm-dd.
    const ms = Math.round((v - 25569) * 86400000);
    return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : String(v);
  }
  if (fmt.includes("#,##0") || /^0(\.0+)?$/.test(fmt)) {
    return v.toLocaleString("en-US", {
      minimumFractionDigits: decimals,
      maximumFractionDigits: decimals,
      useGrouping: fmt.includes(","),
    });
  }
  return String(v);
}

interface CellLook {
  bold?: boolean;
  size?: number;
  color?: string;
  fill?: string;
  align?: string;
  wrap?: boolean;
}

/** Replays the sheet's format writes once into a per-cell look (the fake keeps a log, not a grid). */
function looks(view: FakeSheetView, rows: number, columns: number): { cells: Map<string, CellLook>; widths: number[] } {
  const cells = new Map<string, CellLook>();
  const widths: number[] = [];
  for (const w of view.formats) {
    const a = parseArea(w.address);
    if (!a) continue;
    if (w.path === "columnWidth") {
      // Points to pixels; applies to the whole column.
      for (let c = a.column; c < Math.min(columns, a.column + a.columnCount); c++) widths[c] = Math.round((Number(w.value) * 4) / 3);
      continue;
    }
    const apply = (look: CellLook) => {
      if (w.path === "font.bold") look.bold = w.value === true;
      else if (w.path === "font.size") look.size = Number(w.value);
      else if (w.path === "font.color") look.color = String(w.value);
      else if (w.path === "fill.color") look.fill = String(w.value);
      else if (w.path === "horizontalAlignment") look.align = String(w.value).toLowerCase();
      else if (w.path === "wrapText") look.wrap = w.value === true;
    };
    for (let r = a.row; r < Math.min(rows, a.row + a.rowCount); r++)
      for (let c = a.column; c < Math.min(columns, a.column + a.columnCount); c++) {
        const k = `${r},${c}`;
        const look = cells.get(k) ?? {};
        apply(look);
        cells.set(k, look);
      }
  }
  return { cells, widths };
}

function areasToCells(areas: Area[], rows: number, columns: number): Set<string> {
  const out = new Set<string>();
  for (const a of areas)
    for (let r = a.row; r < Math.min(rows, a.row + a.rowCount); r++)
      for (let c = a.column; c < Math.min(columns, a.column + a.columnCount); c++) out.add(`${r},${c}`);
  return out;
}

const styles: Record<string, CSSProperties> = {
  root: { display: "flex", flexDirection: "column", height: "100%", minWidth: 0, background: "#fff", fontSize: 12 },
  bar: { padding: "6px 10px", borderBottom: "1px solid #d0d0d0", background: "#f3f3f3", color: "#444", fontSize: 12 },
  scroller: { flex: 1, overflow: "auto", position: "relative" },
  table: { borderCollapse: "collapse", tableLayout: "fixed" },
  corner: { position: "sticky", top: 0, left: 0, zIndex: 3, background: "#e8e8e8", border: "1px solid #c8c8c8", width: 40 },
  colHead: { position: "sticky", top: 0, zIndex: 2, background: "#eeeeee", border: "1px solid #c8c8c8", color: "#555", fontWeight: 400, height: 20 },
  rowHead: { position: "sticky", left: 0, zIndex: 1, background: "#eeeeee", border: "1px solid #c8c8c8", color: "#555", textAlign: "center", width: 40 },
  cell: { border: "1px solid #e2e2e2", padding: "1px 4px", height: 20, whiteSpace: "nowrap", overflow: "hidden", textOverflow: "ellipsis", color: "#111" },
  tabs: { display: "flex", flexWrap: "wrap", gap: 2, padding: "4px 6px 0", borderTop: "1px solid #c8c8c8", background: "#f3f3f3" },
  more: { padding: 8, color: "#666" },
};

function tabStyle(active: boolean, generated: boolean): CSSProperties {
  return {
    border: "1px solid #c8c8c8",
    borderTop: active ? "2px solid #217346" : "1px solid #c8c8c8",
    background: active ? "#fff" : generated ? "#e9f3ec" : "#f8f8f8",
    color: active ? "#217346" : "#333",
    fontWeight: active ? 600 : 400,
    padding: "3px 10px",
    fontSize: 12,
    cursor: "pointer",
    fontFamily: "inherit",
    marginBottom: active ? -1 : 0,
  };
}

export function WorkbookView({ fake, store }: WorkbookViewProps) {
  const version = useSyncExternalStore(store.subscribe, store.version);
  const names = fake.sheetNames();
  const active = fake.activeSheet();
  const generated = useMemo(
    () => new Set(names.filter((n) => SHEET_TAG_PROPERTY in (fake.sheet(n)?.customProperties ?? {}))),
    // Recomputed when the workbook changed (`version`), not on every render.
    [fake, version],
  );
  // A click on a tab shows that sheet here until the workbook's active sheet changes (the pane moved it).
  const [picked, setPicked] = useState<{ name: string; whileActive: string } | undefined>();
  const shown = picked && picked.whileActive === active && names.includes(picked.name) ? picked.name : active;

  const data = useMemo(() => {
    const view = fake.sheet(shown);
    if (!view) return undefined;
    const totalRows = view.values.length;
    const rows = Math.min(totalRows, MAX_VIEW_ROWS);
    const columns = Math.max(1, ...view.values.slice(0, rows).map((r) => r.length));
    const merges = view.merges.map((m) => parseArea(m)).filter((a): a is Area => !!a);
    const spans = new Map<string, { rowSpan: number; colSpan: number }>();
    const covered = new Set<string>();
    for (const m of merges) {
      spans.set(`${m.row},${m.column}`, { rowSpan: m.rowCount, colSpan: m.columnCount });
      for (let r = m.row; r < m.row + m.rowCount; r++)
        for (let c = m.column; c < m.column + m.columnCount; c++) if (r !== m.row || c !== m.column) covered.add(`${r},${c}`);
    }
    const marks = new Map<string, string>();
    for (const cf of view.conditionalFormats) {
      const a = parseArea(cf.address);
      const color = String(cf.props["custom.format.fill.color"] ?? "#FFC7CE");
      if (a) for (const k of areasToCells([a], rows, columns)) marks.set(k, color);
    }
    const selection = shown === active ? areasToCells([parseArea(fake.selection())].filter((a): a is Area => !!a), rows, columns) : new Set<string>();
    return { view, totalRows, rows, columns, spans, covered, marks, selection, ...looks(view, rows, columns) };
    // `version` changes whenever the workbook did; the fake's views are snapshots, so recompute then.
  }, [fake, shown, active, version]);

  return (
    <div style={styles.root} data-testid="workbook-view">
      <div style={styles.bar}>
        演示工作簿（只读预览）· 当前工作表：<strong data-testid="workbook-view-sheet">{shown}</strong>
      </div>
      <div style={styles.scroller}>
        {data && (
          <table style={styles.table} data-testid="workbook-grid" data-sheet={shown}>
            <colgroup>
              <col style={{ width: 40 }} />
              {Array.from({ length: data.columns }, (_, c) => (
                <col key={c} style={{ width: data.widths[c] ?? DEFAULT_COLUMN_PX }} />
              ))}
            </colgroup>
            <thead>
              <tr>
                <th style={styles.corner} />
                {Array.from({ length: data.columns }, (_, c) => (
                  <th key={c} style={styles.colHead}>
                    {columnLetters(c)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {Array.from({ length: data.rows }, (_, r) => (
                <tr key={r}>
                  <th style={styles.rowHead}>{r + 1}</th>
                  {Array.from({ length: data.columns }, (_, c) => {
                    const k = `${r},${c}`;
                    if (data.covered.has(k)) return null;
                    const span = data.spans.get(k);
                    const v = data.view.values[r]?.[c] ?? null;
                    const fmt = data.view.numberFormats[`${columnLetters(c)}${r + 1}`];
                    const look = data.cells.get(k) ?? {};
                    const mark = data.marks.get(k);
                    const selected = data.selection.has(k);
                    const style: CSSProperties = {
                      ...styles.cell,
                      fontWeight: look.bold ? 700 : undefined,
                      fontSize: look.size ? Math.min(18, Math.max(10, (look.size * 4) / 3 - 2)) : undefined,
                      color: look.color,
                      background: mark ?? look.fill,
                      textAlign: (look.align as CSSProperties["textAlign"]) ?? (typeof v === "number" ? "right" : "left"),
                      whiteSpace: look.wrap || (span && span.rowSpan > 1) ? "normal" : "nowrap",
                      outline: selected ? "2px solid #217346" : mark ? "1px solid #C00000" : undefined,
                      outlineOffset: -2,
                    };
                    const text = displayValue(v, fmt);
                    return (
                      <td key={c} style={style} rowSpan={span?.rowSpan} colSpan={span?.colSpan} title={text} data-cell={`${columnLetters(c)}${r + 1}`}>
                        {text}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {data && data.totalRows > data.rows && <div style={styles.more}>…… 另有 {data.totalRows - data.rows} 行未显示</div>}
      </div>
      <div style={styles.tabs} role="tablist" data-testid="workbook-tabs">
        {names.map((name) => {
          const ours = generated.has(name);
          return (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={name === shown}
              style={tabStyle(name === shown, ours)}
              title={ours ? "由加载项生成" : "您的工作表"}
              onClick={() => setPicked({ name, whileActive: active })}
              data-generated={ours}
            >
              {ours ? "▣ " : ""}
              {name}
            </button>
          );
        })}
      </div>
    </div>
  );
}
