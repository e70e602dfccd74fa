/**
 * The year's money movements of the sample union, as a treasurer would book them in the bank journal.
 * Amounts are integer fen. Six of the deliberate problems live in this data (flagged with `flag`); the other
 * three (a mistyped balance, a wrong 本月合计 and the over-budget line) are made when the sheet is laid out.
 *
 * Welfare (festival, birthday, wedding, sickness, retirement) is booked to 501 职工活动支出—50104 其他活动支出,
 * because the 2010 chart has no collective-welfare sub-account; the 预算项目 column names the plan line.
 */
import { createPrng } from "./prng";
import { BANK_NAME, COMPANY_NAME, DEPARTMENTS, type Member } from "./sample-union";

export type TxnFlag =
  | "unparseable-amount"
  | "duplicate-voucher"
  | "shopping-card-or-cash-gift"
  | "birthday-twice"
  | "hardship-aid-not-by-transfer"
  | "no-budget-line";

export interface Txn {
  date: string; // ISO, 2025
  /** Rows with the same group on the same date share one voucher (a voucher with an attached list). */
  group: string;
  summary: string;
  /** 会计科目 as the treasurer wrote it: a code ("50102"), a name ("文体活动费") or a path ("职工活动支出—文体活动"). */
  account: string;
  planItem: string;
  incomeFen: number;
  expenseFen: number;
  counterparty: string;
  memberId?: string;
  method: string;
  note?: string;
  /** When set, the amount cell holds this text instead of a number (as typed, or mistyped). */
  typedAs?: string;
  flag?: TxnFlag;
}

