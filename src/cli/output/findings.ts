/**
 * Findings as text for a terminal (a table that aligns Chinese text: a CJK character takes two columns) or as
 * JSON for scripts. Words come from the i18n catalogue, as in the pane.
 */
import type { Finding, Severity, SourceRef } from "../../core/model/types";
import { t, type Lang } from "../../core/i18n";
import { textMaker } from "./fast-text";

export interface CheckSummary {
  errors: number;
  warnings: number;
  infos: number;
  entries: number;
  planLines: number;
  ledgerSheets: string[];
  planSheet?: string;
  period?: string;
  pack: string;
  files: string[];
  /** Whole-run milliseconds by phase: load, read, checks. */
  ms: Record<string, number>;
}

export interface JsonFinding {
  rule: string;
  severity: Severity;
  message: string;
  fix: string;
  locations: SourceRef[];
  params: Record<string, string | number>;
}

export function findingsJson(findings: readonly Finding[], summary: CheckSummary, lang: Lang): string {
  return [...findingsJsonChunks(findings, summary, lang)].join("\n");
}

/**
 * Findings per chunk of JSON text: a million-row ledger's tens of thousands of findings are written a part at a time.
 * A chunk's pieces all stay alive until its join, and a young-generation collection in between copies every one of
 * them: chunks of 250 findings (~200 KB of text) instead of 2,000 made the JSON ~30% cheaper on a 100k ledger.
 */
const FINDINGS_PER_CHUNK = 250;

/**
 * findingsJson's text in whole lines (joined with "\n" they are exactly that text), so the JSON of a big run is
 * never one string of a hundred MB, then a second copy for the newline, then its UTF-8 bytes. Each finding is
 * written as JSON.stringify(…, null, 2) would write it inside the whole document (see findingJson).
 */
export function* findingsJsonChunks(findings: readonly Finding[], summary: CheckSummary, lang: Lang): Generator<string> {
  const text = textMaker(lang);
  if (findings.length === 0) {
    yield JSON.stringify({ findings: [], summary }, null, 2);
    return;
  }
  yield '{\n  "findings": [';
  for (let start = 0; start < findings.length; start += FINDINGS_PER_CHUNK) {
    const parts: string[] = [];
    const end = Math.min(findings.length, start + FINDINGS_PER_CHUNK);
    for (let i = start; i < end; i++) {
      const f = findings[i];
      if (i > start) parts.push("\n");
      writeFindingJson(parts, f, text.message(f), text.fix(f));
      if (i < findings.length - 1) parts.push(",");
    }
    yield parts.join("");
  }
  yield '  ],\n  "summary": ' + JSON.stringify(summary, null, 2).replace(/\n/g, "\n  ") + "\n}";
}

/** One finding as the document's JSON.stringify(…, null, 2) writes it at depth 2 (four spaces in): the reference. */
export function findingJsonSlow(f: Finding, message: string, fix: string): string {
  const one: JsonFinding = {
    rule: f.rule,
    severity: f.severity,
    message,
    fix,
    locations: f.locations.map((l) => ({ sheet: l.sheet, row: l.row, column: l.column, address: l.address })),
    params: f.params,
  };
  return "    " + JSON.stringify(one, null, 2).replace(/\n/g, "\n    ");
}

/**
 * JSON.stringify of a string: quotes around it when no character needs escaping (below U+0020, '"', '\\', and the
 * surrogates, which JSON.stringify escapes when unpaired), else JSON.stringify itself. A million-row check writes
 * millions of short texts (sheet names, addresses), where calling JSON.stringify on each was most of the output's time.
 */
export function quoteJson(text: string): string {
  if (text.length > 64) return JSON.stringify(text);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return JSON.stringify(text);
  }
  return '"' + text + '"';
}

/** A JSON text of a string or a number; undefined for any other value (the caller then takes the slow path). */
function scalar(v: unknown): string | undefined {
  if (typeof v === "string") return quoteJson(v);
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : "null";
  return undefined;
}

/**
 * findingJsonSlow's text written directly (no intermediate object, no second pass to indent): several times faster
 * on the tens of thousands of findings (millions of locations) of a big ledger. Only strings and numbers are written
 * here, as JSON.stringify writes them (String(n) is its number text, "null" for NaN and Infinity); a value of any
 * other type (a nested object, a boolean, undefined) sends the whole finding to findingJsonSlow.
 */
export function findingJson(f: Finding, message: string, fix: string): string {
  const parts: string[] = [];
  writeFindingJson(parts, f, message, fix);
  return parts.join("");
}

/**
 * Pushes findingJson's text onto `parts` as pieces, for one join per chunk: adding the pieces up with + made tens
 * of millions of short-lived string pairs on a million-row ledger, which cost more than the JSON itself.
 */
function writeFindingJson(parts: string[], f: Finding, message: string, fix: string): void {
  const mark = parts.length;
  if (!writeFast(parts, f, message, fix)) {
    parts.length = mark;
    parts.push(findingJsonSlow(f, message, fix));
  }
}

