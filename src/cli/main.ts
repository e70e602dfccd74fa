/**
 * union-books: the add-in's core over .xlsx/.csv files.
 *   union-books check FILE [--pack ID] [--period 2025|2025H1|2025Q3|2025-03] [--lang zh|en] [--json] [--map FILE]
 *   union-books report FILE -o OUT.xlsx [--period …] [--pack ID]
 *   union-books consolidate DIR -o OUT.xlsx
 * Exit codes: 0 no errors in the books; 1 errors found (or the disclosure refused); 2 the input could not be used.
 * Failures print one line on stderr, never a stack trace.
 */
import { Command, CommanderError, Option } from "commander";
import { t, type Lang } from "../core/i18n";
import { CliError } from "./errors";
import { checkCommand } from "./commands/check";
import type { Io } from "./commands/report";
import { langOf } from "./commands/common";

// report and consolidate are loaded when they run: with them come the .xlsx writer, its zip library and node:zlib
// (and the report models), whose loading a check would otherwise pay for at every start.
const loadReport = () => import("./commands/report");
const loadConsolidate = () => import("./commands/consolidate");

/** Language for usage errors before the options are parsed: --lang in argv, else LANG. */
function earlyLang(argv: readonly string[]): Lang {
  const i = argv.findIndex((a) => a === "--lang" || a.startsWith("--lang="));
  const v = i < 0 ? undefined : argv[i].includes("=") ? argv[i].split("=")[1] : argv[i + 1];
  return v && /^en/i.test(v) ? "en" : "zh-CN";
}

export function errorText(e: unknown, lang: Lang): string {
  if (e instanceof CliError) return t(e.key, e.params, lang);
  const msg = e instanceof Error ? e.message : String(e);
  return t("cli.error.unexpected", { reason: msg.split(/\r?\n/)[0] }, lang);
}

export async function main(argv: readonly string[], io: Io = defaultIo): Promise<number> {
  const lang0 = earlyLang(argv);
  const tr = (k: string) => t(k, {}, lang0);
  let exit = 0;
  const program = new Command()
    .name("union-books")
    .description(tr("cli.help.description"))
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, "")), writeErr: (s) => io.err(s.replace(/\n$/, "")) })
    .showHelpAfterError(false);

  const common = (c: Command) =>
    c
      .option("--pack <id>", tr("cli.help.pack"))
      .option("--period <period>", tr("cli.help.period"))
      .addOption(new Option("--lang <lang>", tr("cli.help.lang")).default("zh"))
      .option("--map <file>", tr("cli.help.map"))
      .option("--plan <file>", tr("cli.help.plan"))
      .option("--no-plan", tr("cli.help.noPlan"));

  common(program.command("check").argument("<file>", tr("cli.help.file")).description(tr("cli.help.check")))
    .option("--json", tr("cli.help.json"))
    .action(async (file: string, o) => {
      exit = await checkCommand(file, { ...o, lang: langOf(o.lang) }, io.out);
    });

  common(program.command("report").argument("<file>", tr("cli.help.file")).description(tr("cli.help.report")))
    .requiredOption("-o, --output <out.xlsx>", tr("cli.help.output"))
    .option("--date <yyyy-mm-dd>", tr("cli.help.date"))
    .option("--union <name>", tr("cli.help.union"))
    .action(async (file: string, o) => {
      const { reportCommand } = await loadReport();
      exit = await reportCommand(file, { ...o, lang: langOf(o.lang) }, io);
    });

  program
    .command("consolidate")
    .argument("<dir>", tr("cli.help.dir"))
    .description(tr("cli.help.consolidate"))
    .requiredOption("-o, --output <out.xlsx>", tr("cli.help.output"))
    .option("--pack <id>", tr("cli.help.pack"))
    .option("--period <period>", tr("cli.help.period"))
    .addOption(new Option("--lang <lang>", tr("cli.help.lang")).default("zh"))
    .action(async (dir: string, o) => {
      const lang = langOf(o.lang);
      const { consolidateCommand } = await loadConsolidate();
      exit = await consolidateCommand(dir, { ...o, lang }, io, (e) => errorText(e, lang));
    });

  try {
    await program.parseAsync(argv as string[], { from: "user" });
    return exit;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; usage errors were already printed by commander in one line.
      return e.exitCode === 0 || e.code === "commander.helpDisplayed" || e.code === "commander.version" ? 0 : 2;
    }
    io.err(`union-books: ${errorText(e, lang0)}`);
    return e instanceof CliError ? e.exitCode : 2;
  }
}

const defaultIo: Io = {
  out: (text) => process.stdout.write(text + "\n"),
  err: (text) => process.stderr.write(text + "\n"),
};

/** Entry point of the bundle: run, flush stdout, exit with the code. */
export function run(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`union-books: ${errorText(e, "zh-CN")}\n`);
      process.exitCode = 2;
    },
  );
}
