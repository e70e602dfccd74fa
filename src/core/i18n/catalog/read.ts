/** Messages of the workbook reader (owned by the reader's authors). Keys: finding.<rule>.message / .fix */
import type { Catalog } from "../catalog-type";

export const readCatalog: Catalog = { "zh-CN": {}, en: {} };
