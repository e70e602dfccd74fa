/** The pane's language, chosen once at start, handed down by context so every component can say `tr(key)`. */
import { createContext, useCallback, useContext } from "react";
import { t, type Lang } from "../core/i18n";

export const LangContext = createContext<Lang>("zh-CN");

export type Translate = (key: string, params?: Record<string, unknown>) => string;

export function useLang(): Lang {
  return useContext(LangContext);
}

export function useT(): Translate {
  const lang = useContext(LangContext);
  return useCallback((key: string, params: Record<string, unknown> = {}) => t(key, params, lang), [lang]);
}
