/**
 * The column mapping of one sheet: each field with the column it was read from (letter and header text),
 * changeable with a dropdown. Choosing "(not used)" sends column 0 (see UNMAPPED).
 */
import { Button, Caption1, Dropdown, Option, Subtitle2, makeStyles, tokens } from "@fluentui/react-components";
import type { ColumnMapping } from "../../core/model/types";
import { UNMAPPED, type ColumnOption } from "../books-model";
import { useT } from "../i18n";
import { useSectionStyles } from "./styles";

const useStyles = makeStyles({
  grid: {
    display: "grid",
    gridTemplateColumns: "minmax(84px, 38%) 1fr",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
  },
  head: { color: tokens.colorNeutralForeground3 },
  field: { overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  unmappedField: { color: tokens.colorNeutralForeground3 },
  dropdown: { minWidth: "0", width: "100%" },
  toggle: { alignSelf: "flex-start" },
});

export interface MappingCardProps {
  kind: "ledger" | "plan";
  mapping: ColumnMapping;
  /** Fields to list, in order. */
  fields: string[];
  options: ColumnOption[];
  onChange: (field: string, column: number) => void;
  /** When given, a button switches between common fields and all fields. */
  showAll?: boolean;
  onToggleShowAll?: () => void;
}

export function optionText(tr: ReturnType<typeof useT>, o: ColumnOption): string {
  return o.label
    ? tr("ui.books.mapping.columnOption", { letter: o.letter, label: o.label })
    : tr("ui.books.mapping.columnOptionBlank", { letter: o.letter });
}

export function MappingCard({ kind, mapping, fields, options, onChange, showAll, onToggleShowAll }: MappingCardProps) {
  const tr = useT();
  const section = useSectionStyles();
  const styles = useStyles();
  const columns = mapping.columns as Record<string, number | undefined>;
  const labels = mapping.labels as Record<string, string | undefined>;
  const title = tr(kind === "ledger" ? "ui.books.mapping.ledgerTitle" : "ui.books.mapping.planTitle", { sheet: mapping.sheet });
  const unmapped = tr("ui.books.mapping.unmapped");

  return (
    <section className={section.section} data-testid={`mapping-${kind}-${mapping.sheet}`} aria-label={title}>
      <div className={section.heading}>
        <Subtitle2>{title}</Subtitle2>
        <Caption1 className={section.meta}>
          {mapping.headerRows.length > 0 && tr("ui.books.mapping.headerRows", { rows: mapping.headerRows.join("–") })}
          {mapping.headerRows.length > 0 && " · "}
          {tr("ui.books.mapping.confidence", { pct: Math.round(mapping.confidence * 100) })}
        </Caption1>
      </div>
      <div className={styles.grid} role="table">
        <Caption1 className={styles.head} role="columnheader">{tr("ui.books.mapping.field")}</Caption1>
        <Caption1 className={styles.head} role="columnheader">{tr("ui.books.mapping.column")}</Caption1>
        {fields.map((field) => {
          const column = columns[field] ?? UNMAPPED;
          const option = options.find((o) => o.column === column);
          const shown =
            column > 0
              ? option
                ? optionText(tr, option)
                : optionText(tr, { column, letter: "?", label: labels[field] ?? "" })
              : unmapped;
          const fieldName = tr(`ui.field.${kind}.${field}`);
          return (
            <div key={field} role="row" style={{ display: "contents" }} data-testid={`map-${field}`} data-column={column}>
              <span className={column > 0 ? styles.field : `${styles.field} ${styles.unmappedField}`} role="cell" title={fieldName}>
                {fieldName}
              </span>
              <Dropdown
                className={styles.dropdown}
                size="small"
                aria-label={fieldName}
                value={shown}
                selectedOptions={[String(column)]}
                onOptionSelect={(_, d) => d.optionValue !== undefined && onChange(field, Number(d.optionValue))}
              >
                <Option value={String(UNMAPPED)} text={unmapped}>
                  {unmapped}
                </Option>
                {options.map((o) => {
                  const text = optionText(tr, o);
                  return (
                    <Option key={o.column} value={String(o.column)} text={text}>
                      {text}
                    </Option>
                  );
                })}
              </Dropdown>
            </div>
          );
        })}
      </div>
      {onToggleShowAll && (
        <Button className={styles.toggle} appearance="subtle" size="small" onClick={onToggleShowAll}>
          {tr(showAll ? "ui.books.mapping.showCommon" : "ui.books.mapping.showAll")}
        </Button>
      )}
    </section>
  );
}
