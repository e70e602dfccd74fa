/**
 * The 设置 tab: the rule pack (with its source document and effective date), cap overrides in 元 (the pack's value
 * as placeholder), check options, the disclosure's details and the hardship fund's opening balance. "保存设置"
 * validates every field and saves into the workbook; a bad value is named beside its input, never saved as NaN.
 */
import type { ReactNode } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Select,
  Subtitle2,
  Textarea,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { builtInPacks, packById } from "../../core/packs";
import { useLang, useT, type Translate } from "../i18n";
import { useSettingsForm, type SettingsController, type SettingsForm } from "../use-settings";
import { useSectionStyles } from "./styles";
import { CAP_KEYS, SIGNATORY_KEYS, packCapText, type DraftError, type DraftField, type SettingsDraft } from "./SettingsDraft";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalM },
  // minmax(0, 1fr): columns may shrink below an input's intrinsic width, so two fit in a 320 px pane.
  grid: { display: "grid", alignItems: "start", gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)", columnGap: tokens.spacingHorizontalS, rowGap: tokens.spacingVerticalS },
  input: { width: "100%", minWidth: 0 },
  packMeta: { color: tokens.colorNeutralForeground3, display: "flex", flexDirection: "column", rowGap: "2px" },
  actions: { display: "flex", columnGap: tokens.spacingHorizontalS, alignItems: "center", flexWrap: "wrap" },
});

export interface SettingsTabProps {
  form: SettingsForm;
  /** Problems found in the value saved in the workbook (those fields fell back to defaults). */
  loadProblems: string[];
}

/** The tab as App mounts it: the form state comes from the settings controller. */
export function SettingsTabContainer({ controller }: { controller: SettingsController }) {
  const form = useSettingsForm(controller);
  return <SettingsTab form={form} loadProblems={controller.problems} />;
}

export function errorText(tr: Translate, e: DraftError): string {
  return tr(`ui.settings.error.${e.problem}`, { min: e.min ?? "", max: e.max ?? "" });
}

export function fieldLabel(tr: Translate, field: DraftField): string {
  if (field.startsWith("caps.")) return tr("ui.settings.capField", { occasion: tr(`ui.settings.cap.${field.slice(5)}`) });
  if (field.startsWith("signatories.")) return tr(`ui.settings.sign.${field.slice(12)}`);
  return tr(`ui.settings.field.${field}`);
}

