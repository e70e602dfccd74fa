/**
 * The union chart of accounts (《工会会计制度》2010, 财会〔2009〕7号; reference §3.2) as data, and the
 * resolver that turns what a treasurer typed in a 科目 column into an account of that chart.
 *
 * Glossary: 科目 account · 一级科目 top-level account · 明细科目 detail (sub-)account · 别名 alias.
 */
import type { Account, AccountKind, AccountRef } from "./types";
import { toHalfWidth } from "./money";

function group(kind: AccountKind, rows: [string, string, string?][]): Account[] {
  return rows.map(([code, name, parent]) => (parent ? { code, name, kind, parent } : { code, name, kind }));
}

export const CHART: Account[] = [
  ...group("asset", [
    ["101", "库存现金"],
    ["102", "银行存款"],
    ["111", "零余额账户用款额度"],
    ["112", "财政应返还额度"],
    ["11201", "财政直接支付", "112"],
    ["11202", "财政授权支付", "112"],
    ["121", "借出款"],
    ["131", "应收上级经费"],
    ["132", "应收下级经费"],
    ["135", "其他应收款"],
    ["141", "库存物品"],
    ["151", "投资"],
    ["161", "在建工程"],
    ["162", "固定资产"],
  ]),
  ...group("liability", [
    ["201", "应付工资（离退休费）"],
    ["202", "应付地方（部门）津贴补贴"],
    ["203", "应付其他个人收入"],
    ["211", "借入款"],
    ["221", "应付上级经费"],
    ["222", "应付下级经费"],
    ["22201", "应付下级补助", "222"],
    ["22202", "应付下级转拨经费", "222"],
    ["22203", "应付建会筹备金", "222"],
    ["225", "其他应付款"],
    ["231", "代管经费"],
  ]),
  ...group("netAsset", [
    ["301", "固定基金"],
    ["302", "在建工程占用资金"],
    ["311", "投资基金"],
    ["321", "专用基金"],
    ["322", "后备金"],
    ["331", "结余"],
  ]),
  ...group("income", [
    ["401", "会费收入"],
    ["402", "拨缴经费收入"],
    ["403", "上级补助收入"],
    ["40301", "回拨补助", "403"],
    ["40302", "专项补助", "403"],
    ["40303", "超收补助", "403"],
    ["40304", "帮扶补助", "403"],
    ["40305", "送温暖补助", "403"],
    ["40306", "救灾补助", "403"],
    ["40307", "其他补助", "403"],
    ["404", "政府补助收入"],
    ["405", "行政补助收入"],
    ["406", "事业收入"],
    ["407", "投资收益"],
    ["408", "其他收入"],
  ]),
  ...group("expense", [
    ["501", "职工活动支出"],
    ["50101", "职工教育费", "501"],
    ["50102", "文体活动费", "501"],
    ["50103", "宣传活动费", "501"],
    ["50104", "其他活动支出", "501"],
    ["502", "维权支出"],
    ["50201", "劳动关系协调费", "502"],
    ["50202", "劳动保护费", "502"],
    ["50203", "法律援助费", "502"],
    ["50204", "困难职工帮扶费", "502"],
    ["50205", "送温暖费", "502"],
    ["50206", "其他维权支出", "502"],
    ["503", "业务支出"],
    ["50301", "培训费", "503"],
    ["50302", "会议费", "503"],
    ["50303", "外事费", "503"],
    ["50304", "专项业务费", "503"],
    ["50305", "其他业务支出", "503"],
    ["504", "行政支出"],
    ["50401", "工资福利支出", "504"],
    ["50402", "商品和服务支出", "504"],
    ["50403", "对个人和家庭的补助", "504"],
    ["50404", "其他行政支出", "504"],
    ["505", "资本性支出"],
    ["50501", "房屋建筑物购建", "505"],
    ["50502", "办公设备购置", "505"],
    ["50503", "专用设备购置", "505"],
    ["50504", "交通工具购置", "505"],
    ["50505", "大型修缮", "505"],
    ["50506", "信息网络购建", "505"],
    ["50507", "其他资本性支出", "505"],
    ["506", "补助下级支出"],
    ["507", "事业支出"],
    ["508", "其他支出"],
    // 509 and 510 are THIS PROJECT's codes, not official ones: the post-2021 texts add 职工服务支出 and rename
    // 事业支出 to 对附属单位的支出, but the 2021 chart (财会〔2021〕7号) and its codes were not retrieved.
    ["509", "职工服务支出"],
    ["510", "对附属单位的支出"],
  ]),
];

const BY_CODE = new Map(CHART.map((a) => [a.code, a]));

