/**
 * An in-memory fake of the part of the Excel JavaScript API the add-in uses. It runs under jest and in the browser
 * (demo page, e2e test), so it imports nothing from Node.
 *
 *   const fake = createFakeExcel({ sheets: { 明细账: [["日期", "摘要"], [45658, "会费"]] } });
 *   globalThis.Excel = fake.Excel;            // then Excel.run(async (context) => ...) works
 *
 * It behaves like Excel where a real add-in can go wrong:
 *  - Calls are queued and run at `context.sync()`, in order; errors (ItemNotFound, InvalidArgument, ...) surface
 *    there, as `FakeExcelError` with a `code`, like OfficeExtension.Error.
 *  - Properties THROW PropertyNotLoaded until `load(...)` + `await context.sync()` (office-addin-mock returns truthy
 *    strings instead, which lets broken code pass).
 *  - `range.values = ...` must match the range's dimensions; `null` in a written array leaves that cell unchanged.
 *  - `getUsedRange()` of a blank sheet is A1; `getUsedRangeOrNullObject()` is a null object.
 *  - Each sync records its payload size (approximate JSON length of the data moved) and a sync over the limit
 *    (5 MB by default, Excel on the web's limit) fails, so tests can prove reads and writes are chunked.
 * Proxies are loosely typed (`any`) on purpose: the adapter is type-checked against @types/office-js instead.
 */
import type { CellValue } from "../core/model/types";
import {
  type Area,
  areaAddress,
  cellAddress,
  intersects,
  MAX_COLUMNS,
  MAX_ROWS,
  parseArea,
  quoteSheetName,
  stripSheetPrefix,
} from "../excel/a1";

// ---------------------------------------------------------------------------------------------------------------
// Errors

export class FakeExcelError extends Error {
  readonly code: string;
  readonly debugInfo: { code: string; message: string };
  constructor(code: string, message: string) {
    super(message);
    this.name = "RichApi.Error";
    this.code = code;
    this.debugInfo = { code, message };
  }
}

const fail = (code: string, message: string): never => {
  throw new FakeExcelError(code, message);
};

// ---------------------------------------------------------------------------------------------------------------
// Workbook state (what a test inspects)

/** One recorded format write: the A1 area (no sheet), the property path ("font.bold") and the value. */
export interface FormatWrite {
  address: string;
  path: string;
  value: unknown;
}

export interface FakeConditionalFormat {
  id: string;
  address: string;
  type: string;
  /** Property path ("custom.rule.formula", "custom.format.fill.color") -> value. */
  props: Record<string, unknown>;
}

export interface FakeChart {
  id: string;
  type: string;
  source: string;
  props: Record<string, unknown>;
  series: { name: string; values?: string; xValues?: string }[];
}

export interface FakeSheet {
  id: string;
  name: string;
  /** Sparse: cells[row][column], 0-based; null/undefined is an empty cell. */
  cells: CellValue[][];
  numberFormats: Map<string, string>;
  formatLog: FormatWrite[];
  merges: Area[];
  conditionalFormats: FakeConditionalFormat[];
  freeze: { rows: number; columns: number };
  pageLayout: Record<string, unknown>;
  charts: FakeChart[];
  customProperties: Map<string, unknown>;
  selection: Area;
}

export interface SyncRecord {
  /** Bytes sent to the host (values and formats written). */
  requestBytes: number;
  /** Bytes returned (properties loaded). */
  responseBytes: number;
  payloadBytes: number;
  operations: number;
}

export interface FakeSheetInit {
  name: string;
  values: CellValue[][];
  /** 1-based position of values[0][0]; A1 when absent. */
  origin?: { row: number; column: number };
  numberFormats?: string[][];
  merges?: string[];
}

export interface FakeExcelInit {
  sheets: Record<string, CellValue[][]> | FakeSheetInit[];
  settings?: Record<string, unknown>;
  /** Largest payload of one sync, in bytes; default 5,000,000 (Excel on the web). */
  payloadLimitBytes?: number;
  /** API members to leave out, to imitate an older host: "getMergedAreasOrNullObject", "customProperties", "functions". */
  missingApis?: string[];
  /** The workbook counts its date serials from 1904-01-01 (old Mac Excel) instead of 1900. */
  date1904?: boolean;
}

const key = (row: number, column: number) => `${row},${column}`;
const clone = <T>(v: T): T => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
const sizeOf = (v: unknown): number => (v === undefined ? 0 : (JSON.stringify(v)?.length ?? 0));
const isEmpty = (v: CellValue | undefined) => v === null || v === undefined || v === "";

class WorkbookState {
  sheets: FakeSheet[] = [];
  settings = new Map<string, unknown>();
  activeSheetId = "";
  syncs: SyncRecord[] = [];
  date1904 = false;
  private nextId = 1;
  constructor(
    readonly payloadLimit: number,
    readonly missingApis: Set<string>,
  ) {}

  newId(prefix: string): string {
    return `{${prefix}-${String(this.nextId++).padStart(8, "0")}}`;
  }

  find(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase(); // Excel sheet names are case-insensitive
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Worksheets.getItem takes a name or an id. */
  findByKey(k: string): FakeSheet | undefined {
    return this.find(k) ?? this.findById(k);
  }

  findById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  checkName(name: string, except?: FakeSheet): void {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name))
      fail("InvalidArgument", `The sheet name "${name}" is invalid.`);
    const other = this.find(name);
    if (other && other !== except) fail("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
  }

