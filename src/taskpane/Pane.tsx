/** The pane with its providers (Fluent theme, language); shared by the add-in entry, the demo page and tests. */
import { StrictMode } from "react";
import { createRoot, type Root } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { Lang } from "../core/i18n";
import { LangContext } from "./i18n";
import { App, type AppProps } from "./components/App";

export interface PaneProps extends AppProps {
  lang: Lang;
}

export function Pane({ lang, ...app }: PaneProps) {
  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <LangContext.Provider value={lang}>
        <App {...app} />
      </LangContext.Provider>
    </FluentProvider>
  );
}

export function mountPane(container: HTMLElement, props: PaneProps): Root {
  const root = createRoot(container);
  root.render(
    <StrictMode>
      <Pane {...props} />
    </StrictMode>,
  );
  return root;
}

/**
 * The pane's language: English when Office (or the page's ?lang= for the demo and tests) says English,
 * Chinese otherwise.
 */
export function paneLanguage(displayLanguage: string | undefined, search: string): string | undefined {
  const fromQuery = new URLSearchParams(search).get("lang");
  return fromQuery ?? displayLanguage;
}
