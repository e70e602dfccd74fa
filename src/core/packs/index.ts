/**
 * Rule packs: load and validate (with located errors), pick a built-in pack, apply user overrides, and expose
 * the welfare caps in the shape the reports use.
 */
import type { Fen } from "../model/types";
import type { WelfareOccasion } from "../classify/welfare";
import { PackOverridesSchema, RulePackSchema, type PackOverrides, type RulePack, type WelfareCaps } from "./schema";
import { builtInPacks, nationalPack } from "./data";

export * from "./schema";
export { builtInPacks, nationalPack } from "./data";

/** A validation problem: where in the JSON (dotted path, "" for the root) and what is wrong. */
export interface PackError {
  path: string;
  message: string;
}

export type LoadResult<T> = { ok: true; pack: T } | { ok: false; errors: PackError[] };

function located(issues: { path: PropertyKey[]; message: string }[]): PackError[] {
  return issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

/** Validate a pack given as parsed JSON (or a JSON string). Never throws. */
export function loadPack(json: unknown): LoadResult<RulePack> {
  let value = json;
  if (typeof json === "string") {
    try {
      value = JSON.parse(json);
    } catch (e) {
      return { ok: false, errors: [{ path: "", message: `not JSON: ${(e as Error).message}` }] };
    }
  }
  const r = RulePackSchema.safeParse(value);
  return r.success ? { ok: true, pack: r.data } : { ok: false, errors: located(r.error.issues) };
}

/** Validate user overrides (from settings). Never throws. */
export function loadOverrides(json: unknown): LoadResult<PackOverrides> {
  const r = PackOverridesSchema.safeParse(json);
  return r.success ? { ok: true, pack: r.data } : { ok: false, errors: located(r.error.issues) };
}

export function packById(id: string): RulePack | undefined {
  return builtInPacks.find((p) => p.id === id);
}

/** The pack with the user's overrides on top; caps merge field by field, keyword extensions are added. */
export function applyOverrides(pack: RulePack, overrides: PackOverrides | undefined): RulePack {
  if (!overrides) return pack;
  const keywords = { ...(pack.keywords ?? {}) };
  for (const [rule, ext] of Object.entries(overrides.keywords ?? {})) {
    const base = keywords[rule] ?? {};
    keywords[rule] = {
      include: [...(base.include ?? []), ...(ext.include ?? [])],
      exclude: [...(base.exclude ?? []), ...(ext.exclude ?? [])],
    };
  }
  return {
    ...pack,
    welfareCaps: { ...pack.welfareCaps, ...(overrides.welfareCaps ?? {}) },
    festivalCaps: overrides.festivalCaps ? { ...(pack.festivalCaps ?? {}), ...overrides.festivalCaps } : pack.festivalCaps,
    festivalRatioOfBudgetedIncome: overrides.festivalRatioOfBudgetedIncome ?? pack.festivalRatioOfBudgetedIncome,
    cashLimitFen: overrides.cashLimitFen ?? pack.cashLimitFen,
    outingPerDayFen: overrides.outingPerDayFen ?? pack.outingPerDayFen,
    keywords: Object.keys(keywords).length ? keywords : undefined,
  };
}

/**
 * Per-recipient caps by welfare occasion, for the welfare summary (the pane, the worker and the CLI all use this).
 * Sickness and bereavement have two caps each (with surgery; the member or a relative): the larger is used here, so
 * the summary never calls a payment over the cap that the finer rule would allow; the rules check each case.
 * Occasions without a cap are absent.
 */
export function welfareCapsFrom(c: WelfareCaps): Partial<Record<WelfareOccasion, Fen>> {
  const out: Partial<Record<WelfareOccasion, Fen>> = {};
  const put = (k: WelfareOccasion, ...caps: (Fen | undefined)[]) => {
    const known = caps.filter((v): v is Fen => v !== undefined);
    if (known.length > 0) out[k] = Math.max(...known);
  };
  put("festival", c.festival);
  put("birthday", c.birthday);
  put("wedding", c.wedding);
  put("childbirth", c.childbirth);
  put("sickness", c.sickness, c.sicknessWithSurgery);
  put("bereavement", c.bereavementMember, c.bereavementRelative);
  put("retirement", c.retirement);
  return out;
}

export function welfareCapsOf(pack: RulePack): Partial<Record<WelfareOccasion, Fen>> {
  return welfareCapsFrom(pack.welfareCaps);
}

export const defaultPack: RulePack = nationalPack;
