/**
 * The Excel adapter: the only code that calls Excel.run. It moves data between the workbook and the core
 * (snapshots in, SheetModels out) and does no bookkeeping. In the demo and in tests `Excel` is the in-memory fake.
 *
 * Safety rules it keeps:
 *  - Generated sheets are tagged (a registry of worksheet ids in workbook settings, plus a worksheet custom property
 *    holding the sheet's own id); only tagged sheets are ever replaced or deleted.
 *  - Highlights are conditional formats whose ids are recorded; clearing removes exactly those. User fills are
 *    never written.
 *  - Reads and writes move at most about 1 MB per sync (Excel on the web refuses more than 5 MB).
 */
import type { SourceRef, WorkbookSnapshot, SheetSnapshot, CellValue, Severity } from "../core/model/types";
import type { ChartModel, SheetModel } from "../core/render/sheet-model";
import type { Progress, SheetInfo, WorkbookGateway } from "./gateway";
import { CHUNK_TARGET_BYTES, RowChunker, jsonSize } from "./chunking";
import { ExcelGatewayError, excelErrorCode, withExcelErrors } from "./errors";
import { splitAreas, stripSheetPrefix } from "./a1";
import {
  GENERATED_SHEETS_KEY,
  HIGHLIGHTS_KEY,
  SETTING_PREFIX,
  SHEET_TAG_PROPERTY,
  type GeneratedSheetRecord,
  type HighlightRecord,
  isHighlightRecords,
  isSheetRecords,
  parseStored,
} from "./registry";
import { STYLE_FORMATS, columnWidthPoints, planSheet, type StyleFormat } from "./sheet-plan";
import { isDateFormat } from "../core/model/dates";
import { absoluteRows } from "../core/model/a1";

type Ctx = Excel.RequestContext;

export interface ExcelGatewayOptions {
  /** Target bytes per sync for chunked reads and writes (tests lower it to force many chunks). */
  chunkTargetBytes?: number;
}

/** Error codes that mean "this host does not have that API"; optional features are skipped on them. */
const MISSING_API_CODES = new Set(["ApiNotFound", "NotImplemented", "UnsupportedOperation", "UnsupportedFeature"]);

const RESERVED_SETTING_KEYS = new Set([GENERATED_SHEETS_KEY, HIGHLIGHTS_KEY]);

/** Highlight colours per severity (the familiar Excel "bad / neutral / note" palette), border in a darker tone. */
const SEVERITY_COLORS: Record<Severity, { fill: string; font: string; border: string }> = {
  error: { fill: "#FFC7CE", font: "#9C0006", border: "#C00000" },
  warning: { fill: "#FFEB9C", font: "#9C5700", border: "#BF8F00" },
  info: { fill: "#DDEBF7", font: "#1F4E78", border: "#2F75B5" },
};
const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** At most this many cells are marked at once (the count returned tells the pane how many were). */
export const MAX_HIGHLIGHTS = 2000;
/** Conditional formats added per sync when highlighting (each is a few small operations). */
const HIGHLIGHTS_PER_SYNC = 300;
/** Style runs applied per sync when writing a sheet. */
const STYLE_RUNS_PER_SYNC = 400;

const FOOTER_PAGE_NUMBERS = "第 &P 页，共 &N 页";
const EDGES = ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"] as const;

interface SheetEntry {
  name: string;
  id: string;
  position: number;
  generated: boolean;
}

