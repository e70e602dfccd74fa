import { runChecks } from "../engine";
import { books, yuan, type BooksSpec } from "../testing";

function check(rule: string, spec: BooksSpec) {
  return runChecks(books(spec), { tiers: [], enable: [rule] }).findings.filter((f) => f.rule === rule || f.rule === "internal-error");
}
const aid = (summary: string, extra = {}) => ({ date: "2025-01-15", summary, expense: yuan(2000), ...extra });

describe("hardship-aid-no-recipient", () => {
  test("aid with neither a name nor a member id", () => {
    const f = check("hardship-aid-no-recipient", { entries: [aid("困难职工生活救助"), aid("困难职工生活救助", { counterparty: "王五" })] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "error", params: { type: "living", amount: "2,000.00" } });
    expect(f[0].locations[0].address).toBe("H2");
  });
});

describe("hardship-aid-not-by-transfer", () => {
  test("aid paid in cash", () => {
    const f = check("hardship-aid-not-by-transfer", { entries: [aid("困难职工医疗救助", { counterparty: "王五", paymentMethod: "现金" }), aid("困难职工医疗救助", { counterparty: "赵六", paymentMethod: "银行转账" })] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { type: "medical", method: "现金" } });
    expect(f[0].locations[0].address).toBe("J2");
  });
  test("no payment method: not guessed", () => {
    expect(check("hardship-aid-not-by-transfer", { entries: [aid("困难职工医疗救助", { counterparty: "王五" })] })).toEqual([]);
  });
});

describe("hardship-aid-no-approval", () => {
  test("checked when the ledger has an approval column", () => {
    const f = check("hardship-aid-no-approval", { entries: [aid("金秋助学", { counterparty: "王五" }), aid("金秋助学", { counterparty: "赵六", approval: "审-3" })] });
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ severity: "warning", params: { type: "education" } });
    expect(f[0].locations[0].address).toBe("L2");
  });
  test("skipped when the ledger has no approval column", () => {
    expect(check("hardship-aid-no-approval", { entries: [aid("金秋助学", { counterparty: "王五" })] })).toEqual([]);
  });
});
