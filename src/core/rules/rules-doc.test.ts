// docs/rules.md is generated; this fails when the committed file no longer matches the registry and catalogue.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { renderRulesDoc } from "./doc";
import { rules } from "./engine";

test("docs/rules.md is up to date (regenerate with: npx tsx scripts/gen-rules-doc.ts)", () => {
  const committed = readFileSync(join(__dirname, "..", "..", "..", "docs", "rules.md"), "utf8");
  expect(committed).toBe(renderRulesDoc());
});

test("the doc lists every rule in both languages", () => {
  const doc = renderRulesDoc();
  for (const r of rules) expect(doc.split(`\`${r.id}\``).length - 1).toBe(2);
});
