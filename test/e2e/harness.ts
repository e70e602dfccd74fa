/**
 * Browser test harness: serve dist/ on 127.0.0.1, drive Debian Chromium through playwright-core, record every
 * request, and fail when anything leaves localhost. Later e2e tests (findings, reports) reuse `openPage`.
 *
 *   const run = await openPage("demo.html");
 *   await run.page.getByTestId("read-books").click();
 *   ...
 *   expect(run.offLocalRequests()).toEqual([]);
 *   await run.close();
 */
import { execFileSync } from "node:child_process";
import { createReadStream, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";

export const ROOT = path.resolve(__dirname, "..", "..");
/** E2E_DIST lets a test run against another build (e.g. a CDN-free copy made elsewhere). */
export const DIST = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(ROOT, "dist");
export const SCREENSHOTS = path.join(ROOT, "reports", "screenshots");

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".css": "text/css; charset=utf-8",
};

/** Newest modification time under `dir` (files only), 0 when it does not exist. */
function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  const stat = statSync(dir);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(dir).reduce((newest, name) => Math.max(newest, newestMtime(path.join(dir, name))), 0);
}

/** True when dist/ is missing or older than the sources and the sample it bundles. */
export function distIsStale(): boolean {
  const built = path.join(DIST, "demo.js");
  if (DIST !== path.join(ROOT, "dist")) return !existsSync(built);
  if (!existsSync(built) || !existsSync(path.join(DIST, "office-js", "office.js"))) return true;
  const sources = Math.max(
    newestMtime(path.join(ROOT, "src")),
    newestMtime(path.join(ROOT, "samples")),
    newestMtime(path.join(ROOT, "webpack.config.js")),
  );
  return sources > statSync(built).mtimeMs;
}

/**
 * Builds dist/ (local Office.js) with webpack's node API when it is missing or older than the sources, so a
 * local `npx jest test/e2e` never checks a stale bundle against fresh core code. The test script builds first.
 */
export async function ensureDist(): Promise<void> {
  if (!distIsStale()) return;
  // Jest runs e2e files in parallel workers: one builds, the others wait for it and then find dist/ fresh.
  const lock = path.join(os.tmpdir(), `union-e2e-build-${Buffer.from(ROOT).toString("hex").slice(-24)}.lock`);
  const deadline = Date.now() + 300_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`dist/ build lock held too long: ${lock}`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  try {
    if (distIsStale()) await buildDist();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function buildDist(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require("webpack");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const makeConfig = require(path.join(ROOT, "webpack.config.js"));
  // esbuild minification: about half the build time; the test needs the production bundle, not the smallest one.
  const config = makeConfig({ local: true, fast: true }, { mode: "production" });
  const started = new Date();
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
      if (err) reject(err);
      else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
      else resolve();
    }),
  );
  // Date the bundle by when the build read the sources: a file edited during the build makes it stale again.
  utimesSync(path.join(DIST, "demo.js"), started, started);
}

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves `root` on 127.0.0.1 with an ephemeral port. */
export async function serveStatic(root: string = DIST): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const file = path.resolve(base, "." + decodeURIComponent(url.pathname));
    const inside = file.startsWith(base + path.sep);
    if (!inside || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": MIME[path.extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Debian's chromium (apt-get install -y chromium); CHROMIUM_PATH overrides. */
export function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync("sh", ["-c", "command -v chromium || command -v chromium-browser"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("Chromium not found: apt-get install -y chromium, or set CHROMIUM_PATH");
  }
}

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  // Belt and braces: even if the page tried, no host but the local server resolves.
  "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
];

export interface PageRun {
  origin: string;
  page: Page;
  context: BrowserContext;
  /** Every URL the page asked for, in order. */
  requests: string[];
  /** Uncaught page errors and console.error messages. */
  errors: string[];
  /** Requests that went anywhere but this machine (data: and blob: URLs stay in the page). */
  offLocalRequests(): string[];
  screenshot(name: string, options?: { fullPage?: boolean }): Promise<string>;
  close(): Promise<void>;
}

export interface OpenOptions {
  viewport?: { width: number; height: number };
  /** Console messages matching these are not counted as errors (office.js warns when outside Office). */
  ignoreConsole?: RegExp[];
}

const LOCAL_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

export function isOffLocal(url: string): boolean {
  if (/^(data|blob|about|chrome-extension|devtools):/i.test(url)) return false;
  try {
    return !LOCAL_HOSTS.has(new URL(url).hostname);
  } catch {
    return true;
  }
}

/** Serves dist/, launches Chromium with an empty profile and opens `pagePath` (e.g. "demo.html?lang=en"). */
export async function openPage(pagePath: string, options: OpenOptions = {}): Promise<PageRun> {
  await ensureDist();
  const server = await serveStatic(DIST);
  const profile = mkdtempSync(path.join(os.tmpdir(), "union-e2e-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: options.viewport ?? { width: 420, height: 900 },
    locale: "zh-CN",
  });
  const requests: string[] = [];
  const errors: string[] = [];
  const ignore = [/outside of Office client/i, ...(options.ignoreConsole ?? [])];
  context.on("request", (r) => requests.push(r.url()));
  const page = context.pages()[0] ?? (await context.newPage());
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !ignore.some((re) => re.test(m.text()))) errors.push(`console: ${m.text()}`);
  });
  await page.goto(`${server.origin}/${pagePath}`);

  return {
    origin: server.origin,
    page,
    context,
    requests,
    errors,
    offLocalRequests: () => requests.filter(isOffLocal),
    async screenshot(name, shotOptions = {}) {
      mkdirSync(SCREENSHOTS, { recursive: true });
      const file = path.join(SCREENSHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: shotOptions.fullPage ?? false });
      return file;
    },
    async close() {
      await context.close();
      await server.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
