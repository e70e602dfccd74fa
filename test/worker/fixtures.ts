/** A small plan and ledger for the worker tests, written as the treasurer would type them. */
import { sheet, workbook } from "../helpers/table";
import type { WorkbookSnapshot } from "../../src/core/model/types";

export function smallBooks(): WorkbookSnapshot {
  return workbook(
    sheet("预算表", [
      ["江城机械厂工会2025年经费预算", null, null, null],
      ["会员人数：120", null, null, null],
      ["收支类别", "预算科目", "计划项目", "年初预算"],
      ["收入", "会费收入", "会员会费", 20000],
      ["收入", "拨缴经费收入", "行政拨缴经费", 80000],
      ["支出", "职工活动支出", "文体活动", 30000],
      ["支出", "维权支出", "困难职工帮扶", 20000],
    ]),
    sheet("明细账", [
      ["日期", "凭证号", "摘要", "科目", "预算项目", "收入", "支出", "余额"],
      ["2025-01-01", null, "上年结转", null, null, null, null, 10000],
      ["2025-01-05", "记1", "收1月会费", "会费收入", "会员会费", 1200, null, 11200],
      ["2025-02-10", "记2", "购买篮球", "50102", "文体活动", null, "350.5", 10849.5],
      ["2025-03-01", "记3", "购买超市购物卡发放职工", "50102", "文体活动", null, 5000, 5849.5],
      ["2025-13-45", "记4", "购买羽毛球", "50102", "文体活动", null, 100, 5749.5],
    ]),
  );
}
