// Makes `npm start` and `npm test` work on a fresh clone: installs the locked npm packages when they are missing
// or older than package-lock.json, and (for the browser tests) Debian's chromium and xmllint when running as root.
// Uses only Node built-ins, because it runs before anything is installed.
import { existsSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";

function run(cmd, args) {
  console.log(`▶ ${cmd} ${args.join(" ")}`);
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  return r.status === 0;
}

export function ensureNodeModules() {
  const marker = "node_modules/.package-lock.json";
  const stale = !existsSync(marker) || statSync(marker).mtimeMs < statSync("package-lock.json").mtimeMs;
  if (!stale) return;
  console.log("Installing the locked npm packages (first run) / 安装依赖（首次运行）…");
  if (!run("npm", ["ci", "--no-audit", "--no-fund"])) {
    console.error("npm ci failed. 依赖安装失败。");
    process.exit(1);
  }
}

const onPath = (bin) => spawnSync("sh", ["-c", `command -v ${bin}`]).status === 0;

/** The browser tests need Debian's chromium (and a CJK font for legible screenshots); the manifest checks need xmllint. */
export function ensureTestTools() {
  const missing = [];
  if (!onPath("chromium")) missing.push("chromium");
  if (!onPath("xmllint")) missing.push("libxml2-utils");
  // A CJK font, so the browser tests' screenshots show Chinese instead of boxes (the tests pass either way).
  if (spawnSync("sh", ["-c", "fc-list | grep -qi wqy"]).status !== 0) missing.push("fonts-wqy-microhei");
  if (missing.length === 0) return;
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (root && onPath("apt-get")) {
    console.log(`Installing Debian packages / 安装系统软件包: ${missing.join(" ")}`);
    run("apt-get", ["update", "-qq"]);
    if (run("apt-get", ["install", "-y", "-qq", ...missing])) return;
  }
  console.warn(
    `Missing: ${missing.join(", ")}. Install them (Debian/Ubuntu: apt-get install ${missing.join(" ")}); ` +
      `the browser and manifest tests will fail until then. 缺少 ${missing.join("、")}，请先安装。`,
  );
}
