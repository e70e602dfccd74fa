/**
 * `union-books report FILE -o OUT.xlsx`: the pane's report sheets (budget execution, disclosure, hardship and
 * welfare summaries and details) written into a NEW workbook. FILE is only read, never written. When the books
 * do not reconcile, the disclosure is refused: the other sheets are still written, the difference is printed
 * loudly on stderr, and the exit code is 1.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { Lang } from "../../core/i18n";
import { t } from "../../core/i18n";
import { formatYuan } from "../../core/model/money";
import { renderAll } from "../../core/render/all";
import { welfareCapsOf } from "../../core/packs";
import { DEFAULT_SETTINGS, reportInputsFrom } from "../../core/settings/addin-settings";
import { defaultPeriod, resolvePack, resolvePeriod } from "../analyse";
import { readBooks } from "../../core/read/books";
import { nationalPack } from "../../core/packs";
import { CliError } from "../errors";
import { writeXlsx } from "../output/xlsx-writer";
import { load, readChoices, readJsonFile } from "./common";

export interface ReportOptions {
  output: string;
  pack?: string;
  period?: string;
  lang: Lang;
  map?: string;
  plan?: string | false;
  /** 编制日期 printed on the sheets (a setting: the output never depends on the clock). */
  date?: string;
  union?: string;
}

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export async function reportCommand(file: string, o: ReportOptions, io: Io): Promise<number> {
  const period = resolvePeriod(o.period);
  const pack = resolvePack(o.pack, readJsonFile);
  const choices = readChoices(o.map);
  if (!/\.xlsx$/i.test(o.output)) throw new CliError("cli.error.outputNotXlsx", { file: o.output });
  if (resolve(o.output) === resolve(file)) throw new CliError("cli.error.outputIsInput", { file: o.output });
  const loaded = await load(file, { plan: o.plan });
  // The reports need the books and the pack, not the findings: the checks are not run here (they are `check`'s job).
  const books = readBooks(loaded.workbook, choices ?? {});
  const a = { books, pack: pack ?? nationalPack, period: period ?? defaultPeriod(books) };
  if (!a.period) throw new CliError("cli.error.noPeriod", { file });
  // The same inputs the pane uses (its default settings), with the pack given on the command line.
  const settings = { ...DEFAULT_SETTINGS, ...(o.union ? { unionName: o.union } : {}), ...(o.date ? { preparedDate: o.date } : {}) };
  const inputs = reportInputsFrom(settings, a.books, o.lang);
  const context = { ...inputs.context, packName: o.lang === "en" ? a.pack.name.en : a.pack.name.zh, caps: welfareCapsOf(a.pack) };
  const result = renderAll(a.books, a.period, inputs.disclosure, context, o.lang);
  const existed = existsSync(o.output);
  try {
    await writeXlsx(o.output, result.sheets);
  } catch (e) {
    throw new CliError("cli.error.writeFailed", { file: o.output, reason: e instanceof Error ? e.message.split("\n")[0] : String(e) });
  }
  io.out(t("cli.report.written", { file: o.output, count: result.sheets.length, sheets: result.sheets.map((s) => s.name).join("、"), period: a.period.label, replaced: existed ? 1 : 0 }, o.lang));
  if (result.refused) {
    const r = result.refused;
    io.err(
      [
        "!".repeat(60),
        `!! ${r.title}`,
        `!! ${t("cli.report.difference", { difference: formatYuan(r.difference), expected: formatYuan(r.expectedClosing), ledger: formatYuan(r.ledgerClosing) }, o.lang)}`,
        `!! ${r.message}`,
        `!! ${r.fix}`,
        "!".repeat(60),
      ].join("\n"),
    );
    return 1;
  }
  return 0;
}
