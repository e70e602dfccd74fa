/**
 * A small row-by-row builder for SheetModel, so every generated sheet has the same title block, formats and
 * print setup: money as yuan numbers under "#,##0.00", ratios under "0.0%", A4 one page wide, title rows
 * repeated on every page and page numbers in the footer.
 */
import type { Fen } from "../model/types";
import { fenToYuan } from "../model/money";
import { isoToExcelSerial } from "../model/dates";
import type { CellModel, CellStyle, GeneratedSheetKind, SheetModel } from "./sheet-model";
import { t, type Lang } from "../i18n";
import { columnLetters } from "../model/a1";

export const MONEY_FORMAT = "#,##0.00";
export const RATIO_FORMAT = "0.0%";
export const DATE_FORMAT = "yyyy-mm-dd";
export const COUNT_FORMAT = "0";

/** 1 -> "A", 27 -> "AA" (the core's one implementation). */
export const columnLetter = columnLetters;

export function text(v: string | undefined, style?: CellStyle): CellModel {
  return style ? { v: v ?? "", style } : { v: v ?? "" };
}

export function money(fen: Fen | undefined, style?: CellStyle): CellModel {
  if (fen === undefined) return style ? { v: null, style } : { v: null };
  return style ? { v: fenToYuan(fen), fmt: MONEY_FORMAT, style } : { v: fenToYuan(fen), fmt: MONEY_FORMAT };
}

export function ratio(bp: number | undefined, style?: CellStyle): CellModel {
  if (bp === undefined) return style ? { v: null, style } : { v: null };
  return style ? { v: bp / 10000, fmt: RATIO_FORMAT, style } : { v: bp / 10000, fmt: RATIO_FORMAT };
}

export function count(n: number, style?: CellStyle): CellModel {
  return style ? { v: n, fmt: COUNT_FORMAT, style } : { v: n, fmt: COUNT_FORMAT };
}

/**
 * Serials of the dates seen so far: detail sheets date tens of thousands of rows from a few hundred distinct
 * days, and isoToExcelSerial validates each text with a regular expression. Bounded, as the memo is module-wide.
 */
const serials = new Map<string, number>();

/** A date as an Excel serial under a date format, so it sorts and filters as a date. */
export function date(iso: string | undefined): CellModel {
  if (!iso) return { v: "" };
  let serial = serials.get(iso);
  if (serial === undefined) {
    serial = isoToExcelSerial(iso); // throws on a malformed text, as before (nothing is memoised then)
    if (serials.size >= 10_000) serials.clear();
    serials.set(iso, serial);
  }
  return { v: serial, fmt: DATE_FORMAT };
}

export class SheetBuilder {
  readonly rows: CellModel[][] = [];
  readonly merges: string[] = [];
  private titleRows = 0;

  constructor(
    readonly width: number,
    readonly lang: Lang,
  ) {}

  get nextRow(): number {
    return this.rows.length + 1;
  }

  /**
   * Texts without parameters, memoised per builder: detail sheets ask for the same label (an occasion, an aid
   * type) on each of tens of thousands of rows, and one i18next lookup costs microseconds. The catalogue does
   * not change while a sheet is built.
   */
  private readonly plain = new Map<string, string>();

  t(key: string, params?: Record<string, unknown>): string {
    if (params !== undefined) return t(key, params, this.lang);
    let s = this.plain.get(key);
    if (s === undefined) this.plain.set(key, (s = t(key, {}, this.lang)));
    return s;
  }

  /**
   * The text of `prefix + value` (a catalogue key such as "report.welfare.occasion." + "birthday"), memoised by
   * value: detail rows ask for one of a handful of such labels each, and building the key per row cost more than
   * the lookup.
   */
  private readonly labels = new Map<string, Map<string, string>>();

  label(prefix: string, value: string): string {
    let byValue = this.labels.get(prefix);
    if (byValue === undefined) this.labels.set(prefix, (byValue = new Map()));
    let s = byValue.get(value);
    if (s === undefined) byValue.set(value, (s = this.t(prefix + value)));
    return s;
  }

  /** A row of one text cell merged across the sheet's width. */
  banner(value: string, style: CellStyle): number {
    const row = this.nextRow;
    this.rows.push([text(value, style)]);
    if (this.width > 1) this.merges.push(`A${row}:${columnLetter(this.width)}${row}`);
    return row;
  }

  row(cells: CellModel[]): number {
    this.rows.push(cells);
    return this.rows.length;
  }

  blank(): void {
    this.rows.push([]);
  }

  header(keys: string[]): number {
    return this.row(keys.map((k) => text(this.t(k), "header")));
  }

  /** Marks the rows so far as the title block: frozen on screen and repeated on every printed page. */
  endTitle(): void {
    this.titleRows = this.rows.length;
  }

  build(name: string, kind: GeneratedSheetKind, internal: boolean, columnWidths: number[], orientation: "portrait" | "landscape"): SheetModel {
    return {
      name,
      kind,
      internal,
      rows: this.rows,
      columnWidths,
      merges: this.merges,
      freezeRows: this.titleRows,
      print: {
        paper: "A4",
        orientation,
        fitToPagesWide: 1,
        repeatRows: this.titleRows > 0 ? `1:${this.titleRows}` : undefined,
        pageNumbers: true,
      },
    };
  }
}

/** The standard title block: [内部资料 banner,] title, period line, unit/prepared line. */
export function titleBlock(b: SheetBuilder, opts: { internal: boolean; title: string; periodLine: string; preparedDate?: string }): void {
  if (opts.internal) b.banner(b.t("report.internal"), "warning");
  b.banner(opts.title, "title");
  b.banner(opts.periodLine, "subtitle");
  const meta = [b.t("report.unit")];
  if (opts.preparedDate) meta.push(b.t("report.prepared", { date: opts.preparedDate }));
  b.banner(meta.join("    "), "note");
}
