/** Messages of the reports area. Keys are flat strings; params use {{name}}. */
import type { Catalog } from "../catalog-type";

export const reportsCatalog: Catalog = { "zh-CN": {}, en: {} };
