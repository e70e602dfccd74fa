/**
 * Pure helpers behind the 检查账目 tab: filter the findings of a check, group them by severity and rule with
 * counts, and turn them into the cells to mark. No React here, so the grouping of thousands of findings is
 * tested as plain functions.
 */
import type { Finding, Severity, SourceRef } from "../core/model/types";

/** Most severe first: the order of the groups and of the severity toggles. */
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

/** Rows rendered per rule group before "显示更多": a narrow pane with thousands of rows would crawl. */
export const ROWS_PER_PAGE = 100;

/** Up to this many findings (after filtering) the rule groups open by themselves; above it they start closed. */
export const AUTO_EXPAND_LIMIT = 50;

/** Locations listed under a finding before "等 N 处". */
export const LOCATIONS_SHOWN = 3;

/** The runner's phase ids (src/worker/handle.ts) and the words the pane shows for them. */
const RUNNER_PHASE_KEYS: Record<string, string> = {
  read: "ui.findings.phase.read",
  summarize: "ui.findings.phase.summarize",
  prepare: "ui.findings.phase.prepare",
  check: "ui.findings.phase.check",
  render: "ui.findings.phase.render",
};

/** The catalogue key for a runner phase; a phase the pane does not know yet reads "正在处理…". */
export function runnerPhaseKey(phase: string | undefined): string {
  return (phase && RUNNER_PHASE_KEYS[phase]) || "ui.findings.phase.working";
}

/** A finding with its position in the check's list (a stable key) and, once computed, its search text. */
export interface IndexedFinding {
  index: number;
  finding: Finding;
}

export interface FindingsFilter {
  /** Severities shown; an empty list shows nothing. */
  severities: readonly Severity[];
  /** Only this rule, when set. */
  rule?: string;
  /** Words to look for in the message, fix and addresses (case-insensitive, all words must match). */
  query?: string;
}

export const SHOW_ALL: FindingsFilter = { severities: SEVERITIES };

export interface RuleGroup {
  /** `${severity}:${rule}`: a rule that emits two severities has a group under each. */
  key: string;
  rule: string;
  severity: Severity;
  items: IndexedFinding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  rules: RuleGroup[];
}

/** "银行存款日记账!H130". */
export function locationLabel(ref: SourceRef): string {
  return `${ref.sheet}!${ref.address}`;
}

export function indexFindings(findings: readonly Finding[]): IndexedFinding[] {
  return findings.map((finding, index) => ({ index, finding }));
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

/** Each rule with its number of findings, in the order the rules first appear (the engine's order). */
export function countByRule(findings: readonly Finding[]): { rule: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.rule, (counts.get(f.rule) ?? 0) + 1);
  return [...counts].map(([rule, count]) => ({ rule, count }));
}

/** Lower-cased, whitespace-collapsed text for matching; full-width spaces count as spaces. */
function normalise(text: string): string {
  return text.replace(/[\s\u3000]+/g, " ").trim().toLowerCase();
}

/**
 * The findings the filter keeps, in their original order. `textOf` gives the words a finding is searched by
 * (message and fix in the pane's language); it is only called when there is a query.
 */
export function filterFindings(
  items: readonly IndexedFinding[],
  filter: FindingsFilter,
  textOf: (f: Finding) => string = () => "",
): IndexedFinding[] {
  const severities = new Set(filter.severities);
  const words = normalise(filter.query ?? "").split(" ").filter(Boolean);
  return items.filter(({ finding: f }) => {
    if (!severities.has(f.severity)) return false;
    if (filter.rule && f.rule !== filter.rule) return false;
    if (words.length === 0) return true;
    const haystack = normalise([textOf(f), f.rule, ...f.locations.map(locationLabel)].join(" "));
    return words.every((w) => haystack.includes(w));
  });
}

/** Groups by severity (most severe first), then by rule in order of first appearance; empty severities left out. */
export function groupFindings(items: readonly IndexedFinding[]): SeverityGroup[] {
  const bySeverity = new Map<Severity, Map<string, RuleGroup>>();
  for (const item of items) {
    const { severity, rule } = item.finding;
    let rules = bySeverity.get(severity);
    if (!rules) bySeverity.set(severity, (rules = new Map()));
    let group = rules.get(rule);
    if (!group) rules.set(rule, (group = { key: `${severity}:${rule}`, rule, severity, items: [] }));
    group.items.push(item);
  }
  return SEVERITIES.filter((s) => bySeverity.has(s)).map((severity) => {
    const rules = [...bySeverity.get(severity)!.values()];
    return { severity, count: rules.reduce((n, g) => n + g.items.length, 0), rules };
  });
}

/** Every location of every finding, with the finding's severity: what "全部标记" asks the gateway to mark. */
export function highlightCells(findings: readonly Finding[]): { ref: SourceRef; severity: Severity }[] {
  return findings.flatMap((f) => f.locations.map((ref) => ({ ref, severity: f.severity })));
}

/** The rules' time in all, in whole milliseconds (at least 1 when any rule ran, so it never reads "0 ms"). */
export function totalMs(timings: Record<string, number>): number {
  const values = Object.values(timings);
  if (values.length === 0) return 0;
  return Math.max(1, Math.round(values.reduce((a, b) => a + b, 0)));
}
