/** Every ui message exists in both languages, and every literal ui key the pane uses is in the catalogue. */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { uiCatalog } from "../core/i18n/catalog/ui";
import { LEDGER_FIELDS, PLAN_FIELDS } from "./books-model";

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    if (d.isDirectory()) return sources(p);
    return /\.tsx?$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [p] : [];
  });
}

describe("ui catalogue", () => {
  it("has the same keys in zh-CN and en", () => {
    expect(Object.keys(uiCatalog.en).sort()).toEqual(Object.keys(uiCatalog["zh-CN"]).sort());
  });

  it("names every ledger and plan field", () => {
    for (const f of LEDGER_FIELDS) expect(uiCatalog["zh-CN"]).toHaveProperty([`ui.field.ledger.${f}`]);
    for (const f of PLAN_FIELDS) expect(uiCatalog["zh-CN"]).toHaveProperty([`ui.field.plan.${f}`]);
  });

  it("holds every literal ui.* key used by the pane", () => {
    const used = new Set<string>();
    for (const file of sources(__dirname)) {
      for (const m of readFileSync(file, "utf8").matchAll(/"(ui\.[a-zA-Z.]+[a-zA-Z])"/g)) used.add(m[1]);
    }
    expect(used.size).toBeGreaterThan(20);
    const missing = [...used].filter((k) => !(k in uiCatalog["zh-CN"]));
    expect(missing).toEqual([]);
  });
});
