/**
 * @jest-environment jsdom
 *
 * Offline manifest checks: xmllint well-formedness, the project XSD subset, Microsoft's parser
 * (`office-addin-manifest info`), and the project rules in check-manifest.ts. Every check runs on the real
 * manifest (must pass) and on broken copies (must fail), so a check that silently passes everything is caught.
 * jsdom provides the namespace-aware DOMParser; Node modules still work in this environment.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { spawnSync } from "node:child_process";
import {
  checkIconFiles,
  checkIdIsGuid,
  checkLocaleOverrides,
  checkManifestRules,
  checkResids,
  checkRibbonOpensPane,
  checkUrlTargets,
  checkUrlsOnSourceOrigin,
  checkVersionHasFourParts,
  ManifestProblem,
  manifestUrls,
  officeAddinManifestInfo,
  parseManifestXml,
  readPngSize,
  sourceLocation,
  xmllintSchema,
  xmllintWellFormed,
} from "./check-manifest";

const ROOT = resolve(__dirname, "../..");
const MANIFEST = join(ROOT, "manifest.xml");
const XSD = join(ROOT, "test/manifest/manifest-subset.xsd");
const ASSETS = join(ROOT, "assets");
const PAGE_SOURCES = {
  "/taskpane.html": join(ROOT, "src/taskpane/page.html"), // webpack.config.js renders taskpane.html from it
  "/commands.html": join(ROOT, "src/commands/commands.html"),
};
const ORIGIN = "https://localhost:3000";

const manifestXml = readFileSync(MANIFEST, "utf8");
const manifest = () => parseManifestXml(manifestXml);

/** Applies a textual edit and fails loudly if it did not change anything (a no-op mutation proves nothing). */
function mutate(xml: string, from: string | RegExp, to: string): string {
  const out = xml.replace(from, to);
  if (out === xml) throw new Error(`mutation did not apply: ${String(from)}`);
  return out;
}

const checksOf = (problems: ManifestProblem[]) => [...new Set(problems.map((p) => p.check))].sort();

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "manifest-test-"));
});
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function writeScratch(name: string, content: string | Uint8Array): string {
  const file = join(scratch, name);
  writeFileSync(file, content);
  return file;
}

// A broken copy: one resource definition missing and one icon moved to another host.
const BROKEN = mutate(
  mutate(manifestXml, /\s*<bt:Url id="Commands\.Url"[^>]*\/>/, ""),
  `id="Icon.16x16" DefaultValue="${ORIGIN}/assets/icon-16.png"`,
  `id="Icon.16x16" DefaultValue="https://cdn.example.com/icon-16.png"`,
);

describe("the real manifest", () => {
  test("is well-formed (xmllint --noout)", () => {
    const result = xmllintWellFormed(MANIFEST);
    expect(result.output).toBe("");
    expect(result.status).toBe(0);
  });

  test("is valid against the project XSD subset (xmllint --schema)", () => {
    const result = xmllintSchema(MANIFEST, XSD);
    expect(result.output).toContain("validates");
    expect(result.status).toBe(0);
  });

  test("parses with office-addin-manifest info", () => {
    const result = officeAddinManifestInfo(MANIFEST, ROOT);
    expect(result.status).toBe(0);
    expect(result.output).toContain("Type: TaskPaneApp");
    expect(result.output).toContain("Hosts: Workbook");
    expect(result.output).toContain("Name: 工会经费助手");
  });

  test("passes every project rule on its own content", () => {
    const problems = checkManifestRules(manifest(), { assetsDir: ASSETS, pageSources: PAGE_SOURCES });
    expect(problems.filter((p) => p.check !== "page-source")).toEqual([]);
  });

  // Integration with the other areas: the pages the manifest opens must have their HtmlWebpackPlugin templates
  // (src/taskpane/page.html belongs to the task-pane area, src/commands/commands.html to this one).
  test("names only pages whose templates exist in the repo", () => {
    expect(checkUrlTargets(manifest(), ASSETS, PAGE_SOURCES)).toEqual([]);
  });

  test("is a zh-CN Excel task pane add-in with the agreed identity, permissions and entry points", () => {
    const doc = manifest();
    const text = (name: string) => doc.getElementsByTagNameNS("*", name)[0]?.textContent?.trim();
    expect(text("Version")).toBe("1.0.0.0");
    expect(text("DefaultLocale")).toBe("zh-CN");
    expect(text("Permissions")).toBe("ReadWriteDocument");
    expect(doc.getElementsByTagNameNS("*", "DisplayName")[0].getAttribute("DefaultValue")).toBe("工会经费助手");
    expect(sourceLocation(doc)).toBe(`${ORIGIN}/taskpane.html`);
    const urls = manifestUrls(doc).map((u) => u.url);
    expect(urls).toContain(`${ORIGIN}/commands.html`);
    const set = doc.getElementsByTagNameNS("*", "Set")[0];
    expect(set.getAttribute("Name")).toBe("ExcelApi");
    expect(set.getAttribute("MinVersion")).toBe("1.12");
  });
});

