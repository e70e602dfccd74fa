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

/** Findings per chunk of JSON text: a million-row ledger's tens of thousands of findings are written a part at a time. */
const FINDINGS_PER_CHUNK = 2000;

/**
 * findingsJson's text in whole lines (joined with "\n" they are exactly that text), so the JSON of a big run is
 * never one string of a hundred MB, then a second copy for the newline, then its UTF-8 bytes. Each finding is
 * JSON.stringify'd on its own and indented as it would be inside the whole document (nested indentation is the
 * same text with every line pushed right).
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
      const one: JsonFinding = {
        rule: f.rule,
        severity: f.severity,
        message: text.message(f),
        fix: text.fix(f),
        locations: f.locations.map((l) => ({ sheet: l.sheet, row: l.row, column: l.column, address: l.address })),
        params: f.params,
      };
      parts.push("    " + JSON.stringify(one, null, 2).replace(/\n/g, "\n    ") + (i < findings.length - 1 ? "," : ""));
    }
    yield parts.join("\n");
  }
  yield '  ],\n  "summary": ' + JSON.stringify(summary, null, 2).replace(/\n/g, "\n  ") + "\n}";
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
export function locationText(f: Finding, lang: Lang): string {
  const first = f.locations[0];
  if (!first) return "—";
  const head = `${first.sheet}!${first.address}`;
  return f.locations.length > 1 ? `${head} ${t("cli.table.more", { count: f.locations.length - 1 }, lang)}` : head;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** A table: severity, rule, location, then message and fix under them (one finding per block). */
export function findingsTable(findings: readonly Finding[], summary: CheckSummary, lang: Lang): string {
  const lines: string[] = [];
  const text = textMaker(lang);
  const sorted = [...findings].sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  const rows = sorted.map((f) => ({
    severity: t(`cli.severity.${f.severity}`, {}, lang),
    rule: f.rule,
    where: locationText(f, lang),
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
    for (const r of rows) {
      lines.push(`${pad(r.severity, ws)}  ${pad(r.rule, wr)}  ${pad(r.where, ww)}  ${r.message}`);
      lines.push(`${indent}${t("cli.table.fixPrefix", {}, lang)}${r.fix}`);
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
