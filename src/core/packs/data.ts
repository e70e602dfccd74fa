/**
 * The built-in rule packs, as data. Figures come from /work/shared/reference/union-funds-cn.md §2 (yuan there,
 * fen here). A cap the sources do not state ("n/f") is left out on purpose: the rule then skips that check
 * rather than guessing. Each pack names its source document and URL so the disclosure can say which was used.
 */
import type { RulePack } from "./schema";

const yuan = (n: number) => n * 100;

/** The national default: the §2.3 suggested defaults (median of provincial figures, not an official figure). */
export const nationalPack: RulePack = {
  id: "national",
  name: { zh: "全国默认（总工办发〔2017〕32号，建议默认标准）", en: "National defaults (ACFTU 2017 No. 32, suggested caps)" },
  source: {
    document: "《基层工会经费收支管理办法》（总工办发〔2017〕32号）；限额为各省标准中位数的建议默认值",
    url: "https://consult.17win.com/yqconsult-web-ssr/questionDetail/1/001573617463120210970050568a66bb?type=qa",
    confidence: "INF",
  },
  effective: "2017-12-01",
  welfareCaps: {
    festival: yuan(1500),
    birthday: yuan(300),
    wedding: yuan(1000),
    childbirth: yuan(1000),
    sickness: yuan(1000),
    bereavementMember: yuan(2000),
    bereavementRelative: yuan(1000),
    retirement: yuan(1000),
  },
  cashLimitFen: yuan(1000),
  outingPerDayFen: yuan(200),
  // Festival and birthday gifts: goods or a designated-merchant voucher, never cash; retirement: a souvenir.
  // Wedding/childbirth: the national text says goods, but several provinces allow cash; we do not flag cash there.
  allowedForms: { festival: ["goods", "voucher"], birthday: ["goods", "voucher"], retirement: ["goods"] },
  notes: {
    zh: "全国文件只规定“一定金额”，此处限额为各省标准的中位数，仅供参考，请按本省文件选择规则包。",
    en: "The national text only says 'a certain amount'; these caps are the median of provincial figures. Pick your province's pack.",
  },
};

export const anhui2018Pack: RulePack = {
  id: "anhui-2018",
  name: { zh: "安徽省基层工会经费收支管理实施办法（试行，2018）", en: "Anhui implementation measures (trial, 2018)" },
  source: {
    document: "安徽省基层工会经费收支管理实施办法（试行），2018年3月",
    url: "https://feifmx.com/socialgd/10000169/20180428/32358486_2.html",
    confidence: "C2",
  },
  effective: "2018-03-01",
  welfareCaps: {
    festival: yuan(1500),
    birthday: yuan(300),
    wedding: yuan(600),
    childbirth: yuan(600),
    sickness: yuan(1000),
    bereavementMember: yuan(2000),
    bereavementRelative: yuan(1000),
    retirement: yuan(1000),
  },
  cashLimitFen: yuan(1000),
  outingPerDayFen: yuan(200),
  allowedForms: { festival: ["goods", "voucher"], birthday: ["goods", "voucher"], wedding: ["goods", "cash"], retirement: ["goods"] },
};

export const anhui2021Pack: RulePack = {
  id: "anhui-2021",
  name: { zh: "安徽省基层工会经费收支管理办法（修订）", en: "Anhui measures (later revision)" },
  source: {
    document: "安徽省基层工会经费收支管理办法（修订版，年份未注明，采用2021年后表述）",
    url: "https://m.jiusongjiankang.com/health/news/5246382.html",
    confidence: "C2",
  },
  // The revision's year is not stated in the sources; it uses the post-2021 wording, so 2022-01-01 is assumed.
  effective: "2022-01-01",
  welfareCaps: {
    festival: yuan(2000),
    birthday: yuan(300),
    wedding: yuan(2000),
    childbirth: yuan(1000),
    sickness: yuan(1000),
    sicknessWithSurgery: yuan(2000),
    bereavementMember: yuan(2000),
    bereavementRelative: yuan(1000),
    retirement: yuan(1000),
  },
  sameIllnessOncePerYear: true,
  cashLimitFen: yuan(1000),
  outingPerDayFen: yuan(200),
  allowedForms: { festival: ["goods", "voucher"], birthday: ["goods", "voucher"], retirement: ["goods"] },
};

export const shandong2018Pack: RulePack = {
  id: "shandong-2018",
  name: { zh: "山东省基层工会经费收支管理实施细则（试行，2018）", en: "Shandong implementation rules (trial, 2018)" },
  source: {
    document: "山东省基层工会经费收支管理实施细则（试行），2018年7月",
    url: "https://sd.dzwww.com/sdnews/201807/t20180710_17586419.htm",
    confidence: "C1",
  },
  effective: "2018-07-01",
  welfareCaps: { festival: yuan(1600), birthday: yuan(300) },
  cashLimitFen: yuan(1000),
  outingPerDayFen: yuan(200),
  allowedForms: { festival: ["goods", "voucher"], birthday: ["goods", "voucher"], retirement: ["goods"] },
};

