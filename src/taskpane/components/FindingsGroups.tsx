/**
 * The findings grouped by severity (错误/警告/提示), then by rule, with counts. A rule group renders its rows
 * only when open, and at most ROWS_PER_PAGE more at a time, so thousands of findings stay responsive.
 */
import { useState } from "react";
import { Badge, Button, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity, SourceRef } from "../../core/model/types";
import { ROWS_PER_PAGE, type RuleGroup, type SeverityGroup } from "../findings-model";
import { useT } from "../i18n";
import { useSectionStyles } from "./styles";
import { FindingsItem } from "./FindingsItem";

export const SEVERITY_BADGE: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  severityHead: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  rules: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  toggle: {
    display: "grid",
    gridTemplateColumns: "12px 1fr auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    width: "100%",
    justifyContent: "stretch",
    textAlign: "start",
    fontWeight: tokens.fontWeightSemibold,
    minWidth: 0,
  },
  chevron: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
  ruleTitle: { overflow: "hidden", textOverflow: "ellipsis" },
  list: {
    listStyle: "none",
    margin: 0,
    padding: `0 0 ${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
  },
  more: { alignSelf: "flex-start", marginLeft: tokens.spacingHorizontalS },
});

export interface FindingsGroupsProps {
  groups: SeverityGroup[];
  /** Keys of the open rule groups. */
  expanded: ReadonlySet<string>;
  onToggle: (key: string) => void;
  ruleTitle: (rule: string) => string;
  onGoTo: (ref: SourceRef) => void;
}

export function FindingsGroups({ groups, expanded, onToggle, ruleTitle, onGoTo }: FindingsGroupsProps) {
  const tr = useT();
  const section = useSectionStyles();
  const styles = useStyles();
  return (
    <>
      {groups.map((g) => (
        <section key={g.severity} className={section.section} data-testid={`findings-severity-${g.severity}`} data-count={g.count}>
          <div className={styles.severityHead}>
            <Badge appearance="filled" color={SEVERITY_BADGE[g.severity]} shape="rounded">
              {tr(`ui.findings.severity.${g.severity}`)}
            </Badge>
            <Subtitle2>{tr("ui.findings.group.count", { count: g.count })}</Subtitle2>
          </div>
          <div className={styles.rules}>
            {g.rules.map((r) => (
              <RuleGroupView
                key={r.key}
                group={r}
                title={ruleTitle(r.rule)}
                open={expanded.has(r.key)}
                onToggle={() => onToggle(r.key)}
                onGoTo={onGoTo}
              />
            ))}
          </div>
        </section>
      ))}
    </>
  );
}

interface RuleGroupViewProps {
  group: RuleGroup;
  title: string;
  open: boolean;
  onToggle: () => void;
  onGoTo: (ref: SourceRef) => void;
}

function RuleGroupView({ group, title, open, onToggle, onGoTo }: RuleGroupViewProps) {
  const tr = useT();
  const styles = useStyles();
  const [limit, setLimit] = useState(ROWS_PER_PAGE);
  const listId = `findings-rule-${group.key}`;
  const rows = open ? group.items.slice(0, limit) : [];
  const left = group.items.length - rows.length;
  return (
    <div data-testid="findings-rule" data-rule={group.rule} data-severity={group.severity} data-count={group.items.length}>
      <Button
        appearance="subtle"
        className={styles.toggle}
        aria-expanded={open}
        aria-controls={listId}
        data-testid="findings-rule-toggle"
        onClick={onToggle}
      >
        <span className={styles.chevron} aria-hidden>
          {open ? "▾" : "▸"}
        </span>
        <span className={styles.ruleTitle}>{title}</span>
        <Badge appearance="tint" color={SEVERITY_BADGE[group.severity]} size="small">
          {group.items.length}
        </Badge>
      </Button>
      {open && (
        <>
          <ul className={styles.list} id={listId}>
            {rows.map(({ index, finding }) => (
              <FindingsItem key={index} finding={finding} onGoTo={onGoTo} />
            ))}
          </ul>
          {left > 0 && (
            <Button
              className={styles.more}
              appearance="transparent"
              size="small"
              data-testid="findings-more"
              onClick={() => setLimit((n) => n + ROWS_PER_PAGE)}
            >
              {tr("ui.findings.more", { count: left })}
            </Button>
          )}
        </>
      )}
    </div>
  );
}
