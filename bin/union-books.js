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
  newest = Math.max(newest, fs.statSync(path.join(root, "package.json")).mtimeMs);
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
      // Node packages with their own (large or CJS-only) entry points are loaded from node_modules at run time.
      external: ["exceljs", "papaparse", "iconv-lite", "commander", "cli-progress"],
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

if (needsBuild()) build();
require(bundle);
