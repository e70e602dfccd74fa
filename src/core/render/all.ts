/**
 * Every generated report sheet for one period. The disclosure is left out, with the reason, when the books do
 * not reconcile to the fen; the other sheets are still produced (they help find the difference).
 */
import type { Books, Fen } from "../model/types";
import type { Period } from "../model/period";
import { formatYuan } from "../model/money";
import type { Lang } from "../i18n";
import { t } from "../i18n";
import { budgetExecution } from "../reports/budget-execution";
import { hardshipSummary } from "../reports/hardship";
import { welfareSummary } from "../reports/welfare";
import { disclosureModel, type DisclosureContext, type DisclosureSettings } from "../reports/disclosure";
import type { Reconciliation } from "../reports/reconcile";
import type { SheetModel } from "./sheet-model";
import { renderBudgetExecution } from "./budget-execution";
import { renderHardshipDetail, renderHardshipSummary } from "./hardship";
import { renderWelfareDetail, renderWelfareSummary } from "./welfare";
import { renderDisclosure } from "./disclosure";
import { reportClassifier } from "../reports/classes";
import { matchToPlan } from "../match/plan-match";

export interface RefusedDisclosure {
  reason: "not-reconciled";
  expectedClosing: Fen;
  ledgerClosing: Fen;
  difference: Fen;
  detail: Reconciliation;
  /** Ready-made words for the pane and the CLI. */
  title: string;
  message: string;
  fix: string;
}

export interface RenderAllResult {
  sheets: SheetModel[];
  refused?: RefusedDisclosure;
}

export function renderAll(books: Books, period: Period, settings: DisclosureSettings, ctx: DisclosureContext, lang: Lang = "zh-CN"): RenderAllResult {
  const opts = { unionName: settings.unionName ?? books.plan?.unionName ?? "", preparedDate: settings.preparedDate, lang };
  // One classification pass and one plan match for every sheet: on a big ledger each report redoing them
  // was most of `report`'s time.
  const cls = reportClassifier();
  const match = matchToPlan(books, period, { isTransfer: cls.isTransfer, groupOf: cls.groupOf });
  const hardship = hardshipSummary(books, period, { openingBalance: ctx.hardshipOpening }, cls);
  const welfare = welfareSummary(books, period, ctx.caps, ctx.memberCount, cls);
  const sheets: SheetModel[] = [renderBudgetExecution(budgetExecution(books, period, match), opts)];
  const disclosure = disclosureModel(books, period, settings, ctx, { cls, match, welfare, hardship });
  if (disclosure.ok) sheets.push(renderDisclosure(disclosure.model, lang));
  sheets.push(renderHardshipSummary(hardship, opts), renderWelfareSummary(welfare, opts), renderHardshipDetail(hardship, opts), renderWelfareDetail(welfare, opts));
  if (disclosure.ok) return { sheets };
  const d = disclosure.detail;
  return {
    sheets,
    refused: {
      reason: disclosure.reason,
      expectedClosing: disclosure.expectedClosing,
      ledgerClosing: disclosure.ledgerClosing,
      difference: disclosure.difference,
      detail: d,
      title: t("report.refused.title", {}, lang),
      message: t(
        "report.refused.detail",
        {
          opening: formatYuan(d.opening),
          income: formatYuan(d.income),
          expense: formatYuan(d.expense),
          other: formatYuan(d.otherMovements),
          expected: formatYuan(d.expectedClosing),
          ledger: formatYuan(d.ledgerClosing),
          difference: formatYuan(d.difference),
        },
        lang,
      ),
      fix: t("report.refused.fix", { cells: d.closingCells.join("，") || "—" }, lang),
    },
  };
}
