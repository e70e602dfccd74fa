/** Per-recipient welfare caps from the pack: birthday, wedding, childbirth, bereavement, retirement. */
import type { Entry } from "../../model/types";
import type { RuleContext } from "../types";
import { perRecipientCapRule } from "./per-recipient";

// Birthday gifts are capped per gift, not per year: see birthday-over-cap.ts.
export { birthdayOverCap } from "./birthday-over-cap";
export const weddingOverCap = perRecipientCapRule("wedding-over-cap", "wedding", (ctx) => ctx.pack.welfareCaps.wedding);
export const childbirthOverCap = perRecipientCapRule("childbirth-over-cap", "childbirth", (ctx) => ctx.pack.welfareCaps.childbirth);
export const retirementOverCap = perRecipientCapRule("retirement-over-cap", "retirement", (ctx) => ctx.pack.welfareCaps.retirement);

const relativeWords = /父亲|母亲|父母|配偶|丈夫|妻子|爱人|儿子|女儿|子女|岳父|岳母|公公|婆婆|祖父|祖母|爷爷|奶奶|外公|外婆|家属|亲属/;
const selfWords = /^(本人|会员本人|职工本人|会员|职工)$/;

/** Whether a bereavement condolence is for a relative's death (rather than the member's own). */
export function isRelativeDeath(e: Entry): boolean | undefined {
  const rel = e.relation?.replace(/[\s\u3000]+/g, "");
  if (rel) return !selfWords.test(rel);
  if (relativeWords.test(e.summary)) return true;
  if (/(会员|职工|本人)(病故|去世|逝世|死亡)/.test(e.summary)) return false;
  return undefined;
}

/**
 * The member-death cap applies to the member's own death, the relative cap to a relative's. When the books do not
 * say which, the larger (member) cap is used, so no false alarm is raised.
 */
export const bereavementOverCap = perRecipientCapRule("bereavement-over-cap", "bereavement", (ctx: RuleContext, g) => {
  const c = ctx.pack.welfareCaps;
  const relative = g.entries.every((e) => isRelativeDeath(e) === true);
  return relative ? (c.bereavementRelative ?? c.bereavementMember) : (c.bereavementMember ?? c.bereavementRelative);
});
