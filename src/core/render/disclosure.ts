/**
 * 经费收支公开表: the public sheet. It reads only DisclosureModel, whose types hold no recipient names, member
 * numbers or aid reasons, so nothing private can be rendered here even by mistake.
 */
import type { DisclosureLine, DisclosureModel, MajorItemPurpose } from "../reports/disclosure";
import type { CellStyle, SheetModel } from "./sheet-model";
import { formatYuan } from "../model/money";
import { SheetBuilder, count, date, money, ratio, text, titleBlock } from "./builder";
import type { Lang } from "../i18n";

const WIDTH = 5;

function figureRow(b: SheetBuilder, label: string, l: DisclosureLine, style?: CellStyle): void {
  b.row([text(label, style), money(l.budget, style), money(l.actual, style), ratio(l.executionBp, style), ratio(l.shareBp, style)]);
}

function purposeText(b: SheetBuilder, p: MajorItemPurpose): string {
  switch (p.kind) {
    case "summary":
    case "account":
      return p.text || b.t("report.row.other");
    case "hardship-aggregate":
      return b.t("report.disclosure.hardshipAggregate", { count: p.count });
    case "welfare-aggregate":
      return b.t("report.disclosure.welfareAggregate", { count: p.count });
  }
}

export function renderDisclosure(m: DisclosureModel, lang: Lang = "zh-CN"): SheetModel {
  const b = new SheetBuilder(WIDTH, lang);
  titleBlock(b, {
    internal: false,
    title: b.t("report.title.disclosure", { union: m.unionName, period: m.period.label }),
    periodLine: b.t("report.period", { period: m.period.label, start: m.period.start, end: m.period.end }),
    preparedDate: m.preparedDate,
  });
  b.endTitle();
  if (m.unionName) b.banner(b.t("report.disclosure.union", { union: m.unionName }), "note");

  b.row([text(b.t("report.disclosure.summary"), "label")]);
  b.row([text(b.t("report.disclosure.opening")), money(m.summary.opening)]);
  b.row([text(b.t("report.disclosure.incomeTotal")), money(m.summary.income)]);
  b.row([text(b.t("report.disclosure.expenseTotal")), money(m.summary.expense)]);
  if (m.summary.otherMovements !== 0) b.row([text(b.t("report.disclosure.otherMovements")), money(m.summary.otherMovements)]);
  b.row([text(b.t("report.disclosure.closing"), "total"), money(m.summary.closing, "total")]);
  b.banner(b.t(m.summary.closingMethod === "printed-balance" ? "report.disclosure.closingCheck.printed" : "report.disclosure.closingCheck.computed"), "note");

  const columns = ["report.col.item", "report.col.budgetPublic", "report.col.actual", "report.col.execution", "report.col.share"];
  b.blank();
  b.row([text(b.t("report.disclosure.income"), "label")]);
  b.header(columns);
  for (const l of m.income.lines) figureRow(b, b.t(`report.income.${l.key}`), l);
  figureRow(b, b.t("report.row.incomeTotal"), m.income.total, "total");

  b.blank();
  b.row([text(b.t("report.disclosure.expense"), "label")]);
  b.header(columns);
  for (const c of m.expense.categories) {
    figureRow(b, c.label || b.t("report.row.unclassified"), c, "label");
    const onlyItemIsItself = c.items.length === 1 && (c.items[0].label === c.label || c.items[0].key === "other");
    if (onlyItemIsItself) continue;
    for (const item of c.items) figureRow(b, `    ${item.label || b.t("report.row.other")}`, item);
  }
  figureRow(b, b.t("report.row.expenseTotal"), m.expense.total, "total");

  b.blank();
  b.row([text(b.t("report.disclosure.welfare"), "label")]);
  if (m.welfare.memberCount) b.banner(b.t("report.welfare.memberCount", { count: m.welfare.memberCount }), "note");
  b.header(["report.col.occasion", "report.col.count", "report.col.amount"]);
  for (const r of m.welfare.rows) b.row([text(b.t(`report.welfare.occasion.${r.occasion}`)), count(r.count), money(r.total)]);
  b.row([text(b.t("report.row.total"), "total"), count(m.welfare.count, "total"), money(m.welfare.total, "total")]);

  b.blank();
  b.row([text(b.t("report.disclosure.hardship"), "label")]);
  b.header(["report.col.type", "report.col.households", "report.col.personTimes", "report.col.amount"]);
  for (const r of m.hardship.rows) b.row([text(b.t(`report.hardship.type.${r.type}`)), count(r.households), count(r.personTimes), money(r.amount)]);
  b.row([text(b.t("report.row.total"), "total"), count(m.hardship.households, "total"), count(m.hardship.personTimes, "total"), money(m.hardship.amount, "total")]);

  b.blank();
  b.row([text(b.t("report.disclosure.majorItems", { threshold: formatYuan(m.threshold) }), "label")]);
  if (m.majorItems.length === 0) {
    b.banner(b.t("report.disclosure.noMajorItems"), "note");
  } else {
    b.header(["report.col.date", "report.col.purpose", "report.col.amount"]);
    for (const item of m.majorItems) b.row([date(item.date), text(purposeText(b, item.purpose)), money(item.amount)]);
  }

  b.blank();
  b.row([text(b.t("report.disclosure.review"), "label")]);
  b.banner(m.reviewStatement || b.t("report.disclosure.reviewMissing"), "note");
  b.banner(b.t("report.disclosure.pack", { pack: m.packName }), "note");
  const channel = m.objection.channel || b.t("report.disclosure.objectionDefaultChannel");
  b.banner(
    m.objection.days ? b.t("report.disclosure.objection", { days: m.objection.days, channel }) : b.t("report.disclosure.objectionNoDays", { channel }),
    "note",
  );

  b.blank();
  const blank = b.t("report.sign.blank");
  const s = m.signatories;
  b.row([text(b.t("report.sign.chair", { name: s.chair || blank }), "signature"), text(""), text(b.t("report.sign.auditChair", { name: s.auditChair || blank }), "signature")]);
  b.row([text(b.t("report.sign.accountant", { name: s.accountant || blank }), "signature"), text(""), text(b.t("report.sign.preparer", { name: s.preparer || blank }), "signature")]);
  if (m.preparedDate) b.row([text(b.t("report.prepared", { date: m.preparedDate }), "signature")]);

  return b.build(b.t("report.sheet.disclosure"), "disclosure", false, [34, 14, 14, 10, 10], "portrait");
}
