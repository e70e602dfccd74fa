#!/usr/bin/env node
/**
 * `npm start`: build dist/, make sure there is an https certificate for localhost, serve dist/ on
 * https://localhost:3000 and print how to sideload the add-in. Never prompts; serves until Ctrl+C.
 *
 *   node scripts/start.mjs [--port 3000] [--no-build] [--cdn] [--http] [--check]
 *     --no-build  serve dist/ as it is
 *     --cdn       taskpane.html loads Office.js from the Microsoft CDN (as in production); default is the local copy
 *     --http      plain http (Excel will not load an http pane, but a browser will show the demo)
 *     --check     start, fetch taskpane.html and demo.html from itself, print OK and exit 0 (used by a test)
 *
 * The certificate: a previously installed office-addin-dev-certs pair in ~/.office-addin-dev-certs is reused.
 * Otherwise a CA and a localhost certificate are generated there WITHOUT installing the CA (installing needs
 * sudo / an admin prompt, which must never block this script). Browsers and Excel then need the CA trusted once
 * (instructions are printed). If generation fails, the script falls back to http and says so.
 * UNION_CERT_DIR overrides the certificate directory (the test uses a temporary one).
 */
import { createRequire } from "node:module";
import { X509Certificate } from "node:crypto";
import { existsSync, promises as fs } from "node:fs";
import http from "node:http";
import https from "node:https";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { staticHandler } from "./serve-static.mjs";
import { ensureNodeModules } from "./ensure-setup.mjs";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");

function parseArgs(argv) {
  const opts = { port: 3000, build: true, cdn: false, http: false, check: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--port") opts.port = Number(argv[++i]);
    else if (a.startsWith("--port=")) opts.port = Number(a.slice(7));
    else if (a === "--no-build") opts.build = false;
    else if (a === "--cdn") opts.cdn = true;
    else if (a === "--http") opts.http = true;
    else if (a === "--check") opts.check = true;
    else if (a === "--help" || a === "-h") {
      console.log("node scripts/start.mjs [--port 3000] [--no-build] [--cdn] [--http] [--check]");
      process.exit(0);
    } else {
      console.error(`未知参数 / unknown option: ${a}`);
      process.exit(2);
    }
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) {
    console.error("端口无效 / invalid --port");
    process.exit(2);
  }
  return opts;
}

