import { sampleBooks, yuan } from "../reports/testing";
import { renderAll } from "./all";
import { renderBudgetExecution } from "./budget-execution";
import { budgetExecution } from "../reports/budget-execution";
import { hardshipSummary } from "../reports/hardship";
import { welfareSummary } from "../reports/welfare";
import { disclosureModel, type DisclosureSettings } from "../reports/disclosure";
import { yearPeriod } from "../model/period";
import type { SheetModel } from "./sheet-model";
import type { Books } from "../model/types";

const Y = yearPeriod(2025);
const SETTINGS: DisclosureSettings = {
  unionName: "示例公司工会",
  preparedDate: "2026-01-15",
  signatories: { chair: "赵主席", auditChair: "钱主任", accountant: "孙会计", preparer: "周制表" },
  objectionDays: 7,
  objectionChannel: "工会办公室",
  reviewStatement: "经审查，账目清楚，收支合规。",
};
const CTX = { packName: "全国默认", caps: { festival: yuan(100), birthday: yuan(300), sickness: yuan(400) } };

function cellTexts(sheet: SheetModel): string[] {
  return sheet.rows.flat().map((c) => String(c.v ?? ""));
}

/** Names, member numbers and reason words of every hardship payment in the books (and named welfare). */
function secretsOf(books: Books): string[] {
  const h = hardshipSummary(books, Y);
  const secrets = new Set<string>();
  for (const d of h.detail) {
    if (d.recipient) secrets.add(d.recipient);
    if (d.memberId) secrets.add(d.memberId);
    secrets.add(d.summary);
  }
  return [...secrets].filter((s) => s.length >= 2);
}

function cellAt(sheet: SheetModel, a1: string): string | number | null | undefined {
  const m = /^([A-Z]+)(\d+)$/.exec(a1)!;
  const col = m[1].charCodeAt(0) - 64;
  return sheet.rows[Number(m[2]) - 1]?.[col - 1]?.v;
}

describe("renderAll on the sample books", () => {
  const result = renderAll(sampleBooks(), Y, SETTINGS, CTX);
  const byKind = Object.fromEntries(result.sheets.map((s) => [s.kind, s]));

  it("produces every sheet, the disclosure included", () => {
    expect(result.refused).toBeUndefined();
    expect(result.sheets.map((s) => s.name)).toEqual(["预算执行情况", "经费收支公开表", "困难帮扶汇总", "福利慰问汇总", "困难帮扶明细（内部）", "福利慰问明细（内部）"]);
  });

  it("matches the golden sheets", () => {
    for (const sheet of result.sheets) expect(sheet).toMatchSnapshot(sheet.name);
  });

  it("is deterministic", () => {
    expect(renderAll(sampleBooks(), Y, SETTINGS, CTX)).toEqual(result);
  });

  it("marks internal sheets by name, flag and title row, and only them", () => {
    for (const s of result.sheets) {
      expect(s.internal).toBe(s.name.includes("内部"));
      if (s.internal) expect(s.rows[0][0].v).toBe("内部资料 不得公开");
      expect(s.name.length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[[\]:*?/\\]/);
      expect(s.print).toMatchObject({ paper: "A4", fitToPagesWide: 1, pageNumbers: true });
      expect(s.print!.repeatRows).toBe(`1:${s.freezeRows}`);
    }
  });

  it("writes money as yuan numbers under the money format and ratios under a percent format", () => {
    const cells = result.sheets.flatMap((s) => s.rows.flat());
    for (const c of cells.filter((x) => x.fmt === "#,##0.00")) expect(typeof c.v === "number" || c.v === null).toBe(true);
    const disclosure = byKind["disclosure"];
    const closingRow = disclosure.rows.find((r) => r[0]?.v === "期末结余")!;
    expect(closingRow[1]).toEqual({ v: 53700, fmt: "#,##0.00", style: "total" });
    const be = byKind["budget-execution"];
    const capital = be.rows.find((r) => r[0]?.v === "资本性支出")!;
    expect(capital[6]).toEqual({ v: 1.36, fmt: "0.0%", style: "label" });
    expect(capital[8].v).toBe("超预算");
  });

  it("charts execution by category over the rows that hold it", () => {
    const be = byKind["budget-execution"];
    const chart = be.charts![0];
    const [from, to] = chart.categories.split(":");
    expect(cellAt(be, from)).toBe("职工活动支出");
    expect(cellAt(be, to)).toBe("资本性支出");
    expect(cellAt(be, chart.series[0].values.split(":")[0])).toBeCloseTo(0.5607, 4);
  });

  it("keeps every hardship recipient's name, member number and reason off every public sheet", () => {
    const secrets = [...secretsOf(sampleBooks()), "张三", "M001", "金秋助学", "大病", "子女"];
    expect(secrets).toEqual(expect.arrayContaining(["李四", "王五", "M002", "M003", "李四子女金秋助学"]));
    for (const sheet of result.sheets.filter((s) => !s.internal)) {
      for (const cell of cellTexts(sheet)) for (const secret of secrets) expect(`${sheet.name}: ${cell}`).not.toContain(secret);
    }
    // The scan can fail: the internal detail sheet does hold them.
    expect(cellTexts(byKind["hardship-detail"]).join("|")).toContain("李四");
  });

  it("lists hardship among large items only as an aggregate", () => {
    expect(cellTexts(byKind["disclosure"])).toContain("困难职工帮扶（汇总，1笔）");
  });
});

describe("renderAll when the books do not reconcile", () => {
  it("leaves the disclosure out and says by how much", () => {
    const b = sampleBooks();
    b.ledger.entries[7] = { ...b.ledger.entries[7], expense: yuan(3100) };
    const r = renderAll(b, Y, SETTINGS, CTX);
    expect(r.sheets.map((s) => s.kind)).not.toContain("disclosure");
    expect(r.sheets).toHaveLength(5);
    expect(r.refused).toMatchObject({ reason: "not-reconciled", difference: yuan(100) });
    expect(r.refused!.message).toContain("相差 100.00 元");
    expect(r.refused!.fix).toContain("明细账!G16");
  });
});

describe("each renderer on its own", () => {
  it("renders models straight from the builders", () => {
    const b = sampleBooks();
    expect(budgetExecution(b, Y)).toMatchSnapshot("budget-execution model");
    expect(hardshipSummary(b, Y)).toMatchSnapshot("hardship model");
    expect(welfareSummary(b, Y, CTX.caps)).toMatchSnapshot("welfare model");
    expect(disclosureModel(b, Y, SETTINGS, CTX)).toMatchSnapshot("disclosure model");
    const sheet = renderBudgetExecution(budgetExecution(b, Y), { lang: "en" });
    expect(sheet.name).toBe("Budget execution");
  });
});
