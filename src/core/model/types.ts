/**
 * The shapes every part of the add-in shares. Pure data: no Office, React, Node or DOM here.
 *
 * Glossary where English code meets the Chinese books:
 *   收入 income · 支出 expenditure/expense · 预算 budget · 调整后预算 adjusted budget · 摘要 summary (narration)
 *   凭证号 voucher number · 科目 account · 余额 balance · 借方/贷方 debit/credit · 困难帮扶 hardship aid
 *   慰问 condolence/welfare visit · 福利 welfare · 公开 disclosure · 经审会 fund-review committee
 *   本月合计 month total · 本年累计 year-to-date total · 承前页/过次页 brought/carried forward
 */

/** Money is always an integer number of fen (分). Never a float of yuan. */
export type Fen = number;

/** One cell value as a workbook gives it: Excel returns dates as serial numbers, errors as "#REF!" text. */
export type CellValue = string | number | boolean | null;

/**
 * A sheet's rows made on demand, for a host that keeps a big sheet more compactly than one array per row (the
 * command line's CSV reader on a million rows): `row(i)` is what `values[i]` would be. The reader reads each
 * data row once, so the row arrays are short-lived instead of all alive at once next to the books.
 */
export interface RowSource {
  /** Number of rows (values.length). */
  readonly length: number;
  /** Longest row's length (the used range's width); a source may count it on first use. */
  readonly width: number;
  /** A fresh array for row `index` (0-based, like values), or undefined outside 0..length-1. */
  row(index: number): CellValue[] | undefined;
}

/** A plain copy of one worksheet's used range. */
export interface SheetSnapshot {
  name: string;
  /** values[r][c]; values[0][0] is the cell at `origin` (A1 when origin is absent). */
  values: CellValue[][];
  /** When present, the rows come from here and `values` is ignored (see RowSource). */
  rows?: RowSource;
  /** 1-based row and column of values[0][0]; defaults to {row: 1, column: 1}. */
  origin?: { row: number; column: number };
  /** Same shape as values, when the host can give them; lets the reader tell a date serial from a number. */
  numberFormats?: string[][];
  /** Merged areas in A1 notation relative to the sheet ("A1:F1"). */
  merges?: string[];
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
}

/** Where a value came from: 1-based row and column on a named sheet, and the cell's A1 address ("F123"). */
export interface SourceRef {
  sheet: string;
  row: number;
  column: number;
  address: string;
}

export type Severity = "error" | "warning" | "info";

/**
 * A finding is a value, never an exception. Words come later, at the edge, from the i18n catalogue keyed by
 * `rule` (message and fix), filled with `params`.
 */
export interface Finding {
  rule: string;
  severity: Severity;
  params: Record<string, string | number>;
  locations: SourceRef[];
  /** Optional i18n key of a specific fix; when absent the rule's default fix text is used. */
  fix?: string;
}

/** The logical fields a ledger or plan column can be mapped to. */
export type LedgerField =
  | "date" // 日期 (a full date in one cell)
  | "year" // 年 (rare: a year column)
  | "month" // 月
  | "day" // 日
  | "voucher" // 凭证号 / 凭证字号
  | "summary" // 摘要
  | "account" // 科目 / 会计科目 / 科目编码
  | "subAccount" // 子科目 / 明细科目
  | "planItem" // 预算项目 / 计划项目
  | "income" // 收入 / 借方
  | "expense" // 支出 / 贷方
  | "amount" // 金额 (one signed or direction-dependent amount column)
  | "direction" // 借或贷 / 收支方向
  | "balance" // 余额
  | "counterparty" // 收付款单位 / 对方单位 / 领取人
  | "memberId" // 会员编号 / 工号
  | "paymentMethod" // 支付方式 / 结算方式
  | "fundCategory" // 经费类别
  | "relation" // 与会员关系 (for bereavement condolences)
  | "approval" // 审批单号 / 批准文号 / 审批日期
  | "note"; // 备注

export type PlanField =
  | "kind" // 收/支 (income or expense) when in its own column
  | "category" // 类别 / 科目 / 预算科目
  | "subCategory" // 明细 / 子目
  | "planItem" // 计划项目 / 活动项目
  | "budget" // 预算数 / 年初预算
  | "adjustment" // 调整数
  | "adjustedBudget" // 调整后预算
  | "approvalDate" // 批准日期 / 审批日期
  | "note";

/** How one sheet's columns were mapped. Columns are 1-based sheet columns. */
export interface ColumnMapping<F extends string = string> {
  sheet: string;
  /** 1-based sheet rows that make up the header (one or two rows). */
  headerRows: number[];
  columns: Partial<Record<F, number>>;
  /** The header text seen above each mapped column, for showing the user. */
  labels: Partial<Record<F, string>>;
  /** 0..1: how sure the detector is. */
  confidence: number;
}

export type AccountKind = "asset" | "liability" | "netAsset" | "income" | "expense";

