/**
 * The ledger reader's shortcuts give what the plain computation gives: the subtotal pre-test on untrimmed cells and
 * the row above's answer for a repeated cell (vs classifySubtotal on every trimmed cell), and the year counted per
 * run of one year (vs a count per entry), on generated ledgers.
 */
import fc from "fast-check";
import type { CellValue, LedgerField } from "../model/types";
import { readBooks } from "./books";
import { classifySubtotal, hasSubtotalHint } from "./keywords";
import { textInterner } from "./ledger";
import { sheet, workbook } from "../../../test/helpers/table";

describe("hasSubtotalHint before trimming", () => {
  test("never turns away a label classifySubtotal takes", () => {
    const piece = fc.constantFrom(" ", "\u3000", "\t", "本月", "合计", "累计", "承前页", "过次页", "上年结转", "Total", "carried forward",
      "3月", "会费", "计", "余额", "2025-01-01", "记-1", "x");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        const text = parts.join("");
        if (classifySubtotal(text.trim())) expect(hasSubtotalHint(text)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("generated ledgers", () => {
  const label = fc.constantFrom("", "本月合计", " 本月合计 ", "本年累计", "过次页", "承前页", "会费收入", "办公用品", "合计：");
  const row = fc.record({
    year: fc.constantFrom(2024, 2025, 2026),
    day: fc.integer({ min: 1, max: 28 }),
    dateLabel: fc.constantFrom(false, false, false, true),
    voucherLabel: fc.constantFrom(false, false, false, true),
    summary: label,
    amount: fc.constantFrom("", "12.50", "300"),
    repeat: fc.integer({ min: 1, max: 3 }),
  });

  test("subtotal rows and the year are those of the plain computation", () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 40 }), (spec) => {
        const rows: CellValue[][] = [["日期", "凭证号", "摘要", "收入", "支出"]];
        for (const r of spec) {
          for (let k = 0; k < r.repeat; k++) {
            const date = r.dateLabel ? "本月合计" : `${r.year}-01-${String(r.day).padStart(2, "0")}`;
            rows.push([date, r.voucherLabel ? " 过次页" : "记-1", r.summary, r.amount, ""]);
          }
        }
        const books = readBooks(workbook(sheet("明细账", rows)));
        // Plain: a row is a subtotal when its summary, or else any other text left of the money, classifies.
        const expectedSubtotalRows: number[] = [];
        rows.slice(1).forEach((cells, i) => {
          const summary = String(cells[2]).trim();
          const hit = (summary ? classifySubtotal(summary) : undefined) ??
            [cells[0], cells[1]].map((v) => (typeof v === "string" && v !== summary ? classifySubtotal(v.trim()) : undefined)).find(Boolean);
          if (hit) expectedSubtotalRows.push(i + 2);
        });
        expect(books.ledger.subtotals.map((s) => s.row)).toEqual(expectedSubtotalRows);
        // Plain: the year most entries fall in, the first seen among equals.
        const counts = new Map<number, number>();
        for (const e of books.ledger.entries) if (e.date) counts.set(Number(e.date.slice(0, 4)), (counts.get(Number(e.date.slice(0, 4))) ?? 0) + 1);
        let year: number | undefined;
        let most = 0;
        for (const [y, n] of counts) if (n > most) { most = n; year = y; }
        if (year !== undefined) expect(books.ledger.year).toBe(year);
      }),
      { numRuns: 400 },
    );
  });
});

describe("textInterner", () => {
  /** The interner before the per-field functions and the row-above shortcut, as the reference. */
  function reference(limit: number) {
    const byField = new Map<string, Map<string, string> | null>();
    return (field: string, text: string): { text: string } => {
      let seen = byField.get(field);
      if (seen === null) return { text };
      if (seen === undefined) byField.set(field, (seen = new Map()));
      const hit = seen.get(text);
      if (hit !== undefined) return { text: hit };
      if (seen.size >= limit) {
        byField.set(field, null);
        return { text };
      }
      seen.set(text, text);
      return { text };
    };
  }

  test("gives the reference's texts, through the field functions or not (JS cannot see which copy a string is)", () => {
    const call = fc.tuple(fc.constantFrom<LedgerField>("summary", "account", "voucher"), fc.constantFrom("a", "b", "c", "d", "e", "中文摘要文字很长的一段说明文字"));
    fc.assert(
      fc.property(fc.array(call, { maxLength: 60 }), fc.integer({ min: 1, max: 4 }), fc.boolean(), (calls, limit, viaField) => {
        const intern = textInterner(limit);
        const ref = reference(limit);
        for (const [field, text] of calls) {
          const fresh = (" " + text).slice(1);
          const got = viaField ? intern.field(field)(fresh) : intern(field, fresh);
          const want = ref(field, text);
          expect(got).toBe(want.text);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