async function build({ cdn }) {
  const webpack = require("webpack");
  const makeConfig = require(path.join(root, "webpack.config.js"));
  const config = makeConfig(cdn ? {} : { local: true }, { mode: "production" });
  const started = Date.now();
  console.log(`构建中 / Building (production${cdn ? ", Office.js from CDN" : ", local Office.js"})…`);
  const stats = await new Promise((resolve, reject) =>
    webpack(config, (err, s) => (err ? reject(err) : resolve(s))),
  );
  if (stats.hasErrors()) {
    console.error(stats.toString({ all: false, errors: true, colors: true }));
    throw new Error("构建失败 / build failed");
  }
  console.log(`构建完成 / Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function certDir() {
  return process.env.UNION_CERT_DIR || path.join(os.homedir(), ".office-addin-dev-certs");
}

/** Reuses a valid localhost pair, or generates one (not installed); undefined means "use http". */
async function ensureCertificate() {
  const dir = certDir();
  const files = { ca: path.join(dir, "ca.crt"), cert: path.join(dir, "localhost.crt"), key: path.join(dir, "localhost.key") };
  try {
    if (existsSync(files.cert) && existsSync(files.key)) {
      const cert = await fs.readFile(files.cert);
      const validTo = new Date(new X509Certificate(cert).validTo);
      if (validTo.getTime() > Date.now() + 24 * 3600 * 1000) {
        return { ...files, cert, key: await fs.readFile(files.key), generated: false };
      }
    }
    // mkcert is what office-addin-dev-certs uses; calling it directly skips the CA install (sudo) and telemetry.
    const mkcert = require(require.resolve("mkcert", { paths: [path.dirname(require.resolve("office-addin-dev-certs"))] }));
    const ca = await mkcert.createCA({
      organization: "Developer CA for Microsoft Office Add-ins",
      countryCode: "CN",
      state: "Local",
      locality: "Local",
      validity: 30,
    });
    const leaf = await mkcert.createCert({ ca: { key: ca.key, cert: ca.cert }, domains: ["127.0.0.1", "localhost"], validity: 30 });
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(files.ca, ca.cert);
    await fs.writeFile(path.join(dir, "ca.key"), ca.key, { mode: 0o600 });
    await fs.writeFile(files.cert, leaf.cert);
    await fs.writeFile(files.key, leaf.key, { mode: 0o600 });
    return { ...files, cert: Buffer.from(leaf.cert), key: Buffer.from(leaf.key), generated: true };
  } catch (e) {
    console.warn(`无法生成 https 证书，改用 http / Could not prepare an https certificate, falling back to http: ${e.message}`);
    return undefined;
  }
}

function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", () => resolve(server.address().port));
  });
}

function fetchOwn(url, ca) {
  const client = url.startsWith("https:") ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.get(url, ca ? { ca } : {}, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve({ status: res.statusCode, body }));
    });
    req.on("error", reject);
  });
}

function printGuide(origin, cert) {
  const lines = [
    "",
    "工会经费助手 已启动 / Union Fund Assistant is running",
    `  任务窗格 Task pane : ${origin}/taskpane.html`,
    `  演示页面 Demo      : ${origin}/demo.html   （内置示例账簿，无需 Excel / sample books, no Excel needed）`,
    `  清单文件 Manifest  : ${path.join(root, "manifest.xml")}`,
    "",
  ];
  if (!cert) {
    lines.push(
      "注意：当前为 http。Excel 只加载 https 的加载项；请去掉 --http 或修复证书后重试。",
      "Note: serving over http. Excel only loads https add-ins; drop --http or fix the certificate.",
      "",
    );
  } else {
    lines.push(
      `证书 / Certificate: ${path.dirname(cert.ca)}${cert.generated ? "（新生成，未安装 / newly generated, not installed）" : ""}`,
      "  若尚未信任本机开发 CA（ca.crt），Excel 和浏览器会拒绝 https://localhost:3000，请信任一次：",
      "  If the local development CA (ca.crt) is not trusted yet, Excel and browsers refuse https://localhost:3000; trust it once:",
      `    Windows: certutil -user -addstore Root "${cert.ca}"   （或在装有 Excel 的电脑上运行 npx office-addin-dev-certs install）`,
      `    macOS:   security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db "${cert.ca}"`,
      `    Linux:   sudo cp "${cert.ca}" /usr/local/share/ca-certificates/office-addin-dev.crt && sudo update-ca-certificates`,
      "",
    );
  }
  lines.push(
    "旁加载 / Sideload:",
    "  Excel 网页版 / Excel on the web:",
    "    插入 > 加载项 > 上传我的加载项 > 选择 manifest.xml",
    "    Insert > Add-ins > Upload My Add-in > choose manifest.xml",
    "  Windows 版 Excel / Excel on Windows:",
    "    把 manifest.xml 放进一个共享文件夹，在 文件 > 选项 > 信任中心 > 信任中心设置 > 受信任的加载项目录 中添加该共享路径",
    "    并勾选“显示在菜单中”，重启 Excel 后在 插入 > 我的加载项 > 共享文件夹 中添加；",
    "    Put manifest.xml in a shared folder, add its UNC path under File > Options > Trust Center > Trust Center Settings >",
    "    Trusted Add-in Catalogs (tick Show in Menu), restart Excel, then Insert > My Add-ins > Shared Folder.",
    "    或在装有 Excel 的电脑上 / or, on a machine with Excel: npx office-addin-debugging start manifest.xml",
    "  Mac 版 Excel / Excel on Mac:",
    "    把 manifest.xml 复制到 / copy manifest.xml to ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/",
    "    （没有 wef 文件夹就新建 / create wef if missing），重启 Excel，在 插入 > 我的加载项 中选择。",
    "    then restart Excel and pick it under Insert > My Add-ins.",
    "",
    "按 Ctrl+C 停止 / Press Ctrl+C to stop.",
  );
  console.log(lines.join("\n"));
}

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  // A fresh clone has no node_modules yet: install the locked packages first (prints what it does).
  if (opts.build) ensureNodeModules();
  if (opts.build) await build(opts);
  if (!existsSync(path.join(dist, "taskpane.html"))) {
    throw new Error("dist/taskpane.html 不存在，请先构建 / dist/taskpane.html is missing: build first (drop --no-build)");
  }
  const cert = opts.http ? undefined : await ensureCertificate();
  const handler = staticHandler(dist);
  const server = cert ? https.createServer({ key: cert.key, cert: cert.cert }, handler) : http.createServer(handler);
  const port = await listen(server, opts.port).catch((e) => {
    if (e.code === "EADDRINUSE") throw new Error(`端口 ${opts.port} 已被占用 / port ${opts.port} is in use (try --port)`);
    throw e;
  });
  const origin = `${cert ? "https" : "http"}://localhost:${port}`;

  if (opts.check) {
    const ca = cert && existsSync(cert.ca) ? await fs.readFile(cert.ca) : undefined;
    for (const page of ["taskpane.html", "demo.html"]) {
      // Verifying against our own CA checks the certificate chain, not just that something answers.
      const { status, body } = await fetchOwn(`${origin}/${page}`, ca);
      if (status !== 200 || !/id="?root"?/.test(body)) throw new Error(`${page}: HTTP ${status}, no #root in the page`);
      console.log(`${page}: 200`);
    }
    console.log(`OK ${origin}`);
    server.close();
    return;
  }

  printGuide(origin, cert);
  const stop = () => server.close(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