/** Account codes that name the cash book or bank book itself (库存现金, 银行存款, 零余额账户用款额度). */
const BOOK_ACCOUNT_CODES = ["101", "102", "111"];

/** Is the code a cash or bank book account, or one of its details? */
export function isBookAccount(code: string): boolean {
  // A plain loop: this runs for every row of every report and of the plan match.
  for (const c of BOOK_ACCOUNT_CODES) if (code.startsWith(c)) return true; // startsWith covers code === c
  return false;
}

export function accountByCode(code: string): Account | undefined {
  return BY_CODE.get(code.trim());
}

/**
 * Words treasurers write instead of the chart's names, alias -> code. Data: a union may extend it.
 * Choices worth knowing:
 * - "工会经费" as an account means the employer's 2 % allocation (拨缴经费收入, 402): that is what a base union
 *   books when "工会经费" comes in; the share sent back by the higher union is 回拨 (40301), aliased apart.
 * - "送温暖补助"/"帮扶补助" are income from the higher union (40305/40304), "送温暖"/"困难帮扶" are spending
 *   (50205/50204): the longer alias wins, so "送温暖补助" never lands on the expense.
 * - Collective welfare (职工集体福利, 节日慰问...) has no 2010 code; see LOCAL_DETAILS.
 */
export const ACCOUNT_ALIASES: Record<string, string> = {
  // assets
  现金: "101",
  库存现金: "101",
  银行: "102",
  银行存款: "102",
  // net assets: the year-end closing (结转) books income and expense into 结余
  本年结余: "331",
  累计结余: "331",
  上年结余: "331",
  // income
  会费: "401",
  会员会费: "401",
  工会会费: "401",
  拨缴经费: "402",
  拨缴工会经费: "402",
  工会经费: "402",
  工会经费收入: "402",
  行政拨缴经费: "402",
  上级补助: "403",
  上级工会补助: "403",
  回拨: "40301",
  经费回拨: "40301",
  返还经费: "40301",
  经费返还: "40301",
  回拨经费: "40301",
  专项补助收入: "40302",
  帮扶补助收入: "40304",
  送温暖补助收入: "40305",
  救灾补助收入: "40306",
  政府补助: "404",
  财政补助: "404",
  财政拨款: "404",
  行政补助: "405",
  行政拨款: "405",
  单位补助: "405",
  行政补贴: "405",
  事业收入: "406",
  附属单位上缴收入: "406",
  投资收益: "407",
  利息: "408",
  利息收入: "408",
  银行利息: "408",
  存款利息: "408",
  // expense: 职工活动支出
  职工活动: "501",
  职工活动费: "501",
  职工教育: "50101",
  教育费: "50101",
  职工教育经费: "50101",
  文体活动: "50102",
  文体活动支出: "50102",
  文体费: "50102",
  文体: "50102",
  文化体育活动: "50102",
  宣传活动: "50103",
  宣传费: "50103",
  宣传: "50103",
  其他活动: "50104",
  // expense: 维权支出
  维权: "502",
  劳动关系协调: "50201",
  劳动保护: "50202",
  法律援助: "50203",
  困难帮扶: "50204",
  困难职工帮扶: "50204",
  困难帮扶费: "50204",
  帮扶: "50204",
  帮扶费: "50204",
  困难补助: "50204",
  困难职工补助: "50204",
  送温暖: "50205",
  送温暖支出: "50205",
  // expense: 业务支出
  业务费: "503",
  培训: "50301",
  会议: "50302",
  专项业务: "50304",
  其他业务: "50305",
  // expense: others
  资本支出: "505",
  办公设备: "50502",
  补助下级: "506",
  职工服务: "509",
  附属单位支出: "510",
};

/**
 * Common local detail accounts with no 2010 code (reference §3.2 note b): text -> the top-level account
 * they belong under. They resolve to the parent's code with the detail kept in the path.
 */
export const LOCAL_DETAILS: Record<string, string> = {
  职工集体福利: "501",
  集体福利: "501",
  职工集体福利支出: "501",
  职工福利: "501",
  福利费: "501",
  节日慰问: "501",
  慰问: "501",
  慰问费: "501",
};

// ---------- text normalisation ----------

/** Separators between levels of an account path: 职工活动支出—文体活动, …-…, …/…, …：…, …\…, …>…. */
const PATH_SEPARATORS = /\s*(?:[—–\-/:\\>|]+|——)\s*/;

function normalise(text: string): string {
  return toHalfWidth(text)
    .replace(/[（]/g, "(")
    .replace(/[）]/g, ")")
    .replace(/[\u200b\ufeff]/g, "")
    .trim();
}

