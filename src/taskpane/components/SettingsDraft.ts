/**
 * The 设置 form as text fields (what the treasurer types) and the two conversions: settings -> draft (money shown
 * in 元, the tolerance in %) and draft -> settings (validated, money in integer fen). Pure, so the validation is
 * tested without rendering. Every problem names its field, so the form can show it beside the input; nothing
 * becomes NaN or a silent 0.
 */
import { fenToYuan, parseMoney } from "../../core/model/money";
import { isValidYmd } from "../../core/model/dates";
import { packById, type RulePack, type WelfareCaps } from "../../core/packs";
import { AddinSettingsSchema, type AddinSettings } from "../../core/settings/addin-settings";

/** The welfare caps the form lets the user override, in the order shown. */
export const CAP_KEYS = [
  "festival",
  "birthday",
  "wedding",
  "childbirth",
  "sickness",
  "sicknessWithSurgery",
  "bereavementMember",
  "bereavementRelative",
  "retirement",
] as const satisfies readonly (keyof WelfareCaps)[];

export type CapKey = (typeof CAP_KEYS)[number];

export const SIGNATORY_KEYS = ["chair", "auditChair", "accountant", "preparer"] as const;
export type SignatoryKey = (typeof SIGNATORY_KEYS)[number];

export interface SettingsDraft {
  packId: string;
  /** 元 per occasion; "" = use the pack's value. */
  caps: Record<CapKey, string>;
  /** Percent, 0–100. */
  tolerancePct: string;
  festivalWindowDays: string;
  memberCount: string;
  unionName: string;
  signatories: Record<SignatoryKey, string>;
  /** YYYY-MM-DD or "". */
  preparedDate: string;
  thresholdYuan: string;
  objectionDays: string;
  objectionChannel: string;
  reviewStatement: string;
  hardshipOpeningYuan: string;
}

/** Field ids used for located messages (and data-testids): "caps.birthday", "signatories.chair", "memberCount"... */
export type DraftField =
  | Exclude<keyof SettingsDraft, "caps" | "signatories">
  | `caps.${CapKey}`
  | `signatories.${SignatoryKey}`;

export type DraftProblem =
  | "money"
  | "moneyNegative"
  | "integer"
  | "range"
  | "date"
  | "unknownPack";

export interface DraftError {
  field: DraftField;
  problem: DraftProblem;
  /** Bounds for "range", so the message can say them. */
  min?: number;
  max?: number;
}

export type DraftResult = { ok: true; settings: AddinSettings } | { ok: false; errors: DraftError[] };

const yuanText = (fen: number | undefined): string => (fen === undefined ? "" : String(fenToYuan(fen)));
const intText = (n: number | undefined): string => (n === undefined ? "" : String(n));

/** Percent shown without float noise: 0.05 -> "5", 0.125 -> "12.5". */
function pctText(fraction: number): string {
  return fraction === 0 ? "" : String(Number((fraction * 100).toPrecision(12)));
}

export function draftFrom(s: AddinSettings): SettingsDraft {
  const caps = Object.fromEntries(CAP_KEYS.map((k) => [k, yuanText(s.capOverrides?.welfareCaps?.[k])])) as Record<CapKey, string>;
  return {
    packId: s.packId,
    caps,
    tolerancePct: pctText(s.overBudgetTolerance),
    festivalWindowDays: String(s.festivalWindowDays),
    memberCount: intText(s.memberCount),
    unionName: s.unionName ?? "",
    signatories: {
      chair: s.signatories.chair ?? "",
      auditChair: s.signatories.auditChair ?? "",
      accountant: s.signatories.accountant ?? "",
      preparer: s.signatories.preparer ?? "",
    },
    preparedDate: s.preparedDate ?? "",
    thresholdYuan: yuanText(s.thresholdFen),
    objectionDays: String(s.objectionDays),
    objectionChannel: s.objectionChannel,
    reviewStatement: s.reviewStatement ?? "",
    hardshipOpeningYuan: yuanText(s.hardshipOpeningFen),
  };
}

/**
 * The settings the draft describes, on top of `base` (so what the form does not show, e.g. the optional rules the
 * user switched on or keyword extensions, survives a save). Blank optional fields are left out.
 */
