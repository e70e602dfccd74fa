// Lint: the core must stay pure. It may not import Office, React, Fluent, Node modules, or touch the DOM.
import tseslint from "typescript-eslint";

const nodeBuiltins = ["fs", "path", "os", "child_process", "http", "https", "url", "util", "stream", "zlib", "crypto", "worker_threads", "events", "buffer", "process"];

export default tseslint.config(
  { ignores: ["node_modules/**", "dist/**", "dist-e2e/**", "coverage/**", "reports/**", "bench-data/**", "samples/**"] },
  {
    files: ["src/**/*.ts", "src/**/*.tsx", "test/**/*.ts", "test/**/*.tsx"],
    extends: [tseslint.configs.recommended],
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  {
    files: ["src/core/**/*.ts"],
    ignores: ["src/core/**/*.test.ts"],
    rules: {
      "no-restricted-imports": ["error", {
        paths: nodeBuiltins.map((name) => ({ name, message: "src/core is pure: no Node modules." })),
        patterns: [
          { group: ["node:*"], message: "src/core is pure: no Node modules." },
          { group: ["react", "react-dom", "react/*", "react-dom/*"], message: "src/core is pure: no React." },
          { group: ["@fluentui/*"], message: "src/core is pure: no Fluent UI." },
          { group: ["office-*", "@microsoft/office-js", "@types/office-js", "exceljs", "papaparse", "iconv-lite"], message: "src/core is pure: no Office or file libraries." },
          { group: ["**/excel/**", "**/taskpane/**", "**/cli/**", "**/commands/**"], message: "src/core may not import the edges." },
        ],
      }],
      "no-restricted-globals": ["error",
        { name: "Excel", message: "src/core never sees Excel." },
        { name: "Office", message: "src/core never sees Office." },
        { name: "window", message: "src/core is pure: no DOM." },
        { name: "document", message: "src/core is pure: no DOM." },
        { name: "process", message: "src/core is pure: no Node." },
        { name: "require", message: "src/core is pure: no Node." },
      ],
    },
  },
);
