/**
 * styles.xml for the report writer: one cell format (xf) per distinct (CellStyle, number format) pair met while
 * the sheets are written, fonts, fills and borders shared between them. The looks are the same intent as the
 * pane's adapter (bold titles, shaded headers, ruled totals) and the exceljs writer this replaces.
 */
import type { CellStyle } from "../../../core/render/sheet-model";
import { XML_DECL, escapeXml } from "./xml";

interface Font {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** ARGB; without it the theme's text colour. */
  color?: string;
}
interface Alignment {
  horizontal?: "center" | "left";
  vertical?: "center" | "bottom";
  wrapText?: boolean;
}
interface Look {
  font?: Font;
  /** ARGB of a solid fill. */
  fill?: string;
  border?: "box" | "total";
  alignment?: Alignment;
}

/** How each style looks. */
const LOOKS: Record<CellStyle, Look> = {
  title: { font: { bold: true, size: 16 }, alignment: { horizontal: "center", vertical: "center" } },
  subtitle: { font: { size: 11, color: "FF404040" }, alignment: { horizontal: "center" } },
  header: { font: { bold: true }, fill: "FFD9E1F2", border: "box", alignment: { horizontal: "center", vertical: "center", wrapText: true } },
  label: { border: "box" },
  total: { font: { bold: true }, border: "total" },
  note: { font: { italic: true, size: 9, color: "FF595959" } },
  warning: { font: { bold: true, color: "FFC00000" } },
  signature: { alignment: { horizontal: "left", vertical: "bottom" } },
};

/** Excel's built-in number formats the reports use (ids below 164 need no <numFmt>). */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  "0": 1,
  "0.00": 2,
  "#,##0": 3,
  "#,##0.00": 4,
  "0%": 9,
  "0.00%": 10,
  "0.00E+00": 11,
  "@": 49,
};

/**
 * A font carries only what its style sets (bold, italic, colour, size), on top of the workbook's default font,
 * as the exceljs writer this replaces wrote them; Excel shows the rest from the default (Calibri 11).
 */
function fontXml(f: Font): string {
  return (
    "<font>" +
    (f.bold ? "<b/>" : "") +
    (f.italic ? "<i/>" : "") +
    (f.color ? `<color rgb="${f.color}"/>` : "") +
    (f.size !== undefined ? `<sz val="${f.size}"/>` : "") +
    "</font>"
  );
}

/** The workbook's default font (xf 0): the theme's minor font, Calibri 11. */
const DEFAULT_FONT = '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';

const THIN = '<color rgb="FF808080"/>';
const BORDERS = {
  none: "<border><left/><right/><top/><bottom/><diagonal/></border>",
  box: `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="thin">${THIN}</top><bottom style="thin">${THIN}</bottom><diagonal/></border>`,
  total: `<border><left style="thin">${THIN}</left><right style="thin">${THIN}</right><top style="double"><color rgb="FF000000"/></top><bottom style="thin">${THIN}</bottom><diagonal/></border>`,
};

/** Collects the cell formats in the order first met; `xf()` is called per cell, so it is one Map lookup. */
export class StyleTable {
  private readonly xfIds = new Map<string, number>();
  private readonly xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly fonts: string[] = [DEFAULT_FONT];
  private readonly fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly borders: string[] = [BORDERS.none];
  private readonly numFmts = new Map<string, number>();

  /** The xf index of a cell with this style and number format (0: the plain default). */
  xf(style: CellStyle | undefined, fmt: string | undefined): number {
    if (style === undefined && !fmt) return 0;
    const key = fmt ? `${style ?? ""}\u0001${fmt}` : (style as string);
    let id = this.xfIds.get(key);
    if (id === undefined) {
      id = this.xfs.length;
      this.xfs.push(this.xfXml(style, fmt));
      this.xfIds.set(key, id);
    }
    return id;
  }

  private indexOf(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    if (i >= 0) return i;
    list.push(xml);
    return list.length - 1;
  }

  private numFmtId(fmt: string): number {
    const builtin = BUILTIN_FORMATS[fmt];
    if (builtin !== undefined) return builtin;
    let id = this.numFmts.get(fmt);
    if (id === undefined) this.numFmts.set(fmt, (id = 164 + this.numFmts.size));
    return id;
  }

  private xfXml(style: CellStyle | undefined, fmt: string | undefined): string {
    const look: Look = style ? LOOKS[style] : {};
    const numFmtId = fmt ? this.numFmtId(fmt) : 0;
    const fontId = look.font ? this.indexOf(this.fonts, fontXml(look.font)) : 0;
    const fillId = look.fill ? this.indexOf(this.fills, `<fill><patternFill patternType="solid"><fgColor rgb="${look.fill}"/></patternFill></fill>`) : 0;
    const borderId = look.border ? this.indexOf(this.borders, BORDERS[look.border]) : 0;
    const a = look.alignment;
    const applies =
      (numFmtId ? ' applyNumberFormat="1"' : "") +
      (fontId ? ' applyFont="1"' : "") +
      (fillId ? ' applyFill="1"' : "") +
      (borderId ? ' applyBorder="1"' : "") +
      (a ? ' applyAlignment="1"' : "");
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    if (!a) return `${head}/>`;
    const align =
      (a.horizontal ? ` horizontal="${a.horizontal}"` : "") + (a.vertical ? ` vertical="${a.vertical}"` : "") + (a.wrapText ? ' wrapText="1"' : "");
    return `${head}><alignment${align}/></xf>`;
  }

  toXml(): string {
    const numFmts = [...this.numFmts].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return (
      XML_DECL +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      (numFmts.length ? `<numFmts count="${numFmts.length}">${numFmts.join("")}</numFmts>` : "") +
      `<fonts count="${this.fonts.length}">${this.fonts.join("")}</fonts>` +
      `<fills count="${this.fills.length}">${this.fills.join("")}</fills>` +
      `<borders count="${this.borders.length}">${this.borders.join("")}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfs.length}">${this.xfs.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      "</styleSheet>"
    );
  }
}
