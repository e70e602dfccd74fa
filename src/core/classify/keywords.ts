/**
 * Synonym tables for classifying ledger rows, as plain data. A union (or a rule pack) may push its own words
 * into these arrays at start-up; the classifiers read them on every call.
 *
 * Matching is on normalised text (half-width, no spaces, lower case): see `normaliseForMatch`.
 * Glossary: 慰问 condolence/welfare visit · 福利 welfare · 困难帮扶 hardship aid · 送温暖 "send warmth"
 * (the winter/Spring-Festival relief campaign) · 助学 school aid · 救助 relief · 提现/存现 cash withdrawal/deposit.
 */
import type { WelfareOccasion } from "./welfare";
import type { HardshipAidType } from "./hardship";

/**
 * Words naming the occasion of a welfare or condolence disbursement (职工集体福利, reference §1.3).
 * "other" holds generic welfare words with no occasion (慰问, 福利).
 */
export const WELFARE_KEYWORDS: Record<WelfareOccasion, string[]> = {
  festival: [
    "春节", "新春", "过年", "年货", "元旦", "元宵", "清明", "劳动节", "五一", "端午", "粽子", "中秋", "月饼",
    "国庆", "节日", "过节", "两节", "三八", "妇女节", "重阳",
  ],
  birthday: ["生日", "蛋糕", "寿辰"],
  wedding: ["结婚", "新婚", "婚礼", "婚庆", "完婚"],
  childbirth: ["生育", "生小孩", "生孩子", "产假", "分娩", "添丁", "喜得", "新生儿", "生子", "生女", "宝宝", "满月", "孕"],
  sickness: ["住院", "生病", "患病", "病慰问", "病号", "探病", "看望病", "手术", "病休", "伤病", "因病", "病愈", "探视"],
  bereavement: ["去世", "逝世", "病故", "病逝", "过世", "离世", "亡故", "丧", "吊唁", "悼念", "奠仪", "花圈", "身故", "故去"],
  retirement: ["退休"],
  recuperation: ["疗休养", "疗养", "休养"],
  checkup: ["体检", "健康检查"],
  other: ["慰问", "福利", "关爱"],
};

/**
 * Order in which occasions are tried; the first occasion with a matching word wins. Personal life events come
 * before festivals ("春节前看望住院职工" is a sickness visit), festivals before retirement ("春节慰问退休职工"
 * is festival welfare), and the generic "other" last.
 */
export const WELFARE_OCCASION_PRIORITY: WelfareOccasion[] = [
  "bereavement",
  "sickness",
  "childbirth",
  "wedding",
  "birthday",
  "recuperation",
  "checkup",
  "festival",
  "retirement",
  "other",
];

/** Goods and welfare words: with one of these, a festival word means welfare even next to an activity word. */
export const WELFARE_GOODS_KEYWORDS: string[] = [
  "慰问", "福利", "年货", "月饼", "粽子", "礼品", "礼包", "大米", "食用油", "米面油", "水果", "牛奶", "鸡蛋",
  "蛋糕", "购物卡", "提货券", "卡券", "过节费", "慰问品", "纪念品",
];

/** Words of activities (文体/宣传/教育) and union business: a bare festival word next to them is not welfare. */
export const ACTIVITY_KEYWORDS: string[] = [
  "活动", "比赛", "竞赛", "运动会", "游园", "晚会", "联欢", "演出", "观影", "电影", "培训", "讲座", "会议",
  "奖品", "奖金", "场地", "门票", "春游", "秋游", "健步走", "拔河", "篮球", "足球", "羽毛球", "乒乓球", "读书",
  "宣传", "横幅", "展板",
];

/**
 * Words naming the kind of hardship aid (困难职工帮扶, reference §5). Used to pick the type once a row is
 * known to be hardship aid (by account or by HARDSHIP_TRIGGERS), so broad words such as 住院 are safe here.
 */
export const HARDSHIP_KEYWORDS: Record<HardshipAidType, string[]> = {
  living: ["生活救助", "生活困难", "生活补助", "困难补助", "低保", "特困", "救济", "生活费"],
  medical: ["医疗救助", "医疗帮扶", "大病", "重病", "重症", "医疗", "住院", "手术", "治疗", "病"],
  education: ["助学", "金秋助学", "学费", "上学", "入学", "考上", "大学", "读书"],
  warmth: ["送温暖", "两节慰问", "春节慰问", "元旦春节", "节日慰问", "冬送温暖", "新春慰问"],
  accident: ["意外", "致困", "灾", "火灾", "水灾", "事故", "突发"],
  other: ["困难帮扶", "帮扶", "救助"],
};

/** Order in which hardship types are tried: the purpose (school, illness, accident) beats the campaign (送温暖). */
export const HARDSHIP_TYPE_PRIORITY: HardshipAidType[] = ["education", "medical", "accident", "warmth", "living", "other"];

/** Words that make a row hardship aid when its account does not already say so. */
export const HARDSHIP_TRIGGERS: string[] = [
  "困难", "帮扶", "救助", "助学", "送温暖", "致困", "救济", "低保", "特困",
];

/** Words of money moved between the union's own accounts (cash box, bank, term deposit): not income, not spending. */
export const TRANSFER_KEYWORDS: string[] = [
  "提现", "取现", "提取现金", "提取备用金", "银行提取", "银行取款", "从银行取", "存现", "现金存入", "存入银行",
  "现金送存", "送存银行", "缴存现金", "转存", "内部转账", "账户互转", "户间划转", "互转", "转定期", "定期转活期",
  "活期转定期", "定期到期转入",
];

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;
const SPACES = /[\s\u3000]+/g;

/** Half-width, no whitespace, lower case: so "春节 慰问", "春节慰问" and "ＫＴＶ"/"ktv" all compare equal. */
export function normaliseForMatch(text: string | undefined): string {
  if (!text) return "";
  // One regex pass instead of rebuilding the string char by char: this runs on every summary of the ledger.
  const half = text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  return half.replace(SPACES, "").toLowerCase();
}

/**
 * A word list normalised once. The tables are plain mutable arrays (a union may push words at start-up), so the
 * cache remembers the words it was built from and is rebuilt when the array's contents change: normalising
 * every word of every table for every ledger row was the classifiers' main cost.
 */
interface CompiledWords {
  source: string[];
  /** The non-empty words, normalised (a word of only spaces normalises to "" and so matches any text). */
  normalised: string[];
}
const compiledCache = new WeakMap<readonly string[], CompiledWords>();

function sameWords(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The words normalised; the same array as long as `words` keeps its contents (so callers may key memos on it). */
export function compiledWords(words: readonly string[]): string[] {
  const hit = compiledCache.get(words);
  if (hit && sameWords(hit.source, words)) return hit.normalised;
  const normalised = words.filter((w) => w !== "").map((w) => normaliseForMatch(w));
  compiledCache.set(words, { source: [...words], normalised });
  return normalised;
}

/** True when normalised text contains one of the words. */
export function containsAny(normalisedText: string, words: readonly string[]): boolean {
  for (const w of compiledWords(words)) if (normalisedText.includes(w)) return true;
  return false;
}

/** The first key, in priority order, whose words occur in the normalised text. */
export function firstMatch<K extends string>(
  normalisedText: string,
  table: Record<K, string[]>,
  priority: readonly K[],
): K | undefined {
  if (normalisedText === "") return undefined;
  for (const key of priority) if (containsAny(normalisedText, table[key])) return key;
  return undefined;
}