export const hubei2018Pack: RulePack = {
  id: "hubei-2018",
  name: { zh: "湖北省基层工会经费收支管理实施细则（2018）", en: "Hubei implementation rules (2018)" },
  source: {
    document: "湖北省基层工会经费收支管理实施细则，2018年初",
    url: "https://jw.wust.edu.cn/info/1361/7471.htm",
    confidence: "C1",
  },
  effective: "2018-01-01",
  welfareCaps: {
    festival: yuan(1200),
    birthday: yuan(300),
    wedding: yuan(1000),
    childbirth: yuan(500),
    sickness: yuan(1000),
    bereavementMember: yuan(1000),
    bereavementRelative: yuan(1000),
    retirement: yuan(1000),
  },
  cashLimitFen: yuan(1000),
  outingPerDayFen: yuan(200),
  allowedForms: { festival: ["goods", "voucher"], birthday: ["goods", "voucher"], retirement: ["goods"] },
  notes: {
    zh: "经费充足的企业工会节日慰问标准可提高到每人每年1500元，可在设置中覆盖。",
    en: "Well-funded enterprise unions may give up to 1,500 yuan per member per year for festivals: override in settings.",
  },
};

export const sichuan2018Pack: RulePack = {
  id: "sichuan-2018",
  name: { zh: "四川省基层工会经费收支管理实施办法（约2018）", en: "Sichuan implementation measures (c. 2018)" },
  source: {
    document: "四川省基层工会经费收支管理实施办法（年份约为2018）",
    url: "http://www.tongfu2017.com/content.html?id=40842",
    confidence: "C2",
  },
  effective: "2018-01-01",
  welfareCaps: {
    festival: yuan(2100),
    birthday: yuan(300),
    wedding: yuan(500),
    childbirth: yuan(500),
    bereavementMember: yuan(2000),
    bereavementRelative: yuan(1000),
    retirement: yuan(500),
  },
  cashLimitFen: yuan(1000),
  outingPerDayFen: yuan(200),
  allowedForms: { festival: ["goods", "voucher"], birthday: ["goods", "voucher"], retirement: ["goods"] },
};

export const guangdong2018Pack: RulePack = {
  id: "guangdong-2018",
  name: { zh: "广东省基层工会经费收支管理实施细则（试行，约2018）", en: "Guangdong implementation rules (trial, c. 2018)" },
  source: {
    document: "广东省基层工会经费收支管理实施细则（试行）",
    url: "https://dawenbaishu.com/answer/18075.html",
    confidence: "C2",
  },
  effective: "2018-01-01",
  welfareCaps: {
    wedding: yuan(1000),
    childbirth: yuan(1000),
    bereavementMember: yuan(3000),
    bereavementRelative: yuan(1000),
    retirement: yuan(1000),
  },
  cashLimitFen: yuan(1000),
  outingPerDayFen: yuan(200),
  allowedForms: { festival: ["goods", "voucher"], birthday: ["goods", "voucher"], retirement: ["goods"] },
};

export const guizhou2018Pack: RulePack = {
  id: "guizhou-2018",
  name: { zh: "贵州省基层工会经费收支管理实施细则（暂行，约2018）", en: "Guizhou implementation rules (interim, c. 2018)" },
  source: {
    document: "贵州省基层工会经费收支管理实施细则（暂行）",
    url: "https://feifmx.com/socialgd/10000169/20180428/32358486_2.html",
    confidence: "C2",
  },
  effective: "2018-01-01",
  // Guizhou caps each festival, not the year: Spring Festival 500 per head, every other festival 200.
  welfareCaps: {
    birthday: yuan(300),
    wedding: yuan(500),
    childbirth: yuan(500),
    sickness: yuan(500),
    sicknessWithSurgery: yuan(1000),
    bereavementMember: yuan(2000),
    bereavementRelative: yuan(1000),
    retirement: yuan(500),
  },
  festivalCaps: { 春节: yuan(500), "*": yuan(200) },
  cashLimitFen: yuan(1000),
  outingPerDayFen: yuan(200),
  allowedForms: { festival: ["goods", "voucher"], birthday: ["goods", "voucher"], retirement: ["goods"] },
};

export const beijing2019Pack: RulePack = {
  id: "beijing-2019",
  name: { zh: "北京市总工会关于基层工会慰问经费的通知（2019）", en: "Beijing notice on condolence funding (2019)" },
  source: {
    document: "北京市总工会关于进一步规范基层工会慰问的通知，2019年1月",
    url: "https://www.chinanews.com/sh/2019/01-06/8721281.shtml",
    confidence: "C1",
  },
  effective: "2019-01-01",
  // Beijing caps festival spending as a ratio of the year's budgeted income, not per head.
  welfareCaps: { birthday: yuan(300) },
  festivalRatioOfBudgetedIncome: 0.5,
  cashLimitFen: yuan(1000),
  outingPerDayFen: yuan(200),
  allowedForms: { festival: ["goods", "voucher"], birthday: ["goods", "voucher"], retirement: ["goods"] },
  notes: { zh: "生日慰问须实名签收。", en: "Birthday gifts must be signed for by name." },
};

export const builtInPacks: RulePack[] = [
  nationalPack,
  anhui2018Pack,
  anhui2021Pack,
  shandong2018Pack,
  hubei2018Pack,
  sichuan2018Pack,
  guangdong2018Pack,
  guizhou2018Pack,
  beijing2019Pack,
];
