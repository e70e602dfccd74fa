/**
 * Header synonyms: the words treasurers (and accounting software exports) put above each column.
 * This is data: add a word here and the detector learns it. Words are compared after normalizeHeader(),
 * so spacing, full-width forms and units ("（元）") need not be listed.
 *
 * A header cell matches a field exactly (weight 1) or by containing a synonym (weight 0.6, only for synonyms
 * of two or more CJK characters or four or more Latin letters, and only in short cells, so that a title such as
 * "2025年银行存款日记账" matches nothing).
 */
import type { LedgerField, PlanField } from "../model/types";
import { hasCjk, normalizeHeader } from "./normalize";

export const LEDGER_FIELD_SYNONYMS: Record<LedgerField, string[]> = {
  date: ["日期", "记账日期", "凭证日期", "业务日期", "发生日期", "交易日期", "入账日期", "时间", "日期时间",
    "date", "posting date", "transaction date", "txn date", "entry date"],
  year: ["年", "年份", "year"],
  month: ["月", "月份", "month"],
  day: ["日", "day"],
  voucher: ["凭证号", "凭证字号", "凭证编号", "记账凭证号", "凭证", "凭证号数", "凭证号码", "凭单号", "字号", "号数",
    "单据号", "voucher", "voucher no", "voucher number", "ref", "reference", "doc no", "entry no"],
  summary: ["摘要", "说明", "事由", "内容", "用途", "经济业务", "业务内容", "摘要说明",
    "description", "summary", "narration", "particulars", "details"],
  account: ["科目", "会计科目", "科目编码", "科目代码", "科目编号", "科目名称", "总账科目", "一级科目", "对方科目",
    "收支科目", "收支项目", "支出科目", "收入科目", "经费科目", "account", "account code", "account name", "category"],
  subAccount: ["子科目", "明细科目", "二级科目", "明细", "明细项目", "子目", "sub account", "subaccount", "sub category",
    "subcategory"],
  planItem: ["预算项目", "计划项目", "项目", "活动项目", "活动名称", "项目名称", "budget item", "plan item", "project"],
  income: ["收入", "借方", "收入金额", "借方金额", "收入额", "收款金额", "收款", "借方发生额", "本期收入", "收", "借",
    "进账", "存入", "收入数", "income", "debit", "receipts", "receipt", "in", "money in", "inflow", "dr"],
  expense: ["支出", "贷方", "支出金额", "贷方金额", "支出额", "付款金额", "付款", "贷方发生额", "本期支出", "支", "贷",
    "出账", "支取", "支出数", "expense", "expenses", "expenditure", "credit", "payments", "payment", "out", "money out",
    "outflow", "cr"],
  amount: ["金额", "发生额", "数额", "款额", "金额数", "amount", "sum", "value"],
  direction: ["借或贷", "借贷", "方向", "收支", "借贷方向", "收支方向", "收支类型", "收或支", "收支类别",
    "direction", "dr/cr", "debit/credit", "in/out", "type"],
  balance: ["余额", "结余", "账面余额", "结存", "balance", "running balance"],
  counterparty: ["收付款单位", "对方单位", "领取人", "收款人", "收款单位", "付款单位", "付款人", "交款人", "收款方",
    "付款方", "往来单位", "领款人", "受助人", "慰问对象", "姓名", "对方户名", "对方名称",
    "payee", "payer", "counterparty", "recipient", "name"],
  memberId: ["会员编号", "工号", "职工编号", "员工编号", "会员号", "职工号", "人员编号", "member id", "member no",
    "employee id", "staff id", "employee no"],
  paymentMethod: ["支付方式", "结算方式", "付款方式", "收付方式", "收款方式", "payment method", "method", "settlement"],
  fundCategory: ["经费类别", "资金类别", "经费来源", "资金来源", "资金性质", "经费性质", "fund", "fund category",
    "fund source"],
  relation: ["与会员关系", "关系", "与职工关系", "亲属关系", "与本人关系", "relation", "relationship"],
  approval: ["审批单号", "批准文号", "审批日期", "批准日期", "审批", "审批编号", "批准文件", "审批文号", "会议纪要",
    "approval", "approval no", "approval ref"],
  note: ["备注", "附注", "附件", "note", "notes", "remark", "remarks", "memo", "comment"],
};

