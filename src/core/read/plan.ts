/**
 * The plan (工作计划/经费预算) sheet -> budget lines.
 *
 * Lines are income or expense by a 收/支 column, by section rows ("一、收入", "支出预算"), or by the account's
 * kind. Section, 小计/合计, 上年结余 and 结余 rows are not lines; stated totals are checked against the lines
 * (`plan-subtotal-mismatch`). A line whose account has child lines below it ("职工活动支出" over "文体活动费",
 * "职工教育费", or over plan items) is a group total, not a line, so nothing is budgeted twice.
 */
import type { AccountRef, CellValue, Finding, Plan, PlanField, PlanKind, PlanLine, SourceRef } from "../model/types";
import { formatYuan, isExcelError, parseMoney } from "../model/money";
import { parseDate, yearFromTitle } from "../model/dates";
import { resolveAccount } from "../model/accounts";
import { sourceRef } from "../model/a1";
import { finding } from "./findings";
import { cellText, isBlank, type Grid } from "./grid";
import { classifyPlanLabel, directionOf, stripNumbering } from "./keywords";

export interface PlanSheetInput {
  grid: Grid;
  columns: Partial<Record<PlanField, number>>;
  labels: Partial<Record<PlanField, string>>;
  headerRows: number[];
  dataStart: number;
  confidence: number;
}

interface StatedTotal {
  label: string;
  amount: number;
  ref: SourceRef;
  kind?: PlanKind;
  /** Line indexes (into the raw line list) the total may cover: since the last total, the section, all. */
  since: number;
  sectionStart: number;
  end: number;
}

const MONEY_FIELDS = ["budget", "adjustment", "adjustedBudget"] as const;

function isErrorValue(v: CellValue): v is string {
  return typeof v === "string" && v.length > 1 && isExcelError(v);
}