export function createExcelGateway(options: ExcelGatewayOptions = {}): WorkbookGateway {
  const chunkTarget = options.chunkTargetBytes ?? CHUNK_TARGET_BYTES;

  /** Excel.run with every failure turned into a Chinese message that names the action. */
  const run = <T>(doing: string, batch: (ctx: Ctx) => Promise<T>): Promise<T> =>
    withExcelErrors(doing, () => Excel.run(batch));

  // The workbook's date system is a property of the file: asked once, not on every read and every sheet written.
  let offset: number | undefined;
  const dateOffset = async (ctx: Ctx): Promise<number> => (offset ??= await serialOffset(ctx));

  return {
    listSheets: () =>
      run("读取工作表列表", async (ctx) => {
        const sheets = await loadSheets(ctx);
        const used = sheets.map((s) => {
          const r = ctx.workbook.worksheets.getItem(s.id).getUsedRangeOrNullObject(true);
          r.load("rowIndex,columnIndex,rowCount,columnCount");
          return r;
        });
        await ctx.sync();
        return sheets.map((s, i): SheetInfo => {
          const r = used[i];
          return {
            name: s.name,
            generated: s.generated,
            // Counted from A1, as the treasurer sees row numbers.
            rowCount: r.isNullObject ? 0 : r.rowIndex + r.rowCount,
            columnCount: r.isNullObject ? 0 : r.columnIndex + r.columnCount,
          };
        });
      }),

    readSnapshot: (sheetNames, onProgress) =>
      run("读取工作表数据", async (ctx) => {
        const sheets = await loadSheets(ctx);
        const wanted = sheetNames
          ? sheetNames.map((n) => findSheet(sheets, n) ?? notFound(n))
          : sheets.filter((s) => !s.generated);
        return readSheets(ctx, wanted, chunkTarget, await dateOffset(ctx), onProgress);
      }),

    loadSetting: <T>(key: string) =>
      run("读取设置", async (ctx) => {
        const item = ctx.workbook.settings.getItemOrNullObject(settingKey(key));
        item.load("value");
        await ctx.sync();
        if (item.isNullObject) return undefined;
        const raw: unknown = item.value;
        if (typeof raw !== "string") return raw as T;
        try {
          return JSON.parse(raw) as T;
        } catch (e) {
          throw new ExcelGatewayError("BadSetting", `工作簿中保存的设置“${key}”已损坏，无法读取。请重新保存该设置。`, { cause: e });
        }
      }),

    saveSetting: (key, value) =>
      run("保存设置", async (ctx) => {
        const k = settingKey(key);
        if (value === undefined) {
          const item = ctx.workbook.settings.getItemOrNullObject(k);
          await ctx.sync();
          if (!item.isNullObject) item.delete();
        } else {
          ctx.workbook.settings.add(k, JSON.stringify(value));
        }
        await ctx.sync();
      }),

    selectCell: (ref) =>
      run(`定位到 ${ref.sheet}!${ref.address}`, async (ctx) => {
        const ws = await requireSheet(ctx, ref.sheet);
        ws.activate();
        ws.getRange(stripSheetPrefix(ref.address)).select();
        await ctx.sync();
      }),

    highlight: (cells) =>
      run("标记问题单元格", async (ctx) => {
        await clearRecordedHighlights(ctx);
        return addHighlights(ctx, cells);
      }),

    clearHighlights: () => run("清除问题标记", (ctx) => clearRecordedHighlights(ctx)),

    writeSheet: (model, onProgress) => run(`生成工作表“${model.name}”`, (ctx) => writeSheet(ctx, model, chunkTarget, dateOffset, onProgress)),

    removeGeneratedSheets: (names) =>
      run("删除生成的工作表", async (ctx) => {
        const sheets = await loadSheets(ctx);
        const ours = sheets.filter((s) => s.generated && (!names || names.includes(s.name)));
        if (ours.length === 0) return [];
        // Excel refuses to delete the last sheet; if every sheet is ours, leave an empty one behind.
        if (ours.length === sheets.length) ctx.workbook.worksheets.add();
        for (const s of ours) ctx.workbook.worksheets.getItem(s.id).delete();
        await ctx.sync();
        const registry = await loadRegistry(ctx);
        const gone = new Set(ours.map((s) => s.id));
        await saveRegistry(ctx, registry.filter((r) => !gone.has(r.id)));
        return ours.map((s) => s.name);
      }),

    activateSheet: (name) =>
      run(`切换到工作表“${name}”`, async (ctx) => {
        const ws = await requireSheet(ctx, name);
        ws.activate();
        await ctx.sync();
      }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Sheets and the registry of generated sheets

function settingKey(key: string): string {
  const k = `${SETTING_PREFIX}${key}`;
  if (RESERVED_SETTING_KEYS.has(k)) throw new ExcelGatewayError("ReservedSetting", `设置名“${key}”由加载项内部使用，请换一个名称。`);
  return k;
}

function notFound(name: string): never {
  throw new ExcelGatewayError("ItemNotFound", `找不到工作表“${name}”，它可能已被删除或改名。请刷新工作表列表后重试。`);
}

/** Excel compares sheet names without regard to case. */
function findSheet(sheets: SheetEntry[], name: string): SheetEntry | undefined {
  const lower = name.toLowerCase();
  return sheets.find((s) => s.name.toLowerCase() === lower);
}

async function requireSheet(ctx: Ctx, name: string): Promise<Excel.Worksheet> {
  const ws = ctx.workbook.worksheets.getItemOrNullObject(name);
  await ctx.sync();
  if (ws.isNullObject) notFound(name);
  return ws;
}

async function loadRegistry(ctx: Ctx): Promise<GeneratedSheetRecord[]> {
  const item = ctx.workbook.settings.getItemOrNullObject(GENERATED_SHEETS_KEY);
  item.load("value");
  await ctx.sync();
  return item.isNullObject ? [] : parseStored(item.value, isSheetRecords, []);
}

async function saveRegistry(ctx: Ctx, records: GeneratedSheetRecord[]): Promise<void> {
  ctx.workbook.settings.add(GENERATED_SHEETS_KEY, JSON.stringify(records));
  await ctx.sync();
}

/**
 * Every sheet with its generated flag. A sheet is ours when the registry lists its id, or when its custom property
 * holds its own id (that survives a lost registry, while a user's copy of our sheet gets a new id and stays theirs).
 */
async function loadSheets(ctx: Ctx): Promise<SheetEntry[]> {
  const worksheets = ctx.workbook.worksheets;
  worksheets.load("items/name,items/id,items/position");
  const registryItem = ctx.workbook.settings.getItemOrNullObject(GENERATED_SHEETS_KEY);
  registryItem.load("value");
  await ctx.sync();
  const registry = registryItem.isNullObject ? [] : parseStored(registryItem.value, isSheetRecords, []);
  const ids = new Set(registry.map((r) => r.id));
  const tags = await loadSheetTags(ctx, worksheets.items);
  return worksheets.items
    .map((ws) => ({
      name: ws.name,
      id: ws.id,
      position: ws.position,
      generated: ids.has(ws.id) || tags.get(ws.id) === ws.id,
    }))
    .sort((a, b) => a.position - b.position);
}

/** Sheet id -> the id recorded in its tag property. Empty when the host has no worksheet custom properties (ExcelApi 1.12). */
async function loadSheetTags(ctx: Ctx, sheets: Excel.Worksheet[]): Promise<Map<string, string>> {
  const tags = new Map<string, string>();
  if (sheets.length === 0 || !sheets[0].customProperties) return tags;
  const items = sheets.map((ws) => {
    const p = ws.customProperties.getItemOrNullObject(SHEET_TAG_PROPERTY);
    p.load("value");
    return p;
  });
  if (!(await optionalSync(ctx))) return tags;
  sheets.forEach((ws, i) => {
    if (items[i].isNullObject) return;
    const id = parseStored<{ id: string }>(items[i].value, (v): v is { id: string } => typeof (v as { id?: unknown })?.id === "string", { id: "" }).id;
    tags.set(ws.id, id);
  });
  return tags;
}

/** Syncs a batch that uses an API some hosts lack; false when the host lacks it. Any other failure is rethrown. */
async function optionalSync(ctx: Ctx): Promise<boolean> {
  try {
    await ctx.sync();
    return true;
  } catch (e) {
    if (MISSING_API_CODES.has(excelErrorCode(e) ?? "")) return false;
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/**
 * Days to add to this workbook's date serials to count them from 1900, as the core does: 1462 for a workbook on the
 * 1904 date system (old Mac Excel), else 0. Excel's DATE answers in the workbook's own system, so DATE(2000,1,1) is
 * 36526 or 36526 − 1462. A host without Workbook.functions is taken to use 1900, Excel's default.
 */
const DATE_2000_1900 = 36526;
const DAYS_1900_TO_1904 = 1462;

async function serialOffset(ctx: Ctx): Promise<number> {
  const functions = (ctx.workbook as { functions?: Excel.Functions }).functions;
  if (!functions || typeof functions.date !== "function") return 0;
  const result = functions.date(2000, 1, 1);
  result.load("value");
  if (!(await optionalSync(ctx))) return 0;
  return result.value === DATE_2000_1900 - DAYS_1900_TO_1904 ? DAYS_1900_TO_1904 : 0;
}

/** Moves the date serials of a block of cells (numbers under a date format) by `days`, in place. */
function shiftDates(values: unknown[][], formats: readonly (readonly unknown[])[], days: number): void {
  if (days === 0) return;
  values.forEach((row, r) => {
    row.forEach((v, c) => {
      const f = formats[r]?.[c];
      if (typeof v === "number" && typeof f === "string" && isDateFormat(f)) row[c] = v + days;
    });
  });
}

/** `offset`: serialOffset of the workbook, added to its date serials. */
async function readSheets(ctx: Ctx, wanted: SheetEntry[], chunkTarget: number, offset: number, onProgress?: Progress): Promise<WorkbookSnapshot> {
  const used = wanted.map((s) => {
    const r = ctx.workbook.worksheets.getItem(s.id).getUsedRangeOrNullObject(true);
    r.load("rowIndex,columnIndex,rowCount,columnCount");
    return r;
  });
  await ctx.sync();
  const total = used.reduce((sum, r) => sum + (r.isNullObject ? 0 : r.rowCount), 0);
  let done = 0;
  onProgress?.(0, total);
  const snapshots: SheetSnapshot[] = [];
  for (let i = 0; i < wanted.length; i++) {
    const r = used[i];
    if (r.isNullObject) {
      snapshots.push({ name: wanted[i].name, values: [] });
      continue;
    }
    const ws = ctx.workbook.worksheets.getItem(wanted[i].id);
    const values: CellValue[][] = [];
    const numberFormats: string[][] = [];
    const chunker = new RowChunker(r.columnCount, chunkTarget);
    for (let start = 0; start < r.rowCount; ) {
      const n = chunker.next(r.rowCount - start);
      const chunk = ws.getRangeByIndexes(r.rowIndex + start, r.columnIndex, n, r.columnCount);
      chunk.load("values,numberFormat");
      await ctx.sync();
      const rows = chunk.values.map((row) => row.map(toCellValue));
      const formats = chunk.numberFormat.map((row) => row.map(String));
      shiftDates(rows, formats, offset);
      for (const row of rows) values.push(row);
      for (const row of formats) numberFormats.push(row);
      chunker.observe(n, jsonSize(chunk.values) + jsonSize(chunk.numberFormat));
      start += n;
      done += n;
      onProgress?.(done, total);
    }
    const snapshot: SheetSnapshot = { name: wanted[i].name, values, numberFormats };
    if (r.rowIndex !== 0 || r.columnIndex !== 0) snapshot.origin = { row: r.rowIndex + 1, column: r.columnIndex + 1 };
    const merges = await readMerges(ctx, ws.getRangeByIndexes(r.rowIndex, r.columnIndex, r.rowCount, r.columnCount));
    if (merges) snapshot.merges = merges;
    snapshots.push(snapshot);
  }
  return { sheets: snapshots };
}

/** Excel returns "" for an empty cell; the core uses null. */
function toCellValue(v: unknown): CellValue {
  if (v === "" || v === undefined || v === null) return null;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
}

/** Merged areas inside the used range (ExcelApi 1.13); undefined on hosts without that API or with no merges. */
async function readMerges(ctx: Ctx, range: Excel.Range): Promise<string[] | undefined> {
  if (typeof range.getMergedAreasOrNullObject !== "function") return undefined;
  const areas = range.getMergedAreasOrNullObject();
  areas.load("address");
  if (!(await optionalSync(ctx)) || areas.isNullObject) return undefined;
  return splitAreas(areas.address);
}

// ---------------------------------------------------------------------------------------------------------------
// Highlights

async function addHighlights(ctx: Ctx, cells: { ref: SourceRef; severity: Severity }[]): Promise<number> {
  // One mark per cell, the most severe one wins.
  const byCell = new Map<string, { sheet: string; address: string; severity: Severity }>();
  for (const { ref, severity } of cells) {
    const address = stripSheetPrefix(ref.address).toUpperCase();
    const k = `${ref.sheet.toLowerCase()}!${address}`;
    const seen = byCell.get(k);
    if (!seen || SEVERITY_RANK[severity] > SEVERITY_RANK[seen.severity]) byCell.set(k, { sheet: ref.sheet, address, severity });
  }
  // Thousands of conditional formats slow Excel down; mark the most severe first and stop at a limit.
  const marks = [...byCell.values()]
    .sort((a, b) => SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity])
    .slice(0, MAX_HIGHLIGHTS);
  const sheetNames = [...new Set(marks.map((m) => m.sheet))];
  const sheets = sheetNames.map((n) => {
    const ws = ctx.workbook.worksheets.getItemOrNullObject(n);
    ws.load("id");
    return ws;
  });
  await ctx.sync();
  const sheetOf = new Map(sheetNames.map((n, i) => [n, sheets[i]]));
  // Cells on sheets that no longer exist cannot be marked; the returned count says how many were.
  const markable = marks.filter((m) => !sheetOf.get(m.sheet)!.isNullObject);
  const records: HighlightRecord[] = [];
  try {
    for (let i = 0; i < markable.length; i += HIGHLIGHTS_PER_SYNC) {
      const batch = markable.slice(i, i + HIGHLIGHTS_PER_SYNC).map((m) => {
        const ws = sheetOf.get(m.sheet)!;
        return { m, sheetId: ws.id, cf: addMark(ws.getRange(m.address), m.severity) };
      });
      await ctx.sync();
      for (const { m, sheetId, cf } of batch) records.push({ sheet: m.sheet, sheetId, address: m.address, id: cf.id });
    }
  } finally {
    // Record what was added even if a later batch failed, so clearHighlights can still remove it.
    await saveHighlightRecords(ctx, records);
  }
  return records.length;
}

function addMark(range: Excel.Range, severity: Severity): Excel.ConditionalFormat {
  const colors = SEVERITY_COLORS[severity];
  const cf = range.conditionalFormats.add("Custom");
  cf.custom.rule.formula = "=TRUE";
  cf.custom.format.fill.color = colors.fill;
  cf.custom.format.font.color = colors.font;
  for (const edge of EDGES) {
    const border = cf.custom.format.borders.getItem(edge);
    border.style = "Continuous";
    border.color = colors.border;
  }
  cf.load("id");
  return cf;
}

async function saveHighlightRecords(ctx: Ctx, records: HighlightRecord[]): Promise<void> {
  ctx.workbook.settings.add(HIGHLIGHTS_KEY, JSON.stringify(records));
  await ctx.sync();
}

/** Removes the recorded conditional formats (on whatever sheet and address they moved to); returns how many. */
async function clearRecordedHighlights(ctx: Ctx): Promise<number> {
  const item = ctx.workbook.settings.getItemOrNullObject(HIGHLIGHTS_KEY);
  item.load("value");
  await ctx.sync();
  const records = item.isNullObject ? [] : parseStored(item.value, isHighlightRecords, []);
  if (records.length === 0) return 0;
  // Look sheets up by id (a renamed sheet keeps it), then by name for records written before ids were kept.
  const keys = [...new Set(records.map((r) => r.sheetId ?? r.sheet))];
  const sheets = new Map(keys.map((k) => [k, ctx.workbook.worksheets.getItemOrNullObject(k)]));
  await ctx.sync();
  // The whole-sheet range sees every conditional format of the sheet, even after rows were inserted above a mark.
  // Loading ids (ExcelApi 1.6) rather than getItemOrNullObject (1.14) keeps this working on older Excel.
  const formatsBySheet = new Map<string, Excel.ConditionalFormatCollection>();
  for (const [k, ws] of sheets) {
    if (ws.isNullObject) continue;
    const formats = ws.getRange().conditionalFormats;
    formats.load("items/id");
    formatsBySheet.set(k, formats);
  }
  await ctx.sync();
  let removed = 0;
  for (const [k, formats] of formatsBySheet) {
    const ours = new Set(records.filter((r) => (r.sheetId ?? r.sheet) === k).map((r) => r.id));
    for (const cf of formats.items) {
      if (!ours.has(cf.id)) continue;
      cf.delete();
      removed++;
    }
  }
  item.delete();
  await ctx.sync();
  return removed;
}

// ---------------------------------------------------------------------------------------------------------------
// Writing a generated sheet

const INVALID_NAME = /[[\]:*?/\\]/;

/** `dateOffset`: the workbook's serialOffset, asked only once the sheet is sure to be written. */
async function writeSheet(
  ctx: Ctx, model: SheetModel, chunkTarget: number, dateOffset: (ctx: Ctx) => Promise<number>, onProgress?: Progress,
): Promise<void> {
  if (!model.name || model.name.length > 31 || INVALID_NAME.test(model.name))
    throw new ExcelGatewayError("InvalidSheetName", `工作表名“${model.name}”无效：不能超过 31 个字符，也不能含有 [ ] : * ? / \\。`);
  const sheets = await loadSheets(ctx);
  const existing = findSheet(sheets, model.name);
  if (existing && !existing.generated)
    throw new ExcelGatewayError(
      "SheetNameTaken",
      `工作簿中已有名为“${existing.name}”的工作表，且不是本加载项生成的。为保护您的数据，加载项不会覆盖它。请先将该表改名，再重新生成。`,
    );

  // Build the new sheet beside the old one and swap only when it is complete, so a failure leaves the old report.
  const ws = ctx.workbook.worksheets.add(existing ? temporaryName(sheets) : model.name);
  ws.load("id");
  await ctx.sync();
  const registry = await loadRegistry(ctx);
  await saveRegistry(ctx, [...registry, { id: ws.id, name: model.name, kind: model.kind }]);
  if (ws.customProperties) {
    ws.customProperties.add(SHEET_TAG_PROPERTY, JSON.stringify({ id: ws.id, kind: model.kind }));
    await optionalSync(ctx);
  }

  await writeContent(ctx, ws, model, chunkTarget, await dateOffset(ctx), onProgress);

  if (existing) {
    const old = ctx.workbook.worksheets.getItem(existing.id);
    old.delete();
    ws.name = model.name;
    ws.position = existing.position;
    await ctx.sync();
    const after = await loadRegistry(ctx);
    await saveRegistry(ctx, after.filter((r) => r.id !== existing.id));
  }
}

function temporaryName(sheets: SheetEntry[]): string {
  for (let n = 1; ; n++) {
    const name = `~ufa-新表${n}`;
    if (!findSheet(sheets, name)) return name;
  }
}

async function writeContent(ctx: Ctx, ws: Excel.Worksheet, model: SheetModel, chunkTarget: number, offset: number, onProgress?: Progress): Promise<void> {
  const plan = planSheet(model);
  // The models' dates are 1900 serials: a 1904 workbook would show them four years and a day late.
  shiftDates(plan.values, plan.numberFormats, -offset);
  const total = plan.values.length;
  onProgress?.(0, total);

  // Values in chunks of about chunkTarget bytes, measured exactly since we hold the data. The number format goes
  // first, so text such as "001" is stored as text.
  let start = 0;
  while (start < total) {
    let bytes = 0;
    let end = start;
    while (end < total && (end === start || bytes < chunkTarget)) {
      bytes += jsonSize(plan.values[end]) + jsonSize(plan.numberFormats[end]);
      end++;
    }
    const range = ws.getRangeByIndexes(start, 0, end - start, plan.columnCount);
    range.numberFormat = plan.numberFormats.slice(start, end);
    range.values = plan.values.slice(start, end);
    await ctx.sync();
    start = end;
    onProgress?.(start, total);
  }

  for (let i = 0; i < plan.styles.length; i += STYLE_RUNS_PER_SYNC) {
    for (const run of plan.styles.slice(i, i + STYLE_RUNS_PER_SYNC))
      applyStyle(ws.getRangeByIndexes(run.row, run.column, 1, run.count), STYLE_FORMATS[run.style]);
    await ctx.sync();
  }

  for (const m of model.merges ?? []) ws.getRange(m).merge(false);
  (model.columnWidths ?? []).forEach((w, c) => {
    if (w > 0) ws.getRangeByIndexes(0, c, 1, 1).format.columnWidth = columnWidthPoints(w);
  });
  await ctx.sync();

  // Freeze panes and page setup (ExcelApi 1.7 / 1.9): an older host still gets the content.
  if (model.freezeRows && model.freezeRows > 0) ws.freezePanes.freezeRows(model.freezeRows);
  if (model.print) {
    const layout = ws.pageLayout;
    layout.paperSize = "A4";
    layout.orientation = model.print.orientation === "landscape" ? "Landscape" : "Portrait";
    // 0 pages tall = as many as needed ("fit all columns on one page").
    layout.zoom = { horizontalFitToPages: model.print.fitToPagesWide, verticalFitToPages: 0 };
    layout.centerHorizontally = true;
    if (model.print.repeatRows) layout.setPrintTitleRows(absoluteRows(model.print.repeatRows));
    if (model.print.pageNumbers) layout.headersFooters.defaultForAllPages.centerFooter = FOOTER_PAGE_NUMBERS;
  }
  await optionalSync(ctx);

  for (const chart of model.charts ?? []) addChart(ws, chart);
  if (model.charts?.length) await ctx.sync();
}

function applyStyle(range: Excel.Range, f: StyleFormat): void {
  const format = range.format;
  if (f.bold !== undefined) format.font.bold = f.bold;
  if (f.italic !== undefined) format.font.italic = f.italic;
  if (f.size !== undefined) format.font.size = f.size;
  if (f.fontColor) format.font.color = f.fontColor;
  if (f.fill) format.fill.color = f.fill;
  if (f.horizontalAlignment) format.horizontalAlignment = f.horizontalAlignment;
  if (f.wrapText !== undefined) format.wrapText = f.wrapText;
  const edges: ("EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight" | "InsideVertical")[] =
    f.borders === "box" ? ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideVertical"] : f.borders === "top" ? ["EdgeTop"] : [];
  for (const edge of edges) {
    const border = format.borders.getItem(edge);
    border.style = "Continuous";
    border.color = "#808080";
  }
}

function addChart(ws: Excel.Worksheet, model: ChartModel): void {
  if (model.series.length === 0) return;
  const type = model.type === "bar" ? "BarClustered" : "ColumnClustered";
  const categories = ws.getRange(model.categories);
  const chart = ws.charts.add(type, ws.getRange(model.series[0].values), "Columns");
  chart.title.text = model.title;
  const first = chart.series.getItemAt(0);
  first.name = model.series[0].name;
  first.setXAxisValues(categories);
  for (const s of model.series.slice(1)) {
    const added = chart.series.add(s.name);
    added.setValues(ws.getRange(s.values));
    added.setXAxisValues(ws.getRange(model.categories));
  }
  chart.setPosition(model.anchor);
}
