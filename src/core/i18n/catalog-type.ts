export type Lang = "zh-CN" | "en";
/** A flat message table per language; keys are dotted strings, params are written {{name}}. */
export type Catalog = Record<Lang, Record<string, string>>;
