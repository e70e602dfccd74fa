/**
 * i18n through i18next: one private instance (never the global one), flat keys, zh-CN first.
 * Each area of the add-in owns one catalogue file under ./catalog so authors do not edit the same file.
 */
import i18next, { type i18n as I18n } from "i18next";
import type { Finding } from "../model/types";
import type { Catalog, Lang } from "./catalog-type";
import { readCatalog } from "./catalog/read";
import { rulesCatalog } from "./catalog/rules";
import { reportsCatalog } from "./catalog/reports";
import { uiCatalog } from "./catalog/ui";
import { cliCatalog } from "./catalog/cli";

export type { Lang, Catalog } from "./catalog-type";

const catalogs: Catalog[] = [readCatalog, rulesCatalog, reportsCatalog, uiCatalog, cliCatalog];

function merged(lang: Lang): Record<string, string> {
  return Object.assign({}, ...catalogs.map((c) => c[lang]));
}

let instance: I18n | undefined;

function i18n(): I18n {
  if (!instance) {
    instance = i18next.createInstance();
    void instance.init({
      lng: "zh-CN",
      fallbackLng: "zh-CN",
      initAsync: false,
      keySeparator: false,
      nsSeparator: false,
      interpolation: { escapeValue: false },
      resources: { "zh-CN": { translation: merged("zh-CN") }, en: { translation: merged("en") } },
      returnNull: false,
    });
  }
  return instance;
}

/** Translate `key` into `lang`, filling {{params}}. A missing key returns the key itself, which tests catch. */
export function t(key: string, params: Record<string, unknown> = {}, lang: Lang = "zh-CN"): string {
  return i18n().t(key, { ...params, lng: lang }) as string;
}

export function hasKey(key: string, lang: Lang = "zh-CN"): boolean {
  return i18n().exists(key, { lng: lang, fallbackLng: false });
}

/** The message of a finding: catalogue key `finding.<rule>.message`. */
export function findingMessage(f: Finding, lang: Lang = "zh-CN"): string {
  return t(`finding.${f.rule}.message`, f.params, lang);
}

/** The fix of a finding: `f.fix` when given, else `finding.<rule>.fix`. */
export function findingFix(f: Finding, lang: Lang = "zh-CN"): string {
  return t(f.fix ?? `finding.${f.rule}.fix`, f.params, lang);
}

/** Office gives a display language such as "zh-CN", "en-US", "en-GB"; English hosts get English, all else Chinese. */
export function langFromDisplayLanguage(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^en\b/i.test(displayLanguage) ? "en" : "zh-CN";
}
