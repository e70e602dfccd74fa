// The whole project type-checks (`tsc --noEmit`), so a type error anywhere fails the test run.
import { spawnSync } from "node:child_process";

test("tsc --noEmit reports no errors", () => {
  const r = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."], { encoding: "utf8" });
  expect(r.stdout + r.stderr).toBe("");
  expect(r.status).toBe(0);
}, 180_000);
