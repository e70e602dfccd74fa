/** The 设置 form's conversions: what the treasurer types becomes valid settings in fen, or located errors. */
import { DEFAULT_SETTINGS, AddinSettingsSchema, loadSettings } from "../../core/settings/addin-settings";
import { nationalPack } from "../../core/packs";
import { draftFrom, packCapText, settingsFromDraft, type SettingsDraft } from "./SettingsDraft";

const blank = (): SettingsDraft => draftFrom(DEFAULT_SETTINGS);

describe("settings draft", () => {
  it("round-trips the defaults unchanged", () => {
    const r = settingsFromDraft(blank(), DEFAULT_SETTINGS);
    expect(r).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
  });

  it("turns yuan into fen, percent into a fraction and keeps blanks out", () => {
    const d = blank();
    d.caps.birthday = "300";
    d.caps.sickness = "1,200.50";
    d.tolerancePct = "5";
    d.memberCount = "86";
    d.unionName = "  江城机械厂工会 ";
    d.signatories.chair = "王主席";
    d.preparedDate = "2026-01-15";
    d.thresholdYuan = "3000";
    d.hardshipOpeningYuan = "12,000";
    d.objectionChannel = "工会办公室";
    const r = settingsFromDraft(d, DEFAULT_SETTINGS);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.settings.capOverrides).toEqual({ welfareCaps: { birthday: 30000, sickness: 120050 } });
    expect(r.settings.overBudgetTolerance).toBe(0.05);
    expect(r.settings.memberCount).toBe(86);
    expect(r.settings.unionName).toBe("江城机械厂工会");
    expect(r.settings.signatories).toEqual({ chair: "王主席" });
    expect(r.settings.preparedDate).toBe("2026-01-15");
    expect(r.settings.thresholdFen).toBe(300000);
    expect(r.settings.hardshipOpeningFen).toBe(1200000);
    // What is saved is exactly what the worker reads back.
    expect(loadSettings(JSON.parse(JSON.stringify(r.settings)))).toEqual({ settings: r.settings, problems: [] });
    // And the draft shows it again as typed (money without separators).
    const again = draftFrom(r.settings);
    expect(again.caps.sickness).toBe("1200.5");
    expect(again.tolerancePct).toBe("5");
    expect(again.hardshipOpeningYuan).toBe("12000");
  });

  it("names every bad field and never produces NaN", () => {
    const d = blank();
    d.caps.festival = "五百";
    d.caps.wedding = "-100";
    d.tolerancePct = "abc";
    d.festivalWindowDays = "200";
    d.memberCount = "12.5";
    d.preparedDate = "2026-02-30";
    d.thresholdYuan = "x";
    d.packId = "nowhere";
    const r = settingsFromDraft(d, DEFAULT_SETTINGS);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(Object.fromEntries(r.errors.map((e) => [e.field, e.problem]))).toEqual({
      packId: "unknownPack",
      "caps.festival": "money",
      "caps.wedding": "moneyNegative",
      tolerancePct: "range",
      festivalWindowDays: "range",
      memberCount: "integer",
      preparedDate: "date",
      thresholdYuan: "money",
    });
  });

  it("keeps what the form does not show (optional rules, other overrides)", () => {
    const base = AddinSettingsSchema.parse({ enableOptional: ["x.rule"], capOverrides: { cashLimitFen: 100000, welfareCaps: { birthday: 1 } } });
    const d = draftFrom(base);
    d.caps.birthday = "";
    const r = settingsFromDraft(d, base);
    expect(r.ok && r.settings.enableOptional).toEqual(["x.rule"]);
    expect(r.ok && r.settings.capOverrides).toEqual({ cashLimitFen: 100000 });
  });

  it("shows the pack's cap as the placeholder", () => {
    const fen = nationalPack.welfareCaps.birthday;
    expect(packCapText(nationalPack, "birthday")).toBe(fen === undefined ? "" : String(fen / 100));
  });
});
