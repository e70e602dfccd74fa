#!/usr/bin/env node
/**
 * union-books: runs the bundled CLI (dist-cli/union-books.js). The bundle is (re)built first with esbuild when
 * it is missing or older than any source it is made from (src/cli, src/core); that takes ~100 ms and prints
 * nothing unless it fails. Third-party packages with Node entry points stay external (installed dependencies).
 */
"use strict";
const fs = require("node:fs");
const path = require("node:path");

const root = path.resolve(__dirname, "..");
const bundle = path.join(root, "dist-cli", "union-books.js");
const sourceDirs = ["src/cli", "src/core"].map((d) => path.join(root, d));

/** Newest modification time under the source folders (tests excluded: they are not in the bundle). */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) newest = Math.max(newest, fs.statSync(p).mtimeMs);
    }
  };
  sourceDirs.forEach(walk);
  // The dependency list decides what is bundled and what stays external.
  newest = Math.max(newest, fs.statSync(path.join(root, "package.json")).mtimeMs, fs.statSync(__filename).mtimeMs);
  return newest;
}

function needsBuild() {
  if (!fs.existsSync(path.join(root, "src", "cli", "index.ts"))) return false; // installed without sources
  if (!fs.existsSync(bundle)) return true;
  return newestSource() > fs.statSync(bundle).mtimeMs;
}

function build() {
  const esbuild = require("esbuild");
  try {
    esbuild.buildSync({
      entryPoints: [path.join(root, "src", "cli", "index.ts")],
      outfile: bundle,
      bundle: true,
      platform: "node",
      target: "node20",
      format: "cjs",
      // cli-progress (only when a bar is drawn) is loaded from node_modules at run time. commander, papaparse and
      // iconv-lite are bundled: every run loads them, and inside the bundle they are covered by its code cache
      // instead of being compiled afresh each time (~30 ms of a check's start-up). iconv-lite's code-page tables
      // stay lazy (required when a GBK file is decoded).
      external: ["cli-progress"],
      // import() of an external package becomes a lazy require: the bundle runs through vm.Script (runBundle),
      // where Node 20 has no loader for a dynamic import.
      supported: { "dynamic-import": false },
      sourcemap: "linked",
      logLevel: "silent",
      legalComments: "none",
    });
  } catch (e) {
    const errors = (e && e.errors) || [];
    process.stderr.write(`union-books: build failed: ${errors.map((x) => `${x.location ? `${x.location.file}:${x.location.line}: ` : ""}${x.text}`).join("; ") || e.message}\n`);
    process.exit(2);
  }
}

/**
 * Runs the bundle as `require` would, but with V8's code cache kept beside it (dist-cli/union-books.js.cache):
 * compiling the 2.5 MB bundle is most of the start-up time, a large share of a small check's whole run. The cache
 * is written after the run, so it holds the functions that run compiled; V8 rejects a cache that does not match
 * the bundle's source (after a rebuild), and then the bundle is simply compiled and the cache written afresh.
 * Node 22's module.enableCompileCache does the same; Node 20 has only vm.Script's cachedData.
 */
function runBundle() {
  const vm = require("node:vm");
  const Module = require("node:module");
  const cacheFile = `${bundle}.cache`;
  const source = fs.readFileSync(bundle, "utf8");
  let cachedData;
  try {
    cachedData = fs.readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
  let script;
  try {
    script = new vm.Script(Module.wrap(source), {
      filename: bundle,
      cachedData,
      importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
  } catch {
    return require(bundle); // anything unexpected: the plain way
  }
  if (!cachedData || script.cachedDataRejected) {
    process.once("exit", () => {
      try {
        // Written aside and renamed: a CLI started meanwhile never reads half a cache.
        const temp = `${cacheFile}.${process.pid}`;
        fs.writeFileSync(temp, script.createCachedData());
        fs.renameSync(temp, cacheFile);
      } catch {
        // a read-only install: run without a cache
      }
    });
  }
  const m = new Module(bundle, module);
  m.filename = bundle;
  m.paths = Module._nodeModulePaths(path.dirname(bundle));
  m.loaded = true;
  script.runInThisContext()(m.exports, Module.createRequire(bundle), m, bundle, path.dirname(bundle));
}

if (needsBuild()) build();
runBundle();