export function readPlanSheet(input: PlanSheetInput): { plan: Plan; findings: Finding[] } {
  const { grid, columns } = input;
  const sheet = grid.name;
  const findings: Finding[] = [];
  const col = (f: PlanField) => columns[f];
  const at = (row: number, f: PlanField): SourceRef => sourceRef(sheet, row, col(f)!);
  const value = (row: number, f: PlanField): CellValue => {
    const c = col(f);
    return c ? grid.get(row, c) : null;
  };

  // Title rows: year and union name.
  const titleTexts: string[] = [];
  const firstHeaderRow = input.headerRows[0] ?? input.dataStart;
  for (let r = grid.top; r < firstHeaderRow; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const v = grid.get(r, c);
      if (typeof v === "string" && v.trim()) titleTexts.push(v.trim());
    }
  }
  let year: number | undefined;
  for (const t of titleTexts) if ((year = yearFromTitle(t))) break;
  year ??= yearFromTitle(sheet);
  const unionName = unionNameFrom(titleTexts);

  const lines: PlanLine[] = [];
  const stated: StatedTotal[] = [];
  const sectionTotals: { total: StatedTotal; open: boolean }[] = [];
  let openingBalance: number | undefined;
  let currentKind: PlanKind | undefined;
  let sectionStart = 0;
  let since = 0;
  let lastCategory: string | undefined;
  /** The last row naming a category without amounts, or the last line with a resolved account. */
  let context: { text: string; account?: AccountRef } | undefined;
  let memberCount = memberCountIn(grid);
  const labelColumns = (["category", "planItem", "subCategory"] as const).map((f) => col(f)).filter((c): c is number => !!c);
  const firstMoneyCol = Math.min(...MONEY_FIELDS.map((f) => col(f) ?? Infinity));

  const closeSections = () => {
    for (const s of sectionTotals) if (s.open) {
      s.total.end = lines.length;
      s.open = false;
    }
  };

  for (let row = input.dataStart; row <= grid.bottom; row++) {
    const text = (f: PlanField) => {
      const v = value(row, f);
      return v === null || isErrorValue(v) ? "" : cellText(v);
    };
    // Every mapped cell with an Excel error is reported.
    let anyValue = false;
    for (const [f, c] of Object.entries(columns) as [PlanField, number][]) {
      const v = grid.get(row, c);
      if (!isBlank(v)) anyValue = true;
      if (isErrorValue(v)) findings.push(finding("error-cell", [sourceRef(sheet, row, c)], { value: v.trim(), column: input.labels[f] ?? f }));
    }
    // Labels may sit in an unmapped column left of the money (a merged "一、收入" across the label columns).
    let rowLabel = "";
    for (const c of labelColumns) {
      const v = grid.get(row, c);
      if (typeof v === "string" && v.trim()) { rowLabel = v.trim(); break; }
    }
    if (!rowLabel) {
      for (let c = grid.left; c < Math.min(firstMoneyCol, grid.right + 1); c++) {
        const v = grid.get(row, c);
        if (typeof v === "string" && v.trim()) { rowLabel = v.trim(); anyValue = true; break; }
      }
    }
    if (!anyValue) continue;

    const money: Partial<Record<(typeof MONEY_FIELDS)[number], number>> = {};
    let failed = false;
    for (const f of MONEY_FIELDS) {
      if (!col(f)) continue;
      const v = value(row, f);
      if (isErrorValue(v)) { failed = true; continue; }
      const p = parseMoney(v);
      if (p.ok) { if (!p.empty) money[f] = p.fen; }
      else {
        failed = true;
        findings.push(finding("unparseable-amount", [at(row, f)], { value: p.raw, column: input.labels[f] ?? f, reason: p.reason }));
      }
    }
    const hasMoney = Object.keys(money).length > 0;
    const statedAmount = money.adjustedBudget ?? money.budget;
    const statedRef = money.adjustedBudget !== undefined ? at(row, "adjustedBudget") : money.budget !== undefined ? at(row, "budget") : undefined;

    const cls = rowLabel ? classifyPlanLabel(rowLabel) : undefined;
    if (cls?.type === "section") {
      closeSections();
      currentKind = cls.kind;
      sectionStart = lines.length;
      since = lines.length;
      context = undefined;
      lastCategory = undefined;
      if (statedAmount !== undefined && statedRef) {
        const total: StatedTotal = { label: rowLabel, amount: statedAmount, ref: statedRef, kind: cls.kind, since: lines.length, sectionStart: lines.length, end: lines.length };
        stated.push(total);
        sectionTotals.push({ total, open: true });
      }
      continue;
    }
    if (cls?.type === "total") {
      if (statedAmount !== undefined && statedRef) {
        stated.push({ label: rowLabel, amount: statedAmount, ref: statedRef, kind: cls.kind ?? currentKind, since, sectionStart, end: lines.length });
      }
      since = lines.length;
      continue;
    }
    if (cls?.type === "opening") {
      if (statedAmount !== undefined) openingBalance = statedAmount;
      continue;
    }
    if (cls?.type === "closing") continue;
    if (/^(会员人数|会员总数|职工人数|职工总数|会员数)/.test(rowLabel)) {
      memberCount ??= statedAmount !== undefined ? Math.round(statedAmount / 100) : undefined;
      continue;
    }

    const categoryCell = text("category");
    const planItemCell = text("planItem");
    const subCell = text("subCategory");
    if (!hasMoney && !failed) {
      // A heading without amounts ("（一）职工活动支出"): lines below belong to it.
      const heading = stripNumbering(categoryCell || planItemCell || subCell || rowLabel);
      if (heading) context = { text: heading, account: resolveAccount(heading) };
      if (categoryCell) lastCategory = stripNumbering(categoryCell);
      if (context?.account && (context.account.kind === "income" || context.account.kind === "expense")) currentKind ??= context.account.kind;
      continue;
    }

    let category = categoryCell ? stripNumbering(categoryCell) : undefined;
    let planItem = planItemCell ? stripNumbering(planItemCell) : undefined;
    const subCategory = subCell ? stripNumbering(subCell) : undefined;
    if (category) lastCategory = category;
    else if (planItem && col("category")) category = lastCategory ?? context?.text; // vertically merged category cell
    if (!col("category") && !category && planItem) {
      // No category column: a plan item that names an account is the category itself.
      if (resolveAccount(planItem)) { category = planItem; planItem = undefined; }
      else if (context) category = context.text;
    }
    if (!category && !planItem && !subCategory && rowLabel) category = stripNumbering(rowLabel);

    const kindText = text("kind");
    const dir = kindText ? directionOf(kindText) : undefined;
    const explicitKind: PlanKind | undefined = dir ? (dir === "in" ? "income" : "expense") : currentKind;
    let account = category ? resolveAccount(category, subCategory) : undefined;
    const contextFits = context?.account && (explicitKind === undefined || explicitKind === context.account.kind);
    if (category && !account && !planItem && contextFits && context?.account) {
      // "春节慰问" under "职工活动支出": a plan item of the category above.
      planItem = category;
      category = context.text;
      account = subCategory ? resolveAccount(category, subCategory) ?? context.account : context.account;
    }

    let kind: PlanKind | undefined = explicitKind;
    if (!kind && account && (account.kind === "income" || account.kind === "expense")) kind = account.kind;
    const labelForKind = `${category ?? ""}${planItem ?? ""}`;
    if (!kind && /收入/.test(labelForKind)) kind = "income";
    if (!kind && /支出|费/.test(labelForKind)) kind = "expense";
    const line: PlanLine = {
      index: lines.length,
      sheet,
      row,
      kind: kind ?? "expense",
      label: planItem ?? subCategory ?? category ?? "",
      budget: money.budget ?? 0,
      adjustedBudget: 0,
      cells: {},
    };
    if (!kind) {
      findings.push(finding("plan-kind-unknown", [sourceRef(sheet, row, labelColumns[0] ?? grid.left)], { label: line.label }));
    }
    if (category) line.category = category;
    if (subCategory) line.subCategory = subCategory;
    if (planItem) line.planItem = planItem;
    if (account) line.account = account;
    if (money.adjustment !== undefined) line.adjustment = money.adjustment;
    line.adjustedBudget = money.adjustedBudget ?? line.budget + (money.adjustment ?? 0);
    const note = text("note");
    if (note) line.note = note;
    if (col("approvalDate")) {
      const v = value(row, "approvalDate");
      if (!isErrorValue(v)) {
        const p = parseDate(v, { numberFormat: grid.numberFormat(row, col("approvalDate")!), defaultYear: year });
        if (p.ok && !p.empty) line.approvalDate = p.iso;
        else if (!p.ok) findings.push(finding("unparseable-date", [at(row, "approvalDate")], { value: p.raw, reason: p.reason }));
      }
    }
    for (const [f, c] of Object.entries(columns) as [PlanField, number][]) line.cells[f] = sourceRef(sheet, row, c);
    lines.push(line);
    // A line with an expense account can head the free-text plan items below it ("职工活动支出" over
    // "春节慰问"); income lines do not carry plan items, so they never capture the rows below.
    if (account && !planItem) context = account.kind === "expense" ? { text: category ?? line.label, account } : undefined;
  }
  closeSections();

  const groups = markGroups(lines);
  for (const g of groups) {
    const parent = lines[g.parent];
    const sum = g.children.reduce((s, i) => s + lines[i].adjustedBudget, 0);
    if (sum !== parent.adjustedBudget) {
      const cell = parent.cells.adjustedBudget ?? parent.cells.budget ?? sourceRef(sheet, parent.row, grid.left);
      findings.push(finding("plan-subtotal-mismatch", [cell], {
        label: parent.label, stated: formatYuan(parent.adjustedBudget), computed: formatYuan(sum),
      }));
    }
  }
  const isGroup = new Set(groups.map((g) => g.parent));
  const sumRange = (from: number, to: number, kind?: PlanKind) => {
    let s = 0;
    for (let i = from; i < to; i++) if (!isGroup.has(i) && (!kind || lines[i].kind === kind)) s += lines[i].adjustedBudget;
    return s;
  };
  for (const t of stated) {
    const candidates = [
      sumRange(t.since, t.end, t.kind),
      sumRange(t.sectionStart, t.end, t.kind),
      sumRange(0, t.end, t.kind),
      sumRange(t.since, t.end),
      sumRange(0, t.end, "income"),
      sumRange(0, t.end, "expense"),
    ];
    if (!candidates.includes(t.amount)) {
      findings.push(finding("plan-subtotal-mismatch", [t.ref], {
        label: t.label, stated: formatYuan(t.amount), computed: formatYuan(t.kind ? candidates[1] : candidates[3]),
      }));
    }
  }

  const kept = lines.filter((_, i) => !isGroup.has(i));
  kept.forEach((l, i) => (l.index = i));
  if (year === undefined) {
    const dated = kept.find((l) => l.approvalDate);
    if (dated) year = Number(dated.approvalDate!.slice(0, 4));
  }
  const plan: Plan = {
    sheet,
    lines: kept,
    mapping: { sheet, headerRows: input.headerRows, columns, labels: input.labels, confidence: input.confidence },
  };
  if (openingBalance !== undefined) plan.openingBalance = openingBalance;
  if (year !== undefined) plan.year = year;
  if (unionName) plan.unionName = unionName;
  if (memberCount !== undefined) plan.memberCount = memberCount;
  return { plan, findings };
}

