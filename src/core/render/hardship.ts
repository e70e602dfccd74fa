/** 困难帮扶汇总 (public-safe aggregates) and 困难帮扶明细（内部） (names: committee only). */
import type { HardshipSummary } from "../reports/hardship";
import type { SheetModel } from "./sheet-model";
import { SheetBuilder, count, date, money, text, titleBlock } from "./builder";
import type { RenderOptions } from "./budget-execution";

function periodLine(b: SheetBuilder, m: HardshipSummary): string {
  return b.t("report.period", { period: m.period.label, start: m.period.start, end: m.period.end });
}

export function renderHardshipSummary(m: HardshipSummary, opts: RenderOptions = {}): SheetModel {
  const width = Math.max(5, m.months.length + 2);
  const b = new SheetBuilder(width, opts.lang ?? "zh-CN");
  titleBlock(b, {
    internal: false,
    title: b.t("report.title.hardshipSummary", { union: opts.unionName ?? "", period: m.period.label }),
    periodLine: periodLine(b, m),
    preparedDate: opts.preparedDate,
  });
  b.endTitle();

  b.row([text(b.t("report.hardship.byType"), "label")]);
  b.header(["report.col.type", "report.col.households", "report.col.personTimes", "report.col.amount"]);
  for (const r of m.byType) {
    b.row([text(b.t(`report.hardship.type.${r.type}`)), count(r.households), count(r.personTimes), money(r.amount)]);
  }
  b.row([text(b.t("report.row.total"), "total"), count(m.total.households, "total"), count(m.total.personTimes, "total"), money(m.total.amount, "total")]);
  if (m.unidentified > 0) b.banner(b.t("report.hardship.unidentified", { count: m.unidentified }), "note");

  b.blank();
  b.row([text(b.t("report.hardship.byMonth"), "label")]);
  b.row([text(b.t("report.col.type"), "header"), ...m.months.map((mo) => text(b.t("report.monthLabel", { month: mo }), "header")), text(b.t("report.row.total"), "header")]);
  for (const r of m.byType) {
    b.row([text(b.t(`report.hardship.type.${r.type}`)), ...r.byMonth.map((f) => money(f)), money(r.amount)]);
  }
  b.row([text(b.t("report.col.personTimes"), "total"), ...m.byMonth.map((r) => count(r.personTimes, "total")), count(m.total.personTimes, "total")]);
  b.row([text(b.t("report.row.total"), "total"), ...m.byMonth.map((r) => money(r.amount, "total")), money(m.total.amount, "total")]);

  b.blank();
  b.row([text(b.t("report.hardship.fund"), "label")]);
  b.row([text(b.t("report.hardship.fund.opening")), money(m.fund.opening)]);
  b.row([text(b.t("report.hardship.fund.income")), money(m.fund.income)]);
  b.row([text(b.t("report.hardship.fund.spending")), money(m.fund.spending)]);
  b.row([text(b.t("report.hardship.fund.closing"), "total"), money(m.fund.closing, "total")]);
  if (!m.fund.openingKnown) b.banner(b.t("report.hardship.openingUnknown"), "note");

  const widths = [16, ...m.months.map(() => 11), 13];
  while (widths.length < width) widths.push(11);
  return b.build(b.t("report.sheet.hardshipSummary"), "hardship-summary", false, widths, m.months.length > 6 ? "landscape" : "portrait");
}

export function renderHardshipDetail(m: HardshipSummary, opts: RenderOptions = {}): SheetModel {
  const b = new SheetBuilder(8, opts.lang ?? "zh-CN");
  titleBlock(b, {
    internal: true,
    title: b.t("report.title.hardshipDetail", { union: opts.unionName ?? "", period: m.period.label }),
    periodLine: periodLine(b, m),
    preparedDate: opts.preparedDate,
  });
  b.header(["report.col.date", "report.col.recipient", "report.col.memberId", "report.col.type", "report.col.amount", "report.col.summary", "report.col.paymentMethod", "report.col.cell"]);
  b.endTitle();
  for (const d of m.detail) {
    b.row([date(d.date), text(d.recipient), text(d.memberId), text(b.label("report.hardship.type.", d.type)), money(d.amount), text(d.summary), text(d.paymentMethod), text(d.cell)]);
  }
  b.row([text(b.t("report.row.total"), "total"), text("", "total"), text("", "total"), text("", "total"), money(m.total.amount, "total")]);
  return b.build(b.t("report.sheet.hardshipDetail"), "hardship-detail", true, [12, 10, 12, 10, 12, 30, 10, 14], "landscape");
}
