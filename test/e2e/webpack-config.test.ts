/** The build config's switches, checked without building: which Office.js each page loads, what is copied. */
import path from "node:path";
import { ROOT } from "./harness";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const makeConfig = require(path.join(ROOT, "webpack.config.js"));

interface HtmlPlugin {
  userOptions: { filename: string; templateParameters?: { officeJs?: string }; officeJs?: string };
}

function pages(env: Record<string, unknown>, mode: string): Record<string, string | undefined> {
  const config = makeConfig(env, { mode });
  const html = (config.plugins as unknown[]).filter((p): p is HtmlPlugin => p?.constructor?.name === "HtmlWebpackPlugin");
  return Object.fromEntries(
    html.map((p) => [p.userOptions.filename, p.userOptions.templateParameters?.officeJs ?? p.userOptions.officeJs]),
  );
}

const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

describe("webpack.config.js", () => {
  it("production: the pane loads Office.js from the Microsoft CDN, the demo only from its own origin", () => {
    const p = pages({}, "production");
    expect(p["taskpane.html"]).toBe(CDN);
    expect(p["demo.html"]).toBe("office-js/office.js");
  });

  it("--env local and development builds load the local Office.js everywhere", () => {
    for (const [env, mode] of [[{ local: true }, "production"], [{}, "development"]] as const) {
      const p = pages(env, mode);
      for (const [page, src] of Object.entries(p)) expect([page, src]).toEqual([page, "office-js/office.js"]);
    }
  });

  it("copies office.js with its mapping table (without it Office.onReady never resolves)", () => {
    const config = makeConfig({}, { mode: "production" });
    const copy = (config.plugins as { patterns?: { from: string; filter?: (p: string) => boolean }[] }[]).find((p) => p.patterns);
    const officeJs = copy?.patterns?.find((p) => p.from.includes("@microsoft/office-js"));
    const filter = officeJs?.filter ?? (() => false);
    expect(filter("/x/dist/office.js")).toBe(true);
    expect(filter("/x/dist/o15apptofilemappingtable.js")).toBe(true);
    expect(filter("/x/dist/en-us/office_strings.js")).toBe(true);
    expect(filter("/x/dist/excel-web-16.00.js")).toBe(false);
  });

  it("outputs to dist/ with the performance hints off", () => {
    const config = makeConfig({}, { mode: "production" });
    expect(config.output.path).toBe(path.join(ROOT, "dist"));
    expect(config.performance.hints).toBe(false);
    expect(Object.keys(config.entry)).toEqual(expect.arrayContaining(["taskpane", "demo"]));
  });
});
