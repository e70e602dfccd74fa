/** Findings with their message in the pane's language, a severity badge and a link to the first cell. */
import { Badge, Body1, Caption1, Link, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, Severity, SourceRef } from "../../core/model/types";
import { findingMessage } from "../../core/i18n";
import { useLang, useT } from "../i18n";
import { useSectionStyles } from "./styles";

/** A long list helps nobody in a narrow pane; the 检查账目 tab will page through all of them. */
export const MAX_LISTED_FINDINGS = 30;

const badgeColor: Record<Severity, "danger" | "warning" | "informative"> = {
  error: "danger",
  warning: "warning",
  info: "informative",
};

const useStyles = makeStyles({
  list: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  item: { display: "grid", gridTemplateColumns: "auto 1fr", columnGap: tokens.spacingHorizontalS, alignItems: "start" },
  text: { display: "flex", flexDirection: "column", rowGap: "2px", minWidth: 0, overflowWrap: "anywhere" },
});

export function address(ref: SourceRef): string {
  return `${ref.sheet}!${ref.address}`;
}

export interface FindingListProps {
  title: string;
  findings: Finding[];
  /** How many there are in all, when `findings` is already a capped part of them (the runner's summary). */
  total?: number;
  onGoTo: (ref: SourceRef) => void;
  testId?: string;
}

export function FindingList({ title, findings, total = findings.length, onGoTo, testId = "finding-list" }: FindingListProps) {
  const tr = useT();
  const lang = useLang();
  const section = useSectionStyles();
  const styles = useStyles();
  const listed = findings.slice(0, MAX_LISTED_FINDINGS);
  return (
    <section className={section.section} data-testid={testId}>
      <Subtitle2>{title}</Subtitle2>
      {total === 0 ? (
        <Caption1 className={section.meta}>{tr("ui.books.findings.none")}</Caption1>
      ) : (
        <ul className={styles.list}>
          {listed.map((f, i) => {
            const where = f.locations[0];
            return (
              <li key={i} className={styles.item} data-testid="finding" data-rule={f.rule}>
                <Badge appearance="tint" color={badgeColor[f.severity]} size="small">
                  {tr(`ui.severity.${f.severity}`)}
                </Badge>
                <span className={styles.text}>
                  <Body1>{findingMessage(f, lang)}</Body1>
                  {where && (
                    <Link as="button" onClick={() => onGoTo(where)} title={tr("ui.books.findings.goTo", { address: address(where) })}>
                      {address(where)}
                    </Link>
                  )}
                </span>
              </li>
            );
          })}
        </ul>
      )}
      {total > listed.length && (
        <Caption1 className={section.meta}>{tr("ui.books.findings.more", { count: total - listed.length })}</Caption1>
      )}
    </section>
  );
}
