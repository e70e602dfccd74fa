/**
 * Offline checks for manifest.xml, as reusable functions so the test can run them on the real manifest (must
 * pass) and on deliberately broken copies (must fail). Microsoft's `office-addin-manifest validate` needs an
 * online service, so these project rules plus xmllint with a project-owned XSD subset stand in for it.
 *
 * The rule checks work on a DOM `Document` (namespace-aware, from DOMParser: the test runs in jsdom) and return
 * problems as values instead of throwing, so one run reports everything that is wrong.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const NS = {
  office: "http://schemas.microsoft.com/office/appforoffice/1.1",
  bt: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  ov: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
  xmlns: "http://www.w3.org/2000/xmlns/",
} as const;

export type CheckName =
  | "id-guid"
  | "version-four-parts"
  | "resid-defined"
  | "resid-kind"
  | "resource-unique"
  | "resource-unused"
  | "url-origin"
  | "locale-override"
  | "ribbon-opens-pane"
  | "icon-file"
  | "asset-file"
  | "page-source";

export interface ManifestProblem {
  check: CheckName;
  message: string;
}

/** The locale every user-visible string must also carry (the default locale is zh-CN). */
export const REQUIRED_OVERRIDE_LOCALE = "en-US";

/** Icon files that must exist in assets/ with these pixel sizes, whether or not the manifest names them today. */
export const REQUIRED_ICON_SIZES = [16, 32, 64, 80, 128] as const;

/** Pixel sizes Office expects for the top-level icons (ribbon icons take theirs from `<bt:Image size>`). */
const TOP_LEVEL_ICON_SIZE: Record<string, number> = { IconUrl: 32, HighResolutionIconUrl: 64 };

/** The URL path prefix the build serves assets/ under. */
export const ASSETS_URL_PREFIX = "/assets/";

type ResourceKind = "image" | "url" | "shortString" | "longString";

// ---------------------------------------------------------------------------------------------------------------
// Parsing and small DOM helpers

export function parseManifestXml(xml: string): Document {
  if (typeof DOMParser === "undefined") {
    throw new Error("parseManifestXml needs a DOMParser: run under the jsdom test environment.");
  }
  const doc = new DOMParser().parseFromString(xml, "application/xml");
  const error = doc.getElementsByTagName("parsererror")[0];
  if (error) throw new Error(`manifest is not well-formed XML: ${error.textContent ?? ""}`);
  return doc;
}

function all(root: Document | Element, ns: string, localName: string): Element[] {
  return Array.from(root.getElementsByTagNameNS(ns, localName));
}

function first(root: Document | Element, ns: string, localName: string): Element | undefined {
  return all(root, ns, localName)[0];
}

/** Direct children only: `DisplayName/Override` must not pick up overrides deeper down. */
function children(el: Element, ns: string, localName: string): Element[] {
  return Array.from(el.children).filter((c) => c.namespaceURI === ns && c.localName === localName);
}

function xsiType(el: Element): string | null {
  return el.getAttributeNS(NS.xsi, "type");
}

function describe(el: Element): string {
  const id = el.getAttribute("id") ?? el.getAttribute("resid");
  return id ? `<${el.tagName} ${el.hasAttribute("id") ? "id" : "resid"}="${id}">` : `<${el.tagName}>`;
}

function textOf(root: Document, ns: string, localName: string): string {
  return (first(root, ns, localName)?.textContent ?? "").trim();
}

