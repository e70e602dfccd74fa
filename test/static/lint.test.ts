// Lint passes, and the boundary rule really fails the build when src/core imports an edge library.
// ESLint runs as a child process: its config loader needs dynamic import, which jest's VM does not offer.
import { spawnSync } from "node:child_process";

interface LintMessage { ruleId: string | null; severity: number; message: string; line: number }
interface LintResult { filePath: string; messages: LintMessage[] }

function eslint(args: string[], stdin?: string): LintResult[] {
  const r = spawnSync(process.execPath, ["node_modules/eslint/bin/eslint.js", "--format", "json", ...args], { encoding: "utf8", input: stdin, maxBuffer: 64 * 1024 * 1024 });
  if (!r.stdout.trim().startsWith("[")) throw new Error(`eslint did not run: ${r.stderr}`);
  return JSON.parse(r.stdout) as LintResult[];
}

test("eslint reports no errors in the project", () => {
  const errors = eslint(["src", "test"]).flatMap((r) =>
    r.messages.filter((m) => m.severity === 2).map((m) => `${r.filePath}:${m.line} ${m.ruleId} ${m.message}`),
  );
  expect(errors).toEqual([]);
}, 180_000);

describe("src/core stays pure", () => {
  const probe = (code: string, filePath = "src/core/model/probe.ts") =>
    eslint(["--stdin", "--stdin-filename", filePath], code)[0].messages.filter((m) => m.severity === 2).map((m) => m.ruleId);

  test.each([
    ['import { useState } from "react";'],
    ['import { Button } from "@fluentui/react-components";'],
    ['import * as fs from "fs";'],
    ['import { readFileSync } from "node:fs";'],
    ['import ExcelJS from "exceljs";'],
    ['import { createExcelGateway } from "../../excel/excel-gateway";'],
  ])("rejects %s", (line) => {
    expect(probe(`${line}\nexport const x = 1;\n`)).toContain("no-restricted-imports");
  }, 60_000);

  test("rejects the Excel, Office and DOM globals", () => {
    const ids = probe("export const a = () => Excel.run(async () => {});\nexport const b = () => document.title;\n");
    expect(ids.filter((id) => id === "no-restricted-globals")).toHaveLength(2);
  }, 60_000);

  test("allows the same imports outside the core", () => {
    expect(probe('import { useState } from "react";\nexport const x = useState;\n', "src/taskpane/probe.tsx")).toEqual([]);
  }, 60_000);
});
