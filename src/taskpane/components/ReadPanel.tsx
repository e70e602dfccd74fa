/**
 * The 读取账簿 button and the progress bar: first while the gateway reads the sheets, then while the runner
 * reads the books from them (also after each change of a sheet role or column).
 */
import { Button, Caption1, ProgressBar, makeStyles, tokens } from "@fluentui/react-components";
import type { ReadPhase } from "../use-books";
import { runnerPhaseKey } from "../findings-model";
import { useT } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  intro: { color: tokens.colorNeutralForeground2 },
  progressText: { color: tokens.colorNeutralForeground3 },
});

export interface ReadPanelProps {
  phase: ReadPhase;
  hasBooks: boolean;
  usingSavedChoices: boolean;
  onRead: () => void;
}

export function ReadPanel({ phase, hasBooks, usingSavedChoices, onRead }: ReadPanelProps) {
  const tr = useT();
  const styles = useStyles();
  const reading = phase.kind === "reading" || phase.kind === "analysing";
  return (
    <div className={styles.root}>
      <Caption1 className={styles.intro}>{tr("ui.books.intro")}</Caption1>
      <Button appearance="primary" onClick={onRead} disabled={reading} data-testid="read-books">
        {tr(hasBooks ? "ui.books.reread" : "ui.books.read")}
      </Button>
      {reading && (
        <div data-testid="read-progress">
          {phase.kind === "reading" ? (
            <>
              <ProgressBar value={phase.total > 0 ? phase.done / phase.total : undefined} thickness="large" />
              <Caption1 className={styles.progressText}>
                {tr("ui.books.reading", { done: phase.done, total: phase.total || "…" })}
              </Caption1>
            </>
          ) : (
            <>
              <ProgressBar value={phase.steps > 0 ? phase.step / phase.steps : undefined} thickness="large" />
              <Caption1 className={styles.progressText}>{tr(runnerPhaseKey(phase.phase))}</Caption1>
            </>
          )}
        </div>
      )}
      {usingSavedChoices && !reading && (
        <Caption1 className={styles.progressText} data-testid="saved-choices-note">
          {tr("ui.books.savedChoicesLoaded")}
        </Caption1>
      )}
    </div>
  );
}
