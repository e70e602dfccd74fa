/**
 * One finding: what is wrong and how to fix it (in the pane's language) and where. Clicking the message goes
 * to the first cell; each location is its own link.
 */
import { Body1, Caption1, Link, makeStyles, tokens } from "@fluentui/react-components";
import type { Finding, SourceRef } from "../../core/model/types";
import { findingFix, findingMessage } from "../../core/i18n";
import { LOCATIONS_SHOWN, locationLabel } from "../findings-model";
import { useLang, useT } from "../i18n";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `3px solid ${tokens.colorNeutralStroke2}`,
    minWidth: 0,
    overflowWrap: "anywhere",
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteDarkOrangeBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  message: {
    // A plain-looking button: the whole message is the click target for "go to the cell".
    backgroundColor: "transparent",
    border: "none",
    padding: 0,
    margin: 0,
    fontFamily: "inherit",
    color: "inherit",
    cursor: "pointer",
    textAlign: "start",
    borderRadius: tokens.borderRadiusSmall,
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover },
    ":focus-visible": { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  fix: { color: tokens.colorNeutralForeground2 },
  where: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, alignItems: "baseline" },
  more: { color: tokens.colorNeutralForeground3 },
});

export interface FindingsItemProps {
  finding: Finding;
  onGoTo: (ref: SourceRef) => void;
}

export function FindingsItem({ finding: f, onGoTo }: FindingsItemProps) {
  const tr = useT();
  const lang = useLang();
  const styles = useStyles();
  const first = f.locations[0];
  const shown = f.locations.slice(0, LOCATIONS_SHOWN);
  return (
    <li
      className={`${styles.item} ${styles[f.severity]}`}
      data-testid="findings-item"
      data-rule={f.rule}
      data-severity={f.severity}
      data-address={first ? locationLabel(first) : ""}
      data-locations={f.locations.map(locationLabel).join("|")}
    >
      {first ? (
        <button
          type="button"
          className={styles.message}
          data-testid="findings-item-message"
          title={tr("ui.findings.goTo", { address: locationLabel(first) })}
          onClick={() => onGoTo(first)}
        >
          <Body1>{findingMessage(f, lang)}</Body1>
        </button>
      ) : (
        <Body1>{findingMessage(f, lang)}</Body1>
      )}
      <Caption1 className={styles.fix}>{tr("ui.findings.fix", { fix: findingFix(f, lang) })}</Caption1>
      {shown.length > 0 && (
        <span className={styles.where}>
          {shown.map((ref, i) => (
            <Link
              key={i}
              as="button"
              data-testid="findings-location"
              title={tr("ui.findings.goTo", { address: locationLabel(ref) })}
              onClick={() => onGoTo(ref)}
            >
              <Caption1>{locationLabel(ref)}</Caption1>
            </Link>
          ))}
          {f.locations.length > shown.length && (
            <Caption1 className={styles.more}>{tr("ui.findings.moreLocations", { count: f.locations.length - shown.length })}</Caption1>
          )}
        </span>
      )}
    </li>
  );
}
