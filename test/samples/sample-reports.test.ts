/**
 * Goldens of every report model and sheet for the sample workbook (samples/sample-workbook.json), read through
 * the real reader. The sample carries deliberate mistakes (samples/README.md): one of them, an unreadable
 * credit of 1,200.00 whose balance is right, must stop the disclosure with exactly that difference.
 */
import sample from "../../samples/sample-workbook.json";
import type { WorkbookSnapshot } from "../../src/core/model/types";
import { readBooks } from "../../src/core/read/books";
import { yearPeriod } from "../../src/core/model/period";
import { matchToPlan } from "../../src/core/match/plan-match";
import { budgetExecution } from "../../src/core/reports/budget-execution";
import { hardshipSummary } from "../../src/core/reports/hardship";
import { welfareSummary } from "../../src/core/reports/welfare";
import { reconcile } from "../../src/core/reports/reconcile";
import { renderAll } from "../../src/core/render/all";

const books = readBooks(sample as unknown as WorkbookSnapshot);
const Y = yearPeriod(2025);
const caps = { festival: 150000, birthday: 30000, wedding: 100000, childbirth: 100000, sickness: 100000, bereavement: 100000, retirement: 100000 };
const settings = { unionName: "江城精密机械有限公司工会委员会", preparedDate: "2026-01-20", objectionDays: 7, objectionChannel: "工会办公室" };

describe("sample workbook reports", () => {
  it("finds exactly one unbudgeted expense: the charity donation", () => {
    const m = matchToPlan(books, Y);
    expect(m.unbudgeted.map((i) => books.ledger.entries[i].row)).toEqual([188]);
  });

  it("shows the basketball match 850.00 over its adjusted budget", () => {
    const line = budgetExecution(books, Y).expense.lines.find((l) => l.planItem === "职工篮球赛")!;
    expect(line).toMatchObject({ adjustedBudget: 600000, actual: 685000, remaining: -85000, overBudget: true });
  });

  it("refuses the disclosure by the unreadable 1,200.00", () => {
    const r = reconcile(books, Y);
    // The ledger's closing is the last balance the treasurer printed, read from the sample itself.
    const lastPrinted = [...books.ledger.entries].reverse().find((e) => e.balance !== undefined)!.balance;
    expect(r).toMatchObject({ closingMethod: "printed-balance", ledgerClosing: lastPrinted, difference: -120000 });
    const all = renderAll(books, Y, settings, { packName: "全国默认", caps });
    expect(all.refused?.difference).toBe(-120000);
    expect(all.sheets.map((s) => s.kind)).not.toContain("disclosure");
  });

  it("matches the golden models and sheets", () => {
    expect(budgetExecution(books, Y)).toMatchSnapshot("budget-execution model");
    expect(hardshipSummary(books, Y)).toMatchSnapshot("hardship model");
    expect(welfareSummary(books, Y, caps)).toMatchSnapshot("welfare model");
    const all = renderAll(books, Y, settings, { packName: "全国默认", caps });
    for (const sheet of all.sheets) expect(sheet).toMatchSnapshot(sheet.name);
    expect({ ...all.refused, detail: undefined }).toMatchSnapshot("refusal");
  });

  it("keeps hardship names and member numbers off the public sheets", () => {
    const secrets = new Set<string>();
    for (const d of hardshipSummary(books, Y).detail) {
      if (d.recipient.length >= 2) secrets.add(d.recipient);
      if (d.memberId) secrets.add(d.memberId);
    }
    expect(secrets.size).toBeGreaterThan(0);
    const all = renderAll(books, Y, settings, { packName: "全国默认", caps });
    const publicText = all.sheets.filter((s) => !s.internal).flatMap((s) => s.rows.flat().map((c) => String(c.v ?? ""))).join("|");
    for (const s of secrets) expect(publicText).not.toContain(s);
  });
});