/** "1200.5" style -> "1,200.50": how treasurers type amounts into text-formatted cells. */
export function thousands(fen: number): string {
  const yuan = Math.floor(fen / 100).toLocaleString("en-US");
  return `${yuan}.${String(fen % 100).padStart(2, "0")}`;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");
const iso = (month: number, day: number): string => `2025-${pad2(month)}-${pad2(day)}`;

// The festivals the welfare checks know (公历 dates of 2025): gifts must be bought within 30 days before.
export const FESTIVALS = { springFestival: "2025-01-29", dragonBoat: "2025-05-31", midAutumn: "2025-10-06" } as const;

const WELFARE = { code: "50104", path: "职工活动支出—其他活动支出" };
const HARDSHIP_ACCOUNT = "维权支出—困难职工帮扶费";
const WARMTH_ACCOUNT = "50205"; // 送温暖费
const CAKE_SHOP = "江城好利来蛋糕店";

export function buildTransactions(members: readonly Member[]): Txn[] {
  const prng = createPrng(2025_0310);
  const txns: Txn[] = [];
  const member = (index: number): Member => members[index - 1];
  const toMember = (m: Member, extra: Partial<Txn> & Pick<Txn, "date" | "group" | "summary" | "account" | "planItem" | "expenseFen">): void => {
    txns.push({ incomeFen: 0, counterparty: m.name, memberId: m.id, method: "转账", ...extra });
  };

  // ---- income -------------------------------------------------------------------------------------
  for (let month = 1; month <= 12; month++) {
    DEPARTMENTS.forEach((dept, i) => {
      const fen = dept.monthlyDuesFen + prng.int(-2000, 2000);
      txns.push({
        date: iso(month, 10),
        group: `dues-${month}`,
        summary: `收${dept.name}${month}月会费`,
        account: "会费收入",
        planItem: "会员会费",
        incomeFen: fen,
        expenseFen: 0,
        counterparty: `${dept.name}工会小组`,
        method: "转账",
        // Two groups hand in a paper slip; the treasurer typed their dues as text.
        typedAs: (month === 2 && i === 1) || (month === 7 && i === 3) ? thousands(fen) : undefined,
      });
    });
    txns.push({
      date: iso(month, 25),
      group: `fee-${month}`,
      summary: `${month}月银行账户管理费及转账手续费`,
      account: "其他支出",
      planItem: "银行手续费",
      incomeFen: 0,
      expenseFen: prng.int(10, 24) * 100,
      counterparty: BANK_NAME,
      method: "银行扣款",
    });
  }
  const quarters = [
    ["2025-03-28", "第一季度"],
    ["2025-06-27", "第二季度"],
    ["2025-09-26", "第三季度"],
    ["2025-12-26", "第四季度"],
  ] as const;
  quarters.forEach(([date, quarter], i) => {
    txns.push({ date, group: `alloc-${i}`, summary: `收行政拨缴2025年${quarter}工会经费（留成60%）`, account: "402", planItem: "行政拨缴经费", incomeFen: 2_808_000, expenseFen: 0, counterparty: COMPANY_NAME, method: "转账" });
  });
  const interest = [
    ["2025-03-21", 9_837],
    ["2025-06-21", 7_652],
    ["2025-09-21", 8_115],
    ["2025-12-21", 6_940],
  ] as const;
  interest.forEach(([date, fen], i) => {
    txns.push({ date, group: `interest-${i}`, summary: "银行存款结息", account: "其他收入", planItem: "利息收入", incomeFen: fen, expenseFen: 0, counterparty: BANK_NAME, method: "银行结息" });
  });
  txns.push({ date: "2025-01-08", group: "grant-warmth", summary: "收市总工会送温暖补助", account: "上级补助收入—送温暖补助", planItem: "上级补助", incomeFen: 800_000, expenseFen: 0, counterparty: "江城市总工会", method: "转账" });
  txns.push({ date: "2025-06-12", group: "grant-aid", summary: "收市总工会困难职工帮扶补助", account: "上级补助收入—帮扶补助", planItem: "上级补助", incomeFen: 1_000_000, expenseFen: 0, counterparty: "江城市总工会", method: "转账" });
  for (const [date, half] of [["2025-03-14", "上半年"], ["2025-09-12", "下半年"]] as const) {
    txns.push({ date, group: `admin-${half}`, summary: `收公司${half}行政补助（职工活动经费）`, account: "行政补助收入", planItem: "行政补助", incomeFen: 1_500_000, expenseFen: 0, counterparty: COMPANY_NAME, method: "转账" });
  }

  // ---- festivals: goods bought for all members, within 30 days before the festival -------------------
  const festival = (date: string, summary: string, planItem: string, fen: number, counterparty: string, flag?: TxnFlag): void => {
    txns.push({ date, group: `festival-${date}`, summary, account: WELFARE.path, planItem, incomeFen: 0, expenseFen: fen, counterparty, method: "转账", note: "全体会员120人", flag });
  };
  festival("2025-01-14", "春节慰问品（大米、食用油）120份×250元", "春节慰问", 3_000_000, "江城市惠民粮油商行");
  festival("2025-01-16", "春节慰问品（水果礼盒）120份×150元", "春节慰问", 1_800_000, "江城鲜丰水果超市");
  festival("2025-05-20", "端午慰问品（粽子、咸鸭蛋礼盒）120份×200元", "端午慰问", 2_400_000, "江城五芳斋食品专卖店");
  festival("2025-09-18", "中秋慰问品（月饼礼盒）120份×150元", "中秋慰问", 1_800_000, "江城稻香村食品店");
  // PROBLEM: shopping cards are forbidden as festival welfare (八不准).
  festival("2025-09-24", "中秋国庆慰问 购买超市购物卡120张×150元", "中秋慰问", 1_800_000, "江城华润万家超市", "shopping-card-or-cash-gift");

  // ---- birthdays: a cake voucher per member, one batch (one voucher) a month -------------------------
  const twiceMember = members.find((m) => m.birthMonth === 3);
  if (!twiceMember) throw new Error("sample needs a member born in March");
  for (let month = 1; month <= 12; month++) {
    const batch = members.filter((m) => m.birthMonth === month);
    if (month === 10) batch.push(twiceMember); // PROBLEM: listed again in October's batch
    for (const m of batch) {
      toMember(m, {
        date: iso(month, 6),
        group: `birthday-${month}`,
        summary: `${month}月生日慰问（蛋糕券）`,
        account: WELFARE.code,
        planItem: "生日慰问",
        expenseFen: 20_000,
        note: `${CAKE_SHOP}蛋糕券`,
        flag: month === 10 && m === twiceMember ? "birthday-twice" : undefined,
      });
    }
  }

  // ---- weddings, childbirth, sickness, bereavement, retirement ---------------------------------------
  const occasion = (index: number, date: string, summary: string, planItem: string, fen: number, extra: Partial<Txn> = {}): void => {
    toMember(member(index), { date, group: `welfare-${date}-${index}`, summary, account: WELFARE.path, planItem, expenseFen: fen, ...extra });
  };
  for (const [index, date] of [[9, "2025-04-18"], [38, "2025-07-08"], [75, "2025-10-20"], [112, "2025-11-12"]] as const) {
    occasion(index, date, `结婚慰问（${member(index).name}）`, "婚育慰问", 80_000, { note: "慰问品" });
  }
  for (const [index, date] of [[20, "2025-02-24"], [56, "2025-06-05"], [91, "2025-08-27"]] as const) {
    occasion(index, date, `生育慰问（${member(index).name}）`, "婚育慰问", 80_000, { note: "慰问品" });
  }
  for (const [index, date] of [[11, "2025-02-17"], [29, "2025-03-26"], [47, "2025-05-12"], [68, "2025-07-21"], [83, "2025-10-28"], [104, "2025-11-25"]] as const) {
    // One condolence was typed with a currency sign, as treasurers do.
    // One condolence was typed with a currency sign, as treasurers do; another reused the previous voucher
    // number (PROBLEM: duplicate-voucher, the same 记-nnn on two dates).
    const extra: Partial<Txn> = date === "2025-05-12" ? { typedAs: "¥500" } : date === "2025-10-28" ? { flag: "duplicate-voucher" } : {};
    occasion(index, date, `住院慰问（${member(index).name}）`, "病丧慰问", 50_000, extra);
  }
  occasion(61, "2025-08-05", `直系亲属病故慰问（${member(61).name}）`, "病丧慰问", 100_000, { note: "父亲病故" });
  for (const [index, date] of [[2, "2025-03-31"], [45, "2025-06-30"], [99, "2025-11-28"]] as const) {
    occasion(index, date, `退休纪念品（${member(index).name}）`, "退休纪念", 80_000, { note: "纪念相册及茶具" });
  }

  // ---- activities, business, capital, other ------------------------------------------------------------
  const spend = (date: string, summary: string, account: string, planItem: string, fen: number, counterparty: string, extra: Partial<Txn> = {}): void => {
    txns.push({ date, group: `spend-${date}-${summary}`, summary, account, planItem, incomeFen: 0, expenseFen: fen, counterparty, method: "转账", ...extra });
  };
  // 职工篮球赛: 6,850.00 against a budget of 6,000.00 (PROBLEM: over-budget, found from the plan).
  spend("2025-05-08", "职工篮球赛球衣40套×60元", "文体活动费", "职工篮球赛", 240_000, "江城动力体育用品店");
  spend("2025-05-09", "职工篮球赛体育馆场地租赁", "文体活动费", "职工篮球赛", 120_000, "江城市体育中心");
  spend("2025-05-23", "职工篮球赛奖品（前三名球队）", "文体活动费", "职工篮球赛", 200_000, "江城百货有限公司");
  spend("2025-05-23", "职工篮球赛饮用水及工作餐", "文体活动费", "职工篮球赛", 125_000, "江城家常菜馆", { typedAs: "1,250.00", note: "40人" });
  spend("2025-04-19", "春游（当日往返）大巴租车2辆", "职工活动支出—文体活动", "春秋游", 240_000, "江城运通旅游客运公司");
  spend("2025-04-19", "春游景区门票56人×60元", "职工活动支出—文体活动", "春秋游", 336_000, "江城市白鹭湖景区");
  spend("2025-04-19", "春游午餐56人×40元", "职工活动支出—文体活动", "春秋游", 224_000, "白鹭湖农家乐");
  spend("2025-10-25", "秋游（当日往返）大巴租车2辆", "职工活动支出—文体活动", "春秋游", 240_000, "江城运通旅游客运公司");
  spend("2025-10-25", "秋游景区门票58人×50元", "职工活动支出—文体活动", "春秋游", 290_000, "江城市青山森林公园");
  spend("2025-10-25", "秋游午餐58人×40元", "职工活动支出—文体活动", "春秋游", 232_000, "青山农家乐");
  spend("2025-04-23", "世界读书日职工读书活动购书", "职工教育费", "职工教育", 258_000, "新华书店江城分店");
  spend("2025-09-10", "安全生产技能学习教材", "职工教育费", "职工教育", 136_000, "新华书店江城分店");
  spend("2025-03-05", "工会宣传栏制作", "50103", "宣传活动", 160_000, "江城广告设计部");
  spend("2025-04-28", "《工会法》宣传横幅", "50103", "宣传活动", 35_000, "江城广告设计部", { typedAs: "¥350" });
  spend("2025-09-29", "职工书屋宣传海报印制", "50103", "宣传活动", 68_000, "江城文印中心");
  spend("2025-04-10", "工会干部培训班培训费（3人）", "业务支出—培训费", "培训费", 240_000, "江城市总工会干部学校");
  // PROBLEM: the letter O typed for a zero.
  spend("2025-05-15", "工会财务人员业务培训费", "业务支出—培训费", "培训费", 120_000, "江城市总工会干部学校", { typedAs: "1,2O0.00", flag: "unparseable-amount" });
  spend("2025-10-16", "工会干部培训班培训费（3人）", "业务支出—培训费", "培训费", 280_000, "江城市总工会干部学校");
  spend("2025-03-07", "会员代表大会会场布置及资料印制", "50302", "会议费", 186_000, "江城文印中心");
  spend("2025-12-10", "经费审查委员会年度审查会资料印制", "50302", "会议费", 42_000, "江城文印中心");
  spend("2025-03-18", "购置激光打印机（工会办公室）", "资本性支出—办公设备购置", "办公设备", 338_000, "江城数码电脑城", { note: "已登记固定资产" });
  // PROBLEM: a donation the plan never budgeted.
  spend("2025-07-15", "向江城市慈善总会捐款（防汛救灾）", "其他支出—捐赠", "慈善捐赠", 200_000, "江城市慈善总会", { flag: "no-budget-line" });

  // ---- hardship aid and 送温暖: real-name, by bank transfer -------------------------------------------
  const aid = (index: number, date: string, kind: string, fen: number, extra: Partial<Txn> = {}): void => {
    toMember(member(index), { date, group: `aid-${date}-${kind}`, summary: `${kind}（${member(index).name}）`, account: HARDSHIP_ACCOUNT, planItem: "困难职工帮扶", expenseFen: fen, ...extra });
  };
  for (const index of [7, 23, 41, 66, 98]) aid(index, "2025-01-20", "困难职工生活救助", 100_000);
  aid(15, "2025-03-12", "困难职工医疗救助", 200_000);
  for (const index of [7, 23, 41, 66, 98]) aid(index, "2025-06-20", "困难职工生活救助", 60_000);
  // PROBLEM: hardship aid paid out in cash.
  aid(52, "2025-07-10", "困难职工医疗救助", 80_000, { method: "现金", flag: "hardship-aid-not-by-transfer" });
  for (const index of [30, 44, 71, 105]) aid(index, "2025-08-22", "金秋助学", 100_000, { note: "子女考入大学" });
  aid(87, "2025-11-18", "困难职工医疗救助", 180_000);
  const warmth = (index: number, date: string): void => {
    toMember(member(index), { date, group: `warmth-${date}`, summary: `冬送温暖慰问（${member(index).name}）`, account: WARMTH_ACCOUNT, planItem: "送温暖", expenseFen: 50_000 });
  };
  for (const index of [3, 12, 19, 27, 36, 48, 59, 63, 77, 84, 101, 116]) warmth(index, "2025-01-22");
  for (const index of [5, 14, 22, 33, 49, 58, 70, 88, 95, 110]) warmth(index, "2025-12-19");

  // Stable sort by date keeps the booking order within a day.
  return txns
    .map((t, i) => ({ t, i }))
    .sort((x, y) => (x.t.date < y.t.date ? -1 : x.t.date > y.t.date ? 1 : x.i - y.i))
    .map(({ t }) => t);
}
