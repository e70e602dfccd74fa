/** running-balance around rows whose amount could not be read (Entry.unreadable). */
import { runChecks } from "../engine";
import { books, yuan, type BooksSpec, type EntrySpec } from "../testing";

function check(spec: BooksSpec) {
  return runChecks(books(spec), { tiers: [], enable: ["running-balance"] }).findings.filter((f) => f.rule === "running-balance" || f.rule === "internal-error");
}
const out = (expense: number, balance: number | undefined, extra: EntrySpec = {}): EntrySpec =>
  ({ date: "2025-01-05", summary: "支出", expense: yuan(expense), ...(balance === undefined ? {} : { balance: yuan(balance) }), ...extra });
/** What the reader gives for "1,2O0.00" in the 支出 cell: no amount, and the field named unreadable. */
const unreadableOut = (balance: number | undefined): EntrySpec => ({ ...out(0, balance), unreadable: ["expense"] });

describe("running-balance with an unreadable amount", () => {
  test("the row is not reported and the run restarts from its printed balance", () => {
    // 100 -10 -> 90, unreadable (really 12) -> 78 printed, -8 -> 70.
    expect(check({ opening: { amount: yuan(100) }, entries: [out(10, 90), unreadableOut(78), out(8, 70)] })).toEqual([]);
  });
  test("a real break after the unreadable row is still found, against the re-synchronised balance", () => {
    const f = check({ opening: { amount: yuan(100) }, entries: [out(10, 90), unreadableOut(78), out(8, 71), out(1, 70)] });
    expect(f.map((x) => [x.locations[0].address, x.params.expected])).toEqual([["G4", "70.00"]]);
  });
  test("with its balance unreadable too, the next printed balance is taken as given", () => {
    const f = check({ opening: { amount: yuan(100) }, entries: [out(10, 90), { ...unreadableOut(undefined), unreadable: ["expense", "balance"] }, out(8, 50), out(5, 45)] });
    expect(f).toEqual([]);
  });
  test("an unreadable balance alone hides nothing: the amounts still carry the run", () => {
    const f = check({ opening: { amount: yuan(100) }, entries: [out(10, 90), { ...out(10, undefined), unreadable: ["balance"] }, out(10, 71)] });
    expect(f.map((x) => [x.locations[0].address, x.params.expected])).toEqual([["G4", "70.00"]]);
  });
  test("without the unreadable mark the same rows are reported (the mark is what makes the difference)", () => {
    const f = check({ opening: { amount: yuan(100) }, entries: [out(10, 90), out(0, 78), out(8, 70)] });
    expect(f.map((x) => x.locations[0].address)).toEqual(["G3"]);
  });
});