export function SettingsTab({ form, loadProblems }: SettingsTabProps) {
  const tr = useT();
  const lang = useLang();
  const styles = useStyles();
  const section = useSectionStyles();
  const { draft, errors, status, update } = form;
  const pack = packById(draft.packId);
  const errorOf = (field: DraftField) => errors.find((e) => e.field === field);

  /** A labelled text input bound to one draft field, with its located message. */
  const text = (field: DraftField, value: string, set: (d: SettingsDraft, v: string) => SettingsDraft, extra: { placeholder?: string; unit?: string; type?: "text" | "date"; label?: string } = {}): ReactNode => {
    const err = errorOf(field);
    return (
      <Field
        key={field}
        label={extra.label ?? fieldLabel(tr, field)}
        size="small"
        validationState={err ? "error" : "none"}
        validationMessage={err ? errorText(tr, err) : undefined}
      >
        <Input
          size="small"
          className={styles.input}
          type={extra.type ?? "text"}
          value={value}
          placeholder={extra.placeholder}
          contentAfter={extra.unit ? <Caption1>{extra.unit}</Caption1> : undefined}
          onChange={(_, d) => update((x) => set(x, d.value), field)}
          data-testid={`setting-${field}`}
        />
      </Field>
    );
  };

  return (
    <div className={styles.root} data-testid="settings-tab">
      {loadProblems.length > 0 && (
        <MessageBar intent="warning" data-testid="settings-load-problems">
          <MessageBarBody>{tr("ui.settings.loadProblems", { problems: loadProblems.join("；") })}</MessageBarBody>
        </MessageBar>
      )}

      <section className={section.section}>
        <Subtitle2>{tr("ui.settings.pack.title")}</Subtitle2>
        <Field label={tr("ui.settings.field.packId")} size="small">
          <Select
            size="small"
            value={draft.packId}
            onChange={(_, d) => update((x) => ({ ...x, packId: d.value }), "packId")}
            data-testid="setting-packId"
          >
            {builtInPacks.map((p) => (
              <option key={p.id} value={p.id}>
                {lang === "en" ? p.name.en : p.name.zh}
              </option>
            ))}
          </Select>
        </Field>
        {pack && (
          <div className={styles.packMeta} data-testid="pack-meta">
            <Caption1>{tr("ui.settings.pack.source", { document: pack.source.document })}</Caption1>
            <Caption1>{tr("ui.settings.pack.effective", { date: pack.effective })}</Caption1>
            {pack.notes && <Caption1>{lang === "en" ? pack.notes.en : pack.notes.zh}</Caption1>}
          </div>
        )}
      </section>

      <section className={section.section}>
        <Subtitle2>{tr("ui.settings.caps.title")}</Subtitle2>
        <Caption1 className={section.meta}>{tr("ui.settings.caps.hint")}</Caption1>
        <div className={styles.grid}>
          {CAP_KEYS.map((k) =>
            text(`caps.${k}`, draft.caps[k], (d, v) => ({ ...d, caps: { ...d.caps, [k]: v } }), {
              label: tr(`ui.settings.cap.${k}`),
              placeholder: packCapText(pack, k) || tr("ui.settings.caps.none"),
              unit: tr("ui.settings.unit.yuan"),
            }),
          )}
        </div>
      </section>

      <section className={section.section}>
        <Subtitle2>{tr("ui.settings.checks.title")}</Subtitle2>
        <div className={styles.grid}>
          {text("tolerancePct", draft.tolerancePct, (d, v) => ({ ...d, tolerancePct: v }), { placeholder: "0", unit: "%" })}
          {text("festivalWindowDays", draft.festivalWindowDays, (d, v) => ({ ...d, festivalWindowDays: v }), { unit: tr("ui.settings.unit.days") })}
          {text("memberCount", draft.memberCount, (d, v) => ({ ...d, memberCount: v }), { placeholder: tr("ui.settings.fromPlan"), unit: tr("ui.settings.unit.people") })}
          {text("hardshipOpeningYuan", draft.hardshipOpeningYuan, (d, v) => ({ ...d, hardshipOpeningYuan: v }), { unit: tr("ui.settings.unit.yuan") })}
        </div>
      </section>

      <section className={section.section}>
        <Subtitle2>{tr("ui.settings.disclosure.title")}</Subtitle2>
        {text("unionName", draft.unionName, (d, v) => ({ ...d, unionName: v }), { placeholder: tr("ui.settings.fromPlan") })}
        <div className={styles.grid}>
          {SIGNATORY_KEYS.map((k) => text(`signatories.${k}`, draft.signatories[k], (d, v) => ({ ...d, signatories: { ...d.signatories, [k]: v } })))}
          {text("preparedDate", draft.preparedDate, (d, v) => ({ ...d, preparedDate: v }), { type: "date" })}
          {text("thresholdYuan", draft.thresholdYuan, (d, v) => ({ ...d, thresholdYuan: v }), { placeholder: "5000", unit: tr("ui.settings.unit.yuan") })}
          {text("objectionDays", draft.objectionDays, (d, v) => ({ ...d, objectionDays: v }), { unit: tr("ui.settings.unit.days") })}
        </div>
        {text("objectionChannel", draft.objectionChannel, (d, v) => ({ ...d, objectionChannel: v }), { placeholder: tr("ui.settings.channelPlaceholder") })}
        <Field label={fieldLabel(tr, "reviewStatement")} size="small">
          <Textarea
            size="small"
            resize="vertical"
            value={draft.reviewStatement}
            placeholder={tr("ui.settings.reviewPlaceholder")}
            onChange={(_, d) => update((x) => ({ ...x, reviewStatement: d.value }), "reviewStatement")}
            data-testid="setting-reviewStatement"
          />
        </Field>
      </section>

      {errors.length > 0 && (
        <MessageBar intent="error" data-testid="settings-errors">
          <MessageBarBody>
            {tr("ui.settings.invalid", { count: errors.length })}
            <ul style={{ margin: "4px 0 0", paddingLeft: 18 }}>
              {errors.map((e) => (
                <li key={e.field}>
                  {tr("ui.settings.errorItem", { field: fieldLabel(tr, e.field), message: errorText(tr, e) })}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "error" && (
        <MessageBar intent="error" data-testid="settings-save-error">
          <MessageBarBody>{tr("ui.error.save", { message: status.message })}</MessageBarBody>
        </MessageBar>
      )}
      {status.kind === "saved" && (
        <MessageBar intent="success" data-testid="settings-saved">
          <MessageBarBody>{tr("ui.settings.saved")}</MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void form.save()} disabled={status.kind === "saving"} data-testid="settings-save">
          {tr(status.kind === "saving" ? "ui.settings.saving" : "ui.settings.save")}
        </Button>
        <Button appearance="subtle" onClick={form.reset} data-testid="settings-reset">
          {tr("ui.settings.reset")}
        </Button>
      </div>
    </div>
  );
}
