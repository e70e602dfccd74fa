/**
 * Outside Office (the demo page, taskpane.html opened in a plain browser), office.js's logger — set up by its
 * o15apptofilemappingtable.js — adds an iframe from Microsoft's telemetry service three seconds after start. The
 * add-in talks to nothing but Excel and its own origin, so there the endpoint is made inert. Inside Excel the
 * pane leaves Office.js alone (Office.js itself is the one allowed exception).
 */
interface OfficeTelemetryEndpoint {
  loadProxyFrame?: () => void;
  writeLog?: (entry: string) => void;
}

function silenceOnce(): boolean {
  const osf = (window as unknown as { OSF?: { Logger?: { ulsEndpoint?: OfficeTelemetryEndpoint | null } } }).OSF;
  const endpoint = osf?.Logger?.ulsEndpoint;
  if (!endpoint) return false;
  endpoint.loadProxyFrame = () => undefined;
  endpoint.writeLog = () => undefined;
  return true;
}

/** Silences the logger now, or as soon as it appears (well inside its three-second delay). */
export function silenceOfficeTelemetryOutsideOffice(): void {
  if (silenceOnce()) return;
  const timer = window.setInterval(() => silenceOnce() && window.clearInterval(timer), 100);
  window.setTimeout(() => window.clearInterval(timer), 10_000);
}
