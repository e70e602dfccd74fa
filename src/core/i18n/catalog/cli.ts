/** Messages of the cli area. Keys are flat strings; params use {{name}}. */
import type { Catalog } from "../catalog-type";

export const cliCatalog: Catalog = { "zh-CN": {}, en: {} };
