/** 福利慰问汇总 (counts, totals, per-member figures) and 福利慰问明细（内部） (names and over-cap members). */
import type { WelfareSummary } from "../reports/welfare";
import type { SheetModel } from "./sheet-model";
import { SheetBuilder, count, date, money, text, titleBlock } from "./builder";
import type { RenderOptions } from "./budget-execution";

function periodLine(b: SheetBuilder, m: WelfareSummary): string {
  return b.t("report.period", { period: m.period.label, start: m.period.start, end: m.period.end });
}

export function renderWelfareSummary(m: WelfareSummary, opts: RenderOptions = {}): SheetModel {
  const b = new SheetBuilder(9, opts.lang ?? "zh-CN");
  titleBlock(b, {
    internal: false,
    title: b.t("report.title.welfareSummary", { union: opts.unionName ?? "", period: m.period.label }),
    periodLine: periodLine(b, m),
    preparedDate: opts.preparedDate,
  });
  b.banner(m.memberCount ? b.t("report.welfare.memberCount", { count: m.memberCount }) : b.t("report.welfare.memberCountUnknown"), "note");
  b.header(["report.col.occasion", "report.col.count", "report.col.amount", "report.col.membersCovered", "report.col.average", "report.col.highest", "report.col.cap", "report.col.overCapMembers", "report.col.flag"]);
  b.endTitle();
  for (const r of m.byOccasion) {
    b.row([
      text(b.t(`report.welfare.occasion.${r.occasion}`)),
      count(r.count),
      money(r.total),
      count(r.membersCovered),
      money(r.averagePerMember),
      money(r.highestPerMember),
      money(r.cap),
      count(r.membersOverCap),
      r.overCap ? text(b.t("report.flag.overCap"), "warning") : text(""),
    ]);
  }
  b.row([text(b.t("report.row.total"), "total"), count(m.total.count, "total"), money(m.total.total, "total")]);
  return b.build(b.t("report.sheet.welfareSummary"), "welfare-summary", false, [16, 8, 13, 9, 11, 11, 11, 9, 9], "landscape");
}

export function renderWelfareDetail(m: WelfareSummary, opts: RenderOptions = {}): SheetModel {
  const b = new SheetBuilder(7, opts.lang ?? "zh-CN");
  titleBlock(b, {
    internal: true,
    title: b.t("report.title.welfareDetail", { union: opts.unionName ?? "", period: m.period.label }),
    periodLine: periodLine(b, m),
    preparedDate: opts.preparedDate,
  });
  b.header(["report.col.date", "report.col.occasion", "report.col.recipient", "report.col.memberId", "report.col.amount", "report.col.summary", "report.col.cell"]);
  b.endTitle();
  for (const d of m.detail) {
    b.row([date(d.date), text(b.label("report.welfare.occasion.", d.occasion)), text(d.recipient), text(d.memberId), money(d.amount), text(d.summary), text(d.cell)]);
  }
  b.row([text(b.t("report.row.total"), "total"), text("", "total"), text("", "total"), text("", "total"), money(m.total.total, "total")]);
  if (m.overCap.length > 0) {
    b.blank();
    b.row([text(b.t("report.welfare.overCapList"), "warning")]);
    b.header(["report.col.occasion", "report.col.recipient", "report.col.memberId", "report.col.count", "report.col.amount", "report.col.cap", "report.col.cell"]);
    for (const o of m.overCap) {
      b.row([text(b.label("report.welfare.occasion.", o.occasion)), text(o.recipient), text(o.memberId), count(o.payments), money(o.total), money(o.cap), text(o.cells.join("，"))]);
    }
  }
  return b.build(b.t("report.sheet.welfareDetail"), "welfare-detail", true, [12, 14, 10, 12, 12, 30, 16], "landscape");
}
