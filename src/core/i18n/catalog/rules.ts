/**
 * Messages of the rules area. Keys are flat strings; params use {{name}}.
 * Per rule: finding.<id>.message / .fix (what is wrong, how to fix it) and rule.<id>.title / .why (for docs).
 * Variants use i18next context: a finding with params.context = "card" reads finding.<id>.message_card first.
 * Occasion and aid-type names nest: $t(rules.occasion.{{occasion}}).
 */
import type { Catalog } from "../catalog-type";

type Text = { zh: string; en: string };
interface RuleText {
  title: Text;
  why: Text;
  /**
   * Absent for the reader's findings (unparseable-amount, unparseable-date, unknown-account): their words live in
   * catalog/read.ts, next to the reader that emits them and fills their params; only title/why are kept here.
   */
  message?: Text;
  fix?: Text;
  /** Context variants: message_<ctx> / fix_<ctx>. */
  variants?: Record<string, { message: Text; fix?: Text }>;
}

const texts: Record<string, RuleText> = {
  "unparseable-amount": {
    title: { zh: "金额无法识别", en: "Unreadable amount" },
    why: { zh: "金额读不出来，收支合计、余额和公开表都会出错。", en: "An amount that cannot be read breaks every total, the balance and the disclosure." },
  },
  "unparseable-date": {
    title: { zh: "日期无法识别", en: "Unreadable date" },
    why: { zh: "日期读不出来，就无法按期间统计，也无法核对节日慰问时间。", en: "Without a date the row cannot be placed in a period or checked against festival dates." },
  },
  "date-outside-period": {
    title: { zh: "日期不在账簿期间内", en: "Date outside the period" },
    why: { zh: "本期账簿中出现其他期间的业务，会使本期收支和公开数据失真。", en: "A transaction from another period distorts this period's totals and the disclosure." },
    message: { zh: "日期 {{date}} 不在 {{period}}（{{start}} 至 {{end}}）内。", en: "The date {{date}} is outside the period {{start}} to {{end}}." },
    fix: { zh: "请核对该行日期是否录错年份；如属其他年度的业务，请移到对应年度的账簿。", en: "Check whether the year was mistyped; if the transaction belongs to another year, move it to that year's ledger." },
  },
  "dates-out-of-order": {
    title: { zh: "日期顺序颠倒", en: "Dates out of order" },
    why: { zh: "日记账应按业务发生顺序登记，日期倒退常是日期录错。", en: "A journal is kept in date order; a date going backwards is often a typo." },
    message: { zh: "日期 {{date}} 早于上一行的 {{previous}}。", en: "The date {{date}} is earlier than the row above ({{previous}})." },
    fix: { zh: "请核对该行日期，或按日期顺序调整登记行。", en: "Check the date on this row, or reorder the rows by date." },
  },
  "income-and-expense-in-one-row": {
    title: { zh: "同一行既有收入又有支出", en: "Income and expense on one row" },
    why: { zh: "一行只记一笔业务，收支同记会使余额和分类统计出错。", en: "One row records one transaction; both amounts on one row break balances and category totals." },
    message: { zh: "同一行同时记了收入 {{income}} 元和支出 {{expense}} 元。", en: "The row has both income {{income}} yuan and expense {{expense}} yuan." },
    fix: { zh: "请把收入和支出拆成两行分别登记。", en: "Split the row into one income row and one expense row." },
  },
  "negative-amount": {
    title: { zh: "金额为负数", en: "Negative amount" },
    why: { zh: "负数金额通常是红字冲销，须注明冲销的原凭证，否则可能是录入错误。", en: "A negative amount is usually a red-ink reversal, which must name what it reverses; otherwise it is a typo." },
    message: { zh: "金额为负数：{{amount}} 元。", en: "The amount is negative: {{amount}} yuan." },
    fix: { zh: "如为红字冲销，请在摘要注明冲销的凭证号；否则请改为正数并记入正确的收入或支出栏。", en: "If this is a reversal, name the voucher it reverses in the summary; otherwise enter a positive amount in the right column." },
  },
  "missing-voucher": {
    title: { zh: "缺少凭证号", en: "Missing voucher number" },
    why: { zh: "每笔收支都要有记账凭证，审查时凭凭证号调阅原始单据。", en: "Every transaction needs a voucher; reviewers find the receipts by its number." },
    message: { zh: "{{date}} 这一行没有凭证号。", en: "The row dated {{date}} has no voucher number." },
    fix: { zh: "请在凭证号栏补填该笔业务的记账凭证号。", en: "Fill in the voucher number of this transaction." },
  },
  "duplicate-voucher": {
    title: { zh: "凭证号重复", en: "Duplicate voucher number" },
    why: { zh: "一个凭证号只能对应一笔业务，重复编号可能是重复记账或漏编号。", en: "One voucher number belongs to one transaction; a reused number may be a double entry or a numbering slip." },
    message: { zh: "凭证号 {{voucher}} 出现在 {{count}} 行，且日期或收支方向不同。", en: "Voucher {{voucher}} appears on {{count}} rows with different dates or directions." },
    fix: { zh: "请核对这几行：如是重复记账请删除多余行，否则请改正凭证号。", en: "Check these rows: delete a double entry, or correct the voucher number." },
    variants: {
      dates: {
        message: { zh: "凭证号 {{voucher}} 出现在 {{count}} 行，日期不同。", en: "Voucher {{voucher}} appears on {{count}} rows with different dates." },
      },
      directions: {
        message: { zh: "凭证号 {{voucher}} 的 {{count}} 行中既有收入又有支出。", en: "Voucher {{voucher}} has {{count}} rows mixing income and expense." },
      },
      multiline: {
        message: { zh: "凭证号 {{voucher}} 有 {{count}} 行（同日、同方向），视为一张多行凭证。", en: "Voucher {{voucher}} has {{count}} rows (same date, same direction), read as one voucher with several lines." },
        fix: { zh: "无需修改；如这些行其实是不同业务，请分别编号。", en: "Nothing to do; if these rows are separate transactions, give each its own number." },
      },
    },
  },
  "running-balance": {
    title: { zh: "余额计算错误", en: "Running balance wrong" },
    why: { zh: "余额应等于上行余额加收入减支出，算错会使期末结余与银行对不上。", en: "Each balance must equal the previous balance plus income minus expense; an error breaks the closing balance." },
    message: { zh: "余额写的是 {{printed}} 元，按上行余额加收入减支出应为 {{expected}} 元（差 {{difference}} 元）。", en: "The balance reads {{printed}} yuan; previous balance plus income minus expense gives {{expected}} yuan (off by {{difference}})." },
    fix: { zh: "请把该行余额改为 {{expected}} 元，并顺次核对以下各行余额。", en: "Change this balance to {{expected}} yuan and recheck the balances below it." },
  },
  "subtotal-mismatch": {
    title: { zh: "合计行不符", en: "Subtotal does not add up" },
    why: { zh: "本月合计、本年累计、过次页等合计行应等于所属明细之和。", en: "Month totals, year-to-date totals and carry rows must equal the rows they sum." },
    message: { zh: "“{{label}}”写的是 {{stated}} 元，按明细计算应为 {{computed}} 元。", en: "\"{{label}}\" reads {{stated}} yuan; the rows add up to {{computed}} yuan." },
    fix: { zh: "请把该合计改为 {{computed}} 元，或核对所属明细是否漏记、重记。", en: "Change the total to {{computed}} yuan, or look for missing or doubled rows." },
    variants: {
      income: { message: { zh: "“{{label}}”的收入合计写的是 {{stated}} 元，按明细应为 {{computed}} 元。", en: "\"{{label}}\": income total reads {{stated}} yuan; the rows add up to {{computed}} yuan." } },
      expense: { message: { zh: "“{{label}}”的支出合计写的是 {{stated}} 元，按明细应为 {{computed}} 元。", en: "\"{{label}}\": expense total reads {{stated}} yuan; the rows add up to {{computed}} yuan." } },
      balance: {
        message: { zh: "“{{label}}”的余额写的是 {{stated}} 元，应为 {{computed}} 元。", en: "\"{{label}}\": the balance reads {{stated}} yuan; it should be {{computed}} yuan." },
        fix: { zh: "请把该行余额改为 {{computed}} 元。", en: "Change the balance on this row to {{computed}} yuan." },
      },
    },
  },
  "unknown-account": {
    title: { zh: "科目无法识别", en: "Unknown account" },
    why: { zh: "科目对不上《工会会计制度》科目表，就无法归入收支类别和预算项目。", en: "An account outside the union chart cannot be placed in a category or budget line." },
  },
  "wrong-side": {
    title: { zh: "收支方向与科目不符", en: "Amount on the wrong side of the account" },
    why: { zh: "支出科目记了收入（或收入科目记了支出），会使收支分类失真。", en: "Income on an expense account (or the reverse) distorts the category totals." },
    message: { zh: "科目“{{account}}”记了 {{amount}} 元，方向与科目性质相反。", en: "The account \"{{account}}\" has {{amount}} yuan on the opposite side to its kind." },
    fix: { zh: "请核对科目或收支栏；如为退款、冲销，请在摘要写明“退回”“冲销”。", en: "Check the account or the column; for a refund or reversal, say 退回/冲销 in the summary." },
    variants: {
      expense: { message: { zh: "支出科目“{{account}}”记了收入 {{amount}} 元。", en: "The expense account \"{{account}}\" has income of {{amount}} yuan." } },
      income: { message: { zh: "收入科目“{{account}}”记了支出 {{amount}} 元。", en: "The income account \"{{account}}\" has an expense of {{amount}} yuan." } },
    },
  },
  "internal-transfer-counted": {
    title: { zh: "内部划转记入了收支", en: "Internal transfer counted as income or expense" },
    why: { zh: "提现、存现等本单位账户之间的划转不是收支，记入收支科目会虚增收入和支出。", en: "Moving money between the union's own accounts is neither income nor expense; booking it so inflates both." },
    message: { zh: "“{{summary}}”（{{amount}} 元）是内部划转，却记入了“{{account}}”。", en: "\"{{summary}}\" ({{amount}} yuan) is an internal transfer but is booked to \"{{account}}\"." },
    fix: { zh: "请把该行科目改为“库存现金”或“银行存款”，不计入收入或支出。", en: "Book this row to 库存现金 or 银行存款, not to an income or expense account." },
  },
  "no-budget-line": {
    title: { zh: "无预算支出", en: "No budget line" },
    why: { zh: "一切收支都要纳入预算，预算外支出需先调整预算并按程序审批。", en: "All income and spending must be in the budget; unbudgeted spending needs an approved adjustment first." },
    message: { zh: "“{{label}}”共 {{count}} 笔、{{amount}} 元没有对应的预算项目。", en: "\"{{label}}\": {{count}} rows, {{amount}} yuan, match no budget line." },
    fix: { zh: "请在预算表中增加该项目（经工会委员会和经审会审议），或把这些行的科目、预算项目改为已有的预算行。", en: "Add a budget line for it (approved by the committee and the audit committee), or book these rows to an existing line." },
    variants: {
      expense: { message: { zh: "支出“{{label}}”共 {{count}} 笔、{{amount}} 元没有对应的预算项目。", en: "Expense \"{{label}}\": {{count}} rows, {{amount}} yuan, match no budget line." } },
      income: { message: { zh: "收入“{{label}}”共 {{count}} 笔、{{amount}} 元没有对应的预算项目。", en: "Income \"{{label}}\": {{count}} rows, {{amount}} yuan, match no budget line." } },
      expenseNoColumn: {
        message: { zh: "“{{sheet}}”没有科目或预算项目列，其中 {{count}} 笔支出、{{amount}} 元无法从摘要对应到预算项目。", en: "\"{{sheet}}\" has no account or budget-item column: {{count}} expense rows, {{amount}} yuan, could not be matched to a budget line from their summaries." },
        fix: { zh: "请在该表增加“科目”或“预算项目”列并逐行填写（如“职工活动支出”“文体活动”），即可按预算逐项核对。", en: "Add an account (科目) or budget-item (预算项目) column to the sheet and fill it in on every row, so each row can be checked against its budget line." },
      },
      incomeNoColumn: {
        message: { zh: "“{{sheet}}”没有科目或预算项目列，其中 {{count}} 笔收入、{{amount}} 元无法从摘要对应到预算项目。", en: "\"{{sheet}}\" has no account or budget-item column: {{count}} income rows, {{amount}} yuan, could not be matched to a budget line from their summaries." },
        fix: { zh: "请在该表增加“科目”或“预算项目”列并逐行填写（如“会费收入”“拨缴经费收入”），即可按预算逐项核对。", en: "Add an account (科目) or budget-item (预算项目) column to the sheet and fill it in on every row, so each row can be checked against its budget line." },
      },
    },
  },
  "over-budget": {
    title: { zh: "超预算", en: "Over budget" },
    why: { zh: "支出只能在批准的预算内执行，超支须先调整预算并审批。", en: "Spending must stay within the approved budget; overspending needs an approved adjustment first." },
    message: { zh: "“{{label}}”预算 {{budget}} 元，实际支出 {{actual}} 元，超出 {{over}} 元（执行率 {{percent}}%）。", en: "\"{{label}}\": budget {{budget}} yuan, spent {{actual}} yuan, {{over}} over ({{percent}}%)." },
    fix: { zh: "请办理预算调整并经审批后填入调整数，或核对是否有支出记错了预算项目。", en: "Make a budget adjustment and enter it once approved, or check for rows booked to the wrong line." },
  },
  "budget-deficit": {
    title: { zh: "预算赤字", en: "Deficit budget" },
    why: { zh: "预算应“量入为出、收支平衡”，支出预算不应超过收入预算加上年结余。", en: "A union budget must balance: budgeted spending may not exceed budgeted income plus the opening balance." },
    message: { zh: "支出预算 {{expense}} 元，超过收入预算 {{income}} 元加上年结余 {{opening}} 元，缺口 {{gap}} 元。", en: "Budgeted spending {{expense}} yuan exceeds income {{income}} plus opening balance {{opening}} by {{gap}} yuan." },
    fix: { zh: "请压减支出预算 {{gap}} 元，或补充有依据的收入预算。", en: "Cut the spending budget by {{gap}} yuan, or add income you can substantiate." },
  },
  "budget-adjusted-without-approval": {
    title: { zh: "预算调整未注明审批", en: "Budget adjusted without approval" },
    why: { zh: "预算调整与预算一样，须经工会委员会和经审会审议并报批，不能随意调整。", en: "An adjustment needs the same approval as the budget; it may not be made at will." },
    message: { zh: "“{{label}}”调整了 {{adjustment}} 元（{{budget}} → {{adjusted}} 元），但没有审批日期。", en: "\"{{label}}\" was adjusted by {{adjustment}} yuan ({{budget}} → {{adjusted}}) with no approval date." },
    fix: { zh: "请在审批日期栏填写批准该调整的会议日期或批复文号。", en: "Enter the date (or reference) of the meeting that approved the adjustment." },
  },
  "shopping-card-or-cash-gift": {
    title: { zh: "购物卡或现金福利", en: "Shopping cards or cash gifts" },
    why: { zh: "“八不准”禁止购买购物卡、代金券等有价证券，禁止以现金形式发放节日福利。", en: "The \"eight prohibitions\" forbid shopping cards, vouchers and cash as festival welfare." },
    message: { zh: "“{{summary}}”（{{amount}} 元）涉及“{{term}}”。", en: "\"{{summary}}\" ({{amount}} yuan) involves \"{{term}}\"." },
    fix: { zh: "请改为发放实物或指定商品提货券；已发放的请按审查意见整改。", en: "Give goods or pick-up vouchers for designated goods instead; correct what was handed out as the review directs." },
    variants: {
      card: {
        message: { zh: "“{{summary}}”（{{amount}} 元）购买了“{{term}}”，属于不准发放的购物卡、代金券类。", en: "\"{{summary}}\" ({{amount}} yuan) bought \"{{term}}\", a shopping card or voucher that may not be given." },
        fix: { zh: "请停止发放购物卡、代金券，改为实物或指定商品提货券（如月饼券、蛋糕券）；已发放的请按审查意见整改。", en: "Stop giving cards and vouchers; give goods or designated pick-up vouchers (mooncake, cake) instead." },
      },
      cash: {
        message: { zh: "$t(rules.occasion.{{occasion}})以现金形式发放（“{{term}}”，{{amount}} 元），该类慰问只能发放实物。", en: "$t(rules.occasion.{{occasion}}) given as cash (\"{{term}}\", {{amount}} yuan); this occasion allows goods only." },
        fix: { zh: "请改为采购实物（或指定商品提货券）发放，并保留实名签收表。", en: "Buy goods (or designated pick-up vouchers) instead and keep the signed receipt list." },
      },
    },
  },
  "bonus-or-allowance": {
    title: { zh: "发放奖金津贴补贴", en: "Bonuses or allowances" },
    why: { zh: "“八不准”禁止用工会经费发放奖金、津贴、补贴。", en: "The \"eight prohibitions\" forbid paying bonuses, allowances or subsidies from union funds." },
    message: { zh: "“{{summary}}”（{{amount}} 元）疑似发放“{{term}}”。", en: "\"{{summary}}\" ({{amount}} yuan) looks like a \"{{term}}\" payment." },
    fix: { zh: "请核实用途：如属奖金、津贴、补贴，应由行政列支并退回工会账户；如为竞赛奖品等，请在摘要写明。", en: "Check the purpose: bonuses and allowances belong to the employer and should be refunded; for contest prizes, say so in the summary." },
  },
  "entertainment-or-banquet": {
    title: { zh: "请客送礼、宴请招待", en: "Entertainment or banquets" },
    why: { zh: "“八不准”禁止用工会经费请客送礼、宴请招待。", en: "The \"eight prohibitions\" forbid entertaining and gifts paid from union funds." },
    message: { zh: "“{{summary}}”（{{amount}} 元）涉及“{{term}}”。", en: "\"{{summary}}\" ({{amount}} yuan) involves \"{{term}}\"." },
    fix: { zh: "请核实用途：招待费用应由行政承担；如为活动必要的工作餐，请在摘要写明“工作餐”及人数。", en: "Check the purpose: hospitality is the employer's cost; for a necessary working meal, write 工作餐 and the head count." },
  },
  "high-end-consumption": {
    title: { zh: "高消费娱乐健身", en: "High-end entertainment" },
    why: { zh: "“八不准”禁止用工会经费组织高消费性的娱乐、健身活动。", en: "The \"eight prohibitions\" forbid high-end entertainment and fitness paid from union funds." },
    message: { zh: "“{{summary}}”（{{amount}} 元）涉及“{{term}}”。", en: "\"{{summary}}\" ({{amount}} yuan) involves \"{{term}}\"." },
    fix: { zh: "请停止此类支出，已支出的按审查意见整改；文体活动请选择普通场馆。", en: "Stop such spending and correct what was paid as the review directs; use ordinary venues for activities." },
  },
  "employer-borne-cost": {
    title: { zh: "应由行政承担的费用", en: "Cost the employer should bear" },
    why: { zh: "工会办公用房、水电、专职工会干部工资、职代会等费用应由行政（单位）承担。", en: "Office space, utilities, full-time union staff pay and the workers' congress are the employer's costs." },
    message: { zh: "“{{summary}}”（{{amount}} 元）涉及“{{term}}”，一般应由行政承担。", en: "\"{{summary}}\" ({{amount}} yuan) involves \"{{term}}\", normally the employer's cost." },
    fix: { zh: "请与单位财务协商由行政列支，并将款项退回工会账户。", en: "Ask the employer's finance office to bear it and refund the union account." },
  },
  "cash-over-limit": {
    title: { zh: "大额现金支付", en: "Cash payment over the limit" },
    why: { zh: "工会支出应通过公务卡或银行转账支付，大额现金支付不符合现金管理规定。", en: "Union spending should go by official card or bank transfer; large cash payments breach cash rules." },
    message: { zh: "“{{summary}}”以现金支付 {{amount}} 元，超过 {{limit}} 元的现金限额。", en: "\"{{summary}}\" paid {{amount}} yuan in cash, over the {{limit}} yuan cash limit." },
    fix: { zh: "今后请改用公务卡或对公转账支付；本笔请补充说明现金支付的原因。", en: "Pay by official card or bank transfer from now on; add a note on why this was paid in cash." },
  },
  "outing-overnight-or-over-cap": {
    title: { zh: "春秋游过夜或超标准", en: "Outing overnight or over the cap" },
    why: { zh: "春秋游应当天往返、就近就地，人均费用不超过标准，不得变相旅游。", en: "Outings must return the same day, stay local and keep within the per-head cap; no disguised tourism." },
    message: { zh: "“{{summary}}”（{{amount}} 元）不符合春秋游规定。", en: "\"{{summary}}\" ({{amount}} yuan) breaks the outing rules." },
    fix: { zh: "请把活动改为当天往返，人均费用控制在标准内。", en: "Make it a same-day outing within the per-head cap." },
    variants: {
      overnight: {
        message: { zh: "春秋游“{{summary}}”（{{amount}} 元）含“{{term}}”，春秋游须当天往返。", en: "The outing \"{{summary}}\" ({{amount}} yuan) includes \"{{term}}\"; outings must return the same day." },
        fix: { zh: "请改为当天往返的活动；住宿等费用不得由工会经费列支。", en: "Make it a same-day outing; lodging may not be paid from union funds." },
      },
      cap: {
        message: { zh: "春秋游“{{summary}}”人均 {{perHead}} 元（{{heads}} 人，共 {{amount}} 元），超过每人每天 {{cap}} 元。", en: "The outing \"{{summary}}\" costs {{perHead}} yuan per head ({{heads}} people, {{amount}} in all), over the {{cap}} yuan per day cap." },
        fix: { zh: "请把人均费用控制在 {{cap}} 元以内，超出部分不得由工会经费列支。", en: "Keep the cost within {{cap}} yuan per head; the excess may not be paid from union funds." },
      },
    },
  },
  "festival-gift-over-cap": {
    title: { zh: "节日慰问超标准", en: "Festival gifts over the cap" },
    why: { zh: "节日慰问品按每人每年（或每个节日）标准发放，总额不得超过规定比例。", en: "Festival gifts are capped per member per year (or per festival), or as a share of income." },
    message: { zh: "{{year}}年节日慰问人均 {{perHead}} 元，超过标准 {{cap}} 元。", en: "Festival gifts in {{year}} come to {{perHead}} yuan per member, over the {{cap}} yuan cap." },
    fix: { zh: "请控制节日慰问支出，使人均不超过 {{cap}} 元。", en: "Keep festival gifts within {{cap}} yuan per member." },
    variants: {
      year: {
        message: { zh: "{{year}}年节日慰问共 {{total}} 元，按 {{members}} 名会员计人均 {{perHead}} 元，超过每人每年 {{cap}} 元的标准（超 {{over}} 元）。", en: "Festival gifts in {{year}} total {{total}} yuan: {{perHead}} per member for {{members}} members, over the {{cap}} yuan per year cap (by {{over}})." },
        fix: { zh: "请把全年节日慰问控制在人均 {{cap}} 元以内；如会员人数不对，请在计划表中更正“会员人数”。", en: "Keep the year's festival gifts within {{cap}} yuan per member; if the member count is wrong, correct it on the plan sheet." },
      },
      festival: {
        message: { zh: "{{festival}}慰问共 {{total}} 元，按 {{members}} 名会员计人均 {{perHead}} 元，超过该节日 {{cap}} 元的标准（超 {{over}} 元）。", en: "{{festival}} gifts total {{total}} yuan: {{perHead}} per member for {{members}} members, over the {{cap}} yuan cap for this festival (by {{over}})." },
        fix: { zh: "请把{{festival}}慰问控制在人均 {{cap}} 元以内。", en: "Keep {{festival}} gifts within {{cap}} yuan per member." },
      },
      ratio: {
        message: { zh: "{{year}}年节日慰问共 {{total}} 元，超过全年预算收入 {{income}} 元的 {{ratio}}%（{{cap}} 元）。", en: "Festival gifts in {{year}} total {{total}} yuan, over {{ratio}}% of the budgeted income {{income}} ({{cap}} yuan)." },
        fix: { zh: "请把全年节日慰问总额控制在 {{cap}} 元以内。", en: "Keep the year's festival gifts within {{cap}} yuan." },
      },
    },
  },
  "festival-gift-off-festival": {
    title: { zh: "非节日期间发放节日慰问", en: "Festival gift away from a festival" },
    why: { zh: "节日慰问只能在元旦、春节、清明、劳动节、端午、中秋、国庆等法定节日前发放。", en: "Festival gifts are for statutory festivals (New Year, Spring Festival, Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day)." },
    message: { zh: "{{date}} 的“{{summary}}”（{{amount}} 元）不在任何法定节日前 {{days}} 天内。", en: "\"{{summary}}\" ({{amount}} yuan) on {{date}} is not within {{days}} days before a statutory festival." },
    fix: { zh: "请核对日期和用途：如属法定节日慰问，请改正日期；如非节日慰问，请改记到正确的项目。", en: "Check the date and purpose: correct the date for a festival gift, or book it to the right item." },
  },
  "birthday-twice": {
    title: { zh: "一年内多次生日慰问", en: "Birthday gift twice in a year" },
    why: { zh: "会员生日慰问每人每年一次。", en: "A member gets one birthday gift a year." },
    message: { zh: "{{name}} 在 {{year}} 年领取了 {{count}} 次生日慰问（第一次 {{first}}）。", en: "{{name}} received {{count}} birthday gifts in {{year}} (first on {{first}})." },
    fix: { zh: "请核对是否重复发放，多发的请收回或改正记录。", en: "Check for a double payment; recover or correct the extra one." },
  },
  "birthday-over-cap": {
    title: { zh: "生日慰问超标准", en: "Birthday gift over the cap" },
    why: { zh: "生日慰问有每人每年标准（多数省份 300 元）。", en: "Birthday gifts are capped per member per year (300 yuan in most provinces)." },
    message: { zh: "{{name}} 的生日慰问人均 {{total}} 元，超过 {{cap}} 元的标准（超 {{over}} 元）。", en: "{{name}}'s birthday gift is {{total}} yuan per head, over the {{cap}} yuan cap (by {{over}})." },
    fix: { zh: "请把生日慰问控制在每人 {{cap}} 元以内。", en: "Keep birthday gifts within {{cap}} yuan per member." },
  },
  "wedding-over-cap": {
    title: { zh: "结婚慰问超标准", en: "Wedding gift over the cap" },
    why: { zh: "会员结婚慰问有每人标准。", en: "Wedding gifts are capped per member." },
    message: { zh: "{{name}} 的结婚慰问 {{total}} 元，超过 {{cap}} 元的标准（超 {{over}} 元）。", en: "{{name}}'s wedding gift is {{total}} yuan, over the {{cap}} yuan cap (by {{over}})." },
    fix: { zh: "请把结婚慰问控制在 {{cap}} 元以内。", en: "Keep wedding gifts within {{cap}} yuan." },
  },
  "childbirth-over-cap": {
    title: { zh: "生育慰问超标准", en: "Childbirth gift over the cap" },
    why: { zh: "会员生育慰问有每人标准。", en: "Childbirth gifts are capped per member." },
    message: { zh: "{{name}} 的生育慰问 {{total}} 元，超过 {{cap}} 元的标准（超 {{over}} 元）。", en: "{{name}}'s childbirth gift is {{total}} yuan, over the {{cap}} yuan cap (by {{over}})." },
    fix: { zh: "请把生育慰问控制在 {{cap}} 元以内。", en: "Keep childbirth gifts within {{cap}} yuan." },
  },
  "sickness-over-cap": {
    title: { zh: "住院慰问超标准", en: "Sickness condolence over the cap" },
    why: { zh: "会员生病住院慰问有每次标准，部分省份手术另有标准。", en: "Sickness condolences are capped per illness; some provinces allow more after surgery." },
    message: { zh: "{{name}} 的住院慰问 {{amount}} 元，超过 {{cap}} 元的标准（超 {{over}} 元）。", en: "{{name}}'s sickness condolence is {{amount}} yuan, over the {{cap}} yuan cap (by {{over}})." },
    fix: { zh: "请把住院慰问控制在 {{cap}} 元以内；如做了手术且本省有手术标准，请在摘要注明“手术”。", en: "Keep it within {{cap}} yuan; if there was surgery and your province has a surgery cap, write 手术 in the summary." },
  },
  "same-illness-twice": {
    title: { zh: "同一会员一年内多次住院慰问", en: "Sickness condolence twice in a year" },
    why: { zh: "部分省份规定同一疾病一年内只慰问一次。", en: "Some provinces allow one condolence per illness per year." },
    message: { zh: "{{name}} 在 {{year}} 年领取了 {{count}} 次住院慰问（第一次 {{first}}）。", en: "{{name}} received {{count}} sickness condolences in {{year}} (first on {{first}})." },
    fix: { zh: "请核实是否为同一疾病；如是，请收回重复慰问，否则请在摘要注明不同病因。", en: "Check whether it is the same illness; if so recover the repeat, otherwise name the different illness in the summary." },
  },
  "bereavement-over-cap": {
    title: { zh: "丧事慰问超标准", en: "Bereavement condolence over the cap" },
    why: { zh: "会员本人或直系亲属去世的慰问金有标准。", en: "Condolences on the death of a member or a direct relative are capped." },
    message: { zh: "{{name}} 的丧事慰问 {{total}} 元，超过 {{cap}} 元的标准（超 {{over}} 元）。", en: "{{name}}'s bereavement condolence is {{total}} yuan, over the {{cap}} yuan cap (by {{over}})." },
    fix: { zh: "请把丧事慰问控制在 {{cap}} 元以内；会员本人去世的，请在“与会员关系”栏填“本人”。", en: "Keep it within {{cap}} yuan; for the member's own death, write 本人 in the relation column." },
  },
  "bereavement-not-direct-relative": {
    title: { zh: "非直系亲属丧事慰问", en: "Bereavement condolence for a non-direct relative" },
    why: { zh: "丧事慰问只限会员本人及其直系亲属（配偶、父母、子女）。", en: "Bereavement condolences are for the member and direct relatives only (spouse, parents, children)." },
    message: { zh: "{{name}} 的丧事慰问（{{amount}} 元）对象为“{{relation}}”，不是直系亲属。", en: "{{name}}'s bereavement condolence ({{amount}} yuan) is for \"{{relation}}\", not a direct relative." },
    fix: { zh: "请核实去世者与会员的关系：非配偶、父母、子女的不应列支，已支出的请收回。", en: "Check the relation: if not a spouse, parent or child, it may not be paid; recover what was paid." },
    variants: {
      summary: {
        message: { zh: "{{name}} 的丧事慰问（{{amount}} 元）摘要提到“{{relation}}”，可能不是直系亲属。", en: "{{name}}'s bereavement condolence ({{amount}} yuan) mentions \"{{relation}}\", possibly not a direct relative." },
      },
    },
  },
  "retirement-over-cap": {
    title: { zh: "退休慰问超标准", en: "Retirement souvenir over the cap" },
    why: { zh: "会员退休可赠送纪念品，有每人标准。", en: "Retirement souvenirs are capped per member." },
    message: { zh: "{{name}} 的退休慰问人均 {{total}} 元，超过 {{cap}} 元的标准（超 {{over}} 元）。", en: "{{name}}'s retirement souvenir is {{total}} yuan per head, over the {{cap}} yuan cap (by {{over}})." },
    fix: { zh: "请把退休纪念品控制在每人 {{cap}} 元以内。", en: "Keep retirement souvenirs within {{cap}} yuan per member." },
  },
  "hardship-aid-no-recipient": {
    title: { zh: "困难帮扶未写领取人", en: "Hardship aid without a recipient" },
    why: { zh: "困难帮扶资金须实名发放，有实名发放表备查。", en: "Hardship aid is paid to named people, with a signed real-name list." },
    message: { zh: "$t(rules.hardshipType.{{type}})“{{summary}}”（{{amount}} 元）没有写领取人。", en: "$t(rules.hardshipType.{{type}}) \"{{summary}}\" ({{amount}} yuan) names no recipient." },
    fix: { zh: "请在领取人（或会员编号）栏补填受助人姓名，并附实名发放表。", en: "Fill in the recipient's name (or member number) and attach the signed real-name list." },
  },
  "hardship-aid-not-by-transfer": {
    title: { zh: "困难帮扶未通过银行转账", en: "Hardship aid not paid by transfer" },
    why: { zh: "困难帮扶资金应通过实名银行卡发放，避免现金发放。", en: "Hardship aid should go to the recipient's own bank card, not in cash." },
    message: { zh: "$t(rules.hardshipType.{{type}})“{{summary}}”（{{amount}} 元）以“{{method}}”方式发放。", en: "$t(rules.hardshipType.{{type}}) \"{{summary}}\" ({{amount}} yuan) was paid by \"{{method}}\"." },
    fix: { zh: "今后请通过受助人实名银行卡转账发放；本笔请附领取人签收单。", en: "Pay by transfer to the recipient's own bank card from now on; attach a signed receipt for this one." },
  },
  "hardship-aid-no-approval": {
    title: { zh: "困难帮扶缺审批记录", en: "Hardship aid without approval" },
    why: { zh: "困难帮扶须经申请、核实、公示、审批后发放。（仅在账簿有审批栏时检查。）", en: "Hardship aid is paid after application, verification, posting and approval. (Checked only when the ledger has an approval column.)" },
    message: { zh: "$t(rules.hardshipType.{{type}})“{{summary}}”（{{amount}} 元）没有审批记录。", en: "$t(rules.hardshipType.{{type}}) \"{{summary}}\" ({{amount}} yuan) has no approval reference." },
    fix: { zh: "请在审批栏补填审批单号或审批日期。", en: "Fill in the approval number or date in the approval column." },
  },
  "internal-error": {
    title: { zh: "检查规则出错", en: "A check failed" },
    why: { zh: "某条检查规则运行出错；其他检查照常完成。", en: "One check failed to run; the others still ran." },
    message: { zh: "检查“{{rule}}”运行出错：{{error}}", en: "The check \"{{rule}}\" failed: {{error}}" },
    fix: { zh: "该项检查结果不完整，请把此信息反馈给开发者；其他检查结果仍然有效。", en: "This check's results are incomplete; please report this message. Other results stand." },
  },
};

