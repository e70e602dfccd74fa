/**
 * A birthday gift above the per-gift cap (reference §2.3: the cap is per member per gift). Each gift is compared
 * on its own: a member who got two gifts of the allowed size has not got an oversized gift, that is
 * `birthday-twice`'s finding, so the two rules never report the same payment twice. A collective entry with no
 * named recipient ("3月生日会员蛋糕券 10人") is divided by the head count its summary states.
 */
import type { Finding } from "../../model/types";
import { fenToYuan, roundToFen } from "../../model/money";
import type { Rule } from "../types";
import { amountCell, finding, headcountInSummary, isoYear, yuan, recipientLabel } from "../util";

export const birthdayOverCap: Rule = {
  id: "birthday-over-cap",
  area: "welfare",
  tier: "strict",
  severity: "warning",
  run(ctx) {
    const cap = ctx.pack.welfareCaps.birthday;
    if (cap === undefined) return [];
    const fallbackYear = ctx.books.ledger.year ?? ctx.books.plan?.year;
    const out: Finding[] = [];
    for (const e of ctx.welfare("birthday")) {
      if (e.expense <= 0) continue;
      const heads = ctx.recipient(e) !== undefined ? 1 : (headcountInSummary(e.summary) ?? 1);
      if (e.expense <= cap * heads) continue;
      const perHead = heads > 1 ? roundToFen(fenToYuan(e.expense) / heads) : e.expense;
      out.push(
        finding(
          "birthday-over-cap",
          "warning",
          { name: recipientLabel(e) || "—", year: isoYear(e.date) ?? fallbackYear ?? "", count: 1, heads, total: yuan(perHead), totalFen: perHead, cap: yuan(cap), capFen: cap, over: yuan(perHead - cap), overFen: perHead - cap },
          [amountCell(e)],
        ),
      );
    }
    return out;
  },
};
