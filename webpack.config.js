/**
 * One webpack config for every build (CI build time matters, so no second config to keep in step).
 *
 *   npx webpack --mode production                 -> dist/ for hosting: taskpane.html loads Office.js from the CDN
 *   npx webpack --mode production --env local     -> same bundle, but taskpane.html loads the local office-js/ copy
 *   npx webpack --mode development                -> local Office.js, source maps
 *   add --env fast                                -> minify with esbuild instead of Terser: about half the CPU time,
 *                                                    about 10% larger files (for CI/e2e builds, not for release)
 *
 * demo.html always uses the local Office.js copy: the demo page must not load anything off its own origin.
 * The local copy needs o15apptofilemappingtable.js next to office.js, or Office.onReady never resolves.
 */
const fs = require("fs");
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OFFICE_JS_LOCAL = "office-js/office.js";
const root = __dirname;
const exists = (p) => fs.existsSync(path.join(root, p));

/** The ribbon function file may not exist yet (another area owns src/commands); build without it until it does. */
function commandsEntry() {
  for (const candidate of ["src/commands/commands.ts", "src/commands/commands.tsx"]) {
    if (exists(candidate)) return "./" + candidate;
  }
  return undefined;
}

/**
 * esbuild as the minifier, through webpack's own minimizer plugin (a dependency of webpack 5.112, so nothing
 * extra to install). Undefined when that plugin cannot be found: webpack then uses Terser as usual.
 */
function esbuildMinimizer() {
  try {
    const webpackDir = path.dirname(require.resolve("webpack/package.json"));
    const Minimizer = require(require.resolve("minimizer-webpack-plugin", { paths: [webpackDir] }));
    return new Minimizer({ minify: Minimizer.esbuildMinify, terserOptions: { target: "es2020" } });
  } catch {
    return undefined;
  }
}

const paneChunks = (chunk) => chunk.name === "taskpane" || chunk.name === "demo";

module.exports = (env = {}, argv = {}) => {
  const mode = argv.mode || "production";
  const dev = mode === "development";
  const localOffice = dev || Boolean(env.local);
  const commands = commandsEntry();
  const fastMinifier = env.fast ? esbuildMinimizer() : undefined;

  const entry = {
    taskpane: "./src/taskpane/index.tsx",
    demo: "./src/demo/demo.tsx",
  };
  if (commands) entry.commands = commands;

  const page = (filename, chunk, title, officeJs) =>
    new HtmlWebpackPlugin({
      filename,
      chunks: [chunk],
      template: "./src/taskpane/page.html",
      templateParameters: { title, officeJs },
      minify: dev ? false : { collapseWhitespace: true, removeComments: true },
    });

  const copies = [
    {
      from: "node_modules/@microsoft/office-js/dist",
      to: "office-js",
      filter: (p) => /dist[\\/](office\.js|o15apptofilemappingtable\.js|en-us[\\/]office_strings\.js)$/.test(p),
      // Microsoft's files are already minified; re-minifying them costs build time for nothing.
      info: { minimized: true },
    },
  ];
  if (exists("manifest.xml")) copies.push({ from: "manifest.xml", to: "manifest.xml" });
  if (exists("assets")) {
    // Icons and static pages only: scripts kept beside them (icon generators) are not for the web server.
    copies.push({ from: "assets", to: "assets", info: { minimized: true }, globOptions: { ignore: ["**/*.mjs", "**/*.js", "**/*.ts"] } });
  }

  // The commands area's own template reads `htmlWebpackPlugin.options.officeJs`.
  const commandsPage = exists("src/commands/commands.html")
    ? new HtmlWebpackPlugin({
        filename: "commands.html",
        chunks: ["commands"],
        template: "./src/commands/commands.html",
        officeJs: localOffice ? OFFICE_JS_LOCAL : OFFICE_JS_CDN,
        minify: dev ? false : { collapseWhitespace: true, removeComments: true },
      })
    : page("commands.html", "commands", "工会经费助手 commands", localOffice ? OFFICE_JS_LOCAL : OFFICE_JS_CDN);

  return {
    mode,
    entry,
    devtool: dev ? "eval-cheap-module-source-map" : false,
    output: {
      path: path.join(root, "dist"),
      filename: "[name].js",
      clean: true,
      // Always write every file, so dist/ mtimes tell the e2e harness whether the build is older than src/.
      compareBeforeEmit: false,
    },
    resolve: { extensions: [".tsx", ".ts", ".js", ".json"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          // Type-checking is its own CI step (tsc --noEmit); the bundler only strips types.
          use: { loader: "ts-loader", options: { transpileOnly: true } },
        },
      ],
    },
    plugins: [
      page("taskpane.html", "taskpane", "工会经费助手", localOffice ? OFFICE_JS_LOCAL : OFFICE_JS_CDN),
      page("demo.html", "demo", "工会经费助手 · 演示", OFFICE_JS_LOCAL),
      ...(commands ? [commandsPage] : []),
      new CopyWebpackPlugin({ patterns: copies }),
    ],
    optimization: {
      ...(fastMinifier ? { minimizer: [fastMinifier] } : {}),
      // The pane and the demo share React + Fluent and the whole pane: each shared chunk is minified once, not
      // twice (build time), and the browser caches it across both pages. The ribbon file stays on its own.
      splitChunks: {
        cacheGroups: {
          vendor: { test: /[\\/]node_modules[\\/]/, name: "vendor", chunks: paneChunks, enforce: true, priority: 10 },
          pane: { name: "pane", chunks: paneChunks, minChunks: 2, enforce: true, priority: 0 },
        },
      },
    },
    performance: { hints: false },
    stats: "errors-warnings",
    devServer: {
      static: path.join(root, "dist"),
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
    },
  };
};
