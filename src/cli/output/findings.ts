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

/**
 * Findings per chunk of JSON text: a million-row ledger's tens of thousands of findings are written a part at a
 * time, so its JSON is never one string of a hundred MB, then a copy of it as UTF-8 bytes. A chunk's pieces all
 * stay alive until its join, and a young-generation collection in between copies every one of them: chunks of 250
 * findings made the output ~30% cheaper than chunks of 2,000 on a 100k ledger.
 */
const FINDINGS_PER_CHUNK = 250;

/**
 * The document `check --json` prints, as lines (joined with "\n" they are the whole text): compact JSON, one
 * finding per line, so that `grep` and `jq` both work on it. Compact rather than indented: the indented text was
 * twice the size, and JSON.stringify writing it needed a hand-written twin to be fast enough on a big ledger.
 */
export function* findingsJsonChunks(findings: readonly Finding[], summary: CheckSummary, lang: Lang): Generator<string> {
  const text = textMaker(lang);
  yield '{"findings":[';
  for (let start = 0; start < findings.length; start += FINDINGS_PER_CHUNK) {
    const parts: string[] = [];
    const end = Math.min(findings.length, start + FINDINGS_PER_CHUNK);
    for (let i = start; i < end; i++) parts.push(findingJson(findings[i], text.message(findings[i]), text.fix(findings[i])));
    yield parts.join(",\n") + (end < findings.length ? "," : "");
  }
  yield `],"summary":${JSON.stringify(summary)}}`;
}

/** One finding of the JSON output: its words, where it is (only the four fields of each place) and its params. */
export function findingJson(f: Finding, message: string, fix: string): string {
  const one: JsonFinding = {
    rule: f.rule,
    severity: f.severity,
    message,
    fix,
    locations: f.locations.map((l) => ({ sheet: l.sheet, row: l.row, column: l.column, address: l.address })),
    params: f.params,
  };
  return JSON.stringify(one);
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
