/** Messages of the rules area. Keys are flat strings; params use {{name}}. */
import type { Catalog } from "../catalog-type";

export const rulesCatalog: Catalog = { "zh-CN": {}, en: {} };
