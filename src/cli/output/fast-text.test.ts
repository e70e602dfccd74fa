import type { Finding } from "../../core/model/types";
import { findingFix, findingMessage, type Lang } from "../../core/i18n";
import { rulesCatalog } from "../../core/i18n/catalog/rules";
import { textMaker } from "./fast-text";

/** Every finding message key in the catalogue, with made-up values for each {{slot}}. */
function everyRuleFinding(lang: Lang, round: number): Finding[] {
  const out: Finding[] = [];
  for (const [key, text] of Object.entries(rulesCatalog[lang])) {
    const m = /^finding\.(.+)\.message$/.exec(key);
    if (!m) continue;
    const params: Record<string, string | number> = {};
    for (const s of text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)) params[s[1]] = round % 2 ? `${s[1]}-${round}` : round;
    out.push({ rule: m[1], severity: "warning", message: "", locations: [], params } as unknown as Finding);
  }
  return out;
}

describe("textMaker gives i18next's texts", () => {
  test.each(["zh-CN", "en"] as const)("for every rule message and fix (%s), over several rounds", (lang) => {
    const make = textMaker(lang);
    let checked = 0;
    for (let round = 0; round < 3; round++) {
      for (const f of everyRuleFinding(lang, round)) {
        expect(make.message(f)).toBe(findingMessage(f, lang));
        expect(make.fix(f)).toBe(findingFix(f, lang));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(30);
  });

  test("context variants, nesting and missing params go through i18next", () => {
    const make = textMaker("zh-CN");
    const withContext = { rule: "welfare-over-cap", severity: "warning", message: "", locations: [], params: { context: "card", name: "张三" } } as unknown as Finding;
    expect(make.message(withContext)).toBe(findingMessage(withContext, "zh-CN"));
    const missing = { rule: "birthday-twice", severity: "warning", message: "", locations: [], params: {} } as unknown as Finding;
    expect(make.message(missing)).toBe(findingMessage(missing, "zh-CN"));
    const nestedValue = { rule: "birthday-twice", severity: "warning", message: "", locations: [], params: { name: "{{year}}", year: 2025, count: 2, first: "x" } } as unknown as Finding;
    expect(make.message(nestedValue)).toBe(findingMessage(nestedValue, "zh-CN"));
  });
});
