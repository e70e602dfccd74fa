/**
 * What the check found in brief: the number of findings, the rule pack used (by name), the period and the
 * rules' total time; with the buttons that mark all findings' cells in the workbook and clear the marks.
 * (The count per severity is on the filter's toggles just below.)
 */
import { Button, Caption1, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { CheckOutcome } from "../../worker/protocol";
import { totalMs } from "../findings-model";
import type { MarkState } from "../use-findings";
import { useLang, useT } from "../i18n";
import { useSectionStyles } from "./styles";

const useStyles = makeStyles({
  actions: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
});

export interface FindingsSummaryProps {
  outcome: CheckOutcome;
  mark: MarkState;
  onHighlightAll: () => void;
  onClear: () => void;
}

export function FindingsSummary({ outcome, mark, onHighlightAll, onClear }: FindingsSummaryProps) {
  const tr = useT();
  const lang = useLang();
  const section = useSectionStyles();
  const styles = useStyles();
  const total = outcome.findings.length;
  const busy = mark.kind === "busy";
  const period = outcome.period && (lang === "zh-CN" ? outcome.period.label : `${outcome.period.start} – ${outcome.period.end}`);
  return (
    <section className={section.section} data-testid="findings-summary">
      <div className={section.heading}>
        <Subtitle2 data-testid="findings-total" data-count={total}>
          {total === 0 ? tr("ui.findings.summary.none") : tr("ui.findings.summary.total", { count: total })}
        </Subtitle2>
        <Caption1 className={section.meta} data-testid="findings-timing" data-ms={totalMs(outcome.timings)}>
          {tr("ui.findings.summary.timing", { rules: outcome.ran.length, ms: totalMs(outcome.timings) })}
        </Caption1>
      </div>
      <Caption1 className={section.meta} data-testid="findings-pack" data-pack={outcome.pack.id}>
        {tr("ui.findings.summary.pack", { name: lang === "zh-CN" ? outcome.pack.name.zh : outcome.pack.name.en })}
        {period && ` · ${tr("ui.findings.summary.period", { period })}`}
      </Caption1>
      <div className={styles.actions}>
        <Button size="small" disabled={busy || total === 0} data-testid="findings-highlight-all" onClick={onHighlightAll}>
          {tr(mark.kind === "busy" && mark.action === "highlight" ? "ui.findings.highlighting" : "ui.findings.highlightAll")}
        </Button>
        <Button size="small" disabled={busy} data-testid="findings-clear" onClick={onClear}>
          {tr(mark.kind === "busy" && mark.action === "clear" ? "ui.findings.clearing" : "ui.findings.clear")}
        </Button>
      </div>
      {mark.kind === "highlighted" && (
        <Caption1 className={section.meta} data-testid="findings-mark-status" data-cells={mark.cells}>
          {tr("ui.findings.highlighted", { count: mark.cells })}
        </Caption1>
      )}
      {mark.kind === "cleared" && (
        <Caption1 className={section.meta} data-testid="findings-mark-status" data-cells={mark.cells}>
          {tr("ui.findings.cleared", { count: mark.cells })}
        </Caption1>
      )}
      {mark.kind === "error" && (
        <MessageBar intent="error" data-testid="findings-mark-error">
          <MessageBarBody>{tr("ui.findings.markError", { message: mark.message })}</MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
