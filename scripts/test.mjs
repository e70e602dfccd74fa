// `npm test`: everything that proves the add-in works, in one run. Builds the production bundle (the browser
// tests drive it in headless Chromium), then runs jest: unit, component, manifest, type-check, lint and browser
// tests. Ends with "N passed, N failed" computed from jest's JSON results.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { ensureNodeModules, ensureTestTools } from "./ensure-setup.mjs";

const started = Date.now();
const step = (title, cmd, args) => {
  const t0 = Date.now();
  console.log(`\n▶ ${title}: ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit", shell: process.platform === "win32" });
  console.log(`  ${r.status === 0 ? "✓" : "✗"} ${title} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  return r.status ?? 1;
};

ensureNodeModules();
ensureTestTools();
mkdirSync("reports", { recursive: true });
// The production bundle with the local Office.js copy (the browser tests run offline) and the faster esbuild
// minifier; `npm run build` makes the deployable one, whose taskpane.html loads Office.js from Microsoft's CDN.
const build = step("build (webpack, production, local Office.js)", "npx", ["webpack", "--mode", "production", "--env", "local", "--env", "fast"]);
const jestArgs = ["jest", "--json", "--outputFile=reports/jest-results.json", "--ci", ...process.argv.slice(2)];
const tests = build === 0 ? step("tests (jest)", "npx", jestArgs) : 1;
if (build !== 0) console.log("The build failed, so the tests were not run.");
console.log(`\nDone in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
const summary = spawnSync("node", ["scripts/jest-summary.mjs", "reports/jest-results.json"], { stdio: "inherit" });
process.exit(build !== 0 || tests !== 0 || summary.status !== 0 ? 1 : 0);
