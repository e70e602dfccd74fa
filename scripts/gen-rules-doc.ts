// Writes docs/rules.md from the rule registry and the message catalogue: npx tsx scripts/gen-rules-doc.ts
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { renderRulesDoc } from "../src/core/rules/doc";

const target = join(__dirname, "..", "docs", "rules.md");
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderRulesDoc(), "utf8");
console.log(`wrote ${target}`);