/** Lines whose account has contiguous descendant lines right below them are group totals. */
function markGroups(lines: PlanLine[]): { parent: number; children: number[] }[] {
  const groups: { parent: number; children: number[] }[] = [];
  const grouped = new Set<number>();
  // From the bottom up, so an inner group is known before the group around it sums its leaves.
  for (let i = lines.length - 1; i >= 0; i--) {
    const p = lines[i];
    if (!p.account || p.planItem) continue;
    const children: number[] = [];
    for (let j = i + 1; j < lines.length; j++) {
      const c = lines[j];
      const isChild = c.kind === p.kind && c.account && c.account.code.startsWith(p.account.code)
        && (c.account.code !== p.account.code || !!c.planItem || c.account.path.length > p.account.path.length);
      if (!isChild) break;
      if (!grouped.has(j)) children.push(j);
    }
    if (children.length > 0) {
      groups.push({ parent: i, children });
      grouped.add(i);
    }
  }
  return groups;
}

/** "XX公司工会2025年经费预算" -> "XX公司工会"; "编制单位：XX工会委员会" -> "XX工会委员会". */
function unionNameFrom(texts: string[]): string | undefined {
  for (const raw of texts) {
    const s = raw.normalize("NFKC").replace(/\s+/g, "").replace(/^(编制单位|填报单位|单位名称|单位)[:：]/, "")
      .replace(/^\d{4}年度?/, "");
    const m = /^(.+?工会(?:委员会|联合会)?)/.exec(s);
    if (m && m[1].length > 2 && !/^(工会|年度|\d)/.test(m[1])) return m[1];
  }
  return undefined;
}

/** "会员人数：120" in one cell, or "会员人数" with the number in the next cell to the right. */
function memberCountIn(grid: Grid): number | undefined {
  const lastRow = Math.min(grid.bottom, grid.top + 500);
  for (let r = grid.top; r <= lastRow; r++) {
    for (let c = grid.left; c <= grid.right; c++) {
      const v = grid.get(r, c);
      if (typeof v !== "string" || !/会员(人数|总数|数)|职工(人数|总数)/.test(v)) continue;
      const inText = /(?:人数|总数|会员数)\s*[:：为]?\s*(\d+)\s*人?/.exec(v.normalize("NFKC"));
      if (inText) return Number(inText[1]);
      for (let k = c + 1; k <= Math.min(grid.right, c + 3); k++) {
        const n = grid.get(r, k);
        if (typeof n === "number" && Number.isInteger(n) && n > 0) return n;
        if (typeof n === "string" && /^\s*\d+\s*人?\s*$/.test(n)) return Number(n.replace(/\D/g, ""));
        if (!isBlank(n)) break;
      }
    }
  }
  return undefined;
}