/** An account of the union chart (2010 codes, plus 职工服务支出 and 对附属单位的支出 from the newer texts). */
export interface Account {
  code: string; // "50102"
  name: string; // "文体活动费"
  kind: AccountKind;
  parent?: string; // "501"
}

/** An account as resolved for one entry: the leaf and the path of names from the top-level account. */
export interface AccountRef {
  code: string;
  name: string;
  kind: AccountKind;
  /** Names from the top level down, e.g. ["职工活动支出", "文体活动费"]. */
  path: string[];
}

/** One ledger row that records money in or out. */
export interface Entry {
  /** Position in Ledger.entries (stable for the life of a read). */
  index: number;
  sheet: string;
  row: number;
  /** ISO date "2025-03-01"; absent when the row's date could not be read (a finding says why). */
  date?: string;
  voucher?: string;
  summary: string;
  accountText?: string;
  subAccountText?: string;
  /** The resolved account, when the account text could be matched to the chart. */
  account?: AccountRef;
  planItem?: string;
  /** Money received (收入/借方), in fen; 0 when none. */
  income: Fen;
  /** Money paid (支出/贷方), in fen; 0 when none. */
  expense: Fen;
  /** The balance printed on the row, if any. */
  balance?: Fen;
  direction?: string;
  counterparty?: string;
  memberId?: string;
  paymentMethod?: string;
  fundCategory?: string;
  relation?: string;
  approval?: string;
  note?: string;
  /** Where each field was read from, so a finding can point at the exact cell. */
  cells: Partial<Record<LedgerField, SourceRef>>;
  /**
   * Fields whose cell could not be read (a reader finding already says where and why). Checks that need such a
   * field skip the row instead of reporting a second, derived problem (a wrong balance, a wrong subtotal).
   */
  unreadable?: LedgerField[];
}

export type SubtotalKind =
  | "opening" // 上年结转 / 期初余额 / 年初余额
  | "monthTotal" // 本月合计
  | "yearTotal" // 本年累计
  | "broughtForward" // 承前页
  | "carriedForward" // 过次页
  | "quarterTotal" // 本季合计
  | "total"; // 合计 / 总计

/** A subtotal or carry row: kept apart from entries so checks can verify it. */
export interface SubtotalRow {
  kind: SubtotalKind;
  label: string;
  sheet: string;
  row: number;
  /** Month number (1..12) the row closes, when known. */
  month?: number;
  income?: Fen;
  expense?: Fen;
  balance?: Fen;
  cells: Partial<Record<LedgerField, SourceRef>>;
}

export interface Ledger {
  /** Sheets read as the ledger, in reading order. */
  sheets: string[];
  entries: Entry[];
  subtotals: SubtotalRow[];
  /** The opening balance (期初/上年结转), when a row states it. */
  opening?: { amount: Fen; source: SourceRef };
  /** The year the books are for, from dates or a title such as "2025年银行存款日记账". */
  year?: number;
  mappings: ColumnMapping<LedgerField>[];
}

export type PlanKind = "income" | "expense";

/** One budget line of the year's plan. */
export interface PlanLine {
  index: number;
  sheet: string;
  row: number;
  kind: PlanKind;
  /** The text that names the line, as written ("文体活动费", "职工活动支出—文体活动", "春节慰问"). */
  label: string;
  category?: string;
  subCategory?: string;
  planItem?: string;
  /** The line's account, when its category text resolves to the chart. */
  account?: AccountRef;
  budget: Fen;
  adjustment?: Fen;
  /** Budget after adjustment; equals budget when no adjustment column or value. */
  adjustedBudget: Fen;
  approvalDate?: string;
  note?: string;
  cells: Partial<Record<PlanField, SourceRef>>;
}

export interface Plan {
  sheet: string;
  lines: PlanLine[];
  /** 上年结余 stated in the plan, if any. */
  openingBalance?: Fen;
  year?: number;
  /** The union's name as written in a title row, if any. */
  unionName?: string;
  /** 会员人数 stated on the plan sheet ("会员人数：120"), used for per-member welfare caps. */
  memberCount?: number;
  mapping: ColumnMapping<PlanField>;
}

/** Which sheets the user (or the detector) says hold the plan and the ledger. */
export interface SheetRoles {
  planSheet?: string;
  ledgerSheets: string[];
}

/** The user's confirmed choices, saved in the workbook and passed back on the next read. */
export interface ReadChoices {
  roles?: SheetRoles;
  /** Per sheet, column overrides (field -> 1-based column), applied on top of detection. */
  ledgerColumns?: Record<string, Partial<Record<LedgerField, number>>>;
  planColumns?: Partial<Record<PlanField, number>>;
}

/** Everything the reader gives back. Reading never throws: problems are findings. */
export interface Books {
  roles: SheetRoles;
  plan?: Plan;
  ledger: Ledger;
  findings: Finding[];
}