export const PLAN_FIELD_SYNONYMS: Record<PlanField, string[]> = {
  kind: ["收支", "收支类型", "收支方向", "收或支", "收支类别", "类型", "kind", "type", "income/expense"],
  category: ["项目", "预算科目", "科目", "会计科目", "科目名称", "科目编码", "类别", "收支项目", "预算项目", "支出项目",
    "收入项目", "预算类别", "经费科目", "category", "account", "item", "line"],
  subCategory: ["明细", "子目", "明细科目", "二级科目", "子科目", "明细项目", "subcategory", "sub category",
    "sub account", "detail"],
  planItem: ["计划项目", "活动项目", "项目名称", "活动名称", "工作计划", "计划内容", "活动内容", "具体项目", "用途",
    "plan item", "activity", "activities"],
  budget: ["预算数", "年初预算", "预算金额", "预算", "预算额", "年初预算数", "计划数", "计划金额", "本年预算", "预算资金",
    "金额", "budget", "planned", "plan amount", "amount"],
  adjustment: ["调整数", "调整金额", "调整额", "追加数", "预算调整", "调增减", "增减", "追加减少", "调整",
    "adjustment", "change"],
  adjustedBudget: ["调整后预算", "调整后预算数", "调整后金额", "调整后", "调整后数", "调整后预算金额", "调整后计划",
    "adjusted", "adjusted budget", "revised budget"],
  approvalDate: ["批准日期", "审批日期", "批复日期", "通过日期", "审议日期", "批准时间", "审批时间", "approval date",
    "approved"],
  note: ["备注", "说明", "note", "notes", "remark", "remarks"],
};

/** Synonyms that are too generic to be sure of: they score less, so a specific word elsewhere wins. */
const WEAK: ReadonlySet<string> = new Set(["金额", "amount", "类型", "type", "项目", "调整", "name", "value", "in", "out",
  "收", "支", "借", "贷", "时间", "内容", "明细", "category", "item", "line", "method", "fund"]);

export interface HeaderMatch<F extends string> {
  field: F;
  weight: number;
}

export interface SynonymMatcher<F extends string> {
  match(normalized: string): HeaderMatch<F> | undefined;
}

const EXACT_WEIGHT = 1;
const WEAK_WEIGHT = 0.7;
const CONTAINS_WEIGHT = 0.6;
const MAX_CJK_HEADER = 10;
const MAX_LATIN_HEADER = 24;

/** Builds the lookup once per table: an exact map plus the longer synonyms for contains-matching, longest first. */
export function buildMatcher<F extends string>(table: Record<F, string[]>): SynonymMatcher<F> {
  const exact = new Map<string, HeaderMatch<F>>();
  const partial: { text: string; field: F; cjk: boolean }[] = [];
  for (const field of Object.keys(table) as F[]) {
    for (const word of table[field]) {
      const norm = normalizeHeader(word);
      if (!norm || exact.has(norm)) continue;
      exact.set(norm, { field, weight: WEAK.has(word) ? WEAK_WEIGHT : EXACT_WEIGHT });
      const cjk = hasCjk(norm);
      if (!WEAK.has(word) && ((cjk && norm.length >= 2) || (!cjk && norm.length >= 4))) {
        partial.push({ text: norm, field, cjk });
      }
    }
  }
  partial.sort((a, b) => b.text.length - a.text.length);
  const cache = new Map<string, HeaderMatch<F> | undefined>();
  return {
    match(normalized: string): HeaderMatch<F> | undefined {
      if (!normalized) return undefined;
      const hit = exact.get(normalized);
      if (hit) return hit;
      if (cache.has(normalized)) return cache.get(normalized);
      let found: HeaderMatch<F> | undefined;
      const cjk = hasCjk(normalized);
      if (normalized.length <= (cjk ? MAX_CJK_HEADER : MAX_LATIN_HEADER) && !/^\d+$/.test(normalized)) {
        for (const p of partial) {
          if (normalized.includes(p.text)) {
            found = { field: p.field, weight: CONTAINS_WEIGHT };
            break;
          }
        }
      }
      cache.set(normalized, found);
      return found;
    },
  };
}

export const ledgerMatcher: SynonymMatcher<LedgerField> = buildMatcher(LEDGER_FIELD_SYNONYMS);
export const planMatcher: SynonymMatcher<PlanField> = buildMatcher(PLAN_FIELD_SYNONYMS);
