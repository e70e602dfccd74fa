/**
 * The 检查账目 tab: a button runs the checks through the runner (with a progress bar), then the findings are
 * shown grouped by severity and rule with a filter; a finding or its location jumps to the cell, and the
 * summary's buttons mark every finding's cells in the workbook or clear the marks.
 *
 * `FindingsView` connects the tab to the pane (hook state); `FindingsTab` only draws what it is given.
 */
import { useCallback, useDeferredValue, useMemo, useState } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding } from "../../core/model/types";
import { findingFix, findingMessage, hasKey, t } from "../../core/i18n";
import {
  AUTO_EXPAND_LIMIT,
  SHOW_ALL,
  countByRule,
  countBySeverity,
  filterFindings,
  groupFindings,
  indexFindings,
  runnerPhaseKey,
  type FindingsFilter as Filter,
} from "../findings-model";
import { useFindings, type FindingsController } from "../use-findings";
import { useLang, useT } from "../i18n";
import type { TabContext } from "./App";
import { FindingsSummary } from "./FindingsSummary";
import { FindingsFilter } from "./FindingsFilter";
import { FindingsGroups } from "./FindingsGroups";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  head: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  meta: { color: tokens.colorNeutralForeground3 },
  listBar: { display: "flex", alignItems: "center", justifyContent: "space-between", columnGap: tokens.spacingHorizontalS },
  listBarButtons: { display: "flex", columnGap: tokens.spacingHorizontalXS },
});

/** The tab as App mounts it: state from the hooks, drawing by FindingsTab. */
export function FindingsView({ ctx }: { ctx: TabContext }) {
  const controller = useFindings({
    runner: ctx.runner,
    gateway: ctx.gateway,
    settings: ctx.settings.settings,
    booksReady: ctx.books.summary !== undefined,
    readVersion: ctx.books.readVersion,
  });
  return <FindingsTab controller={controller} />;
}

/** Which rule groups are open: "auto" opens them all when few findings are shown and none when many are. */
type OpenGroups = "auto" | ReadonlySet<string>;

export interface FindingsTabProps {
  controller: FindingsController;
}

