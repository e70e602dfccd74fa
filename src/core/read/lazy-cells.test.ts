import { cellsFactory } from "./lazy-cells";

describe("lazy cells", () => {
  const make = cellsFactory("明细账", [{ field: "date", column: 1, letters: "A" }, { field: "expense", column: 6, letters: "F" }]);

  test("each mapped field is the right SourceRef for the row; unmapped fields are absent", () => {
    const c = make(123);
    expect(c.expense).toEqual({ sheet: "明细账", row: 123, column: 6, address: "F123" });
    expect(c.date?.address).toBe("A123");
    expect(c.summary).toBeUndefined();
    expect("expense" in c).toBe(true);
    expect("summary" in c).toBe(false);
    expect(make(7).expense?.address).toBe("F7");
  });

  test("for...in and JSON see the mapped fields; assignment overrides one field of one row only", () => {
    const c = make(5);
    const keys: string[] = [];
    for (const k in c) keys.push(k);
    expect(keys.sort()).toEqual(["date", "expense"]);
    expect(JSON.parse(JSON.stringify(c))).toEqual({ date: { sheet: "明细账", row: 5, column: 1, address: "A5" }, expense: { sheet: "明细账", row: 5, column: 6, address: "F5" } });
    c.expense = { sheet: "明细账", row: 5, column: 7, address: "G5" };
    expect(c.expense.address).toBe("G5");
    expect(make(5).expense?.address).toBe("F5");
  });
});