/** Names compared without spaces, brackets or generic suffixes: "文体活动费" ~ "文体活动" ~ "文体活动支出". */
function stem(name: string): string {
  let s = normalise(name).replace(/[\s()（）]/g, "");
  for (const suffix of [/(支出|收入)$/, /(费用|经费|费)$/]) {
    const shorter = s.replace(suffix, "");
    if (shorter.length >= 2) s = shorter; // never strip down to one character ("会费" stays "会费")
  }
  return s;
}

/** "…支出" can only be an expense account and "…收入" only an income account, whatever the stem says. */
function directionAllows(text: string, account: Account): boolean {
  const t = text.replace(/\s/g, "");
  if (/支出$/.test(t)) return account.kind === "expense";
  if (/收入$/.test(t)) return account.kind === "income";
  return true;
}

// ---------- lookup tables built once from the data ----------

interface NameIndex {
  exact: Map<string, string>; // normalised text -> code
  stems: Map<string, string | null>; // stem -> code, or null when two accounts share a stem
}

function buildIndex(): NameIndex {
  const exact = new Map<string, string>();
  const stems = new Map<string, string | null>();
  const addStem = (s: string, code: string) => {
    const prev = stems.get(s);
    stems.set(s, prev === undefined || prev === code ? code : null);
  };
  for (const a of CHART) {
    exact.set(normalise(a.name).replace(/\s/g, ""), a.code);
    addStem(stem(a.name), a.code);
  }
  for (const [alias, code] of Object.entries(ACCOUNT_ALIASES)) {
    exact.set(normalise(alias).replace(/\s/g, ""), code);
    addStem(stem(alias), code);
  }
  return { exact, stems };
}

let index: NameIndex | undefined;
function names(): NameIndex {
  // Built lazily so a union's additions to ACCOUNT_ALIASES made at start-up are seen.
  return (index ??= buildIndex());
}

/** Forget the lookup tables (after editing ACCOUNT_ALIASES or LOCAL_DETAILS at run time). */
export function resetAccountIndex(): void {
  index = undefined;
}

function pathOf(account: Account): string[] {
  const path: string[] = [];
  for (let a: Account | undefined = account; a; a = a.parent ? BY_CODE.get(a.parent) : undefined) path.unshift(a.name);
  return path;
}

function refOf(account: Account, extraPath: string[] = []): AccountRef {
  return { code: account.code, name: account.name, kind: account.kind, path: [...pathOf(account), ...extraPath] };
}

function isUnder(code: string, ancestor: string): boolean {
  for (let a = BY_CODE.get(code); a; a = a.parent ? BY_CODE.get(a.parent) : undefined) {
    if (a.code === ancestor) return true;
  }
  return false;
}

/** "50102", "50102 文体活动费", "50102文体活动费", "501.02", "501-02": the leading code, if any. */
function leadingCode(segment: string): { code: string; rest: string } | undefined {
  const m = /^(\d{3})(?:[.\-](\d{2})|(\d{2}))?(?!\d)\s*(.*)$/.exec(segment);
  if (!m) return undefined;
  return { code: m[1] + (m[2] ?? m[3] ?? ""), rest: m[4] };
}

/** One segment on its own (no parent context): code, name, alias, stem. */
function resolveStandalone(segment: string): Account | undefined {
  const lead = leadingCode(segment);
  if (lead) return BY_CODE.get(lead.code); // a code is authoritative even when a name follows it
  const key = segment.replace(/\s/g, "");
  const { exact, stems } = names();
  const byExact = exact.get(key);
  if (byExact) return BY_CODE.get(byExact);
  const byStem = stems.get(stem(segment));
  const account = byStem ? BY_CODE.get(byStem) : undefined;
  return account && directionAllows(segment, account) ? account : undefined;
}

/**
 * Last resort for run-together text ("职工文体活动费", "职工活动支出文体活动费"): chart names and aliases of
 * four or more characters contained in the segment. A descendant beats its ancestor, then the longest wins;
 * two unrelated longest candidates match nothing.
 */
function resolveByContainment(segment: string): Account | undefined {
  const key = normalise(segment).replace(/\s/g, "");
  const found: { account: Account; length: number }[] = [];
  for (const [name, code] of names().exact) {
    const account = BY_CODE.get(code);
    if (name.length >= 4 && key.includes(name) && account && directionAllows(segment, account)) {
      found.push({ account, length: name.length });
    }
  }
  const leaves = found.filter((f) => !found.some((g) => g.account.code !== f.account.code && isUnder(g.account.code, f.account.code)));
  const longest = Math.max(0, ...leaves.map((f) => f.length));
  const codes = new Set(leaves.filter((f) => f.length === longest).map((f) => f.account.code));
  return codes.size === 1 ? BY_CODE.get([...codes][0]) : undefined;
}

