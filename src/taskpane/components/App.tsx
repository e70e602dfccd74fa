/**
 * The pane: a header, a tab list and the active tab. App owns the state (through hooks) and hands data and
 * callbacks to presentational tabs. Only 账簿 exists now; 检查账目 (findings), 报表 (reports) and 设置 (settings)
 * plug into TABS below and read `books` from the books controller.
 */
import { useState, type ReactNode } from "react";
import {
  Caption1,
  MessageBar,
  MessageBarBody,
  Tab,
  TabList,
  Title3,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { WorkbookGateway } from "../../excel/gateway";
import { useBooks, type BooksController } from "../use-books";
import { useSettings, type SettingsController } from "../use-settings";
import type { CoreRunner } from "../../worker/runner-api";
import { createInlineRunner } from "../../worker/inline-runner";
import { useT } from "../i18n";
import { BooksTab } from "./BooksTab";
import { FindingsView } from "./FindingsTab";
import { ReportsTabContainer } from "./ReportsTab";
import { SettingsTabContainer } from "./SettingsTab";

/** Where the pane runs: inside Excel, on the demo page (fake Excel), or in a plain browser tab. */
export type PaneEnvironment = "excel" | "demo" | "browser";

export type TabId = "books" | "findings" | "reports" | "settings";

/** What every tab receives: the books controller, the core runner (worker), the settings and the gateway. */
export interface TabContext {
  books: BooksController;
  runner: CoreRunner;
  settings: SettingsController;
  gateway: WorkbookGateway;
}

interface TabDefinition {
  id: TabId;
  labelKey: string;
  render: (ctx: TabContext) => ReactNode;
}

/** Add later tabs here, e.g. { id: "findings", labelKey: "ui.tab.findings", render: ({ books }) => <FindingsTab …/> }. */
const TABS: TabDefinition[] = [
  { id: "books", labelKey: "ui.tab.books", render: ({ books }) => <BooksTab controller={books} /> },
  { id: "findings", labelKey: "ui.tab.findings", render: (ctx) => <FindingsView ctx={ctx} /> },
  { id: "reports", labelKey: "ui.tab.reports", render: (ctx) => <ReportsTabContainer {...ctx} /> },
  { id: "settings", labelKey: "ui.tab.settings", render: ({ settings }) => <SettingsTabContainer controller={settings} /> },
];

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    backgroundColor: tokens.colorNeutralBackground2,
  },
  header: {
    display: "flex",
    flexDirection: "column",
    rowGap: "2px",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalL} ${tokens.spacingVerticalS}`,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  title: { margin: 0 },
  subtitle: { color: tokens.colorNeutralForegroundOnBrand, opacity: 0.85 },
  tabs: {
    backgroundColor: tokens.colorNeutralBackground1,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  body: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
});

export interface AppProps {
  gateway: WorkbookGateway;
  environment?: PaneEnvironment;
  /** The core behind a promise: a Web Worker in the pane (created by the entry), the UI thread in tests. */
  runner?: CoreRunner;
}

export function App({ gateway, environment = "excel", runner: givenRunner }: AppProps) {
  const [runner] = useState<CoreRunner>(() => givenRunner ?? createInlineRunner());
  const settings = useSettings(gateway);
  const tr = useT();
  const styles = useStyles();
  const [tab, setTab] = useState<TabId>("books");
  const books = useBooks(gateway, runner);
  const active = TABS.find((d) => d.id === tab) ?? TABS[0];

  return (
    <div className={styles.root} data-testid="pane">
      <header className={styles.header}>
        <Title3 as="h1" className={styles.title}>{tr("ui.app.title")}</Title3>
        <Caption1 className={styles.subtitle}>{tr("ui.app.subtitle")}</Caption1>
      </header>
      <TabList
        className={styles.tabs}
        selectedValue={tab}
        onTabSelect={(_, d) => setTab(d.value as TabId)}
        size="medium"
      >
        {TABS.map((d) => (
          <Tab key={d.id} value={d.id} data-testid={`tab-${d.id}`}>
            {tr(d.labelKey)}
          </Tab>
        ))}
      </TabList>
      <main className={styles.body}>
        {environment !== "excel" && (
          <MessageBar intent="info" data-testid="environment-note">
            <MessageBarBody>{tr(environment === "demo" ? "ui.env.demo" : "ui.env.browser")}</MessageBarBody>
          </MessageBar>
        )}
        {active.render({ books, runner, settings, gateway })}
      </main>
    </div>
  );
}
