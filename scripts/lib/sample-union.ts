/**
 * The fictional union behind the sample books: its name, year, members and the suppliers it pays.
 * Everything is derived from a fixed seed, so the names and birth months never change between runs.
 */
import { createPrng } from "./prng";

export const UNION_NAME = "江城精密机械有限公司工会委员会";
export const COMPANY_NAME = "江城精密机械有限公司";
export const BANK_NAME = "中国工商银行江城支行";
export const YEAR = 2025;
export const MEMBER_COUNT = 120;

/** Sheet names; the add-in must pick the first two and ignore the third. */
export const PLAN_SHEET = "2025年经费预算";
export const LEDGER_SHEET = "银行存款日记账";
export const NOTES_SHEET = "说明";

export interface Member {
  id: string; // 会员编号 "GH001"
  name: string;
  department: string;
  birthMonth: number; // 1..12
}

/** Departments and their head counts; dues are handed in per department (工会小组). */
export const DEPARTMENTS: readonly { name: string; members: number; monthlyDuesFen: number }[] = [
  { name: "一车间", members: 35, monthlyDuesFen: 115_680 },
  { name: "二车间", members: 35, monthlyDuesFen: 112_240 },
  { name: "装配车间", members: 30, monthlyDuesFen: 96_150 },
  { name: "机关", members: 20, monthlyDuesFen: 70_330 },
];

const SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
/** Given names as people really have them (one or two characters). */
const GIVEN = [
  "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "霞", "平", "刚",
  "建国", "建华", "建军", "国庆", "国强", "志强", "志刚", "志明", "晓东", "晓燕", "晓梅", "海燕", "海涛", "春梅", "春燕", "秀英",
  "秀兰", "桂英", "玉兰", "丽娟", "丽萍", "红梅", "红霞", "文斌", "文华", "宏伟", "俊杰", "家豪", "雪梅", "子涵", "浩然", "思远",
  "欣怡", "雨婷", "宇航", "佳琪", "博文", "嘉怡", "梓萱", "振华", "德明", "立新", "永刚", "卫东", "小龙", "凤英", "美玲", "少华",
  "亚男", "金凤", "玉梅", "长江", "树林", "桂芳", "新民", "爱华", "淑珍", "丹丹", "婷婷", "鹏飞", "天宇", "一鸣", "思雨", "梦瑶",
];

/** 120 members with unique names, spread over the departments, each with a birth month. */
export function buildMembers(): Member[] {
  const prng = createPrng(20250101);
  const surnames = [...SURNAMES];
  const used = new Set<string>();
  const members: Member[] = [];
  let departmentIndex = 0;
  let inDepartment = 0;
  for (let i = 1; i <= MEMBER_COUNT; i++) {
    let name = "";
    do {
      name = prng.pick(surnames) + prng.pick(GIVEN);
    } while (used.has(name));
    used.add(name);
    if (inDepartment === DEPARTMENTS[departmentIndex].members) {
      departmentIndex += 1;
      inDepartment = 0;
    }
    inDepartment += 1;
    members.push({
      id: `GH${String(i).padStart(3, "0")}`,
      name,
      department: DEPARTMENTS[departmentIndex].name,
      birthMonth: prng.int(1, 12),
    });
  }
  return members;
}