/** A segment below a known account: its code or name among the descendants, or an alias pointing there. */
function resolveChild(parent: Account, segment: string): Account | undefined {
  const direct = resolveStandalone(segment);
  if (direct && direct.code !== parent.code && isUnder(direct.code, parent.code)) return direct;
  // "维权支出—其他" -> the one child whose name contains "其他".
  const children = CHART.filter((a) => a.parent === parent.code);
  const s = stem(segment);
  const containing = children.filter((c) => c.name.includes(s) || stem(c.name).includes(s));
  return s.length >= 2 && containing.length === 1 ? containing[0] : undefined;
}

function localDetailParent(segment: string): Account | undefined {
  const key = segment.replace(/\s/g, "");
  const code = LOCAL_DETAILS[key] ?? LOCAL_DETAILS[stem(key)];
  return code ? BY_CODE.get(code) : undefined;
}

/**
 * Walks path segments down the chart. A segment that names no child of the current account is kept in the
 * path as a local detail account (职工活动支出—职工集体福利 -> 501 with path [职工活动支出, 职工集体福利]).
 */
function walk(start: Account, rest: string[]): AccountRef {
  let current = start;
  const details: string[] = [];
  for (const segment of rest) {
    // "50102-文体活动费", "职工活动支出—职工活动支出": a level that repeats the current account adds nothing.
    if (details.length === 0 && resolveStandalone(segment)?.code === current.code) continue;
    if (details.length === 0) {
      const child = resolveChild(current, segment);
      if (child) {
        current = child;
        continue;
      }
    }
    details.push(segment);
  }
  return refOf(current, details);
}

function segmentsOf(text: string): string[] {
  const s = normalise(text);
  // Keep "501-02" / "501.02" codes whole before splitting on dashes.
  const protectedCodes = s.replace(/^(\d{3})[.\-](\d{2})(?!\d)/, "$1$2");
  return protectedCodes
    .split(PATH_SEPARATORS)
    .map((p) => p.trim())
    .filter((p) => p !== "");
}

/** "50102 文体活动费" as one segment: the code decides; the name is dropped when it is the code's own name. */
function segmentAccount(segment: string): { account: Account; detail?: string } | undefined {
  const lead = leadingCode(segment);
  if (lead) {
    const account = BY_CODE.get(lead.code);
    if (!account) return undefined;
    const restName = lead.rest.trim();
    if (restName === "" || stem(restName) === stem(account.name)) return { account };
    const child = resolveChild(account, restName);
    if (child) return { account: child };
    // "501 职工集体福利": a code plus a local detail name. A name that is another chart account
    // ("501 会费收入") is a slip: the code wins and the name is dropped.
    return resolveStandalone(restName) === undefined ? { account, detail: restName } : { account };
  }
  const account = resolveStandalone(segment);
  if (account) return { account };
  const parent = localDetailParent(segment);
  if (parent) return { account: parent, detail: segment };
  const contained = resolveByContainment(segment);
  return contained ? { account: contained } : undefined;
}

/**
 * Resolves a 科目 cell (and an optional 明细科目/子科目 cell) to the chart. Accepts a code, code + name,
 * a name, an alias, a path with —, -, /, ：, \ or > between levels, and account + sub-account columns.
 * A known account with an unknown detail resolves to the known account with the detail in the path.
 * Unknown text gives undefined (the reader reports `unknown-account`).
 *
 * Ties: a code beats a name in the same cell; an exact name or alias beats a stem match; a stem shared by
 * two accounts matches neither. When the first level is unknown ("经费支出—文体活动"), the first later
 * level that resolves on its own is used.
 */
export function resolveAccount(text: string | undefined, subText?: string): AccountRef | undefined {
  const segments = [...segmentsOf(text ?? ""), ...segmentsOf(subText ?? "")];
  if (segments.length === 0) return undefined;
  for (let i = 0; i < segments.length; i++) {
    const first = segmentAccount(segments[i]);
    if (!first) continue;
    const rest = segments.slice(i + 1);
    if (first.detail !== undefined) return refOf(first.account, [first.detail, ...rest]);
    return walk(first.account, rest);
  }
  return undefined;
}

/** The 3-digit top-level account an account belongs to. */
export function topLevel(ref: AccountRef): Account {
  const top = BY_CODE.get(ref.code.slice(0, 3));
  if (!top) throw new RangeError(`topLevel: no top-level account for code ${ref.code}`);
  return top;
}

/** All accounts directly under a code (for reports that list detail lines). */
export function childrenOf(code: string): Account[] {
  return CHART.filter((a) => a.parent === code);
}
