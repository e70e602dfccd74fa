/**
 * Hardship aid (困难帮扶) must go to a named person, by real-name bank transfer, with an approval on file.
 * No recipient: neither a member id nor a counterparty. Not by transfer: the payment method says cash (or the
 * row is in a cash journal); rows without a payment method are not guessed at.
 * No approval: strict tier, but only checked when the ledger has an approval column (审批单号/审批日期): most
 * hand-kept ledgers do not, and flagging every aid row there would bury the useful findings.
 */
import type { HardshipAidType } from "../../classify/hardship";
import type { Entry, Finding } from "../../model/types";
import type { Rule, RuleContext } from "../types";
import { amountCell, cellOf, fieldCell, finding, yuan } from "../util";
import { paidInCash } from "../spending/cash-over-limit";

/**
 * The counted payments that are hardship aid, with their type, in ledger order: found in one pass and shared by
 * the three rules below (each used to walk the whole ledger). Keyed by the run's context, so it lives as long
 * as the run does.
 */
const aidOfRun = new WeakMap<RuleContext, { e: Entry; type: HardshipAidType }[]>();

function hardshipPayments(ctx: RuleContext): { e: Entry; type: HardshipAidType }[] {
  let list = aidOfRun.get(ctx);
  if (!list) {
    list = [];
    // By position: the type is the row's group's answer, so a payment that is not aid is never read itself.
    const { spending, groups } = ctx.rows;
    const types: (HardshipAidType | null | undefined)[] = [];
    for (let k = 0; k < spending.length; k++) {
      const i = spending[k];
      let type = types[groups[i]];
      if (type === undefined) types[groups[i]] = type = ctx.hardshipAt(i) ?? null;
      if (type) list.push({ e: ctx.entries[i], type });
    }
    aidOfRun.set(ctx, list);
  }
  return list;
}

export const hardshipAidNoRecipient: Rule = {
  id: "hardship-aid-no-recipient",
  area: "hardship",
  tier: "strict",
  severity: "error",
  run(ctx) {
    const out: Finding[] = [];
    for (const { e, type } of hardshipPayments(ctx)) {
      if (e.memberId?.trim() || e.counterparty?.trim()) continue;
      out.push(finding("hardship-aid-no-recipient", "error", { type, summary: e.summary, amount: yuan(e.expense), amountFen: e.expense }, [fieldCell(ctx.books.ledger.mappings, e, "counterparty")]));
    }
    return out;
  },
};

export const hardshipAidNotByTransfer: Rule = {
  id: "hardship-aid-not-by-transfer",
  area: "hardship",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const out: Finding[] = [];
    for (const { e, type } of hardshipPayments(ctx)) {
      if (!paidInCash(e, ctx)) continue;
      out.push(finding("hardship-aid-not-by-transfer", "warning", { type, method: e.paymentMethod?.trim() || "现金", summary: e.summary, amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "paymentMethod"), amountCell(e)]));
    }
    return out;
  },
};

export const hardshipAidNoApproval: Rule = {
  id: "hardship-aid-no-approval",
  area: "hardship",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const sheetsWithColumn = new Set(ctx.books.ledger.mappings.filter((m) => m.columns.approval !== undefined).map((m) => m.sheet));
    if (!sheetsWithColumn.size) return [];
    const out: Finding[] = [];
    for (const { e, type } of hardshipPayments(ctx)) {
      if (!sheetsWithColumn.has(e.sheet) || e.approval?.trim()) continue;
      out.push(finding("hardship-aid-no-approval", "warning", { type, summary: e.summary, amount: yuan(e.expense), amountFen: e.expense }, [fieldCell(ctx.books.ledger.mappings, e, "approval")]));
    }
    return out;
  },
};
