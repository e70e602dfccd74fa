import { ACCOUNT_ALIASES, CHART, accountByCode, childrenOf, resolveAccount, topLevel } from "./accounts";

describe("CHART", () => {
  it("holds the 2010 top-level accounts and the listed sub-accounts", () => {
    const codes = new Set(CHART.map((a) => a.code));
    for (const code of ["101", "102", "112", "11201", "222", "22203", "301", "331", "401", "408", "40301", "40307"]) {
      expect(codes.has(code)).toBe(true);
    }
    for (const code of ["50101", "50104", "50201", "50206", "50301", "50305", "50401", "50404", "50501", "50507", "506", "507", "508"]) {
      expect(codes.has(code)).toBe(true);
    }
    expect(accountByCode("509")?.name).toBe("职工服务支出");
    expect(accountByCode("510")?.name).toBe("对附属单位的支出");
  });

  it("has unique codes, and every sub-account's parent exists with the same kind and a prefix code", () => {
    expect(new Set(CHART.map((a) => a.code)).size).toBe(CHART.length);
    for (const a of CHART.filter((x) => x.parent)) {
      const parent = accountByCode(a.parent!);
      expect(parent).toBeDefined();
      expect(parent!.kind).toBe(a.kind);
      expect(a.code.startsWith(parent!.code)).toBe(true);
    }
  });

  it("codes match their class: 1 assets, 2 liabilities, 3 net assets, 4 income, 5 expense", () => {
    const kindByDigit: Record<string, string> = { "1": "asset", "2": "liability", "3": "netAsset", "4": "income", "5": "expense" };
    for (const a of CHART) expect(a.kind).toBe(kindByDigit[a.code[0]]);
  });

  it("every alias points at a chart account", () => {
    for (const [alias, code] of Object.entries(ACCOUNT_ALIASES)) {
      expect([alias, accountByCode(code)?.code]).toEqual([alias, code]);
    }
  });

  it("childrenOf lists the detail accounts", () => {
    expect(childrenOf("502").map((a) => a.code)).toEqual(["50201", "50202", "50203", "50204", "50205", "50206"]);
  });
});

describe("resolveAccount", () => {
  const wt = { code: "50102", name: "文体活动费", kind: "expense", path: ["职工活动支出", "文体活动费"] };

  it.each([
    "50102",
    "50102 文体活动费",
    "50102文体活动费",
    "501.02",
    "501-02 文体活动费",
    "文体活动费",
    "文体活动",
    "文体活动支出",
    "职工活动支出—文体活动",
    "职工活动支出-文体活动费",
    "职工活动支出/文体活动",
    "职工活动支出：文体活动",
    "职工活动支出——文体活动费",
    "职工活动支出 > 文体活动费",
    "501—文体活动",
    "５０１０２",
    "50102-文体活动费",
    "职工文体活动费",
  ])("%p -> 50102 文体活动费", (text) => {
    expect(resolveAccount(text)).toEqual(wt);
  });

  it("combines an account column with a sub-account column", () => {
    expect(resolveAccount("职工活动支出", "文体活动")).toEqual(wt);
    expect(resolveAccount("501", "50102")).toEqual(wt);
    expect(resolveAccount(undefined, "文体活动费")).toEqual(wt);
    expect(resolveAccount("", "50205")?.code).toBe("50205");
  });

  it("resolves aliases", () => {
    expect(resolveAccount("困难帮扶")?.code).toBe("50204");
    expect(resolveAccount("送温暖")?.code).toBe("50205");
    expect(resolveAccount("会费")?.code).toBe("401");
    expect(resolveAccount("会费收入")?.code).toBe("401");
    expect(resolveAccount("工会经费")?.code).toBe("402");
    expect(resolveAccount("行政补助")?.code).toBe("405");
    expect(resolveAccount("上级补助")?.code).toBe("403");
    expect(resolveAccount("利息收入")?.code).toBe("408");
    expect(resolveAccount("银行存款")).toEqual({ code: "102", name: "银行存款", kind: "asset", path: ["银行存款"] });
  });

  it("keeps income and expense apart: the longer alias and the 收入/支出 ending decide", () => {
    expect(resolveAccount("送温暖补助")?.code).toBe("40305");
    expect(resolveAccount("上级补助收入—送温暖补助")?.code).toBe("40305");
    expect(resolveAccount("工会经费支出")).toBeUndefined();
    expect(resolveAccount("事业")).toBeUndefined(); // 事业收入 or 事业支出: ambiguous
    expect(resolveAccount("事业支出")?.code).toBe("507");
  });

  it("finds the one child a short detail names", () => {
    expect(resolveAccount("维权支出—其他")?.code).toBe("50206");
    expect(resolveAccount("维权支出—送温暖")?.code).toBe("50205");
    expect(resolveAccount("业务支出/会议")?.code).toBe("50302");
  });

  it("a known account with an unknown detail resolves to the known account, keeping the detail in the path", () => {
    expect(resolveAccount("职工活动支出—职工集体福利")).toEqual({
      code: "501",
      name: "职工活动支出",
      kind: "expense",
      path: ["职工活动支出", "职工集体福利"],
    });
    expect(resolveAccount("职工活动支出", "生日慰问")?.path).toEqual(["职工活动支出", "生日慰问"]);
    expect(resolveAccount("501 职工集体福利")?.path).toEqual(["职工活动支出", "职工集体福利"]);
    expect(resolveAccount("职工活动支出—文体活动费—篮球赛")?.path).toEqual(["职工活动支出", "文体活动费", "篮球赛"]);
  });

  it("local welfare details alone resolve under 职工活动支出", () => {
    expect(resolveAccount("职工集体福利")).toEqual({
      code: "501",
      name: "职工活动支出",
      kind: "expense",
      path: ["职工活动支出", "职工集体福利"],
    });
  });

  it("uses a later level when the first one is not an account", () => {
    expect(resolveAccount("经费支出—文体活动")?.code).toBe("50102");
  });

  it("a code wins over a conflicting name in the same cell", () => {
    expect(resolveAccount("501 会费收入")?.code).toBe("501");
  });

  it.each([undefined, "", "   ", "杂项", "999", "50199", "ABC", "买东西"])("%p is unknown", (text) => {
    expect(resolveAccount(text)).toBeUndefined();
  });
});

describe("topLevel", () => {
  it("gives the 3-digit parent, or the account itself", () => {
    expect(topLevel(resolveAccount("50204")!).code).toBe("502");
    expect(topLevel(resolveAccount("40305")!).name).toBe("上级补助收入");
    expect(topLevel(resolveAccount("职工活动支出—职工集体福利")!).code).toBe("501");
    expect(topLevel(resolveAccount("509")!).code).toBe("509");
  });
});
