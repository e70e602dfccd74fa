// Dev aid: prints the findings of the core on the bundled sample (readBooks + runChecks), one per line.
import { readFileSync } from "node:fs";
import { readBooks } from "../../src/core/read/books";
import { runChecks } from "../../src/core/rules/engine";
import { findingMessage } from "../../src/core/i18n";
const wb = JSON.parse(readFileSync("/work/main/samples/sample-workbook.json", "utf8"));
const books = readBooks(wb);
console.log("roles", JSON.stringify(books.roles), "entries", books.ledger.entries.length, "plan", books.plan?.lines.length, "subtotals", books.ledger.subtotals.length);
const r = runChecks(books);
for (const f of r.findings) console.log(f.severity, f.rule, f.locations.map(l => `${l.sheet}!${l.address}`).join(","), findingMessage(f).slice(0, 100));
