/**
 * Finding texts for output, faster than one i18next call per text. `check --json` on a million-row ledger
 * prints tens of thousands of findings, and i18next spends ~25 µs on each message and fix (key resolution,
 * plural and context lookups, interpolation): seconds in all. Most catalogue texts are plain templates with
 * {{name}} slots, which are filled here directly.
 *
 * The fast path is only taken when it cannot differ from i18next: the template has no nesting ($t(...)), every
 * {{slot}} is a plain name present in params, params carry no i18next option (context, count's plural forms
 * exist only as `key_…` variants, which are excluded), and the first text made for each key is compared with
 * i18next's own; on any doubt the key goes to i18next for good.
 */
import type { Finding } from "../../core/model/types";
import { findingFix, findingMessage, type Lang } from "../../core/i18n";
import type { Catalog } from "../../core/i18n";
import { readCatalog } from "../../core/i18n/catalog/read";
import { rulesCatalog } from "../../core/i18n/catalog/rules";
import { reportsCatalog } from "../../core/i18n/catalog/reports";
import { uiCatalog } from "../../core/i18n/catalog/ui";
import { cliCatalog } from "../../core/i18n/catalog/cli";

/** The same catalogues, merged in the same order, as src/core/i18n. */
const catalogs: Catalog[] = [readCatalog, rulesCatalog, reportsCatalog, uiCatalog, cliCatalog];

const SLOT = /\{\{\s*([A-Za-z_]\w*)\s*\}\}/g;
/** i18next reads these names in the options object as options, not as values. */
const RESERVED = new Set(["context", "defaultValue", "lng", "lngs", "ns", "replace", "ordinal", "returnObjects", "joinArrays", "postProcess", "interpolation", "skipInterpolation", "fallbackLng", "keyPrefix", "returnDetails"]);

type Template = { parts: string[]; names: string[] } | "slow";

export interface TextMaker {
  message(f: Finding): string;
  fix(f: Finding): string;
}

export function textMaker(lang: Lang): TextMaker {
  let table: Record<string, string> | undefined;
  let fallback: Record<string, string> | undefined;
  const templates = new Map<string, Template>();
  const verified = new Set<string>();

  const compile = (key: string): Template => {
    table ??= Object.assign({}, ...catalogs.map((c) => c[lang]));
    fallback ??= Object.assign({}, ...catalogs.map((c) => c["zh-CN"]));
    const text = table![key] ?? fallback![key];
    if (text === undefined || text.includes("$t(")) return "slow";
    // Plural or context variants (key_other, key_card) make i18next pick another text: leave those to it.
    const prefix = `${key}_`;
    for (const k of Object.keys(table!)) if (k.startsWith(prefix)) return "slow";
    for (const k of Object.keys(fallback!)) if (k.startsWith(prefix)) return "slow";
    const parts: string[] = [];
    const names: string[] = [];
    let last = 0;
    for (const m of text.matchAll(SLOT)) {
      parts.push(text.slice(last, m.index));
      names.push(m[1]);
      last = m.index! + m[0].length;
    }
    parts.push(text.slice(last));
    // Any "{{" left in a literal part is a slot this simple reader does not understand (formats, nesting).
    if (parts.some((p) => p.includes("{{"))) return "slow";
    return { parts, names };
  };

  const fill = (key: string, params: Record<string, unknown>, slow: () => string): string => {
    let tpl = templates.get(key);
    if (tpl === undefined) templates.set(key, (tpl = compile(key)));
    if (tpl === "slow") return slow();
    for (const name in params) if (RESERVED.has(name)) return slow();
    let out = tpl.parts[0];
    for (let i = 0; i < tpl.names.length; i++) {
      const v = params[tpl.names[i]];
      if (v === undefined || v === null || typeof v === "object") return slow();
      const value = String(v);
      // i18next would read nesting or slots inside a value after filling it in.
      if (value.includes("$t(") || value.includes("{{")) return slow();
      out += value + tpl.parts[i + 1];
    }
    if (!verified.has(key)) {
      // The first text per key is checked against i18next itself; a difference sends the key to i18next.
      const expected = slow();
      if (expected !== out) {
        templates.set(key, "slow");
        return expected;
      }
      verified.add(key);
    }
    return out;
  };

  return {
    message: (f) => fill(`finding.${f.rule}.message`, f.params, () => findingMessage(f, lang)),
    fix: (f) => fill(f.fix ?? `finding.${f.rule}.fix`, f.params, () => findingFix(f, lang)),
  };
}
