/**
 * The user's settings, as saved in the workbook (pane) or given on the command line, and the one place that turns
 * them into the options of the checks and the reports, so the pane, the worker and the CLI cannot drift apart.
 */
import { z } from "zod";
import type { Books } from "../model/types";
import { parsePeriod, yearPeriod, type Period } from "../model/period";
import { applyOverrides, defaultPack, packById, PackOverridesSchema, welfareCapsOf, type RulePack } from "../packs";
import type { CheckOptions } from "../rules/types";
import type { DisclosureContext, DisclosureSettings } from "../reports/disclosure";

const fen = z.number().int().nonnegative();

export const AddinSettingsSchema = z.object({
  /** Rule pack id (`national`, `anhui-2021`, …). */
  packId: z.string().default(defaultPack.id),
  capOverrides: PackOverridesSchema.optional(),
  overBudgetTolerance: z.number().min(0).max(1).default(0),
  festivalWindowDays: z.number().int().min(1).max(90).default(30),
  /** Optional-tier rules the user switched on. */
  enableOptional: z.array(z.string()).default([]),
  /** 会员人数 when the plan sheet does not say it. */
  memberCount: z.number().int().positive().optional(),
  unionName: z.string().optional(),
  signatories: z
    .object({ chair: z.string().optional(), auditChair: z.string().optional(), accountant: z.string().optional(), preparer: z.string().optional() })
    .default({}),
  preparedDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  /** Disclosure threshold for listing single items, in fen (default 5,000 元). */
  thresholdFen: fen.default(500000),
  objectionDays: z.number().int().positive().default(7),
  objectionChannel: z.string().default(""),
  reviewStatement: z.string().optional(),
  /** Opening balance of the hardship fund (困难帮扶资金期初结余), in fen, when known. */
  hardshipOpeningFen: fen.optional(),
});

export type AddinSettings = z.infer<typeof AddinSettingsSchema>;

export const DEFAULT_SETTINGS: AddinSettings = AddinSettingsSchema.parse({});

/** Settings from saved JSON; anything invalid falls back to the default for that field and is reported. */
export function loadSettings(json: unknown): { settings: AddinSettings; problems: string[] } {
  const parsed = AddinSettingsSchema.safeParse(json ?? {});
  if (parsed.success) return { settings: parsed.data, problems: [] };
  const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(root)"}: ${i.message}`);
  const bad = new Set(parsed.error.issues.map((i) => String(i.path[0])));
  const kept = Object.fromEntries(Object.entries((json as Record<string, unknown>) ?? {}).filter(([k]) => !bad.has(k)));
  return { settings: AddinSettingsSchema.parse(kept), problems };
}

/** The pack the settings name (national when unknown), with the user's overrides on top. */
export function effectivePack(settings: AddinSettings): RulePack {
  return applyOverrides(packById(settings.packId) ?? defaultPack, settings.capOverrides);
}

/** The period to check or report: the text given ("2025H1"), else the books' year, else undefined. */
export function periodFor(books: Books, text?: string): Period | undefined {
  if (text) return parsePeriod(text);
  const year = books.ledger.year ?? books.plan?.year;
  return year ? yearPeriod(year) : undefined;
}

export function checkOptionsFrom(settings: AddinSettings, period?: Period): CheckOptions {
  return {
    pack: effectivePack(settings),
    period,
    enable: settings.enableOptional,
    overBudgetTolerance: settings.overBudgetTolerance,
    festivalWindowDays: settings.festivalWindowDays,
    memberCount: settings.memberCount,
  };
}

export function reportInputsFrom(settings: AddinSettings, books: Books, lang: "zh-CN" | "en" = "zh-CN"): { disclosure: DisclosureSettings; context: DisclosureContext } {
  const pack = effectivePack(settings);
  return {
    disclosure: {
      unionName: settings.unionName ?? books.plan?.unionName,
      signatories: settings.signatories,
      preparedDate: settings.preparedDate,
      threshold: settings.thresholdFen,
      objectionDays: settings.objectionDays,
      objectionChannel: settings.objectionChannel,
      reviewStatement: settings.reviewStatement,
    },
    context: {
      packName: lang === "en" ? pack.name.en : pack.name.zh,
      caps: welfareCapsOf(pack),
      hardshipOpening: settings.hardshipOpeningFen,
      memberCount: settings.memberCount ?? books.plan?.memberCount,
    },
  };
}
