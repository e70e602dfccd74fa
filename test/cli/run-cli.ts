/** Spawns the real CLI process (`node bin/union-books.js …`) and collects its output and exit code. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(__dirname, "..", "..");
export const SAMPLE_XLSX = join(ROOT, "samples", "工会经费样例-2025.xlsx");
export const SAMPLE_JSON = join(ROOT, "samples", "sample-workbook.json");

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function runCli(args: string[], cwd = ROOT): CliRun {
  const r = spawnSync(process.execPath, [join(ROOT, "bin", "union-books.js"), ...args], {
    cwd,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, FORCE_COLOR: "0" },
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
