import { checkOptionsFrom, DEFAULT_SETTINGS, effectivePack, loadSettings, reportInputsFrom } from "./addin-settings";
import type { Books } from "../model/types";

const books = { roles: { ledgerSheets: [] }, ledger: { sheets: [], entries: [], subtotals: [], mappings: [], year: 2025 }, findings: [] } as Books;

test("defaults: national pack, 5,000 元 threshold, 30-day festival window", () => {
  expect(DEFAULT_SETTINGS.packId).toBe("national");
  expect(DEFAULT_SETTINGS.thresholdFen).toBe(500000);
  expect(DEFAULT_SETTINGS.festivalWindowDays).toBe(30);
});

test("a saved override changes the effective cap and nothing else", () => {
  const { settings, problems } = loadSettings({ packId: "anhui-2021", capOverrides: { welfareCaps: { birthday: 20000 } } });
  expect(problems).toEqual([]);
  const pack = effectivePack(settings);
  expect(pack.id).toBe("anhui-2021");
  expect(pack.welfareCaps.birthday).toBe(20000);
  expect(pack.welfareCaps.festival).toBe(effectivePack({ ...settings, capOverrides: undefined }).welfareCaps.festival);
});

test("invalid fields fall back to defaults and are reported, valid ones are kept", () => {
  const { settings, problems } = loadSettings({ thresholdFen: -5, unionName: "江城工会" });
  expect(settings.thresholdFen).toBe(500000);
  expect(settings.unionName).toBe("江城工会");
  expect(problems.join()).toContain("thresholdFen");
});

test("an unknown pack id falls back to the national pack", () => {
  expect(effectivePack({ ...DEFAULT_SETTINGS, packId: "nowhere" }).id).toBe("national");
});

test("check options and report inputs carry the settings through", () => {
  const s = { ...DEFAULT_SETTINGS, enableOptional: ["dates-out-of-order"], memberCount: 88, unionName: "某工会" };
  expect(checkOptionsFrom(s).enable).toEqual(["dates-out-of-order"]);
  const r = reportInputsFrom(s, books);
  expect(r.disclosure.unionName).toBe("某工会");
  expect(r.context.memberCount).toBe(88);
  expect(r.context.packName).toContain("全国");
});
