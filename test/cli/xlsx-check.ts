/**
 * Test helpers for written .xlsx files: the package's structure (content types, relationships, every part
 * well-formed XML by xmllint) and a read-back comparison of each worksheet with the SheetModel it was written
 * from (values, number formats, looks, merges, column widths, frozen rows, print titles and page setup).
 */
import { spawnSync } from "node:child_process";
import { posix } from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import type { CellModel, CellStyle, SheetModel } from "../../src/core/render/sheet-model";

export interface PackageReport {
  parts: string[];
  /** Content type of each part, from [Content_Types].xml (Override, else Default by extension). */
  contentTypes: Map<string, string>;
  /** Everything wrong with the package; empty when it is sound. */
  problems: string[];
  texts: Map<string, string>;
}

const attr = (tag: string, name: string): string | undefined => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];
const tags = (xml: string, name: string): string[] => xml.match(new RegExp(`<${name}\\b[^>]*>`, "g")) ?? [];

/** xmllint --noout on a part's text; "" when well-formed, else xmllint's complaint. */
export function xmllint(text: string): string {
  const r = spawnSync("xmllint", ["--noout", "-"], { input: text, encoding: "utf8" });
  if (r.error) throw r.error;
  return r.status === 0 ? "" : r.stderr || `xmllint exit ${r.status}`;
}

/** Opens the zip and checks the Open Packaging Conventions parts an .xlsx needs. */
export async function checkPackage(bytes: Buffer): Promise<PackageReport> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = Object.values(zip.files)
    .filter((f) => !f.dir)
    .map((f) => f.name);
  const texts = new Map<string, string>();
  for (const p of parts) texts.set(p, await zip.file(p)!.async("string"));
  const problems: string[] = [];
  for (const [p, text] of texts) {
    const complaint = xmllint(text);
    if (complaint) problems.push(`${p} is not well-formed: ${complaint}`);
  }
  const ct = texts.get("[Content_Types].xml");
  const contentTypes = new Map<string, string>();
  if (!ct) problems.push("no [Content_Types].xml");
  else {
    const defaults = new Map(tags(ct, "Default").map((t) => [attr(t, "Extension")!.toLowerCase(), attr(t, "ContentType")!]));
    const overrides = new Map(tags(ct, "Override").map((t) => [attr(t, "PartName")!, attr(t, "ContentType")!]));
    for (const name of overrides.keys()) if (!parts.includes(name.slice(1))) problems.push(`content type for a missing part ${name}`);
    for (const p of parts) {
      if (p === "[Content_Types].xml") continue;
      const type = overrides.get(`/${p}`) ?? defaults.get(p.split(".").pop()!.toLowerCase());
      if (!type) problems.push(`no content type for ${p}`);
      else contentTypes.set(p, type);
    }
  }
  // Every relationship's target exists (internal targets are relative to the source part's folder).
  for (const p of parts.filter((x) => x.endsWith(".rels"))) {
    const source = p.replace(/_rels\/([^/]*)\.rels$/, "$1");
    const base = posix.dirname(source === ".rels" ? "" : source);
    const ids = new Set<string>();
    for (const rel of tags(texts.get(p)!, "Relationship")) {
      const id = attr(rel, "Id")!;
      if (ids.has(id)) problems.push(`${p}: duplicate Id ${id}`);
      ids.add(id);
      if (attr(rel, "TargetMode") === "External") continue;
      const target = attr(rel, "Target")!;
      const resolved = target.startsWith("/") ? target.slice(1) : posix.normalize(posix.join(base === "." ? "" : base, target));
      if (!parts.includes(resolved)) problems.push(`${p}: ${id} points at missing ${resolved}`);
    }
  }
  const rootRels = texts.get("_rels/.rels") ?? "";
  if (!/officeDocument"[^>]*Target="\/?xl\/workbook\.xml"|Target="\/?xl\/workbook\.xml"[^>]*officeDocument"/.test(rootRels)) problems.push("_rels/.rels does not point at xl/workbook.xml");
  if (contentTypes.get("xl/workbook.xml") !== "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml") problems.push("xl/workbook.xml has the wrong content type");
  // Each <sheet> of the workbook refers to a worksheet relationship.
  const wbRels = texts.get("xl/_rels/workbook.xml.rels") ?? "";
  const relIds = new Map(tags(wbRels, "Relationship").map((t) => [attr(t, "Id")!, attr(t, "Target")!]));
  for (const s of tags(texts.get("xl/workbook.xml") ?? "", "sheet")) {
    const target = relIds.get(attr(s, "r:id")!);
    if (!target) problems.push(`sheet ${attr(s, "name")} has no relationship`);
    else if (contentTypes.get(posix.join("xl", target)) !== "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml")
      problems.push(`sheet ${attr(s, "name")} is not a worksheet part`);
  }
  return { parts, contentTypes, problems, texts };
}

const THIN = { style: "thin", color: { argb: "FF808080" } };
const BOX = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** How each style looks when read back (the looks the pane's adapter and the earlier exceljs writer gave). */
export const LOOKS: Record<CellStyle, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 16 }, alignment: { horizontal: "center", vertical: "middle" } },
  subtitle: { font: { size: 11, color: { argb: "FF404040" } }, alignment: { horizontal: "center" } },
  header: {
    font: { bold: true },
    fill: { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } },
    alignment: { horizontal: "center", vertical: "middle", wrapText: true },
    border: BOX,
  } as Partial<ExcelJS.Style>,
  label: { border: BOX } as Partial<ExcelJS.Style>,
  total: { font: { bold: true }, border: { ...BOX, top: { style: "double", color: { argb: "FF000000" } } } } as Partial<ExcelJS.Style>,
  note: { font: { italic: true, size: 9, color: { argb: "FF595959" } } },
  warning: { font: { bold: true, color: { argb: "FFC00000" } } },
  signature: { alignment: { horizontal: "left", vertical: "bottom" } },
};

