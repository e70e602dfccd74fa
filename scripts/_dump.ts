import { loadWorkbook } from "../src/cli/load";
import { readBooks } from "../src/core/read/books";
(async () => {
  const b = readBooks((await loadWorkbook(process.argv[2])).workbook, {});
  for (const e of b.ledger.entries) console.log(e.sheet, e.row, e.date, e.summary, e.accountText, e.account?.code, e.income, e.expense, e.balance, e.unreadable);
  for (const s of b.ledger.subtotals) console.log("SUB", s.sheet, s.row, s.kind, s.month, s.income, s.expense, s.balance);
  for (const l of b.plan?.lines ?? []) console.log("PLAN", JSON.stringify(l).slice(0, 300));
  console.log(b.ledger.mappings.map((m) => JSON.stringify(m.columns)));
})();