function writeFast(parts: string[], f: Finding, message: string, fix: string): boolean {
  const rule = scalar(f.rule);
  const severity = scalar(f.severity);
  const msg = scalar(message);
  const fx = scalar(fix);
  if (rule === undefined || severity === undefined || msg === undefined || fx === undefined) return false;
  parts.push('    {\n      "rule": ', rule, ',\n      "severity": ', severity, ',\n      "message": ', msg, ',\n      "fix": ', fx, ",\n");
  const locations = f.locations;
  if (locations.length === 0) parts.push('      "locations": [],\n');
  else {
    parts.push('      "locations": [\n');
    let lastSheet: unknown;
    let sheet: string | undefined;
    for (let i = 0; i < locations.length; i++) {
      const l = locations[i];
      // The locations of a finding are mostly on one sheet: its name is quoted once.
      if (i === 0 || l.sheet !== lastSheet) sheet = scalar((lastSheet = l.sheet));
      const row = scalar(l.row);
      const column = scalar(l.column);
      const address = scalar(l.address);
      if (sheet === undefined || row === undefined || column === undefined || address === undefined) return false;
      parts.push('        {\n          "sheet": ', sheet, ',\n          "row": ', row, ',\n          "column": ', column,
        ',\n          "address": ', address, i < locations.length - 1 ? "\n        },\n" : "\n        }\n");
    }
    parts.push("      ],\n");
  }
  const params = f.params;
  if (params === null || typeof params !== "object" || Array.isArray(params) || typeof (params as { toJSON?: unknown }).toJSON === "function") {
    return false;
  }
  let written = 0;
  for (const k of Object.keys(params)) {
    const v = params[k];
    if (v === undefined) return false;
    const s = scalar(v);
    if (s === undefined) return false;
    parts.push(written++ ? ",\n        " : '      "params": {\n        ', quoteJson(k), ": ", s);
  }
  parts.push(written === 0 ? '      "params": {}\n    }' : "\n      }\n    }");
  return true;
}

/** Display width in terminal columns: East Asian wide and full-width characters take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    w += (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x20000 && c <= 0x3fffd)
      ? 2
      : 1;
  }
  return w;
}

function pad(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** "银行存款日记账!F123", plus "等 N 处" when a finding points at several cells. */
export function locationText(f: Finding, lang: Lang, more: (count: number) => string = (count) => t("cli.table.more", { count }, lang)): string {
  const first = f.locations[0];
  if (!first) return "—";
  const head = `${first.sheet}!${first.address}`;
  return f.locations.length > 1 ? `${head} ${more(f.locations.length - 1)}` : head;
}

/** f(x) remembered per x: i18next gives the same text for the same key and count, and the table asks thousands of times. */
function memo<K, V>(f: (k: K) => V): (k: K) => V {
  const seen = new Map<K, V>();
  return (k) => {
    let v = seen.get(k);
    if (v === undefined && !seen.has(k)) seen.set(k, (v = f(k)));
    return v as V;
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A table: severity, rule, location, then message and fix under them (one finding per block). */
export function findingsTable(findings: readonly Finding[], summary: CheckSummary, lang: Lang): string {
  const lines: string[] = [];
  const text = textMaker(lang);
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const severityText = memo((s: Severity) => t(`cli.severity.${s}`, {}, lang));
  const more = memo((count: number) => t("cli.table.more", { count }, lang));
  const rows = sorted.map((f) => ({
    severity: severityText(f.severity),
    rule: f.rule,
    where: locationText(f, lang, more),
    message: text.message(f),
    fix: text.fix(f),
  }));
  const head = {
    severity: t("cli.table.severity", {}, lang),
    rule: t("cli.table.rule", {}, lang),
    where: t("cli.table.location", {}, lang),
    message: t("cli.table.message", {}, lang),
  };
  const w = (k: "severity" | "rule" | "where") => rows.reduce((m, r) => Math.max(m, displayWidth(r[k])), displayWidth(head[k]));
  const ws = w("severity");
  const wr = w("rule");
  const ww = w("where");
  const indent = " ".repeat(ws + wr + ww + 6);
  if (rows.length) {
    lines.push(`${pad(head.severity, ws)}  ${pad(head.rule, wr)}  ${pad(head.where, ww)}  ${head.message}`);
    lines.push("-".repeat(Math.min(120, ws + wr + ww + 6 + displayWidth(head.message) + 20)));
    const fixPrefix = t("cli.table.fixPrefix", {}, lang);
    for (const r of rows) {
      lines.push(`${pad(r.severity, ws)}  ${pad(r.rule, wr)}  ${pad(r.where, ww)}  ${r.message}`);
      lines.push(`${indent}${fixPrefix}${r.fix}`);
    }
    lines.push("");
  }
  lines.push(summaryLine(summary, lang));
  return lines.join("\n");
}

export function summaryLine(s: CheckSummary, lang: Lang): string {
  const key = s.errors + s.warnings + s.infos === 0 ? "cli.summary.clean" : "cli.summary.line";
  return t(key, { ...s, total: s.errors + s.warnings + s.infos, period: s.period ?? "—" }, lang);
}
