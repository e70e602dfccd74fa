/** Messages of the ui area. Keys are flat strings; params use {{name}}. */
import type { Catalog } from "../catalog-type";

export const uiCatalog: Catalog = { "zh-CN": {}, en: {} };
