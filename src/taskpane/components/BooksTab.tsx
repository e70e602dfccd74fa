/**
 * The 账簿 tab: read, then show roles, mappings, counts and reading findings (from the runner's BooksSummary),
 * then confirm and save.
 */
import { useState } from "react";
import { Button, Caption1, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import type { LedgerField, PlanField, SheetSnapshot } from "../../core/model/types";
import { PLAN_FIELDS, columnOptions, visibleLedgerFields } from "../books-model";
import type { BooksController } from "../use-books";
import { useT } from "../i18n";
import { ReadPanel } from "./ReadPanel";
import { RolesCard } from "./RolesCard";
import { MappingCard } from "./MappingCard";
import { BookCounts } from "./BookCounts";
import { FindingList } from "./FindingList";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  saveBar: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
  },
  status: { color: tokens.colorNeutralForeground3 },
});

export interface BooksTabProps {
  controller: BooksController;
}

export function BooksTab({ controller: c }: BooksTabProps) {
  const tr = useT();
  const styles = useStyles();
  const [showAllFields, setShowAllFields] = useState(false);
  const books = c.summary;
  const busy = c.phase.kind === "reading" || c.phase.kind === "analysing";
  const sheetByName = new Map<string, SheetSnapshot>((c.snapshot?.sheets ?? []).map((s) => [s.name, s]));

  return (
    <div className={styles.root} data-testid="books-tab">
      <ReadPanel phase={c.phase} hasBooks={!!books} usingSavedChoices={c.usingSavedChoices} onRead={() => void c.readWorkbook()} />
      {c.phase.kind === "error" && (
        <MessageBar intent="error" data-testid="read-error">
          <MessageBarBody>{tr("ui.error.read", { message: c.phase.message })}</MessageBarBody>
        </MessageBar>
      )}
      {books && (
        <>
          <BookCounts entries={books.counts.entries} planLines={books.counts.planLines} findings={books.counts.findings} />
          <RolesCard
            sheetNames={c.snapshot?.sheets.map((s) => s.name) ?? []}
            roles={books.roles}
            onPlanSheet={c.setPlanSheet}
            onLedgerSheets={c.setLedgerSheets}
          />
          {books.ledgerMappings.map((m) => (
            <MappingCard
              key={`ledger-${m.sheet}`}
              kind="ledger"
              mapping={m}
              fields={visibleLedgerFields(m.columns, showAllFields)}
              options={columnOptions(sheetByName.get(m.sheet), m.headerRows)}
              onChange={(field, column) => c.setLedgerColumn(m.sheet, field as LedgerField, column)}
              showAll={showAllFields}
              onToggleShowAll={() => setShowAllFields((v) => !v)}
            />
          ))}
          {books.plan && (
            <MappingCard
              kind="plan"
              mapping={books.plan.mapping}
              fields={PLAN_FIELDS}
              options={columnOptions(sheetByName.get(books.plan.sheet), books.plan.mapping.headerRows)}
              onChange={(field, column) => c.setPlanColumn(field as PlanField, column)}
            />
          )}
          <FindingList
            title={tr("ui.books.findings.title")}
            findings={books.findings}
            total={books.counts.findings}
            onGoTo={(ref) => void c.goTo(ref)}
          />
          {c.selectError && (
            <MessageBar intent="warning">
              <MessageBarBody>{tr("ui.error.select", { message: c.selectError })}</MessageBarBody>
            </MessageBar>
          )}
          <div className={styles.saveBar}>
            {c.save.kind === "error" && (
              <MessageBar intent="error" data-testid="save-error">
                <MessageBarBody>{tr("ui.error.save", { message: c.save.message })}</MessageBarBody>
              </MessageBar>
            )}
            {c.save.kind === "saved" && (
              <MessageBar intent="success" data-testid="save-done">
                <MessageBarBody>{tr("ui.books.saved")}</MessageBarBody>
              </MessageBar>
            )}
            {c.save.kind !== "saved" && c.dirty && (
              <Caption1 className={styles.status} data-testid="unsaved">
                {tr(c.hasSaved ? "ui.books.unsaved" : "ui.books.notSavedYet")}
              </Caption1>
            )}
            <Button
              appearance="primary"
              data-testid="confirm-save"
              disabled={c.save.kind === "saving" || busy}
              onClick={() => void c.confirmAndSave()}
            >
              {tr(c.save.kind === "saving" ? "ui.books.saving" : "ui.books.confirm")}
            </Button>
          </div>
        </>
      )}
    </div>
  );
}
