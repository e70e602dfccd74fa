/** The period texts the 报表 tab builds are read back by the core's parser as the period meant. */
import { parsePeriod } from "../../core/model/period";
import { chosenKinds, periodOf, periodText, toggleReport, REPORT_CHOICES, type PeriodChoice } from "./ReportsPeriod";

describe("report period choice", () => {
  const cases: [PeriodChoice, string, string, string][] = [
    [{ kind: "year", year: "2025", index: 1 }, "2025-01-01", "2025-12-31", "2025年"],
    [{ kind: "h1", year: "2025", index: 1 }, "2025-01-01", "2025-06-30", "2025年上半年"],
    [{ kind: "h2", year: "2025", index: 1 }, "2025-07-01", "2025-12-31", "2025年下半年"],
    [{ kind: "quarter", year: "2025", index: 3 }, "2025-07-01", "2025-09-30", "2025年第三季度"],
    [{ kind: "month", year: "2024", index: 2 }, "2024-02-01", "2024-02-29", "2024年2月"],
    [{ kind: "ytd", year: "2025", index: 9 }, "2025-01-01", "2025-09-30", "2025年1-9月"],
  ];
  it.each(cases)("%j -> %s..%s", (choice, start, end, label) => {
    const text = periodText(choice);
    expect(text).toBeDefined();
    const p = parsePeriod(text!);
    expect(p).toMatchObject({ start, end, label });
    expect(periodOf(choice)).toEqual(p);
  });

  it("gives no text for a year that is not four digits", () => {
    expect(periodText({ kind: "year", year: "25", index: 1 })).toBeUndefined();
    expect(periodText({ kind: "year", year: "", index: 1 })).toBeUndefined();
  });

  it("keeps a detail only with its summary", () => {
    let chosen = new Set(REPORT_CHOICES);
    chosen = toggleReport(chosen, "hardship", false);
    expect(chosen.has("hardshipDetail")).toBe(false);
    chosen = toggleReport(chosen, "hardshipDetail", true);
    expect(chosen.has("hardship")).toBe(true);
    expect([...chosenKinds(new Set(["budget", "welfareDetail"] as const))].sort()).toEqual(["budget-execution", "welfare-detail"]);
  });
});
