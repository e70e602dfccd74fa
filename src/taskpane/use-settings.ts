/**
 * The user's settings (rule pack, cap overrides, disclosure details), loaded from and saved into the workbook
 * through the gateway, always read through the core's schema so a hand-edited or older value cannot break a run.
 */
import { useCallback, useEffect, useState } from "react";
import type { WorkbookGateway } from "../excel/gateway";
import { DEFAULT_SETTINGS, loadSettings, type AddinSettings } from "../core/settings/addin-settings";
import { draftFrom, settingsFromDraft, type DraftError, type DraftField, type SettingsDraft } from "./components/SettingsDraft";

export const SETTINGS_KEY = "settings";

export interface SettingsController {
  settings: AddinSettings;
  /** True once the saved settings (if any) have been loaded. */
  loaded: boolean;
  /** Problems found in the saved value (those fields fell back to defaults). */
  problems: string[];
  save(next: AddinSettings): Promise<void>;
}

export function useSettings(gateway: WorkbookGateway): SettingsController {
  const [settings, setSettings] = useState<AddinSettings>(DEFAULT_SETTINGS);
  const [loaded, setLoaded] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);

  useEffect(() => {
    let live = true;
    gateway
      .loadSetting<unknown>(SETTINGS_KEY)
      .then((saved) => {
        if (!live) return;
        const r = loadSettings(saved);
        setSettings(r.settings);
        setProblems(r.problems);
      })
      .catch((e: unknown) => live && setProblems([e instanceof Error ? e.message : String(e)]))
      .finally(() => live && setLoaded(true));
    return () => {
      live = false;
    };
  }, [gateway]);

  const save = useCallback(
    async (next: AddinSettings) => {
      const r = loadSettings(next);
      await gateway.saveSetting(SETTINGS_KEY, r.settings);
      setSettings(r.settings);
      setProblems(r.problems);
    },
    [gateway],
  );

  return { settings, loaded, problems, save };
}

export type SettingsSaveState = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; message: string };

export interface SettingsForm {
  draft: SettingsDraft;
  /** Located problems of the last save attempt (cleared field by field as the user edits). */
  errors: DraftError[];
  status: SettingsSaveState;
  update(change: (d: SettingsDraft) => SettingsDraft, field?: DraftField): void;
  /** Validates the draft; saves through the controller only when every field is valid. */
  save(): Promise<void>;
  /** Back to what is saved. */
  reset(): void;
}

/** The 设置 form's state: a text draft of the saved settings, validated on save. */
export function useSettingsForm(controller: SettingsController): SettingsForm {
  const { settings, save: saveSettings } = controller;
  const [draft, setDraft] = useState<SettingsDraft>(() => draftFrom(settings));
  const [errors, setErrors] = useState<DraftError[]>([]);
  const [status, setStatus] = useState<SettingsSaveState>({ kind: "idle" });
  const [dirty, setDirty] = useState(false);

  // Settings load from the workbook after the pane opens: show them unless the user has started editing.
  useEffect(() => {
    if (!dirty) setDraft(draftFrom(settings));
  }, [settings, dirty]);

  const update = useCallback((change: (d: SettingsDraft) => SettingsDraft, field?: DraftField) => {
    setDraft(change);
    setDirty(true);
    setStatus({ kind: "idle" });
    if (field) setErrors((es) => es.filter((e) => e.field !== field));
  }, []);

  const save = useCallback(async () => {
    const r = settingsFromDraft(draft, settings);
    if (!r.ok) {
      setErrors(r.errors);
      setStatus({ kind: "idle" });
      return;
    }
    setErrors([]);
    setStatus({ kind: "saving" });
    try {
      await saveSettings(r.settings);
      setDraft(draftFrom(r.settings));
      setDirty(false);
      setStatus({ kind: "saved" });
    } catch (e) {
      setStatus({ kind: "error", message: e instanceof Error ? e.message : String(e) });
    }
  }, [draft, settings, saveSettings]);

  const reset = useCallback(() => {
    setDraft(draftFrom(settings));
    setErrors([]);
    setDirty(false);
    setStatus({ kind: "idle" });
  }, [settings]);

  return { draft, errors, status, update, save, reset };
}
