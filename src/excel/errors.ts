/**
 * Errors from the Excel adapter, in Chinese for the treasurer. Every Excel failure is rethrown with a message that
 * says what the add-in was doing and why it failed; nothing is caught and logged and then ignored.
 */

/** An error the adapter raises on purpose; its message is already the one to show. */
export class ExcelGatewayError extends Error {
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "ExcelGatewayError";
    this.code = code;
  }
}

/** The `code` of an OfficeExtension.Error (or of the fake's errors); undefined for other errors. */
export function excelErrorCode(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

const REASONS: Record<string, string> = {
  ItemNotFound: "找不到指定的工作表、区域或项目（可能已被删除或改名）",
  ItemAlreadyExists: "已存在同名的工作表或项目",
  InvalidArgument: "参数无效（例如区域大小与数据不符）",
  InvalidOperation: "当前状态下不能执行该操作",
  InvalidReference: "引用无效",
  AccessDenied: "工作簿或工作表受保护、共享或只读，不能修改",
  ApiNotFound: "当前 Excel 版本不支持该功能，请升级 Excel",
  NotImplemented: "当前 Excel 版本不支持该功能，请升级 Excel",
  UnsupportedOperation: "当前 Excel 版本不支持该操作",
  RequestPayloadSizeLimitExceeded: "一次传给 Excel 的数据过多",
  ResponsePayloadSizeLimitExceeded: "一次从 Excel 读取的数据过多",
  InvalidOperationInCellEditMode: "Excel 正处于单元格编辑状态，请先按回车或 Esc 退出编辑后重试",
  GeneralException: "Excel 内部错误，请稍后重试",
  RequestAborted: "请求被中断，请重试",
  PropertyNotLoaded: "加载项内部错误（读取了未加载的属性）",
};

/** Wraps any failure of an Excel call into an Error whose message starts with what was being done. */
export function wrapExcelError(e: unknown, doing: string): Error {
  if (e instanceof ExcelGatewayError) return e;
  const code = excelErrorCode(e) ?? "Unknown";
  const detail = e instanceof Error ? e.message : String(e);
  const reason = REASONS[code] ?? `未知错误：${detail}`;
  return new ExcelGatewayError(code, `${doing}失败：${reason}。`, { cause: e });
}

/** Runs `work`, rethrowing any failure through wrapExcelError. */
export async function withExcelErrors<T>(doing: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw wrapExcelError(e, doing);
  }
}
