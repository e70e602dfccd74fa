import { applyOverrides, builtInPacks, loadOverrides, loadPack, nationalPack, packById, welfareCapsOf } from ".";

describe("rule packs", () => {
  test("every built-in pack validates and has a unique id", () => {
    for (const p of builtInPacks) expect(loadPack(p)).toEqual({ ok: true, pack: p });
    expect(new Set(builtInPacks.map((p) => p.id)).size).toBe(builtInPacks.length);
    expect(builtInPacks.map((p) => p.id)).toEqual(["national", "anhui-2018", "anhui-2021", "shandong-2018", "hubei-2018", "sichuan-2018", "guangdong-2018", "guizhou-2018", "beijing-2019"]);
  });
  test("caps are integer fen from the reference", () => {
    expect(packById("anhui-2021")!.welfareCaps.festival).toBe(200000);
    expect(packById("guizhou-2018")!.festivalCaps).toEqual({ 春节: 50000, "*": 20000 });
    expect(packById("beijing-2019")!.festivalRatioOfBudgetedIncome).toBe(0.5);
    expect(nationalPack.cashLimitFen).toBe(100000);
  });
  test("invalid JSON gives located errors", () => {
    const bad = { ...nationalPack, effective: "2018", welfareCaps: { festival: 12.5 } };
    const r = loadPack(JSON.stringify(bad));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.path).sort()).toEqual(["effective", "welfareCaps.festival"]);
    const notJson = loadPack("{oops");
    expect(notJson.ok).toBe(false);
  });
  test("unknown fields are rejected, so typos in a cap name do not pass silently", () => {
    const r = loadPack({ ...nationalPack, welfareCaps: { festivel: 100 } });
    expect(r.ok).toBe(false);
  });
  test("overrides merge field by field and add keywords", () => {
    const p = applyOverrides(nationalPack, { welfareCaps: { birthday: 40000 }, cashLimitFen: 50000, keywords: { "bonus-or-allowance": { include: ["值守费"] } } });
    expect(p.welfareCaps).toMatchObject({ birthday: 40000, festival: 150000 });
    expect(p.cashLimitFen).toBe(50000);
    expect(p.keywords?.["bonus-or-allowance"]?.include).toEqual(["值守费"]);
    expect(nationalPack.welfareCaps.birthday).toBe(30000);
    expect(loadOverrides({ cashLimitFen: -1 }).ok).toBe(false);
  });
  test("welfareCapsOf gives the reports the caps by occasion; unknown caps are absent", () => {
    expect(welfareCapsOf(nationalPack)).toEqual({ festival: 150000, birthday: 30000, wedding: 100000, childbirth: 100000, sickness: 100000, bereavement: 200000, retirement: 100000 });
    expect(welfareCapsOf(packById("shandong-2018")!)).toEqual({ festival: 160000, birthday: 30000 });
  });
});