  addSheet(name?: string): FakeSheet {
    let finalName = name;
    if (finalName === undefined) {
      let n = this.sheets.length + 1;
      while (this.find(`Sheet${n}`)) n++;
      finalName = `Sheet${n}`;
    }
    this.checkName(finalName);
    const s: FakeSheet = {
      id: this.newId("sheet"),
      name: finalName,
      cells: [],
      numberFormats: new Map(),
      formatLog: [],
      merges: [],
      conditionalFormats: [],
      freeze: { rows: 0, columns: 0 },
      pageLayout: {},
      charts: [],
      customProperties: new Map(),
      selection: { row: 0, column: 0, rowCount: 1, columnCount: 1 },
    };
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    return s;
  }

  deleteSheet(s: FakeSheet): void {
    if (this.sheets.length <= 1) fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
    this.sheets = this.sheets.filter((x) => x !== s);
    if (this.activeSheetId === s.id) this.activeSheetId = this.sheets[0].id;
  }

  active(): FakeSheet {
    return this.findById(this.activeSheetId) ?? this.sheets[0];
  }
}

function usedArea(s: FakeSheet, valuesOnly: boolean): Area | undefined {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  const take = (r: number, c: number) => {
    top = Math.min(top, r);
    bottom = Math.max(bottom, r);
    left = Math.min(left, c);
    right = Math.max(right, c);
  };
  s.cells.forEach((row, r) => row?.forEach((v, c) => !isEmpty(v) && take(r, c)));
  if (!valuesOnly) for (const k of s.numberFormats.keys()) take(...(k.split(",").map(Number) as [number, number]));
  if (bottom < 0) return undefined;
  return { row: top, column: left, rowCount: bottom - top + 1, columnCount: right - left + 1 };
}

function readValues(s: FakeSheet, a: Area): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = a.row; r < a.row + a.rowCount; r++) {
    const src = s.cells[r];
    const row: CellValue[] = new Array(a.columnCount);
    for (let c = 0; c < a.columnCount; c++) {
      const v = src?.[a.column + c];
      row[c] = isEmpty(v) ? "" : (v as CellValue); // Excel gives "" for an empty cell
    }
    out.push(row);
  }
  return out;
}

function readNumberFormats(s: FakeSheet, a: Area): string[][] {
  const out: string[][] = [];
  for (let r = a.row; r < a.row + a.rowCount; r++) {
    const row: string[] = new Array(a.columnCount);
    for (let c = 0; c < a.columnCount; c++) row[c] = s.numberFormats.get(key(r, a.column + c)) ?? "General";
    out.push(row);
  }
  return out;
}