export function FindingsTab({ controller: c }: FindingsTabProps) {
  const tr = useT();
  const lang = useLang();
  const styles = useStyles();
  const outcome = c.outcome;
  const findings = useMemo(() => outcome?.findings ?? [], [outcome]);
  const checking = c.phase.kind === "checking";

  // View state belongs to one outcome: a new check starts with no filter and the groups on "auto".
  const [view, setView] = useState<{ of?: Finding[]; filter: Filter; open: OpenGroups }>({ filter: SHOW_ALL, open: "auto" });
  const current = view.of === findings ? view : { of: findings, filter: SHOW_ALL, open: "auto" as OpenGroups };
  // Typing in the search box stays smooth with thousands of findings: the list follows a moment later.
  const filter = useDeferredValue(current.filter);

  const ruleTitle = useCallback(
    (rule: string) => (hasKey(`rule.${rule}.title`, lang) ? t(`rule.${rule}.title`, {}, lang) : rule),
    [lang],
  );
  // Search text per finding, computed once per outcome and language, and only when a search is typed.
  const textOf = useMemo(() => {
    const cache = new Map<Finding, string>();
    return (f: Finding) => {
      let text = cache.get(f);
      if (text === undefined) {
        text = `${findingMessage(f, lang)} ${findingFix(f, lang)} ${ruleTitle(f.rule)}`;
        cache.set(f, text);
      }
      return text;
    };
  }, [lang, ruleTitle]);

  const indexed = useMemo(() => indexFindings(findings), [findings]);
  const severityCounts = useMemo(() => countBySeverity(findings), [findings]);
  const rules = useMemo(() => countByRule(findings), [findings]);
  const shown = useMemo(() => filterFindings(indexed, filter, textOf), [indexed, filter, textOf]);
  const groups = useMemo(() => groupFindings(shown), [shown]);
  const allKeys = useMemo(() => groups.flatMap((g) => g.rules.map((r) => r.key)), [groups]);
  const open: ReadonlySet<string> =
    current.open === "auto" ? new Set(shown.length <= AUTO_EXPAND_LIMIT ? allKeys : []) : current.open;

  const update = (change: Partial<{ filter: Filter; open: OpenGroups }>) => setView({ ...current, ...change });
  const toggle = (key: string) => {
    const next = new Set(open);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    update({ open: next });
  };
  const filtered = shown.length !== findings.length;

  return (
    <div className={styles.root} data-testid="findings-tab">
      <div className={styles.head}>
        <Caption1 className={styles.intro}>{tr("ui.findings.intro")}</Caption1>
        <Button appearance="primary" disabled={!c.canCheck || checking} data-testid="findings-check" onClick={() => void c.check()}>
          {tr(outcome ? "ui.findings.recheck" : "ui.findings.check")}
        </Button>
        {c.phase.kind === "checking" && (
          <div data-testid="findings-progress">
            <ProgressBar value={c.phase.steps > 0 ? c.phase.step / c.phase.steps : undefined} thickness="large" />
            <Caption1 className={styles.meta}>{tr(runnerPhaseKey(c.phase.phase))}</Caption1>
          </div>
        )}
        {!c.canCheck && (
          <Caption1 className={styles.meta} data-testid="findings-need-books">
            {tr("ui.findings.needBooks")}
          </Caption1>
        )}
      </div>
      {c.phase.kind === "error" && (
        <MessageBar intent="error" data-testid="findings-error">
          <MessageBarBody>{tr("ui.findings.error", { message: c.phase.message })}</MessageBarBody>
        </MessageBar>
      )}
      {c.stale && !checking && (
        <MessageBar intent="warning" data-testid="findings-stale">
          <MessageBarBody>{tr("ui.findings.stale")}</MessageBarBody>
        </MessageBar>
      )}
      {c.selectError && (
        <MessageBar intent="warning" data-testid="findings-select-error">
          <MessageBarBody>{tr("ui.findings.selectError", { message: c.selectError })}</MessageBarBody>
        </MessageBar>
      )}
      {outcome && (
        <>
          <FindingsSummary
            outcome={outcome}
            mark={c.mark}
            onHighlightAll={() => void c.highlightAll()}
            onClear={() => void c.clearHighlights()}
          />
          {findings.length > 0 && (
            <>
              <FindingsFilter
                filter={current.filter}
                onChange={(f) => update({ filter: f })}
                severityCounts={severityCounts}
                rules={rules}
                ruleTitle={ruleTitle}
              />
              <div className={styles.listBar}>
                <Caption1 className={styles.meta} data-testid="findings-shown" data-shown={shown.length}>
                  {tr("ui.findings.filter.shown", { shown: shown.length, total: findings.length })}
                </Caption1>
                <div className={styles.listBarButtons}>
                  {filtered && (
                    <Button size="small" appearance="transparent" data-testid="findings-filter-reset" onClick={() => update({ filter: SHOW_ALL })}>
                      {tr("ui.findings.filter.reset")}
                    </Button>
                  )}
                  <Button
                    size="small"
                    appearance="transparent"
                    data-testid="findings-expand-all"
                    onClick={() => update({ open: open.size === allKeys.length ? new Set() : new Set(allKeys) })}
                  >
                    {tr(open.size === allKeys.length && allKeys.length > 0 ? "ui.findings.group.collapseAll" : "ui.findings.group.expandAll")}
                  </Button>
                </div>
              </div>
              {shown.length === 0 ? (
                <Caption1 className={styles.meta} data-testid="findings-no-match">
                  {tr("ui.findings.filter.noMatch")}
                </Caption1>
              ) : (
                <FindingsGroups groups={groups} expanded={open} onToggle={toggle} ruleTitle={ruleTitle} onGoTo={(ref) => void c.goTo(ref)} />
              )}
            </>
          )}
        </>
      )}
    </div>
  );
}
