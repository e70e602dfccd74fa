import type { Entry } from "../model/types";
import { resolveAccount } from "../model/accounts";
import { entryGrouper } from "./entry-key";
import { TRANSFER_KEYWORDS } from "./keywords";
import { isInternalTransfer } from "./transfer";

function row(summary: string, extra: Partial<Entry> = {}): Entry {
  return { index: 0, sheet: "明细账", row: 2, summary, income: 0, expense: 100, cells: {}, ...extra };
}

describe("entryGrouper", () => {
  it("gives alike rows one record and rows differing in any text or account another", () => {
    let made = 0;
    const groupOf = entryGrouper(() => ({ n: ++made }));
    const a = groupOf(row("春节慰问品", { account: resolveAccount("50104") }));
    expect(groupOf(row("春节慰问品", { account: resolveAccount("50104"), expense: 5, counterparty: "张三" }))).toBe(a);
    expect(groupOf(row("春节慰问品", { account: resolveAccount("50102") }))).not.toBe(a);
    expect(groupOf(row("春节慰问品", { account: resolveAccount("50104"), note: "现金" }))).not.toBe(a);
    expect(groupOf(row("春节慰问品", { account: resolveAccount("50104"), planItem: "春节慰问" }))).not.toBe(a);
    expect(groupOf(row("春节慰问品", { account: resolveAccount("职工活动支出—其他活动支出—生日慰问") }))).not.toBe(a);
    expect(groupOf(row("春节慰问品"))).not.toBe(a);
    expect(made).toBe(6);
  });

  it("reads an absent text as empty", () => {
    const groupOf = entryGrouper(() => ({}));
    expect(groupOf(row("会费", { note: "" }))).toBe(groupOf(row("会费")));
  });
});

describe("isInternalTransfer memo", () => {
  it("follows changes to TRANSFER_KEYWORDS between calls", () => {
    const e = row("资金调拨");
    expect(isInternalTransfer(e)).toBe(false);
    TRANSFER_KEYWORDS.push("资金调拨");
    try {
      expect(isInternalTransfer(e)).toBe(true);
    } finally {
      TRANSFER_KEYWORDS.pop();
    }
    expect(isInternalTransfer(e)).toBe(false);
  });

  it("reads the note as well as the summary", () => {
    expect(isInternalTransfer(row("备用金", { note: "提现" }))).toBe(true);
    expect(isInternalTransfer(row("备用金"))).toBe(false);
  });
});
