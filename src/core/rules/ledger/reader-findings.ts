/**
 * The reader already finds unreadable amounts, dates and accounts while reading, located at the cell. These
 * rules surface those findings, so every finding has a registered rule id, a tier and a documented message.
 */
import type { Rule } from "../types";

function readerRule(id: string, severity: Rule["severity"]): Rule {
  return {
    id,
    area: "ledger",
    tier: "basic",
    severity,
    run: (ctx) => ctx.books.findings.filter((f) => f.rule === id),
  };
}

export const unparseableAmount = readerRule("unparseable-amount", "error");
export const unparseableDate = readerRule("unparseable-date", "error");
export const unknownAccount = readerRule("unknown-account", "warning");
