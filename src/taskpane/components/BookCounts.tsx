/** Three figures the treasurer can check against the books at a glance. */
import { Caption1, Title3, makeStyles, tokens } from "@fluentui/react-components";
import { useT } from "../i18n";

const useStyles = makeStyles({
  row: { display: "grid", gridTemplateColumns: "repeat(3, 1fr)", columnGap: tokens.spacingHorizontalS },
  tile: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalXS}`,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  label: { color: tokens.colorNeutralForeground3, textAlign: "center" },
  warn: { color: tokens.colorPaletteDarkOrangeForeground1 },
});

export interface BookCountsProps {
  entries: number;
  planLines: number;
  findings: number;
}

export function BookCounts({ entries, planLines, findings }: BookCountsProps) {
  const tr = useT();
  const styles = useStyles();
  const tile = (testId: string, value: number, labelKey: string, warn = false) => (
    <div className={styles.tile}>
      <Title3 data-testid={testId} className={warn ? styles.warn : undefined}>
        {value}
      </Title3>
      <Caption1 className={styles.label}>{tr(labelKey)}</Caption1>
    </div>
  );
  return (
    <div className={styles.row} data-testid="counts">
      {tile("count-entries", entries, "ui.books.counts.entries")}
      {tile("count-plan-lines", planLines, "ui.books.counts.planLines")}
      {tile("count-findings", findings, "ui.books.counts.findings", findings > 0)}
    </div>
  );
}
