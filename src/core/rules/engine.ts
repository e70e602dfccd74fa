/**
 * The rules engine: a registry of named rules in tiers, and `runChecks`, which runs the selected ones over the
 * books. Findings are values: a rule that throws becomes one `internal-error` finding naming it, and the other
 * rules still run. Each rule's time is measured, for the benchmark and the pane's diagnostics.
 */
import type { Books, Finding } from "../model/types";
import { createContext } from "./context";
import type { CheckOptions, CheckResult, Rule } from "./types";
import { unknownAccount, unparseableAmount, unparseableDate } from "./ledger/reader-findings";
import { dateOutsidePeriod } from "./ledger/date-outside-period";
import { datesOutOfOrder } from "./ledger/dates-out-of-order";
import { incomeAndExpenseInOneRow, negativeAmount } from "./ledger/amounts";
import { duplicateVoucher, missingVoucher } from "./ledger/vouchers";
import { runningBalance } from "./ledger/running-balance";
import { subtotalMismatch } from "./ledger/subtotal-mismatch";
import { internalTransferCounted, wrongSide } from "./ledger/accounts";
import { noBudgetLine } from "./budget/no-budget-line";
import { overBudget } from "./budget/over-budget";
import { budgetAdjustedWithoutApproval, budgetDeficit } from "./budget/plan-checks";
import { shoppingCardOrCashGift } from "./spending/shopping-card-or-cash-gift";
import { bonusOrAllowance } from "./spending/bonus-or-allowance";
import { entertainmentOrBanquet } from "./spending/entertainment-or-banquet";
import { highEndConsumption } from "./spending/high-end-consumption";
import { employerBorneCost } from "./spending/employer-borne-cost";
import { cashOverLimit } from "./spending/cash-over-limit";
import { outingOvernightOrOverCap } from "./spending/outing";
import { festivalGiftOffFestival, festivalGiftOverCap } from "./welfare/festival";
import { birthdayTwice } from "./welfare/birthday-twice";
import { bereavementOverCap, birthdayOverCap, childbirthOverCap, retirementOverCap, weddingOverCap } from "./welfare/caps";
import { sameIllnessTwice, sicknessOverCap } from "./welfare/sickness";
import { bereavementNotDirectRelative } from "./welfare/bereavement-relation";
import { hardshipAidNoApproval, hardshipAidNoRecipient, hardshipAidNotByTransfer } from "./hardship/hardship";

export type { CheckOptions, CheckResult, Rule, RuleContext, Tier } from "./types";

/** Not a check: the id of the finding a rule that throws becomes. Documented with the rules. */
export const INTERNAL_ERROR = "internal-error";

/** Every rule, in the order findings are reported (ledger, budget, spending, welfare, hardship). */
export const rules: readonly Rule[] = [
  unparseableAmount,
  unparseableDate,
  dateOutsidePeriod,
  datesOutOfOrder,
  incomeAndExpenseInOneRow,
  negativeAmount,
  missingVoucher,
  duplicateVoucher,
  runningBalance,
  subtotalMismatch,
  unknownAccount,
  wrongSide,
  internalTransferCounted,
  noBudgetLine,
  overBudget,
  budgetDeficit,
  budgetAdjustedWithoutApproval,
  shoppingCardOrCashGift,
  bonusOrAllowance,
  entertainmentOrBanquet,
  highEndConsumption,
  employerBorneCost,
  cashOverLimit,
  outingOvernightOrOverCap,
  festivalGiftOverCap,
  festivalGiftOffFestival,
  birthdayTwice,
  birthdayOverCap,
  weddingOverCap,
  childbirthOverCap,
  sicknessOverCap,
  sameIllnessTwice,
  bereavementOverCap,
  bereavementNotDirectRelative,
  retirementOverCap,
  hardshipAidNoRecipient,
  hardshipAidNotByTransfer,
  hardshipAidNoApproval,
];

export function ruleById(id: string): Rule | undefined {
  return rules.find((r) => r.id === id);
}

/** Whether a rule runs under these options: its tier is selected, or it is enabled by id. */
export function isSelected(rule: Rule, options: Pick<CheckOptions, "tiers" | "enable"> = {}): boolean {
  const tiers = options.tiers ?? ["basic", "strict"];
  return tiers.includes(rule.tier) || (options.enable ?? []).includes(rule.id);
}

const now = () => globalThis.performance.now();

/** Run the selected rules (default: basic + strict) over the books. Never throws. */
export function runChecks(books: Books, options: CheckOptions = {}, registry: readonly Rule[] = rules): CheckResult {
  const ctx = createContext(books, options);
  const findings: Finding[] = [];
  const timings: Record<string, number> = {};
  const ran: string[] = [];
  for (const rule of registry) {
    if (!isSelected(rule, ctx.options)) continue;
    const t0 = now();
    try {
      // A loop rather than push(...list): spreading a rule's tens of thousands of findings as call arguments
      // is slow and can overflow the stack on a big ledger.
      for (const f of rule.run(ctx)) findings.push(f);
    } catch (e) {
      findings.push({
        rule: INTERNAL_ERROR,
        severity: "error",
        params: { rule: rule.id, error: e instanceof Error ? e.message : String(e) },
        locations: [],
      });
    }
    timings[rule.id] = now() - t0;
    ran.push(rule.id);
  }
  return { findings, timings, pack: ctx.pack, ran };
}