const names: Record<string, Text> = {
  "rules.occasion.festival": { zh: "节日慰问", en: "Festival gift" },
  "rules.occasion.birthday": { zh: "生日慰问", en: "Birthday gift" },
  "rules.occasion.wedding": { zh: "结婚慰问", en: "Wedding gift" },
  "rules.occasion.childbirth": { zh: "生育慰问", en: "Childbirth gift" },
  "rules.occasion.sickness": { zh: "住院慰问", en: "Sickness condolence" },
  "rules.occasion.bereavement": { zh: "丧事慰问", en: "Bereavement condolence" },
  "rules.occasion.retirement": { zh: "退休慰问", en: "Retirement souvenir" },
  "rules.occasion.recuperation": { zh: "疗休养", en: "Recuperation" },
  "rules.occasion.checkup": { zh: "体检", en: "Health check" },
  "rules.occasion.other": { zh: "福利慰问", en: "Welfare gift" },
  "rules.hardshipType.living": { zh: "生活救助", en: "Living aid" },
  "rules.hardshipType.medical": { zh: "医疗救助", en: "Medical aid" },
  "rules.hardshipType.education": { zh: "助学", en: "School aid" },
  "rules.hardshipType.warmth": { zh: "送温暖", en: "Warmth relief" },
  "rules.hardshipType.accident": { zh: "意外救助", en: "Accident relief" },
  "rules.hardshipType.other": { zh: "困难帮扶", en: "Hardship aid" },
  "rules.tier.basic": { zh: "基础", en: "basic" },
  "rules.tier.strict": { zh: "严格", en: "strict" },
  "rules.tier.optional": { zh: "可选", en: "optional" },
  "rules.severity.error": { zh: "错误", en: "error" },
  "rules.severity.warning": { zh: "警告", en: "warning" },
  "rules.severity.info": { zh: "提示", en: "info" },
};

function build(): Catalog {
  const zh: Record<string, string> = {};
  const en: Record<string, string> = {};
  const put = (key: string, t: Text) => {
    zh[key] = t.zh;
    en[key] = t.en;
  };
  for (const [id, r] of Object.entries(texts)) {
    put(`rule.${id}.title`, r.title);
    put(`rule.${id}.why`, r.why);
    if (r.message) put(`finding.${id}.message`, r.message);
    if (r.fix) put(`finding.${id}.fix`, r.fix);
    for (const [ctx, v] of Object.entries(r.variants ?? {})) {
      put(`finding.${id}.message_${ctx}`, v.message);
      if (v.fix) put(`finding.${id}.fix_${ctx}`, v.fix);
    }
  }
  for (const [key, t] of Object.entries(names)) put(key, t);
  return { "zh-CN": zh, en };
}

export const rulesCatalog: Catalog = build();