/** The task pane's URL: the origin every other URL has to share. */
export function sourceLocation(doc: Document): string | undefined {
  const settings = first(doc, NS.office, "DefaultSettings");
  const location = settings ? children(settings, NS.office, "SourceLocation")[0] : undefined;
  return location?.getAttribute("DefaultValue") ?? undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// Identity

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FOUR_PART_VERSION = /^(0|[1-9]\d{0,4})(\.(0|[1-9]\d{0,4})){3}$/;

export function checkIdIsGuid(doc: Document): ManifestProblem[] {
  const id = textOf(doc, NS.office, "Id");
  return GUID.test(id) ? [] : [{ check: "id-guid", message: `<Id> "${id}" is not a GUID (8-4-4-4-12 hex digits).` }];
}

export function checkVersionHasFourParts(doc: Document): ManifestProblem[] {
  const version = textOf(doc, NS.office, "Version");
  return FOUR_PART_VERSION.test(version)
    ? []
    : [{ check: "version-four-parts", message: `<Version> "${version}" must have four numeric parts, e.g. 1.0.0.0.` }];
}

// ---------------------------------------------------------------------------------------------------------------
// Resources and resid references

interface ResourceDef {
  id: string;
  kind: ResourceKind;
  value: string;
  element: Element;
}

export function resourceDefinitions(doc: Document): ResourceDef[] {
  const resources = first(doc, NS.ov, "Resources");
  if (!resources) return [];
  const groups: [string, string, ResourceKind][] = [
    ["Images", "Image", "image"],
    ["Urls", "Url", "url"],
    ["ShortStrings", "String", "shortString"],
    ["LongStrings", "String", "longString"],
  ];
  const defs: ResourceDef[] = [];
  for (const [collection, item, kind] of groups) {
    for (const group of children(resources, NS.bt, collection)) {
      for (const el of children(group, NS.bt, item)) {
        defs.push({ id: el.getAttribute("id") ?? "", kind, value: el.getAttribute("DefaultValue") ?? "", element: el });
      }
    }
  }
  return defs;
}

/** Which kind of resource an element with a `resid` must point at (by its element name). */
function expectedKind(el: Element): ResourceKind | undefined {
  if (el.namespaceURI === NS.bt && el.localName === "Image") return "image";
  if (el.namespaceURI !== NS.ov) return undefined;
  switch (el.localName) {
    case "SourceLocation":
    case "FunctionFile":
    case "LearnMoreUrl":
      return "url";
    case "Label":
    case "Title":
      return "shortString";
    case "Description":
      return "longString";
    default:
      return undefined;
  }
}

function residUsers(doc: Document): Element[] {
  const overrides = first(doc, NS.ov, "VersionOverrides");
  return overrides ? Array.from(overrides.querySelectorAll("[resid]")) : [];
}

/** Every resid is defined once, in the right collection, and every defined resource is used. */
export function checkResids(doc: Document): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const defs = resourceDefinitions(doc);
  const byId = new Map<string, ResourceDef>();
  for (const def of defs) {
    if (byId.has(def.id)) {
      problems.push({ check: "resource-unique", message: `Resource id "${def.id}" is defined more than once.` });
    }
    byId.set(def.id, def);
  }
  const used = new Set<string>();
  for (const el of residUsers(doc)) {
    const resid = el.getAttribute("resid") ?? "";
    used.add(resid);
    const def = byId.get(resid);
    const kind = expectedKind(el);
    if (!def) {
      problems.push({ check: "resid-defined", message: `${describe(el)} refers to resid "${resid}", which Resources does not define.` });
    } else if (!kind) {
      problems.push({ check: "resid-kind", message: `${describe(el)}: the checker does not know which resource kind this element takes; teach expectedKind().` });
    } else if (def.kind !== kind) {
      problems.push({ check: "resid-kind", message: `${describe(el)} needs a ${kind} resource but "${resid}" is a ${def.kind}.` });
    }
  }
  for (const def of defs) {
    if (!used.has(def.id)) {
      problems.push({ check: "resource-unused", message: `Resource "${def.id}" is defined but never used.` });
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// URLs

const LOOKS_LIKE_URL = /^\s*[a-z][a-z0-9+.-]*:\/\//i;

/** Every URL in the manifest (attribute values and element text), except namespace declarations and xsi:type. */
export function manifestUrls(doc: Document): { where: string; url: string }[] {
  const found: { where: string; url: string }[] = [];
  for (const el of Array.from(doc.getElementsByTagName("*"))) {
    for (const attr of Array.from(el.attributes)) {
      if (attr.namespaceURI === NS.xmlns || attr.namespaceURI === NS.xsi) continue;
      if (LOOKS_LIKE_URL.test(attr.value)) found.push({ where: `${describe(el)} @${attr.name}`, url: attr.value.trim() });
    }
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType === node.TEXT_NODE && LOOKS_LIKE_URL.test(node.textContent ?? "")) {
        found.push({ where: describe(el), url: (node.textContent ?? "").trim() });
      }
    }
  }
  return found;
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

/**
 * Every URL (icons, support page, Resources, AppDomains, overrides) is https on the SourceLocation origin: the
 * build rewrites that one origin for production, and the add-in must not depend on any other host.
 */
export function checkUrlsOnSourceOrigin(doc: Document): ManifestProblem[] {
  const source = sourceLocation(doc);
  const origin = source ? originOf(source) : undefined;
  if (!source || !origin || !source.startsWith("https://")) {
    return [{ check: "url-origin", message: `DefaultSettings/SourceLocation "${source ?? ""}" is not an https URL.` }];
  }
  return manifestUrls(doc)
    .filter(({ url }) => originOf(url) !== origin || !url.startsWith("https://"))
    .map(({ where, url }) => ({ check: "url-origin" as const, message: `${where}: "${url}" is not on the add-in's origin ${origin}.` }));
}

// ---------------------------------------------------------------------------------------------------------------
// Localisation

/** DisplayName, Description and every ribbon string carry an en-US override next to the zh-CN default. */
export function checkLocaleOverrides(doc: Document, locale: string = REQUIRED_OVERRIDE_LOCALE): ManifestProblem[] {
  const localized: { el: Element; overrideNs: string }[] = [
    ...["DisplayName", "Description"].flatMap((name) =>
      all(doc, NS.office, name).map((el) => ({ el, overrideNs: NS.office })),
    ),
    ...resourceDefinitions(doc)
      .filter((d) => d.kind === "shortString" || d.kind === "longString")
      .map((d) => ({ el: d.element, overrideNs: NS.bt })),
  ];
  return localized
    .filter(({ el, overrideNs }) => {
      const override = children(el, overrideNs, "Override").find((o) => o.getAttribute("Locale") === locale);
      return !override || !(override.getAttribute("Value") ?? "").trim();
    })
    .map(({ el }) => ({ check: "locale-override" as const, message: `${describe(el)} has no ${locale} override.` }));
}

// ---------------------------------------------------------------------------------------------------------------
// Ribbon

/** A Home-tab button opens the task pane at exactly DefaultSettings/SourceLocation. */
export function checkRibbonOpensPane(doc: Document): ManifestProblem[] {
  const source = sourceLocation(doc);
  const urls = new Map(resourceDefinitions(doc).filter((d) => d.kind === "url").map((d) => [d.id, d.value]));
  const problems: ManifestProblem[] = [];
  let homeButtons = 0;
  for (const action of all(doc, NS.ov, "Action").filter((a) => xsiType(a) === "ShowTaskpane")) {
    const resid = children(action, NS.ov, "SourceLocation")[0]?.getAttribute("resid") ?? "";
    const url = urls.get(resid);
    if (url !== source) {
      problems.push({ check: "ribbon-opens-pane", message: `ShowTaskpane opens "${url ?? resid}", not the task pane ${source}.` });
    }
    if (action.closest("OfficeTab")?.getAttribute("id") === "TabHome") homeButtons++;
  }
  if (homeButtons === 0) {
    problems.push({ check: "ribbon-opens-pane", message: "No button on the Home tab (TabHome) opens the task pane (ShowTaskpane)." });
  }
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Files: icons, assets, page sources

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** Width and height from a PNG's IHDR chunk; undefined when the bytes are not a PNG. */
export function readPngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  if (bytes.length < 24 || PNG_SIGNATURE.some((b, i) => bytes[i] !== b)) return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunkType = String.fromCharCode(...bytes.subarray(12, 16));
  if (chunkType !== "IHDR") return undefined;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function assetFileFor(url: string, assetsDir: string): string | undefined {
  const path = new URL(url).pathname;
  return path.startsWith(ASSETS_URL_PREFIX) ? join(assetsDir, decodeURIComponent(path.slice(ASSETS_URL_PREFIX.length))) : undefined;
}

function checkPng(file: string, size: number, what: string): ManifestProblem[] {
  if (!existsSync(file)) return [{ check: "icon-file", message: `${what}: ${file} does not exist.` }];
  const dims = readPngSize(readFileSync(file));
  if (!dims) return [{ check: "icon-file", message: `${what}: ${file} is not a PNG.` }];
  if (dims.width !== size || dims.height !== size) {
    return [{ check: "icon-file", message: `${what}: ${file} is ${dims.width}x${dims.height}, expected ${size}x${size}.` }];
  }
  return [];
}

/**
 * Icons the manifest names exist in assets/ with the right pixel size (ribbon images take the `size` they are used
 * with; IconUrl 32, HighResolutionIconUrl 64), and the full icon set icon-{16,32,64,80,128}.png is present.
 */
export function checkIconFiles(doc: Document, assetsDir: string): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  for (const [name, size] of Object.entries(TOP_LEVEL_ICON_SIZE)) {
    const url = first(doc, NS.office, name)?.getAttribute("DefaultValue");
    if (!url) continue;
    const file = assetFileFor(url, assetsDir);
    problems.push(...(file ? checkPng(file, size, `<${name}>`) : [{ check: "icon-file" as const, message: `<${name}> "${url}" is not under ${ASSETS_URL_PREFIX}.` }]));
  }
  const images = new Map(resourceDefinitions(doc).filter((d) => d.kind === "image").map((d) => [d.id, d.value]));
  const sizesByResid = new Map<string, Set<number>>();
  for (const use of residUsers(doc).filter((el) => el.namespaceURI === NS.bt && el.localName === "Image")) {
    const resid = use.getAttribute("resid") ?? "";
    const set = sizesByResid.get(resid) ?? new Set<number>();
    set.add(Number(use.getAttribute("size")));
    sizesByResid.set(resid, set);
  }
  for (const [resid, sizes] of sizesByResid) {
    const url = images.get(resid);
    if (!url) continue; // reported by checkResids
    if (sizes.size !== 1) {
      problems.push({ check: "icon-file", message: `Image "${resid}" is used with several sizes (${[...sizes].join(", ")}).` });
      continue;
    }
    const file = assetFileFor(url, assetsDir);
    const [size] = sizes;
    problems.push(...(file ? checkPng(file, size, `Image "${resid}"`) : [{ check: "icon-file" as const, message: `Image "${resid}" "${url}" is not under ${ASSETS_URL_PREFIX}.` }]));
  }
  for (const size of REQUIRED_ICON_SIZES) {
    problems.push(...checkPng(join(assetsDir, `icon-${size}.png`), size, `icon set`));
  }
  return problems;
}

/**
 * Every URL path is either a file in assets/ or a page the build renders from a template in the repo
 * (`pageSources` maps URL path -> template path), so a renamed file or page cannot leave a dead link behind.
 */
export function checkUrlTargets(doc: Document, assetsDir: string, pageSources: Record<string, string>): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const seen = new Set<string>();
  for (const { where, url } of manifestUrls(doc)) {
    let path: string;
    try {
      path = new URL(url).pathname;
    } catch {
      continue; // reported by checkUrlsOnSourceOrigin
    }
    if (seen.has(path) || path === "/" || path === "") continue;
    seen.add(path);
    const asset = assetFileFor(url, assetsDir);
    if (asset) {
      if (!existsSync(asset)) problems.push({ check: "asset-file", message: `${where}: ${asset} does not exist.` });
    } else if (!(path in pageSources)) {
      problems.push({ check: "page-source", message: `${where}: no known page template for ${path}.` });
    } else if (!existsSync(pageSources[path])) {
      problems.push({ check: "page-source", message: `${where}: the template ${pageSources[path]} for ${path} does not exist.` });
    }
  }
  return problems;
}

export interface ManifestCheckOptions {
  assetsDir: string;
  pageSources: Record<string, string>;
}

/** All project rules at once. */
export function checkManifestRules(doc: Document, options: ManifestCheckOptions): ManifestProblem[] {
  return [
    ...checkIdIsGuid(doc),
    ...checkVersionHasFourParts(doc),
    ...checkResids(doc),
    ...checkUrlsOnSourceOrigin(doc),
    ...checkLocaleOverrides(doc),
    ...checkRibbonOpensPane(doc),
    ...checkIconFiles(doc, options.assetsDir),
    ...checkUrlTargets(doc, options.assetsDir, options.pageSources),
  ];
}

// ---------------------------------------------------------------------------------------------------------------
// External tools (offline)

export interface ToolResult {
  status: number | null;
  output: string;
}

function run(command: string, args: string[], cwd?: string): ToolResult {
  const result = spawnSync(command, args, { cwd, encoding: "utf8", timeout: 60_000 });
  if (result.error) return { status: null, output: String(result.error) };
  return { status: result.status, output: `${result.stdout ?? ""}${result.stderr ?? ""}` };
}

/** `xmllint --noout file`: well-formedness (Debian libxml2-utils). */
export function xmllintWellFormed(file: string): ToolResult {
  return run("xmllint", ["--noout", file]);
}

/** `xmllint --noout --schema xsd file`: validity against the project's XSD subset. */
export function xmllintSchema(file: string, xsd: string): ToolResult {
  return run("xmllint", ["--noout", "--schema", xsd, file]);
}

/** `npx office-addin-manifest info file`: Microsoft's own parser, offline (`validate` needs the network). */
export function officeAddinManifestInfo(file: string, projectRoot: string): ToolResult {
  // --no: never download; the package is a pinned devDependency.
  return run("npx", ["--no", "office-addin-manifest", "info", file], projectRoot);
}
