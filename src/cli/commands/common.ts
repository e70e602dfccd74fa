/** What every command shares: language, reading JSON side files, loading the books. */
import { readFileSync } from "node:fs";
import type { ReadChoices } from "../../core/model/types";
import type { Lang } from "../../core/i18n";
import { CliError } from "../errors";
import { loadWorkbook, LoadError, firstLine, type Loaded } from "../load";
import type { Progress } from "../progress";

export function langOf(text: string | undefined): Lang {
  if (!text) return "zh-CN";
  if (/^en/i.test(text)) return "en";
  if (/^zh/i.test(text)) return "zh-CN";
  throw new CliError("cli.error.badLang", { lang: text });
}

export function readJsonFile(path: string): unknown {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError("cli.error.fileUnreadable", { file: path, reason: firstLine(e) });
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    throw new CliError("cli.error.notJson", { file: path, reason: firstLine(e) });
  }
}

/** --map FILE: the ReadChoices the pane would save (roles, ledgerColumns, planColumns). */
export function readChoices(path: string | undefined): ReadChoices | undefined {
  if (!path) return undefined;
  const v = readJsonFile(path);
  const ok = typeof v === "object" && v !== null && !Array.isArray(v) &&
    Object.keys(v).every((k) => ["roles", "ledgerColumns", "planColumns"].includes(k));
  if (!ok) throw new CliError("cli.error.badMap", { file: path });
  return v as ReadChoices;
}

/** Loads a file, turning load failures into one-line CliErrors (exit 2). */
export async function load(file: string, opts: { plan?: string | false; progress?: Progress }): Promise<Loaded> {
  try {
    return await loadWorkbook(file, opts);
  } catch (e) {
    if (e instanceof LoadError) throw new CliError(`cli.error.load.${e.code}`, { file, detail: e.detail });
    throw new CliError("cli.error.load.unreadable", { file, detail: firstLine(e) });
  }
}
