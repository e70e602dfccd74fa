/** Which sheet is the plan and which are ledger sheets, as detected, each changeable with a dropdown. */
import { Dropdown, Field, Option, Subtitle2 } from "@fluentui/react-components";
import type { SheetRoles } from "../../core/model/types";
import { useT } from "../i18n";
import { useSectionStyles } from "./styles";

/** Option value for "no plan sheet": sheet names are never empty, so "" cannot clash with one. */
const NO_PLAN = "";

export interface RolesCardProps {
  sheetNames: string[];
  roles: SheetRoles;
  onPlanSheet: (sheet: string | undefined) => void;
  onLedgerSheets: (sheets: string[]) => void;
}

export function RolesCard({ sheetNames, roles, onPlanSheet, onLedgerSheets }: RolesCardProps) {
  const tr = useT();
  const styles = useSectionStyles();
  const plan = roles.planSheet ?? NO_PLAN;
  return (
    <section className={styles.section} data-testid="roles">
      <Subtitle2>{tr("ui.books.roles.title")}</Subtitle2>
      <Field label={tr("ui.books.roles.plan")}>
        <Dropdown
          data-testid="role-plan"
          value={roles.planSheet ?? tr("ui.books.roles.none")}
          selectedOptions={[plan]}
          onOptionSelect={(_, d) => onPlanSheet(d.optionValue ? d.optionValue : undefined)}
        >
          <Option value={NO_PLAN} text={tr("ui.books.roles.none")}>
            {tr("ui.books.roles.none")}
          </Option>
          {sheetNames.map((name) => (
            <Option key={name} value={name}>
              {name}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label={tr("ui.books.roles.ledger")}>
        <Dropdown
          data-testid="role-ledger"
          multiselect
          placeholder={tr("ui.books.roles.noLedger")}
          value={roles.ledgerSheets.join("、")}
          selectedOptions={roles.ledgerSheets}
          onOptionSelect={(_, d) => onLedgerSheets(sheetNames.filter((s) => d.selectedOptions.includes(s)))}
        >
          {sheetNames
            .filter((name) => name !== roles.planSheet)
            .map((name) => (
              <Option key={name} value={name}>
                {name}
              </Option>
            ))}
        </Dropdown>
      </Field>
    </section>
  );
}