/** A cell's value as the model means it: "" is a blank cell, a non-finite number cannot be written. */
function modelValue(cell: CellModel | undefined): string | number | null {
  if (!cell) return null;
  if (cell.v === "" || cell.v === undefined) return null;
  if (typeof cell.v === "number" && !Number.isFinite(cell.v)) return null;
  return cell.v === 0 ? 0 : cell.v; // -0 is 0 in a cell
}

/** exceljs hands a number under a date format back as a Date; the file holds the serial. */
function readValue(got: ExcelJS.Cell): unknown {
  const v = got.value;
  if (v instanceof Date) return v.getTime() / 86_400_000 + 25_569;
  return v ?? null;
}

interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
  master: CellModel | undefined;
}

function areaOf(model: SheetModel, range: string): Area {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range)!;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  const top = Number(m[2]);
  const left = col(m[1]);
  return { top, left, bottom: Number(m[4]), right: col(m[3]), master: model.rows[top - 1]?.[left - 1] };
}

/**
 * The worksheet read back is the model: every cell's value, number format and look, no stray values, the exact
 * merges, column widths, frozen rows, print titles, A4 fit-to-width page setup and page-number footer.
 * `expect` failures name the sheet and cell.
 */
export function expectSheetMatchesModel(ws: ExcelJS.Worksheet, model: SheetModel): void {
  expect(ws.name).toBe(model.name);
  const merges = (model.merges ?? []).map((m) => areaOf(model, m));
  const coveredBy = (r: number, c: number) => merges.find((a) => r >= a.top && r <= a.bottom && c >= a.left && c <= a.right && !(r === a.top && c === a.left));
  // Values and formats of the model's cells.
  model.rows.forEach((cells, r) =>
    cells.forEach((cell, c) => {
      const got = ws.getCell(r + 1, c + 1);
      const at = `${model.name}!${got.address}`;
      const under = coveredBy(r + 1, c + 1);
      // A value under a merged area's other cells is hidden by Excel (exceljs reads the master's value there).
      if (under) expect({ at, master: got.master.address }).toEqual({ at, master: ws.getCell(under.top, under.left).address });
      else expect({ at, v: readValue(got) }).toEqual({ at, v: modelValue(cell) });
      const look = under ? under.master : cell;
      if (look?.fmt) expect({ at, fmt: got.numFmt }).toEqual({ at, fmt: look.fmt });
      else expect({ at, fmt: got.numFmt ?? "General" }).toEqual({ at, fmt: "General" });
      if (look?.style) expect({ at, style: got.style }).toMatchObject({ at, style: LOOKS[look.style] });
      else expect({ at, font: got.font?.bold ?? false, fill: got.fill?.type === "pattern" ? got.fill.pattern : "none" }).toEqual({ at, font: false, fill: "none" });
    }),
  );
  // A merged area's other cells carry its master's look, so borders and fills cover the whole area.
  for (const a of merges)
    for (let r = a.top; r <= a.bottom; r++)
      for (let c = a.left; c <= a.right; c++) {
        const got = ws.getCell(r, c);
        if (a.master?.style) expect({ at: `${model.name}!${got.address}`, style: got.style }).toMatchObject({ at: `${model.name}!${got.address}`, style: LOOKS[a.master.style] });
      }
  // Nothing written beyond the model.
  ws.eachRow({ includeEmpty: false }, (row, r) =>
    row.eachCell({ includeEmpty: false }, (got, c) => {
      if (got.value === null || got.value === undefined || coveredBy(r, c)) return;
      expect({ at: `${model.name}!${got.address}`, v: readValue(got) }).toEqual({ at: `${model.name}!${got.address}`, v: modelValue(model.rows[r - 1]?.[c - 1]) });
    }),
  );
  // Merged areas, exactly.
  const gotMerges = ((ws.model as unknown as { merges?: string[] }).merges ?? []).slice().sort();
  expect(gotMerges).toEqual([...(model.merges ?? [])].sort());
  // Column widths: every one the model gives (a width that is not a positive number is left to Excel).
  (model.columnWidths ?? []).forEach((w, i) =>
    expect({ sheet: model.name, column: i + 1, width: ws.getColumn(i + 1).width }).toEqual({ sheet: model.name, column: i + 1, width: w > 0 ? w : undefined }),
  );
  // Frozen title rows.
  if (model.freezeRows) expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: model.freezeRows });
  else expect(ws.views.filter((v) => v.state === "frozen")).toEqual([]);
  // Print setup.
  const print = model.print;
  if (print) {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: print.orientation, fitToPage: true, fitToWidth: print.fitToPagesWide, fitToHeight: 0 });
    if (print.repeatRows) expect(ws.pageSetup.printTitlesRow).toBe(print.repeatRows);
    else expect(ws.pageSetup.printTitlesRow).toBeUndefined();
    if (print.pageNumbers) expect(ws.headerFooter.oddFooter).toBe("&C第 &P 页，共 &N 页");
    else expect(ws.headerFooter?.oddFooter).toBeFalsy();
  }
}
