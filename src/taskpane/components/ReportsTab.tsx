/**
 * The 报表 tab: pick the period and the reports, generate them into the workbook, see a refused disclosure loudly
 * (with the difference and the fix), jump to each generated sheet, and delete the generated sheets.
 */
import {
  Badge,
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
  Select,
  Subtitle2,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { effectivePack } from "../../core/settings/addin-settings";
import type { Lang } from "../../core/i18n";
import { useLang, useT } from "../i18n";
import type { BooksController } from "../use-books";
import type { SettingsController } from "../use-settings";
import type { WorkbookGateway } from "../../excel/gateway";
import type { CoreRunner } from "../../worker/runner-api";
import { useReportForm, useReports, type ReportForm, type ReportsController, type ReportsPhase } from "../use-reports";
import { useSectionStyles } from "./styles";
import {
  PERIOD_KINDS,
  REPORT_CHOICES,
  SUMMARY_OF,
  chosenKinds,
  indexRange,
  periodOf,
  periodText,
  type PeriodKind,
} from "./ReportsPeriod";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  periodRow: { display: "grid", gridTemplateColumns: "1.2fr 1fr 1fr", columnGap: tokens.spacingHorizontalS, alignItems: "end" },
  checks: { display: "flex", flexDirection: "column" },
  detail: { paddingLeft: tokens.spacingHorizontalXL },
  progressText: { color: tokens.colorNeutralForeground3 },
  sheetList: { listStyle: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalXS },
  sheetItem: { display: "flex", alignItems: "center", columnGap: tokens.spacingHorizontalS },
  sheetName: { flexGrow: 1, overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" },
  fix: { display: "block", marginTop: tokens.spacingVerticalXS, fontWeight: tokens.fontWeightSemibold },
});

/** The tab as App mounts it: state from the reports hooks, the year from the books read on the 账簿 tab. */
export function ReportsTabContainer({ books, runner, settings, gateway }: { books: BooksController; runner: CoreRunner; settings: SettingsController; gateway: WorkbookGateway }) {
  const lang = useLang();
  const controller = useReports({ gateway, runner, settings: settings.settings, choices: books.choices, lang });
  const form = useReportForm(booksYear(books));
  const pack = effectivePack(settings.settings);
  return <ReportsTab controller={controller} form={form} packName={lang === "en" ? pack.name.en : pack.name.zh} />;
}

/** The books' year as the runner read it on the 账簿 tab (ledger year, else the plan's). */
function booksYear(books: BooksController): number | undefined {
  return books.summary?.year;
}

export interface ReportsTabProps {
  controller: ReportsController;
  form: ReportForm;
  /** The rule pack the settings name (the reports print it too). */
  packName: string;
}

