/**
 * `npm start --check`: the start script serves dist/ over https with a freshly generated (not installed)
 * certificate, fetches taskpane.html and demo.html from itself (verifying against its own CA), and exits 0.
 */
import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT, ensureDist } from "./harness";

jest.setTimeout(180_000);

function runStart(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, "scripts", "start.mjs"), ...args], { env, timeout: 120_000 }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("scripts/start.mjs --check", () => {
  const certDir = mkdtempSync(path.join(os.tmpdir(), "union-certs-"));
  afterAll(() => rmSync(certDir, { recursive: true, force: true }));

  it("serves the pane and the demo over https on localhost and exits 0", async () => {
    await ensureDist();
    const { code, stdout, stderr } = await runStart(["--check", "--no-build", "--port", "0"], { ...process.env, UNION_CERT_DIR: certDir });
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(stdout).toContain("taskpane.html: 200");
    expect(stdout).toContain("demo.html: 200");
    expect(stdout).toMatch(/OK https:\/\/localhost:\d+/);
    // The certificate was generated into the given directory, and not installed anywhere.
    expect(existsSync(path.join(certDir, "localhost.crt"))).toBe(true);
    expect(existsSync(path.join(certDir, "ca.crt"))).toBe(true);
  });

  it("reuses a valid certificate on the next start", async () => {
    const before = readFileSync(path.join(certDir, "localhost.crt"), "utf8");
    const { code, stdout } = await runStart(["--check", "--no-build", "--port", "0"], { ...process.env, UNION_CERT_DIR: certDir });
    expect(code).toBe(0);
    expect(stdout).toMatch(/OK https:/);
    expect(readFileSync(path.join(certDir, "localhost.crt"), "utf8")).toBe(before);
  });

  it("refuses an unknown option with exit 2", async () => {
    const { code, stderr } = await runStart(["--frobnicate"], { ...process.env, UNION_CERT_DIR: certDir });
    expect(code).toBe(2);
    expect(stderr).toContain("--frobnicate");
  });
});
