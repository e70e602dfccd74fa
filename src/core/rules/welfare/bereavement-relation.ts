/**
 * Bereavement condolences are for the member or a direct relative: spouse, parents, children. A relation column
 * naming anyone else is an error; without a relation column, a summary naming another relative (岳母, 祖父…, the
 * "not-direct-relative" table) is a warning, since provinces differ on in-laws.
 */
import type { Finding } from "../../model/types";
import type { Rule } from "../types";
import { cellOf, finding, yuan, recipientLabel } from "../util";

const direct = /^(本人|会员本人|职工本人|会员|职工|配偶|丈夫|妻子|爱人|老伴|夫|妻|父|母|父亲|母亲|父母|养父|养母|继父|继母|子女|儿子|女儿|子|女|养子|养女|继子|继女)$/;

export const bereavementNotDirectRelative: Rule = {
  id: "bereavement-not-direct-relative",
  area: "welfare",
  tier: "strict",
  severity: "error",
  run(ctx) {
    const other = ctx.keywords("not-direct-relative");
    const out: Finding[] = [];
    for (const e of ctx.welfare("bereavement")) {
      const rel = e.relation?.replace(/[\s\u3000]+/g, "");
      if (rel) {
        if (direct.test(rel)) continue;
        out.push(finding("bereavement-not-direct-relative", "error", { context: "column", relation: rel, name: recipientLabel(e) || "—", amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "relation")]));
        continue;
      }
      const term = other.match(e.summary);
      if (term === undefined) continue;
      out.push(finding("bereavement-not-direct-relative", "warning", { context: "summary", relation: term, name: recipientLabel(e) || "—", amount: yuan(e.expense), amountFen: e.expense }, [cellOf(e, "summary")]));
    }
    return out;
  },
};
