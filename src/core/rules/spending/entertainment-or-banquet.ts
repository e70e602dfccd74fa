/** 八不准 #2: entertaining or giving gifts with union funds (请客送礼). Working meals at activities are allowed. */
import { keywordRule } from "./keyword-rule";

export const entertainmentOrBanquet = keywordRule("entertainment-or-banquet", "warning");