export function settingsFromDraft(d: SettingsDraft, base: AddinSettings): DraftResult {
  const errors: DraftError[] = [];
  const fail = (e: DraftError): undefined => {
    errors.push(e);
    return undefined;
  };

  const money = (field: DraftField, text: string): number | undefined => {
    if (text.trim() === "") return undefined;
    const r = parseMoney(text);
    if (!r.ok) return fail({ field, problem: "money" });
    if (r.fen < 0) return fail({ field, problem: "moneyNegative" });
    return r.fen;
  };
  const integer = (field: DraftField, text: string, min: number, max: number): number | undefined => {
    const t = text.trim();
    if (t === "") return undefined;
    if (!/^\d+$/.test(t)) return fail({ field, problem: "integer", min, max });
    const n = Number(t);
    if (n < min || n > max) return fail({ field, problem: "range", min, max });
    return n;
  };

  if (!packById(d.packId)) fail({ field: "packId", problem: "unknownPack" });

  const welfareCaps: WelfareCaps = {};
  for (const k of CAP_KEYS) {
    const fen = money(`caps.${k}`, d.caps[k]);
    if (fen !== undefined) welfareCaps[k] = fen;
  }

  let tolerance = 0;
  const tolText = d.tolerancePct.trim().replace(/[%％]$/, "");
  if (tolText !== "") {
    const n = /^\d+(\.\d+)?$/.test(tolText) ? Number(tolText) : NaN;
    if (Number.isNaN(n)) fail({ field: "tolerancePct", problem: "range", min: 0, max: 100 });
    else if (n > 100) fail({ field: "tolerancePct", problem: "range", min: 0, max: 100 });
    else tolerance = Number((n / 100).toPrecision(12));
  }

  const festivalWindowDays = integer("festivalWindowDays", d.festivalWindowDays, 1, 90);
  const memberCount = integer("memberCount", d.memberCount, 1, 10_000_000);
  const objectionDays = integer("objectionDays", d.objectionDays, 1, 365);
  const thresholdFen = money("thresholdYuan", d.thresholdYuan);
  const hardshipOpeningFen = money("hardshipOpeningYuan", d.hardshipOpeningYuan);

  const date = d.preparedDate.trim();
  if (date !== "") {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (!m || !isValidYmd(Number(m[1]), Number(m[2]), Number(m[3]))) fail({ field: "preparedDate", problem: "date" });
  }

  if (errors.length > 0) return { ok: false, errors };

  const text = (s: string): string | undefined => (s.trim() === "" ? undefined : s.trim());
  const signatories = Object.fromEntries(
    SIGNATORY_KEYS.map((k) => [k, text(d.signatories[k])]).filter(([, v]) => v !== undefined),
  ) as AddinSettings["signatories"];

  const otherOverrides = { ...(base.capOverrides ?? {}) };
  delete otherOverrides.welfareCaps;
  const capOverrides = Object.keys(welfareCaps).length > 0 ? { ...otherOverrides, welfareCaps } : otherOverrides;

  const next = {
    ...base,
    packId: d.packId,
    capOverrides: Object.keys(capOverrides).length > 0 ? capOverrides : undefined,
    overBudgetTolerance: tolerance,
    festivalWindowDays: festivalWindowDays ?? AddinSettingsSchema.parse({}).festivalWindowDays,
    memberCount,
    unionName: text(d.unionName),
    signatories,
    preparedDate: date === "" ? undefined : date,
    thresholdFen: thresholdFen ?? AddinSettingsSchema.parse({}).thresholdFen,
    objectionDays: objectionDays ?? AddinSettingsSchema.parse({}).objectionDays,
    objectionChannel: d.objectionChannel.trim(),
    reviewStatement: text(d.reviewStatement),
    hardshipOpeningFen,
  };
  // Drop the undefined optionals so the saved JSON stays small and the schema sees exactly what is set.
  const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined));
  // The schema has the last word (the same one the worker reads with); a mismatch here is a bug in this form.
  const parsed = AddinSettingsSchema.safeParse(clean);
  if (!parsed.success) throw new Error(`settings form produced invalid settings: ${parsed.error.message}`);
  return { ok: true, settings: parsed.data };
}

/** The pack's cap for a key in 元 (placeholder text), "" when the pack does not state one. */
export function packCapText(pack: RulePack | undefined, key: CapKey): string {
  const fen = pack?.welfareCaps[key];
  return fen === undefined ? "" : String(fenToYuan(fen));
}