describe("a broken copy (missing resid, off-origin URL)", () => {
  test("fails the rule checks with both problems named", () => {
    const problems = checkManifestRules(parseManifestXml(BROKEN), { assetsDir: ASSETS, pageSources: PAGE_SOURCES });
    expect(checksOf(problems)).toEqual(expect.arrayContaining(["resid-defined", "url-origin"]));
    expect(problems.find((p) => p.check === "resid-defined")?.message).toContain("Commands.Url");
    expect(problems.find((p) => p.check === "url-origin")?.message).toContain("cdn.example.com");
  });

  test("fails the XSD subset (keyref on the missing resid)", () => {
    const result = xmllintSchema(writeScratch("broken.xml", BROKEN), XSD);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain("Commands.Url");
  });
});

describe("each rule fails on its own mutation", () => {
  const rule = (xml: string, check: (doc: Document) => ManifestProblem[]) => check(parseManifestXml(xml));

  test("Id must be a GUID", () => {
    const bad = mutate(manifestXml, /<Id>[^<]*<\/Id>/, "<Id>union-fund-assistant</Id>");
    expect(checksOf(rule(bad, checkIdIsGuid))).toEqual(["id-guid"]);
    expect(rule(manifestXml, checkIdIsGuid)).toEqual([]);
  });

  test("Version must have four parts", () => {
    const bad = mutate(manifestXml, "<Version>1.0.0.0</Version>", "<Version>1.0.0</Version>");
    expect(checksOf(rule(bad, checkVersionHasFourParts))).toEqual(["version-four-parts"]);
    expect(xmllintSchema(writeScratch("version.xml", bad), XSD).status).not.toBe(0);
  });

  test("a resid must point at the right kind of resource", () => {
    // A label (short string) pointing at a long string.
    const bad = mutate(manifestXml, '<Label resid="OpenPane.Label"/>', '<Label resid="OpenPane.Tooltip"/>');
    const problems = rule(bad, checkResids);
    expect(checksOf(problems)).toEqual(["resid-kind"]);
    expect(problems[0].message).toContain("OpenPane.Tooltip");
  });

  test("resource ids are unique and every resource is used", () => {
    const dup = mutate(manifestXml, ' id="Icon.80x80"', ' id="Icon.32x32"'); // leading space: not the resid="…" uses
    expect(checksOf(rule(dup, checkResids))).toEqual(expect.arrayContaining(["resource-unique", "resid-defined"]));
    const unused = mutate(manifestXml, "</bt:Urls>", `<bt:Url id="Spare.Url" DefaultValue="${ORIGIN}/spare.html"/></bt:Urls>`);
    expect(rule(unused, checkResids)).toEqual([{ check: "resource-unused", message: expect.stringContaining("Spare.Url") }]);
  });

  test("SupportUrl off the origin is caught, and so is plain http on the origin's host", () => {
    const support = mutate(manifestXml, `<SupportUrl DefaultValue="${ORIGIN}/assets/help.html"/>`, '<SupportUrl DefaultValue="https://www.acftu.org/help"/>');
    expect(rule(support, checkUrlsOnSourceOrigin)).toEqual([{ check: "url-origin", message: expect.stringContaining("www.acftu.org") }]);
    const http = mutate(manifestXml, `<AppDomain>${ORIGIN}</AppDomain>`, "<AppDomain>http://localhost:3000</AppDomain>");
    expect(checksOf(rule(http, checkUrlsOnSourceOrigin))).toEqual(["url-origin"]);
  });

  test("every user-visible string needs an en-US override", () => {
    const bad = mutate(manifestXml, /\s*<bt:Override Locale="en-US" Value="Fund Assistant"\/>/, "");
    const problems = rule(bad, checkLocaleOverrides);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain("OpenPane.Label");
    const name = mutate(manifestXml, /\s*<Override Locale="en-US" Value="Union Fund Assistant"\/>/, "");
    expect(rule(name, checkLocaleOverrides)[0].message).toContain("DisplayName");
  });

  test("the Home-tab button must open the task pane URL", () => {
    const wrongUrl = mutate(manifestXml, '<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="Commands.Url"/>');
    expect(checksOf(rule(wrongUrl, checkRibbonOpensPane))).toEqual(["ribbon-opens-pane"]);
    const otherTab = mutate(manifestXml, '<OfficeTab id="TabHome">', '<OfficeTab id="TabData">');
    expect(rule(otherTab, checkRibbonOpensPane)[0].message).toContain("TabHome");
  });

  test("icons must exist with the pixel size they are used at", () => {
    const wrongSize = mutate(manifestXml, `id="Icon.16x16" DefaultValue="${ORIGIN}/assets/icon-16.png"`, `id="Icon.16x16" DefaultValue="${ORIGIN}/assets/icon-32.png"`);
    const problems = rule(wrongSize, (doc) => checkIconFiles(doc, ASSETS));
    expect(problems).toEqual([{ check: "icon-file", message: expect.stringContaining("is 32x32, expected 16x16") }]);
    const missing = mutate(manifestXml, `${ORIGIN}/assets/icon-64.png`, `${ORIGIN}/assets/icon-65.png`);
    expect(rule(missing, (doc) => checkIconFiles(doc, ASSETS))[0].message).toContain("does not exist");
  });

  test("the icon set must be complete even where the manifest does not name a size", () => {
    const partialAssets = mkdtempSync(join(scratch, "assets-"));
    for (const name of readdirSync(ASSETS).filter((f) => f !== "icon-128.png")) {
      writeFileSync(join(partialAssets, name), readFileSync(join(ASSETS, name)));
    }
    const problems = checkIconFiles(manifest(), partialAssets);
    expect(problems).toHaveLength(1);
    expect(problems[0].message).toContain("icon-128.png");
  });

  test("every URL path is an asset file or a known page template", () => {
    // Stand-in templates, so this rule test depends only on the manifest.
    const pages = { "/taskpane.html": writeScratch("taskpane.html", "<html></html>"), "/commands.html": PAGE_SOURCES["/commands.html"] };
    const unknownPage = mutate(manifestXml, `${ORIGIN}/commands.html`, `${ORIGIN}/ribbon.html`);
    expect(rule(unknownPage, (doc) => checkUrlTargets(doc, ASSETS, pages))).toEqual([
      { check: "page-source", message: expect.stringContaining("/ribbon.html") },
    ]);
    const missingAsset = mutate(manifestXml, `<SupportUrl DefaultValue="${ORIGIN}/assets/help.html"/>`, `<SupportUrl DefaultValue="${ORIGIN}/assets/hilfe.html"/>`);
    expect(checksOf(rule(missingAsset, (doc) => checkUrlTargets(doc, ASSETS, pages)))).toEqual(["asset-file"]);
    const pagesWithoutPane = { ...pages, "/taskpane.html": join(scratch, "no-such-taskpane.html") };
    expect(rule(manifestXml, (doc) => checkUrlTargets(doc, ASSETS, pagesWithoutPane))).toEqual([
      { check: "page-source", message: expect.stringContaining("no-such-taskpane.html") },
    ]);
  });

  test("the XSD requires xsi:type=TaskPaneApp and the version-override types", () => {
    const noType = mutate(manifestXml, ' xsi:type="TaskPaneApp"', "");
    expect(xmllintSchema(writeScratch("notype.xml", noType), XSD).output).toContain("abstract");
    const wrongAction = mutate(manifestXml, 'xsi:type="ShowTaskpane"', 'xsi:type="ExecuteFunction"');
    expect(xmllintSchema(writeScratch("action.xml", wrongAction), XSD).status).not.toBe(0);
  });

  test("malformed XML fails xmllint, office-addin-manifest info and the parser", () => {
    const truncated = manifestXml.slice(0, manifestXml.indexOf("</Hosts>"));
    const file = writeScratch("truncated.xml", truncated);
    expect(xmllintWellFormed(file).status).not.toBe(0);
    expect(officeAddinManifestInfo(file, ROOT).status).not.toBe(0);
    expect(() => parseManifestXml(truncated)).toThrow(/well-formed/);
  });
});

