/**
 * The user's settings (rule pack, cap overrides, disclosure details), loaded from and saved into the workbook
 * through the gateway, always read through the core's schema so a hand-edited or older value cannot break a run.
 */
import { useCallback, useEffect, useState } from "react";
import type { WorkbookGateway } from "../excel/gateway";
import { DEFAULT_SETTINGS, loadSettings, type AddinSettings } from "../core/settings/addin-settings";

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
