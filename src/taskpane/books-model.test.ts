import { sheet } from "../../test/helpers/table";
import {
  UNMAPPED,
  columnLetter,
  columnOptions,
  sameChoices,
  visibleLedgerFields,
  withLedgerColumn,
  withLedgerSheets,
  withPlanColumn,
  withPlanSheet,
} from "./books-model";

describe("columnLetter", () => {
  it.each([
    [1, "A"],
    [26, "Z"],
    [27, "AA"],
    [52, "AZ"],
    [703, "AAA"],
  ])("%i -> %s", (n, letters) => expect(columnLetter(n)).toBe(letters));

  it("gives nothing for column 0", () => expect(columnLetter(0)).toBe(""));
});

describe("columnOptions", () => {
  it("labels each column with its header text, offset by the sheet origin", () => {
    const s = sheet(
      "明细账",
      [
        ["2025年经费收支明细账", null, null, null],
        ["日期", "摘要", "金额", null],
        [null, null, "借方", "贷方"],
        ["2025-01-05", "会费", 1200, null],
      ],
      { origin: { row: 3, column: 2 } },
    );
    expect(columnOptions(s, [4, 5])).toEqual([
      { column: 2, letter: "B", label: "日期" },
      { column: 3, letter: "C", label: "摘要" },
      { column: 4, letter: "D", label: "金额 / 借方" },
      { column: 5, letter: "E", label: "贷方" },
    ]);
  });

  it("is empty when the sheet is unknown", () => expect(columnOptions(undefined, [1])).toEqual([]));
});

describe("visibleLedgerFields", () => {
  it("lists the common fields plus every mapped one, in ledger order", () => {
    const fields = visibleLedgerFields({ month: 1, day: 2, summary: 3, note: 9 }, false);
    expect(fields.slice(0, 4)).toEqual(["date", "month", "day", "voucher"]);
    expect(fields).toContain("note");
    expect(fields).not.toContain("memberId");
  });

  it("lists all fields when asked", () => expect(visibleLedgerFields({}, true)).toHaveLength(21));
});

describe("editing the reading choices", () => {
  const detected = { planSheet: "预算", ledgerSheets: ["明细账", "银行日记账"] };

  it("a new plan sheet drops the old plan's column overrides and leaves the ledger list without it", () => {
    const next = withPlanSheet({ planColumns: { budget: 4 } }, detected, "银行日记账");
    expect(next).toEqual({ roles: { planSheet: "银行日记账", ledgerSheets: ["明细账"] } });
  });

  it("choosing the same plan sheet changes nothing", () => {
    const choices = { planColumns: { budget: 4 } };
    expect(withPlanSheet(choices, detected, "预算")).toBe(choices);
  });

  it("ledger sheets no longer read lose their overrides; a plan sheet picked as ledger stops being the plan", () => {
    const start = withLedgerColumn(withLedgerColumn({}, "明细账", "summary", 3), "银行日记账", "date", 1);
    const next = withLedgerSheets({ ...start, planColumns: { budget: 2 } }, detected, ["银行日记账", "预算"]);
    expect(next).toEqual({
      roles: { planSheet: undefined, ledgerSheets: ["银行日记账", "预算"] },
      ledgerColumns: { 银行日记账: { date: 1 } },
    });
  });

  it("column overrides accumulate per sheet and field; UNMAPPED removes a field", () => {
    let c = withLedgerColumn({}, "明细账", "summary", 3);
    c = withLedgerColumn(c, "明细账", "note", UNMAPPED);
    c = withPlanColumn(c, "budget", 5);
    expect(c).toEqual({ ledgerColumns: { 明细账: { summary: 3, note: 0 } }, planColumns: { budget: 5 } });
  });

  it("sameChoices ignores key order and undefined keys, not values", () => {
    expect(sameChoices({ planColumns: { budget: 1, note: 2 } }, { planColumns: { note: 2, budget: 1 }, roles: undefined })).toBe(true);
    expect(sameChoices({ planColumns: { budget: 1 } }, { planColumns: { budget: 2 } })).toBe(false);
    expect(sameChoices(undefined, {})).toBe(true);
  });
});
