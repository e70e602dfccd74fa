// Prints the one line CI reads, "N passed, N failed", from jest's JSON results (jest's own summary is not read).
import { readFileSync, existsSync } from "node:fs";

const file = process.argv[2] ?? "reports/jest-results.json";
if (!existsSync(file)) {
  console.log("0 passed, 1 failed");
  process.exitCode = 1;
} else {
  const r = JSON.parse(readFileSync(file, "utf8"));
  // A suite that fails to load (syntax error, missing module) has no test results: count it as a failure.
  const brokenSuites = (r.testResults ?? []).filter((s) => s.status === "failed" && (s.assertionResults ?? []).length === 0).length;
  const failed = r.numFailedTests + brokenSuites;
  console.log(`${r.numPassedTests} passed, ${failed} failed`);
  if (failed > 0 || r.success === false) process.exitCode = 1;
}
