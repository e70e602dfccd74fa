/**
 * Ribbon function file (loaded by commands.html). The only ribbon command is the Home-tab button that opens the
 * task pane (ShowTaskpane in manifest.xml), which Office handles without any code. Office still requires the
 * function file to load Office.js and call Office.onReady, so this stays as the place to register
 * `Office.actions.associate(...)` handlers if an ExecuteFunction button is ever added.
 */

/** Resolves once Office.js is initialised in the function file's runtime. */
export function initCommands(office: Pick<typeof Office, "onReady"> = Office): Promise<void> {
  return office.onReady().then(() => undefined);
}

// Entry point: only runs when Office.js is on the page (never in unit tests that import the module).
if (typeof Office !== "undefined") {
  void initCommands();
}
