/** 八不准 #3: bonuses, allowances and subsidies paid from union funds. Hardship aid is not an allowance. */
import { keywordRule } from "./keyword-rule";

export const bonusOrAllowance = keywordRule("bonus-or-allowance", "error", (e, ctx) => ctx.hardship(e) !== undefined);
