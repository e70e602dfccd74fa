/**
 * The shape of a rule pack: the caps and allowances of one province (or the national defaults) at one effective
 * date. Packs are data, validated with zod on load, so a union can ship its own pack as JSON.
 * All money is integer fen. A cap that a source does not state is simply absent: the matching rule skips it.
 */
import { z } from "zod";

const fen = z.number().int().nonnegative();

/** Per-recipient (or per-member) caps per year, in fen. */
export const WelfareCapsSchema = z.strictObject({
  /** Festival goods per member per year, all statutory festivals together. */
  festival: fen.optional(),
  birthday: fen.optional(),
  wedding: fen.optional(),
  childbirth: fen.optional(),
  /** Sickness / hospitalisation condolence, per illness. */
  sickness: fen.optional(),
  /** Sickness with surgery (手术), where the pack allows more. */
  sicknessWithSurgery: fen.optional(),
  /** Death of the member (paid to the family). */
  bereavementMember: fen.optional(),
  /** Death of a direct relative of the member (spouse, parent, child). */
  bereavementRelative: fen.optional(),
  retirement: fen.optional(),
});

/** The forms a gift may take per occasion: goods, a designated-merchant voucher, or cash. */
export const GiftFormSchema = z.enum(["goods", "voucher", "cash"]);

export const KeywordExtensionSchema = z.strictObject({
  include: z.array(z.string().min(1)).optional(),
  exclude: z.array(z.string().min(1)).optional(),
});

export const RulePackSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/, "id: lower-case letters, digits and dashes"),
  name: z.strictObject({ zh: z.string().min(1), en: z.string().min(1) }),
  /** The document the caps come from, with a public URL; `confidence` mirrors the reference's C1/C2/INF tags. */
  source: z.strictObject({
    document: z.string().min(1),
    url: z.string().url(),
    confidence: z.enum(["C1", "C2", "INF"]),
  }),
  /** ISO date the rules took effect. */
  effective: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "effective: an ISO date YYYY-MM-DD"),
  welfareCaps: WelfareCapsSchema,
  /** Per-festival per-head caps (Guizhou): festival name -> fen; "*" = every other festival. */
  festivalCaps: z.record(z.string().min(1), fen).optional(),
  /** Festival total as a share of the year's budgeted income (Beijing 2019: 0.5). */
  festivalRatioOfBudgetedIncome: z.number().gt(0).lte(1).optional(),
  /** Whether the same illness may be condoled only once a year (Anhui, later revision). */
  sameIllnessOncePerYear: z.boolean().optional(),
  /** Largest single cash payment, in fen, before it is flagged. */
  cashLimitFen: fen,
  /** Spring/autumn outing cap per person per day, in fen. */
  outingPerDayFen: fen.optional(),
  /** Allowed forms per welfare occasion; an occasion not listed allows any form. */
  allowedForms: z.record(z.string().min(1), z.array(GiftFormSchema)).optional(),
  /** Extra keywords per rule id, added to the built-in synonym tables. */
  keywords: z.record(z.string().min(1), KeywordExtensionSchema).optional(),
  notes: z.strictObject({ zh: z.string(), en: z.string() }).optional(),
});

export type RulePack = z.infer<typeof RulePackSchema>;
export type WelfareCaps = z.infer<typeof WelfareCapsSchema>;
export type GiftForm = z.infer<typeof GiftFormSchema>;
export type KeywordExtension = z.infer<typeof KeywordExtensionSchema>;

/** What a user may override in settings: any cap or limit, never the identity of the pack. */
export const PackOverridesSchema = z.strictObject({
  welfareCaps: WelfareCapsSchema.optional(),
  festivalCaps: z.record(z.string().min(1), fen).optional(),
  festivalRatioOfBudgetedIncome: z.number().gt(0).lte(1).optional(),
  cashLimitFen: fen.optional(),
  outingPerDayFen: fen.optional(),
  keywords: z.record(z.string().min(1), KeywordExtensionSchema).optional(),
});
export type PackOverrides = z.infer<typeof PackOverridesSchema>;
