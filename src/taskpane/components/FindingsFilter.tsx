/** Filter of the findings: a toggle per severity (with its count), a rule dropdown and a search box. */
import { Dropdown, Option, SearchBox, ToggleButton, makeStyles, tokens } from "@fluentui/react-components";
import type { Severity } from "../../core/model/types";
import { SEVERITIES, type FindingsFilter as Filter } from "../findings-model";
import { useT } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS },
  toggles: { display: "flex", flexWrap: "wrap", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalXS },
  row: { display: "grid", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS },
  control: { minWidth: 0, width: "100%" },
});

/** Option value for "all rules": rule ids are never empty. */
const ALL_RULES = "";

export interface FindingsFilterProps {
  filter: Filter;
  onChange: (filter: Filter) => void;
  severityCounts: Record<Severity, number>;
  rules: { rule: string; count: number }[];
  ruleTitle: (rule: string) => string;
}

export function FindingsFilter({ filter, onChange, severityCounts, rules, ruleTitle }: FindingsFilterProps) {
  const tr = useT();
  const styles = useStyles();
  const toggle = (s: Severity) => {
    const on = filter.severities.includes(s);
    onChange({ ...filter, severities: SEVERITIES.filter((x) => (x === s ? !on : filter.severities.includes(x))) });
  };
  const allRules = tr("ui.findings.filter.allRules");
  const ruleText = (r: { rule: string; count: number }) => tr("ui.findings.filter.ruleOption", { title: ruleTitle(r.rule), count: r.count });
  const selected = rules.find((r) => r.rule === filter.rule);
  return (
    <div className={styles.root} data-testid="findings-filter">
      <div className={styles.toggles} role="group" aria-label={tr("ui.findings.filter.severities")}>
        {SEVERITIES.map((s) => (
          <ToggleButton
            key={s}
            size="small"
            shape="circular"
            checked={filter.severities.includes(s)}
            disabled={severityCounts[s] === 0}
            data-testid={`findings-toggle-${s}`}
            onClick={() => toggle(s)}
          >
            {tr(`ui.findings.severity.${s}`)} {severityCounts[s]}
          </ToggleButton>
        ))}
      </div>
      <div className={styles.row}>
        <Dropdown
          className={styles.control}
          size="small"
          aria-label={tr("ui.findings.filter.rule")}
          data-testid="findings-rule-filter"
          value={selected ? ruleText(selected) : allRules}
          selectedOptions={[filter.rule ?? ALL_RULES]}
          onOptionSelect={(_, d) => onChange({ ...filter, rule: d.optionValue ? d.optionValue : undefined })}
        >
          <Option value={ALL_RULES} text={allRules}>
            {allRules}
          </Option>
          {rules.map((r) => {
            const text = ruleText(r);
            return (
              <Option key={r.rule} value={r.rule} text={text}>
                {text}
              </Option>
            );
          })}
        </Dropdown>
        <SearchBox
          className={styles.control}
          size="small"
          placeholder={tr("ui.findings.filter.search")}
          aria-label={tr("ui.findings.filter.search")}
          data-testid="findings-search"
          value={filter.query ?? ""}
          onChange={(_, d) => onChange({ ...filter, query: d.value })}
        />
      </div>
    </div>
  );
}