export function ReportsTab({ controller: c, form, packName }: ReportsTabProps) {
  const tr = useT();
  const lang = useLang();
  const styles = useStyles();
  const section = useSectionStyles();
  const running = c.phase.kind === "running";
  const period = periodOf(form.period);
  const yearGiven = form.period.year.trim() !== "";
  const badYear = yearGiven && !period;
  const nothingChosen = form.chosen.size === 0;
  const range = indexRange(form.period.kind);
  const result = c.result;

  const generate = () => void c.generate(periodText(form.period), chosenKinds(form.chosen));

  return (
    <div className={styles.root} data-testid="reports-tab">
      <section className={section.section}>
        <Subtitle2>{tr("ui.reports.period.title")}</Subtitle2>
        <div className={styles.periodRow}>
          <Field label={tr("ui.reports.period.kind")} size="small">
            <Select
              size="small"
              value={form.period.kind}
              onChange={(_, d) => form.setPeriod({ kind: d.value as PeriodKind })}
              data-testid="period-kind"
            >
              {PERIOD_KINDS.map((k) => (
                <option key={k} value={k}>
                  {tr(`ui.reports.periodKind.${k}`)}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={tr("ui.reports.period.year")} size="small" validationState={badYear ? "error" : "none"}>
            <Input
              size="small"
              inputMode="numeric"
              value={form.period.year}
              placeholder={tr("ui.reports.period.booksYear")}
              onChange={(_, d) => form.setPeriod({ year: d.value })}
              data-testid="period-year"
            />
          </Field>
          {range.length > 0 && (
            <Field label={tr(form.period.kind === "quarter" ? "ui.reports.period.quarter" : "ui.reports.period.month")} size="small">
              <Select
                size="small"
                value={String(form.period.index)}
                onChange={(_, d) => form.setPeriod({ index: Number(d.value) })}
                data-testid="period-index"
              >
                {range.map((i) => (
                  <option key={i} value={i}>
                    {tr(form.period.kind === "quarter" ? "ui.reports.period.quarterN" : form.period.kind === "ytd" ? "ui.reports.period.ytdN" : "ui.reports.period.monthN", { n: i })}
                  </option>
                ))}
              </Select>
            </Field>
          )}
        </div>
        <Caption1 className={badYear ? undefined : section.meta} data-testid="period-label">
          {badYear
            ? tr("ui.reports.period.badYear")
            : period
              ? tr("ui.reports.period.label", { label: period.label })
              : tr("ui.reports.period.fromBooks")}
        </Caption1>
      </section>

      <section className={section.section}>
        <Subtitle2>{tr("ui.reports.choose.title")}</Subtitle2>
        <div className={styles.checks}>
          {REPORT_CHOICES.map((r) => (
            <Checkbox
              key={r}
              className={SUMMARY_OF[r] ? styles.detail : undefined}
              checked={form.chosen.has(r)}
              onChange={(_, d) => form.toggle(r, d.checked === true)}
              label={tr(`ui.reports.choice.${r}`)}
              data-testid={`report-${r}`}
            />
          ))}
        </div>
        <Caption1 className={section.meta}>{tr("ui.reports.choose.internalNote")}</Caption1>
        <Caption1 className={section.meta} data-testid="reports-pack">
          {tr("ui.reports.pack", { name: packName })}
        </Caption1>
        <Button appearance="primary" onClick={generate} disabled={running || badYear || nothingChosen} data-testid="generate-reports">
          {tr(running ? "ui.reports.generating" : "ui.reports.generate")}
        </Button>
        {running && <Progress phase={c.phase} />}
      </section>

      {c.phase.kind === "error" && (
        <MessageBar intent="error" data-testid="reports-error">
          <MessageBarBody>{tr("ui.reports.error", { message: c.phase.message })}</MessageBarBody>
        </MessageBar>
      )}

      {result?.refused && (
        <MessageBar intent="error" layout="multiline" data-testid="disclosure-refused">
          <MessageBarBody>
            <MessageBarTitle>{result.refused.title}</MessageBarTitle>
            <div data-testid="refusal-message">{result.refused.message}</div>
            <span className={styles.fix} data-testid="refusal-fix">
              {result.refused.fix}
            </span>
            {result.refused.detail.closingCells.map((cell) => (
              <Link key={cell} onClick={() => void c.goToCell(cell)} data-testid="refusal-goto">
                {tr("ui.reports.refused.goTo", { address: cell })}
              </Link>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}

      {result?.failed.map((f) => (
        <MessageBar key={f.sheet} intent="error" layout="multiline" data-testid="write-error">
          <MessageBarBody>{tr("ui.reports.writeFailed", { sheet: f.sheet, message: f.message })}</MessageBarBody>
        </MessageBar>
      ))}

      {result && result.written.length > 0 && (
        <MessageBar intent={result.refused || result.failed.length ? "warning" : "success"} layout="multiline" data-testid="reports-done">
          <MessageBarBody>
            {tr("ui.reports.done", {
              count: result.written.length,
              period: result.period.label,
              pack: lang === "en" ? result.pack.name.en : result.pack.name.zh,
            })}
          </MessageBarBody>
        </MessageBar>
      )}

      <GeneratedList controller={c} lang={lang} />
    </div>
  );
}

function Progress({ phase }: { phase: ReportsPhase }) {
  const tr = useT();
  const styles = useStyles();
  if (phase.kind !== "running") return null;
  const value = phase.total > 0 ? Math.min(1, phase.done / phase.total) : undefined;
  return (
    <div data-testid="reports-progress">
      <ProgressBar value={value} thickness="large" />
      <Caption1 className={styles.progressText}>
        {tr(`ui.reports.step.${phase.step}`, { sheet: phase.sheet ?? "", done: Math.floor(phase.done), total: phase.total || "…" })}
      </Caption1>
    </div>
  );
}

function GeneratedList({ controller: c }: { controller: ReportsController; lang: Lang }) {
  const tr = useT();
  const styles = useStyles();
  const section = useSectionStyles();
  return (
    <section className={section.section} data-testid="generated-sheets">
      <div className={section.heading}>
        <Subtitle2>{tr("ui.reports.generated.title")}</Subtitle2>
        <Caption1 className={section.meta}>{tr("ui.reports.generated.count", { count: c.generated.length })}</Caption1>
      </div>
      {c.generated.length === 0 ? (
        <Caption1 className={section.meta}>{tr("ui.reports.generated.none")}</Caption1>
      ) : (
        <ul className={styles.sheetList}>
          {c.generated.map((s) => (
            <li key={s.name} className={styles.sheetItem} data-testid="generated-sheet" data-name={s.name}>
              <span className={styles.sheetName} title={s.name}>
                {s.name}
              </span>
              {s.name.includes("内部") && (
                <Badge size="small" appearance="tint" color="danger">
                  {tr("ui.reports.generated.internal")}
                </Badge>
              )}
              <Link onClick={() => void c.goTo(s.name)} data-testid="goto-sheet">
                {tr("ui.reports.generated.goTo")}
              </Link>
            </li>
          ))}
        </ul>
      )}
      {c.removed && (
        <Caption1 data-testid="removed-note">{tr("ui.reports.generated.removed", { count: c.removed.length })}</Caption1>
      )}
      {c.actionError && (
        <MessageBar intent="error" data-testid="reports-action-error">
          <MessageBarBody>{c.actionError}</MessageBarBody>
        </MessageBar>
      )}
      <Button appearance="secondary" onClick={() => void c.removeGenerated()} disabled={c.generated.length === 0} data-testid="remove-generated">
        {tr("ui.reports.generated.remove")}
      </Button>
    </section>
  );
}
