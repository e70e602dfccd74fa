/**
 * Loads the user's file(s) into a WorkbookSnapshot, the same shape the pane reads from Excel, so the CLI runs
 * exactly the core the pane runs. Failures throw a LoadError with a one-line reason for stderr.
 *
 * CSV and the plan: a CSV holds one sheet, named after the file ("明细账.csv" -> sheet "明细账"). The plan
 * usually sits beside it as its own CSV. Unless --plan FILE or --no-plan is given, the first of these that
 * exists in the same folder is added as a second sheet (role detection then decides which sheet is what):
 *   1. the ledger's name with "ledger" -> "plan", "明细账"/"日记账" -> "预算" (ledger-gbk.csv -> plan-gbk.csv);
 *   2. plan.csv;
 *   3. the only *预算*.csv in the folder.
 */
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import type { WorkbookSnapshot } from "../../core/model/types";
import type { Progress } from "../progress";
import { csvSheet, type TextEncodingName } from "./csv";

export class LoadError extends Error {
  constructor(
    readonly code: "not-found" | "not-a-file" | "unsupported" | "unreadable" | "empty",
    readonly file: string,
    readonly detail = "",
  ) {
    super(`${code}: ${file}${detail ? ` (${detail})` : ""}`);
  }
}

export interface LoadOptions {
  /** Plan CSV for a CSV ledger: a path, false for none, undefined to look beside the ledger. */
  plan?: string | false;
  progress?: Progress;
}

export interface Loaded {
  workbook: WorkbookSnapshot;
  /** Files read, ledger first. */
  files: string[];
  /** For CSV input: the encoding detected per file. */
  encodings: Record<string, TextEncodingName>;
}

const sheetNameOf = (file: string) => basename(file, extname(file)).slice(0, 31);

/** The plan CSV beside a CSV ledger, by the rules in the header comment; undefined when none. */
export function planBeside(ledgerPath: string): string | undefined {
  const dir = dirname(ledgerPath);
  const name = basename(ledgerPath);
  const swapped = name.replace(/ledger/i, "plan").replace(/明细账|日记账/, "预算");
  const candidates = swapped !== name ? [swapped, "plan.csv"] : ["plan.csv"];
  for (const c of candidates) {
    const p = join(dir, c);
    if (c !== name && existsSync(p)) return p;
  }
  let budgets: string[] = [];
  try {
    budgets = readdirSync(dir).filter((f) => /预算.*\.csv$/i.test(f) && f !== name);
  } catch {
    return undefined;
  }
  return budgets.length === 1 ? join(dir, budgets[0]) : undefined;
}

function readBytes(path: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    throw new LoadError("unreadable", path, (e as Error).message);
  }
}

function checkFile(path: string): void {
  if (!existsSync(path)) throw new LoadError("not-found", path);
  if (!statSync(path).isFile()) throw new LoadError("not-a-file", path);
}

export async function loadWorkbook(file: string, options: LoadOptions = {}): Promise<Loaded> {
  const path = resolve(file);
  checkFile(path);
  const ext = extname(path).toLowerCase();
  if (ext === ".xlsx" || ext === ".xlsm") {
    let workbook: WorkbookSnapshot;
    try {
      // The .xlsx reader (its zip and XML libraries, node:zlib) is loaded only for .xlsx files.
      const { readXlsx } = await import("./xlsx");
      workbook = await readXlsx(path, { progress: options.progress });
    } catch (e) {
      throw new LoadError("unreadable", path, firstLine(e));
    }
    if (workbook.sheets.length === 0) throw new LoadError("empty", path);
    return { workbook, files: [path], encodings: {} };
  }
  if (ext === ".csv" || ext === ".txt") {
    const files = [path];
    const encodings: Record<string, TextEncodingName> = {};
    const first = csvSheet(sheetNameOf(path), readBytes(path));
    encodings[path] = first.encoding;
    const sheets = [first.sheet];
    const planPath = options.plan === false ? undefined : options.plan ? resolve(options.plan) : planBeside(path);
    if (planPath && planPath !== path) {
      checkFile(planPath);
      let name = sheetNameOf(planPath);
      if (name === first.sheet.name) name = `${name}-预算`.slice(0, 31);
      const plan = csvSheet(name, readBytes(planPath));
      encodings[planPath] = plan.encoding;
      sheets.push(plan.sheet);
      files.push(planPath);
    }
    if ((first.sheet.rows?.length ?? first.sheet.values.length) === 0) throw new LoadError("empty", path);
    return { workbook: { sheets }, files, encodings };
  }
  if (ext === ".xls" || ext === ".et") throw new LoadError("unsupported", path, "xls");
  throw new LoadError("unsupported", path, ext || "?");
}

/** The first line of an error's message: stderr gets one line, never a stack. */
export function firstLine(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return msg.split(/\r?\n/)[0].slice(0, 200);
}