describe("icons", () => {
  test("readPngSize reads IHDR and rejects non-PNG bytes", () => {
    expect(readPngSize(readFileSync(join(ASSETS, "icon-80.png")))).toEqual({ width: 80, height: 80 });
    expect(readPngSize(Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeUndefined();
  });

  test("the committed icons are exactly what assets/make-icons.mjs generates", () => {
    const out = mkdtempSync(join(scratch, "icons-"));
    const result = spawnSync(process.execPath, [join(ASSETS, "make-icons.mjs"), out], { encoding: "utf8" });
    expect(result.status).toBe(0);
    const generated = readdirSync(out).sort();
    expect(generated).toEqual(expect.arrayContaining(["icon-16.png", "icon-32.png", "icon-64.png", "icon-80.png", "icon-128.png"]));
    for (const name of generated) {
      expect({ name, same: readFileSync(join(out, name)).equals(readFileSync(join(ASSETS, name))) }).toEqual({ name, same: true });
    }
  });
});

describe("the function file page", () => {
  const html = readFileSync(PAGE_SOURCES["/commands.html"], "utf8");

  test("loads Office.js from the webpack template parameter, not a hard-coded host", () => {
    expect(html).toContain('src="<%= htmlWebpackPlugin.options.officeJs %>"');
    expect(html).not.toMatch(/(src|href)="https?:/);
  });
});