/** Checks the shape of a 2-D array written to an area; a scalar fills the area (as Excel allows). */
function toMatrix<T>(value: unknown, a: Area, what: string): (T | null)[][] {
  if (!Array.isArray(value)) return Array.from({ length: a.rowCount }, () => new Array(a.columnCount).fill(value));
  const ok =
    value.length === a.rowCount && value.every((row) => Array.isArray(row) && row.length === a.columnCount);
  if (!ok)
    fail(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`,
    );
  return value as (T | null)[][];
}

// ---------------------------------------------------------------------------------------------------------------
// Request context and proxy machinery

type Op = () => number | void;

class Context {
  private queue: Op[] = [];
  private requestBytes = 0;
  readonly workbook: any;
  constructor(readonly state: WorkbookState) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(op: Op, requestBytes = 0): void {
    this.queue.push(op);
    this.requestBytes += requestBytes;
  }

  pending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    await Promise.resolve();
    const ops = this.queue;
    const requestBytes = this.requestBytes;
    this.queue = [];
    this.requestBytes = 0;
    const record: SyncRecord = { requestBytes, responseBytes: 0, payloadBytes: requestBytes, operations: ops.length };
    this.state.syncs.push(record);
    if (requestBytes > this.state.payloadLimit)
      fail("RequestPayloadSizeLimitExceeded", `The request payload size (${requestBytes}) has exceeded the limit.`);
    for (const op of ops) record.responseBytes += op() ?? 0;
    record.payloadBytes = requestBytes + record.responseBytes;
    if (record.responseBytes > this.state.payloadLimit)
      fail("ResponsePayloadSizeLimitExceeded", `The response payload size (${record.responseBytes}) has exceeded the limit.`);
  }
}

/** Turns load()'s argument ("a, b/c", ["a"], {select: "a"}, {a: true, b: {c: true}}) into paths. */
function loadPaths(arg: unknown): string[] {
  if (arg === undefined || arg === null) return [];
  if (typeof arg === "string") return arg.split(",").map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap(loadPaths);
  const o = arg as Record<string, unknown>;
  if (typeof o.select === "string" || Array.isArray(o.select)) return loadPaths(o.select);
  return Object.entries(o).flatMap(([k, v]) =>
    v === true ? [k] : typeof v === "object" && v ? loadPaths(v).map((p) => `${k}/${p}`) : [],
  );
}

/**
 * Base of every proxy. A proxy is bound to its target (sheet, range, ...) by an operation queued when the proxy is
 * made, so lookups fail at sync like Excel's. Readable properties throw until loaded and synced.
 */
abstract class FakeObject<T> {
  protected loaded = new Map<string, unknown>();
  private bound: T | null | undefined = undefined;
  constructor(readonly context: Context) {}

  /** Binds the target at sync; `nullable` makes a missing target a null object instead of an ItemNotFound error. */
  bindAtSync(find: () => T | null | undefined, nullable: boolean, notFound = "The requested item was not found."): void {
    this.context.enqueue(() => {
      const t = find();
      if ((t === null || t === undefined) && !nullable) fail("ItemNotFound", notFound);
      this.bound = t ?? null;
      if (nullable) this.loaded.set("isNullObject", this.bound === null);
    });
  }

  bindNow(t: T | null): this {
    this.bound = t;
    return this;
  }

  /** The target, for use inside queued operations only. */
  target(): T {
    if (this.bound === undefined) fail("InvalidObjectPath", "The object is used before it was resolved.");
    if (this.bound === null) fail("ItemNotFound", "The object is a null object.");
    return this.bound as T;
  }

  targetOrNull(): T | null {
    return this.bound ?? null;
  }

  get isNullObject(): boolean {
    return this.prop("isNullObject") as boolean;
  }

  protected prop(name: string): unknown {
    if (!this.loaded.has(name))
      fail(
        "PropertyNotLoaded",
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.loaded.get(name);
  }

  /** Scalar property names load() without arguments loads. */
  protected abstract scalars(): string[];
  /** The current value of a scalar property of the target. */
  protected abstract read(name: string, t: T): unknown;
  /** A navigation property (for load paths such as "format/font/bold"). */
  protected child(_name: string): FakeObject<unknown> | undefined {
    return undefined;
  }

  load(arg?: unknown): this {
    const paths = loadPaths(arg);
    this.context.enqueue(() => this.fill(paths));
    return this;
  }

  /** Loads paths now (inside a sync); returns the bytes moved. */
  fill(paths: string[]): number {
    let bytes = 0;
    const list = paths.length ? paths : this.scalars();
    for (const path of list) {
      const [head, ...rest] = path.split("/");
      const nav = this.child(head);
      if (nav) {
        bytes += nav.fill(rest.length ? [rest.join("/")] : []);
        continue;
      }
      if (!this.scalars().includes(head)) fail("InvalidArgument", `Cannot load unknown property '${head}'.`);
      const t = this.targetOrNull();
      const v = t === null ? null : this.read(head, t);
      this.loaded.set(head, v);
      bytes += sizeOf(v);
    }
    return bytes;
  }

  /** Queues a write of `value` through `apply(target)`; the value counts towards the request payload. */
  protected write(value: unknown, apply: (t: T) => void): void {
    this.context.enqueue(() => apply(this.target()), sizeOf(value));
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

/** A collection: `items` after load; load paths apply to each item ("items/name" or just "name"). */
abstract class FakeCollection<T, P extends FakeObject<T>> extends FakeObject<() => T[]> {
  constructor(context: Context, list: () => T[]) {
    super(context);
    this.bindNow(list);
  }
  protected abstract wrap(t: T): P;
  protected scalars() {
    return ["items"];
  }
  protected read(): unknown {
    return undefined;
  }
  get items(): P[] {
    return this.prop("items") as P[];
  }
  override fill(paths: string[]): number {
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, "")).filter(Boolean);
    const items = this.target()().map((t) => this.wrap(t).bindNow(t));
    let bytes = 0;
    for (const p of items) bytes += p.fill(itemPaths);
    this.loaded.set("items", items);
    return bytes;
  }
  getCount(): { value: number } {
    const result = new ClientResult<number>();
    this.context.enqueue(() => result.set(this.target()().length));
    return result;
  }
}

class ClientResult<V> {
  private v: V | undefined;
  private done = false;
  set(v: V) {
    this.v = v;
    this.done = true;
  }
  get value(): V {
    if (!this.done) fail("PropertyNotLoaded", "The value of the result object has not been loaded yet.");
    return this.v as V;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Recording nodes: formats, page layout, chart and conditional-format properties

interface NodeSpec {
  props: string[];
  children?: Record<string, NodeSpec>;
  /** For `borders.getItem(edge)`: the spec of each keyed item. */
  keyed?: NodeSpec;
  /** Methods: name -> the (path, value) pair they record. */
  methods?: Record<string, (...args: any[]) => [string, unknown]>;
}

type Sink = { set(path: string, value: unknown): void; get(path: string): unknown };

/** A property bag whose writes go to a sink at sync and whose reads need load + sync, like any proxy. */
class RecordingNode extends FakeObject<Sink> {
  constructor(
    context: Context,
    private sinkAt: () => Sink,
    private path: string,
    private spec: NodeSpec,
  ) {
    super(context);
    this.bindNow(sinkAt()); // sinks resolve their owner lazily, at the time of each write
    for (const name of spec.props) {
      Object.defineProperty(this, name, {
        enumerable: true,
        get: () => this.prop(name),
        set: (value: unknown) => this.write(value, (sink) => sink.set(this.path + name, clone(value))),
      });
    }
    for (const [name, childSpec] of Object.entries(spec.children ?? {})) {
      const node = new RecordingNode(context, sinkAt, `${this.path}${name}.`, childSpec);
      Object.defineProperty(this, name, { enumerable: true, get: () => node });
    }
    for (const [name, method] of Object.entries(spec.methods ?? {})) {
      (this as any)[name] = (...args: any[]) => {
        this.context.enqueue(() => {
          const [p, v] = method(...args);
          this.target().set(this.path + p, v);
        });
      };
    }
    if (spec.keyed) {
      const keyed = spec.keyed;
      (this as any).getItem = (k: string) => new RecordingNode(context, sinkAt, `${this.path}${k}.`, keyed);
    }
  }
  protected scalars() {
    return this.spec.props;
  }
  protected read(name: string, sink: Sink) {
    return sink.get(this.path + name) ?? null;
  }
  protected override child(name: string) {
    const spec = this.spec.children?.[name];
    return spec ? (this as any)[name] : undefined;
  }
}

const FONT: NodeSpec = { props: ["bold", "italic", "size", "color", "name", "underline", "strikethrough"] };
const BORDER: NodeSpec = { props: ["style", "color", "weight"] };
const FILL: NodeSpec = { props: ["color", "pattern"], methods: { clear: () => ["color", null] } };
const RANGE_FORMAT: NodeSpec = {
  props: ["columnWidth", "rowHeight", "horizontalAlignment", "verticalAlignment", "wrapText", "indentLevel"],
  children: { font: FONT, fill: FILL, borders: { props: [], keyed: BORDER } },
  methods: { autofitColumns: () => ["autofitColumns", true], autofitRows: () => ["autofitRows", true] },
};
const CF_FORMAT: NodeSpec = {
  props: ["numberFormat"],
  children: { font: FONT, fill: FILL, borders: { props: [], keyed: BORDER } },
};
const HEADER_FOOTER: NodeSpec = {
  props: ["centerHeader", "leftHeader", "rightHeader", "centerFooter", "leftFooter", "rightFooter"],
};
const PAGE_LAYOUT: NodeSpec = {
  props: [
    "paperSize",
    "orientation",
    "zoom",
    "centerHorizontally",
    "centerVertically",
    "printGridlines",
    "printHeadings",
    "topMargin",
    "bottomMargin",
    "leftMargin",
    "rightMargin",
    "headerMargin",
    "footerMargin",
  ],
  children: {
    headersFooters: { props: ["state", "useSheetMargins", "useSheetScale"], children: { defaultForAllPages: HEADER_FOOTER } },
  },
  methods: {
    setPrintTitleRows: (rows: any) => ["printTitleRows", typeof rows === "string" ? rows : rows?.__address?.()],
    setPrintTitleColumns: (cols: any) => ["printTitleColumns", typeof cols === "string" ? cols : cols?.__address?.()],
    setPrintArea: (area: any) => ["printArea", typeof area === "string" ? area : area?.__address?.()],
  },
};

const mapSink = (bag: () => Record<string, unknown>): Sink => ({
  set: (p, v) => {
    if (v === null) delete bag()[p];
    else bag()[p] = v;
  },
  get: (p) => bag()[p],
});

// ---------------------------------------------------------------------------------------------------------------
// Workbook, worksheets, ranges

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly settings: KeyValueCollectionProxy;
  readonly functions: FunctionsProxy | undefined;
  constructor(private context: Context) {
    this.worksheets = new WorksheetCollectionProxy(context);
    this.settings = new KeyValueCollectionProxy(context, () => context.state.settings, "setting");
    this.functions = context.state.missingApis.has("functions") ? undefined : new FunctionsProxy(context);
  }
  getSelectedRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.context.state.active();
      return { sheet: s, area: s.selection };
    });
  }
  getActiveCell(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.context.state.active();
      return { sheet: s, area: { ...s.selection, rowCount: 1, columnCount: 1 } };
    });
  }
}

/** Workbook.functions: only DATE, which answers in the workbook's date system as Excel does. */
class FunctionsProxy {
  constructor(private context: Context) {}
  date(year: number, month: number, day: number): FunctionResultProxy {
    const serial1900 = Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86_400_000);
    const result = new FunctionResultProxy(this.context);
    result.bindAtSync(() => ({ value: serial1900 - (this.context.state.date1904 ? 1462 : 0) }), false);
    return result;
  }
}

class FunctionResultProxy extends FakeObject<{ value: number }> {
  protected scalars() {
    return ["value", "error"];
  }
  protected read(name: string, t: { value: number }) {
    return name === "value" ? t.value : null;
  }
  get value(): number {
    return this.prop("value") as number;
  }
}

class WorksheetCollectionProxy extends FakeCollection<FakeSheet, WorksheetProxy> {
  constructor(context: Context) {
    super(context, () => context.state.sheets);
  }
  protected wrap(): WorksheetProxy {
    return new WorksheetProxy(this.context);
  }
  getItem(name: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.context);
    ws.bindAtSync(() => this.context.state.findByKey(name), false, `The worksheet "${name}" was not found.`);
    return ws;
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.context);
    ws.bindAtSync(() => this.context.state.findByKey(name), true);
    return ws;
  }
  add(name?: string): WorksheetProxy {
    const ws = new WorksheetProxy(this.context);
    ws.bindAtSync(() => this.context.state.addSheet(name), false);
    return ws;
  }
  getActiveWorksheet(): WorksheetProxy {
    const ws = new WorksheetProxy(this.context);
    ws.bindAtSync(() => this.context.state.active(), false);
    return ws;
  }
}

class WorksheetProxy extends FakeObject<FakeSheet> {
  readonly freezePanes: any;
  readonly pageLayout: RecordingNode;
  readonly charts: ChartCollectionProxy;
  private props?: KeyValueCollectionProxy;
  constructor(context: Context) {
    super(context);
    const sheet = () => this.target();
    this.pageLayout = new RecordingNode(context, () => mapSink(() => sheet().pageLayout), "", PAGE_LAYOUT);
    this.charts = new ChartCollectionProxy(context, this);
    const freeze = (rows: number, columns: number) => this.context.enqueue(() => void (this.target().freeze = { rows, columns }));
    this.freezePanes = {
      freezeRows: (n = 1) => freeze(n, 0),
      freezeColumns: (n = 1) => freeze(0, n),
      freezeAt: (r: any) =>
        this.context.enqueue(() => {
          const a = typeof r === "string" ? parseArea(r) : r.target().area;
          this.target().freeze = { rows: a.row + a.rowCount, columns: a.column + a.columnCount };
        }),
      unfreeze: () => freeze(0, 0),
    };
    if (context.state.missingApis.has("customProperties")) Object.defineProperty(this, "customProperties", { value: undefined });
  }
  get customProperties(): KeyValueCollectionProxy {
    this.props ??= new KeyValueCollectionProxy(this.context, () => this.target().customProperties, "property");
    return this.props;
  }
  protected scalars() {
    return ["name", "id", "position", "visibility"];
  }
  protected read(name: string, s: FakeSheet) {
    if (name === "position") return this.context.state.sheets.indexOf(s);
    if (name === "visibility") return "Visible";
    return (s as any)[name];
  }
  get name(): string {
    return this.prop("name") as string;
  }
  set name(v: string) {
    this.write(v, (s) => {
      this.context.state.checkName(v, s);
      s.name = v;
    });
  }
  get id(): string {
    return this.prop("id") as string;
  }
  get position(): number {
    return this.prop("position") as number;
  }
  set position(v: number) {
    this.write(v, (s) => {
      const list = this.context.state.sheets.filter((x) => x !== s);
      list.splice(Math.max(0, Math.min(v, list.length)), 0, s);
      this.context.state.sheets = list;
    });
  }
  get visibility(): string {
    return this.prop("visibility") as string;
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      if (address === undefined) return { sheet: this.target(), area: { row: 0, column: 0, rowCount: MAX_ROWS, columnCount: MAX_COLUMNS } };
      const area = parseArea(stripSheetPrefix(address));
      return area ? { sheet: this.target(), area } : fail("InvalidArgument", `The address "${address}" is invalid.`);
    });
  }
  getRangeByIndexes(row: number, column: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const area = { row, column, rowCount, columnCount };
      const ok = row >= 0 && column >= 0 && rowCount >= 1 && columnCount >= 1 && row + rowCount <= MAX_ROWS && column + columnCount <= MAX_COLUMNS;
      return ok ? { sheet: this.target(), area } : fail("InvalidArgument", "The range indexes are out of bounds.");
    });
  }
  getCell(row: number, column: number): RangeProxy {
    return this.getRangeByIndexes(row, column, 1, 1);
  }
  getUsedRange(valuesOnly = false): RangeProxy {
    return new RangeProxy(this.context, () => {
      const s = this.target();
      return { sheet: s, area: usedArea(s, valuesOnly) ?? { row: 0, column: 0, rowCount: 1, columnCount: 1 } };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const s = this.target();
        const area = usedArea(s, valuesOnly);
        return area ? { sheet: s, area } : null;
      },
      true,
    );
  }
  activate(): void {
    this.context.enqueue(() => void (this.context.state.activeSheetId = this.target().id));
  }
  delete(): void {
    this.context.enqueue(() => this.context.state.deleteSheet(this.target()));
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  area: Area;
}

class RangeProxy extends FakeObject<RangeTarget> {
  readonly format: RecordingNode;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;
  constructor(context: Context, find: () => RangeTarget | null, nullable = false) {
    super(context);
    this.bindAtSync(find, nullable);
    const t = () => this.target();
    this.format = new RecordingNode(
      context,
      () => ({
        set: (path, value) => t().sheet.formatLog.push({ address: areaAddress(t().area), path, value }),
        get: (path) => formatAt(t().sheet, t().area.row, t().area.column)[path],
      }),
      "",
      RANGE_FORMAT,
    );
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, this);
    if (context.state.missingApis.has("getMergedAreasOrNullObject"))
      Object.defineProperty(this, "getMergedAreasOrNullObject", { value: undefined });
  }
  protected scalars() {
    return ["address", "rowCount", "columnCount", "rowIndex", "columnIndex", "values", "numberFormat", "cellCount"];
  }
  protected read(name: string, { sheet, area }: RangeTarget) {
    switch (name) {
      case "address":
        return `${quoteSheetName(sheet.name)}!${areaAddress(area)}`;
      case "rowCount":
        return area.rowCount;
      case "columnCount":
        return area.columnCount;
      case "rowIndex":
        return area.row;
      case "columnIndex":
        return area.column;
      case "cellCount":
        return area.rowCount * area.columnCount;
      case "values":
        return readValues(sheet, area);
      default:
        return readNumberFormats(sheet, area);
    }
  }
  /** For pageLayout.setPrintTitleRows(range): the range's address at sync. */
  __address(): string {
    return areaAddress(this.target().area);
  }
  get address(): string {
    return this.prop("address") as string;
  }
  get rowCount(): number {
    return this.prop("rowCount") as number;
  }
  get columnCount(): number {
    return this.prop("columnCount") as number;
  }
  get rowIndex(): number {
    return this.prop("rowIndex") as number;
  }
  get columnIndex(): number {
    return this.prop("columnIndex") as number;
  }
  get values(): CellValue[][] {
    return this.prop("values") as CellValue[][];
  }
  set values(v: CellValue[][]) {
    this.write(v, ({ sheet, area }) => {
      const m = toMatrix<CellValue>(v, area, "values");
      m.forEach((row, r) =>
        row.forEach((value, c) => {
          if (value === null || value === undefined) return; // Excel: null leaves the cell unchanged
          const rr = area.row + r;
          (sheet.cells[rr] ??= [])[area.column + c] = value === "" ? null : value;
        }),
      );
    });
  }
  get numberFormat(): string[][] {
    return this.prop("numberFormat") as string[][];
  }
  set numberFormat(v: string[][]) {
    this.write(v, ({ sheet, area }) => {
      const m = toMatrix<string>(v, area, "numberFormat");
      m.forEach((row, r) =>
        row.forEach((f, c) => {
          if (f === null || f === undefined) return;
          const k = key(area.row + r, area.column + c);
          if (f === "General") sheet.numberFormats.delete(k);
          else sheet.numberFormats.set(k, f);
        }),
      );
    });
  }
  get worksheet(): WorksheetProxy {
    const ws = new WorksheetProxy(this.context);
    ws.bindAtSync(() => this.target().sheet, false);
    return ws;
  }
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, area } = this.target();
      return { sheet, area: { row: area.row + row, column: area.column + column, rowCount: 1, columnCount: 1 } };
    });
  }
  merge(across = false): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      const parts = across
        ? Array.from({ length: area.rowCount }, (_, i) => ({ ...area, row: area.row + i, rowCount: 1 }))
        : [area];
      sheet.merges = sheet.merges.filter((m) => !intersects(m, area)).concat(parts.filter((p) => p.rowCount * p.columnCount > 1));
    });
  }
  unmerge(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      sheet.merges = sheet.merges.filter((m) => !intersects(m, area));
    });
  }
  select(): void {
    this.context.enqueue(() => {
      const { sheet, area } = this.target();
      this.context.state.activeSheetId = sheet.id;
      sheet.selection = area;
    });
  }
  getMergedAreasOrNullObject(): any {
    return new RangeAreasProxy(this.context, this);
  }
}

/** The merged areas inside a range (ExcelApi 1.13): `address` like "Sheet1!A1:F1,Sheet1!A3:B3". */
class RangeAreasProxy extends FakeObject<{ sheet: FakeSheet; areas: Area[] }> {
  constructor(context: Context, range: RangeProxy) {
    super(context);
    this.bindAtSync(() => {
      const { sheet, area } = range.target();
      const areas = sheet.merges.filter((m) => intersects(m, area));
      return areas.length ? { sheet, areas } : null;
    }, true);
  }
  protected scalars() {
    return ["address", "areaCount"];
  }
  protected read(name: string, t: { sheet: FakeSheet; areas: Area[] }) {
    if (name === "areaCount") return t.areas.length;
    return t.areas.map((a) => `${quoteSheetName(t.sheet.name)}!${areaAddress(a)}`).join(",");
  }
  get address(): string {
    return this.prop("address") as string;
  }
  get areaCount(): number {
    return this.prop("areaCount") as number;
  }
}

/** Replays the format log to the effective format of one cell ({"font.bold": true, "columnWidth": 60, ...}). */
export function formatAt(sheet: FakeSheet, row: number, column: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const w of sheet.formatLog) {
    const a = parseArea(w.address);
    if (!a) continue;
    const inColumns = column >= a.column && column < a.column + a.columnCount;
    const inRows = row >= a.row && row < a.row + a.rowCount;
    if (inColumns && (inRows || w.path === "columnWidth")) {
      if (w.value === null) delete out[w.path];
      else out[w.path] = w.value;
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Conditional formats

class ConditionalFormatCollectionProxy extends FakeCollection<FakeConditionalFormat, ConditionalFormatProxy> {
  constructor(
    context: Context,
    private range: RangeProxy,
  ) {
    super(context, () => {
      const { sheet, area } = range.target();
      return sheet.conditionalFormats.filter((cf) => intersects(parseArea(cf.address)!, area));
    });
  }
  protected wrap(): ConditionalFormatProxy {
    return new ConditionalFormatProxy(this.context, () => this.range.target().sheet);
  }
  add(type: string): ConditionalFormatProxy {
    const cf = new ConditionalFormatProxy(this.context, () => this.range.target().sheet);
    cf.bindAtSync(() => {
      const { sheet, area } = this.range.target();
      const made: FakeConditionalFormat = { id: this.context.state.newId("cf"), address: areaAddress(area), type, props: {} };
      sheet.conditionalFormats.push(made);
      return made;
    }, false);
    return cf;
  }
  private lookup(id: string, nullable: boolean): ConditionalFormatProxy {
    const cf = new ConditionalFormatProxy(this.context, () => this.range.target().sheet);
    cf.bindAtSync(() => this.target()().find((x) => x.id === id), nullable, `Conditional format ${id} not found.`);
    return cf;
  }
  getItem(id: string) {
    return this.lookup(id, false);
  }
  getItemOrNullObject(id: string) {
    return this.lookup(id, true);
  }
  clearAll(): void {
    this.context.enqueue(() => {
      const { sheet } = this.range.target();
      const doomed = new Set(this.target()());
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !doomed.has(cf));
    });
  }
}

class ConditionalFormatProxy extends FakeObject<FakeConditionalFormat> {
  readonly custom: RecordingNode;
  readonly cellValue: RecordingNode;
  constructor(
    context: Context,
    private sheet: () => FakeSheet,
  ) {
    super(context);
    const sink = () => mapSink(() => this.target().props);
    this.custom = new RecordingNode(context, sink, "custom.", { props: [], children: { rule: { props: ["formula"] }, format: CF_FORMAT } });
    this.cellValue = new RecordingNode(context, sink, "cellValue.", { props: ["rule"], children: { format: CF_FORMAT } });
  }
  protected scalars() {
    return ["id", "type", "priority", "stopIfTrue"];
  }
  protected read(name: string, cf: FakeConditionalFormat) {
    if (name === "priority") return this.sheet().conditionalFormats.indexOf(cf);
    if (name === "stopIfTrue") return cf.props.stopIfTrue ?? false;
    return (cf as any)[name];
  }
  get id(): string {
    return this.prop("id") as string;
  }
  get type(): string {
    return this.prop("type") as string;
  }
  set stopIfTrue(v: boolean) {
    this.write(v, (cf) => void (cf.props.stopIfTrue = v));
  }
  delete(): void {
    this.context.enqueue(() => {
      const cf = this.target();
      const s = this.sheet();
      s.conditionalFormats = s.conditionalFormats.filter((x) => x !== cf);
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Charts

class ChartCollectionProxy extends FakeCollection<FakeChart, ChartProxy> {
  constructor(
    context: Context,
    private sheet: WorksheetProxy,
  ) {
    super(context, () => sheet.target().charts);
  }
  protected wrap(): ChartProxy {
    return new ChartProxy(this.context);
  }
  add(type: string, source: RangeProxy, seriesBy: string = "Auto"): ChartProxy {
    const chart = new ChartProxy(this.context);
    chart.bindAtSync(() => {
      const { area } = source.target();
      const byRows = seriesBy === "Rows" || (seriesBy === "Auto" && area.columnCount > area.rowCount);
      const count = byRows ? area.rowCount : area.columnCount;
      const series = Array.from({ length: count }, (_, i) => ({
        name: `Series${i + 1}`,
        values: areaAddress(byRows ? { ...area, row: area.row + i, rowCount: 1 } : { ...area, column: area.column + i, columnCount: 1 }),
      }));
      const made: FakeChart = { id: this.context.state.newId("chart"), type, source: areaAddress(area), props: {}, series };
      this.sheet.target().charts.push(made);
      return made;
    }, false);
    return chart;
  }
}

class ChartProxy extends FakeObject<FakeChart> {
  readonly title: RecordingNode;
  readonly legend: RecordingNode;
  readonly series: any;
  constructor(context: Context) {
    super(context);
    const sink = () => mapSink(() => this.target().props);
    this.title = new RecordingNode(context, sink, "title.", { props: ["text", "visible"] });
    this.legend = new RecordingNode(context, sink, "legend.", { props: ["position", "visible"] });
    const seriesAt = (find: (c: FakeChart) => FakeChart["series"][number]) => {
      let s: FakeChart["series"][number] | undefined;
      this.context.enqueue(() => void (s = find(this.target())));
      const apply = (f: (x: FakeChart["series"][number]) => void) => this.context.enqueue(() => f(s!));
      return {
        set name(v: string) {
          apply((x) => (x.name = v));
        },
        setValues: (r: RangeProxy) => apply((x) => (x.values = r.__address())),
        setXAxisValues: (r: RangeProxy) => apply((x) => (x.xValues = r.__address())),
        delete: () => this.context.enqueue(() => void (this.target().series = this.target().series.filter((x) => x !== s))),
      };
    };
    this.series = {
      getItemAt: (i: number) => seriesAt((c) => c.series[i] ?? fail("ItemNotFound", `No chart series at ${i}.`)),
      add: (name?: string) =>
        seriesAt((c) => {
          const made = { name: name ?? `Series${c.series.length + 1}` };
          c.series.push(made);
          return made;
        }),
    };
  }
  protected scalars() {
    return ["id", "chartType", "name"];
  }
  protected read(name: string, c: FakeChart) {
    return name === "chartType" ? c.type : name === "name" ? (c.props.name ?? `Chart ${c.id}`) : c.id;
  }
  setPosition(start: string, end?: string): void {
    this.context.enqueue(() => void (this.target().props.position = end ? `${start}:${end}` : start));
  }
  set name(v: string) {
    this.write(v, (c) => void (c.props.name = v));
  }
  delete(): void {
    this.context.enqueue(() => {
      for (const s of this.context.state.sheets) s.charts = s.charts.filter((c) => c !== this.target());
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Settings and worksheet custom properties: string keys with (JSON-cloned) values

class KeyValueProxy extends FakeObject<{ key: string; map: Map<string, unknown> }> {
  protected scalars() {
    return ["key", "value"];
  }
  protected read(name: string, t: { key: string; map: Map<string, unknown> }) {
    return name === "key" ? t.key : clone(t.map.get(t.key));
  }
  get key(): string {
    return this.prop("key") as string;
  }
  get value(): unknown {
    return this.prop("value");
  }
  set value(v: unknown) {
    this.write(v, (t) => void t.map.set(t.key, clone(v)));
  }
  delete(): void {
    this.context.enqueue(() => void this.target().map.delete(this.target().key));
  }
}

class KeyValueCollectionProxy extends FakeCollection<{ key: string; map: Map<string, unknown> }, KeyValueProxy> {
  constructor(
    context: Context,
    private map: () => Map<string, unknown>,
    private what: string,
  ) {
    super(context, () => [...map().keys()].map((k) => ({ key: k, map: map() })));
  }
  protected wrap() {
    return new KeyValueProxy(this.context);
  }
  private lookup(k: string, nullable: boolean): KeyValueProxy {
    const p = new KeyValueProxy(this.context);
    p.bindAtSync(() => (this.map().has(k) ? { key: k, map: this.map() } : null), nullable, `The ${this.what} "${k}" was not found.`);
    return p;
  }
  getItem(k: string) {
    return this.lookup(k, false);
  }
  getItemOrNullObject(k: string) {
    return this.lookup(k, true);
  }
  add(k: string, value: unknown): KeyValueProxy {
    const p = new KeyValueProxy(this.context);
    p.bindAtSync(() => {
      if (!k) fail("InvalidArgument", `The ${this.what} key is empty.`);
      this.map().set(k, clone(value));
      return { key: k, map: this.map() };
    }, false);
    this.context.enqueue(() => 0, sizeOf(value));
    return p;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The fake and what tests can see

/** Plain view of one sheet for assertions (and for the e2e page through `window.__fake`). */
export interface FakeSheetView {
  id: string;
  name: string;
  position: number;
  /** Dense values from A1 to the last used cell; empty cells are null. */
  values: CellValue[][];
  /** "A1" -> format, for every cell whose number format is not General. */
  numberFormats: Record<string, string>;
  formats: FormatWrite[];
  merges: string[];
  conditionalFormats: FakeConditionalFormat[];
  freeze: { rows: number; columns: number };
  pageLayout: Record<string, unknown>;
  charts: FakeChart[];
  customProperties: Record<string, unknown>;
}

export interface FakeExcel {
  /** Assign to globalThis.Excel. */
  Excel: { run<T>(batch: (context: any) => Promise<T>): Promise<T>; ErrorCodes: Record<string, string> };
  sheetNames(): string[];
  sheet(name: string): FakeSheetView | undefined;
  values(name: string): CellValue[][] | undefined;
  /** Name -> dense values, for the e2e page. */
  readonly sheets: Map<string, CellValue[][]>;
  settings(): Record<string, unknown>;
  /**
   * The content of a sheet as a string: values, number formats, formats, merges, conditional formats, freeze panes,
   * page layout and charts. Ids and custom properties are left out (a recreated sheet has new ones).
   */
  fingerprint(name: string): string;
  formatAt(sheetName: string, address: string): Record<string, unknown>;
  activeSheet(): string;
  /** The selected area of the active sheet, e.g. "B7". */
  selection(): string;
  readonly syncs: SyncRecord[];
  resetSyncs(): void;
}

function denseValues(s: FakeSheet): CellValue[][] {
  const used = usedArea(s, true);
  if (!used) return [];
  const a = { row: 0, column: 0, rowCount: used.row + used.rowCount, columnCount: used.column + used.columnCount };
  return readValues(s, a).map((row) => row.map((v) => (v === "" ? null : v)));
}

function view(state: WorkbookState, s: FakeSheet): FakeSheetView {
  const numberFormats: Record<string, string> = {};
  for (const [k, f] of s.numberFormats) {
    const [r, c] = k.split(",").map(Number);
    numberFormats[cellAddress(r, c)] = f;
  }
  return {
    id: s.id,
    name: s.name,
    position: state.sheets.indexOf(s),
    values: denseValues(s),
    numberFormats,
    formats: clone(s.formatLog),
    merges: s.merges.map(areaAddress),
    conditionalFormats: clone(s.conditionalFormats),
    freeze: { ...s.freeze },
    pageLayout: clone(s.pageLayout),
    charts: clone(s.charts),
    customProperties: Object.fromEntries(s.customProperties),
  };
}

function toSheetInits(sheets: FakeExcelInit["sheets"]): FakeSheetInit[] {
  return Array.isArray(sheets) ? sheets : Object.entries(sheets).map(([name, values]) => ({ name, values }));
}

export function createFakeExcel(init: FakeExcelInit): FakeExcel {
  const state = new WorkbookState(init.payloadLimitBytes ?? 5_000_000, new Set(init.missingApis ?? []));
  state.date1904 = init.date1904 ?? false;
  for (const si of toSheetInits(init.sheets)) {
    const s = state.addSheet(si.name);
    const r0 = (si.origin?.row ?? 1) - 1;
    const c0 = (si.origin?.column ?? 1) - 1;
    si.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (!isEmpty(v)) (s.cells[r0 + r] ??= [])[c0 + c] = v;
      }),
    );
    si.numberFormats?.forEach((row, r) =>
      row.forEach((f, c) => f && f !== "General" && s.numberFormats.set(key(r0 + r, c0 + c), f)),
    );
    s.merges = (si.merges ?? []).map((m) => parseArea(m)).filter((a): a is Area => a !== undefined);
  }
  if (state.sheets.length === 0) state.addSheet("Sheet1"); // a workbook always has a sheet
  for (const [k, v] of Object.entries(init.settings ?? {})) state.settings.set(k, clone(v));

  const Excel = {
    async run<T>(batch: (context: any) => Promise<T>): Promise<T> {
      const context = new Context(state);
      const result = await batch(context);
      if (context.pending()) await context.sync(); // Excel.run flushes what is still queued
      return result;
    },
    ErrorCodes: {
      itemNotFound: "ItemNotFound",
      invalidArgument: "InvalidArgument",
      itemAlreadyExists: "ItemAlreadyExists",
      invalidOperation: "InvalidOperation",
      apiNotFound: "ApiNotFound",
      accessDenied: "AccessDenied",
      generalException: "GeneralException",
    },
  };

  const byName = (name: string) => state.find(name);
  return {
    Excel,
    sheetNames: () => state.sheets.map((s) => s.name),
    sheet: (name) => {
      const s = byName(name);
      return s && view(state, s);
    },
    values: (name) => {
      const s = byName(name);
      return s && denseValues(s);
    },
    get sheets() {
      return new Map(state.sheets.map((s) => [s.name, denseValues(s)]));
    },
    settings: () => Object.fromEntries([...state.settings].map(([k, v]) => [k, clone(v)])),
    fingerprint: (name) => {
      const s = byName(name);
      if (!s) return "";
      const v = view(state, s);
      return JSON.stringify({
        name: v.name,
        values: v.values,
        numberFormats: v.numberFormats,
        formats: v.formats,
        merges: v.merges,
        conditionalFormats: v.conditionalFormats.map(({ id: _id, ...rest }) => rest),
        freeze: v.freeze,
        pageLayout: v.pageLayout,
        charts: v.charts.map(({ id: _id, ...rest }) => rest),
      });
    },
    formatAt: (sheetName, address) => {
      const s = byName(sheetName);
      const a = parseArea(address);
      return s && a ? formatAt(s, a.row, a.column) : {};
    },
    activeSheet: () => state.active().name,
    selection: () => areaAddress(state.active().selection),
    syncs: state.syncs,
    resetSyncs: () => void state.syncs.splice(0),
  };
}

/** The fake's init from a WorkbookSnapshot (the demo starts from the same snapshots the tests use). */
export function snapshotToFakeInit(wb: { sheets: FakeSheetInit[] }): FakeExcelInit {
  return {
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      values: s.values,
      origin: s.origin,
      numberFormats: s.numberFormats,
      merges: s.merges,
    })),
  };
}
