/**
 * One synonym table per rule, kept as data so a union can extend it (rule packs and overrides add terms).
 * Matching is on the 摘要 (summary) text. `exclude` lists phrases that are allowed even though they contain an
 * included word: they are taken out of the text before the included words are looked for, so
 * "蛋糕券" never counts as a voucher but "蛋糕券和购物卡" still finds "购物卡".
 * Be precise: a false alarm teaches the treasurer to ignore the checker.
 */
export interface KeywordTable {
  include: string[];
  exclude?: string[];
}

export const ruleKeywords: Record<string, KeywordTable> = {
  // 八不准 #1: shopping cards and cash-like vouchers. Cake vouchers (birthdays) and pick-up vouchers for
  // designated goods (mooncakes, zongzi, rice and oil) are allowed in most provinces.
  "shopping-card-or-cash-gift": {
    include: ["购物卡", "礼品卡", "储值卡", "充值卡", "代金券", "消费券", "购物券", "礼券", "超市卡", "商场卡", "加油卡", "京东卡", "京东E卡", "天猫卡", "电子卡", "会员卡充值", "福利卡"],
    exclude: ["蛋糕券", "蛋糕卡", "提货券", "提货卡", "月饼券", "月饼卡", "粽子券", "粽子卡", "兑换券（指定商品）", "指定商品提货"],
  },
  // Cash handed out as a gift where the occasion allows only goods (festival, birthday, retirement).
  "cash-gift": {
    include: ["现金", "红包", "礼金", "慰问金", "过节费", "购物补贴"],
    exclude: ["现金支票", "库存现金"],
  },
  // 八不准 #3: bonuses, allowances, subsidies. Prize money for contest winners is allowed (with caps);
  // hardship aid (困难补助) is not an allowance and is skipped before this table is used.
  "bonus-or-allowance": {
    include: ["奖金", "年终奖", "绩效奖", "津贴", "补贴", "过节费", "加班费", "值班费", "误餐费", "交通补助", "通讯补助", "话费补助", "高温补助", "取暖补助"],
    exclude: ["比赛奖金", "竞赛奖金", "获奖奖金", "大赛奖金", "技能竞赛", "困难补贴", "困难职工补贴", "生活困难补贴", "临时生活补贴", "补贴收入", "行政补贴"],
  },
  // 八不准 #2: entertaining outsiders and gifts. Working meals at activities (工作餐) are allowed within caps.
  "entertainment-or-banquet": {
    include: ["招待", "宴请", "请客", "接待餐", "公务接待", "宴席", "酒席", "烟酒", "白酒", "红酒", "酒水", "香烟", "礼品赠送", "赠送礼品", "送礼", "茅台", "五粮液"],
    exclude: ["招待所"],
  },
  // 八不准 #4: high-end entertainment and fitness.
  "high-end-consumption": {
    include: ["KTV", "卡拉OK", "歌厅", "歌舞厅", "夜总会", "会所", "高尔夫", "洗浴", "桑拿", "足浴", "足疗", "SPA", "按摩服务", "游艇", "私人飞机", "高档娱乐", "高档健身", "健身年卡", "马术"],
    exclude: [],
  },
  // §1.9: costs the employer should bear.
  "employer-borne-cost": {
    include: ["办公室租金", "办公用房租金", "房租", "水电费", "电费", "水费", "燃气费", "暖气费", "供暖费", "取暖费", "物业费", "专职工会干部工资", "工会干部工资", "人员工资", "工资发放", "社保费", "职代会", "职工代表大会", "劳保用品", "劳动防护用品", "劳动保护用品"],
    exclude: ["活动场地租金", "场地租金", "场地费"],
  },
  // Spring/autumn outings: the words that mark an outing entry.
  outing: {
    include: ["春游", "秋游", "踏青", "郊游", "一日游", "外出活动", "户外活动", "户外拓展", "拓展活动", "团建", "徒步活动", "登山活动"],
    exclude: [],
  },
  // ... and the words that mark an overnight stay or a multi-day trip.
  overnight: {
    include: ["住宿", "酒店住宿", "宾馆", "过夜", "两日游", "二日游", "三日游", "多日游", "2日游", "3日游", "两天一夜", "三天两夜", "民宿"],
    exclude: [],
  },
  // Refunds and reversals: an expense account credited (or income account debited) on purpose.
  "wrong-side": {
    include: ["退回", "退还", "退款", "冲销", "冲回", "红字", "更正", "返还", "退费"],
    exclude: [],
  },
  // Relatives who are not direct relatives (spouse, parents, children) under the national text.
  "not-direct-relative": {
    include: ["岳父", "岳母", "公公", "婆婆", "祖父", "祖母", "爷爷", "奶奶", "外公", "外婆", "外祖父", "外祖母", "兄弟", "姐妹", "哥哥", "姐姐", "弟弟", "妹妹", "叔叔", "伯父", "伯母", "舅舅", "舅妈", "姨妈", "阿姨", "姑姑", "姑妈", "侄子", "侄女", "外甥", "孙子", "孙女", "外孙", "儿媳", "女婿", "亲戚"],
    exclude: [],
  },
  // Surgery: raises the sickness cap where the pack has a separate figure.
  surgery: { include: ["手术"], exclude: [] },
  // Cash payment markers in 支付方式 / 结算方式.
  cash: { include: ["现金", "现付", "现金支付"], exclude: ["现金支票"] },
  // Bank payment markers, for hardship aid paid to the recipient's card.
  transfer: { include: ["转账", "银行", "打卡", "网银", "汇款", "对公", "支票", "银行卡", "代发", "公务卡"], exclude: [] },
};

/** Copies a table with the extra terms added (union of both lists). */
export function extendTable(base: KeywordTable, ext?: { include?: string[]; exclude?: string[] }): KeywordTable {
  if (!ext) return base;
  return {
    include: [...base.include, ...(ext.include ?? [])],
    exclude: [...(base.exclude ?? []), ...(ext.exclude ?? [])],
  };
}
