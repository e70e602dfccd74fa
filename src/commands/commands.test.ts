import { initCommands } from "./commands";

describe("ribbon function file", () => {
  test("initialises through Office.onReady and resolves once Office is ready", async () => {
    let ready: (info: { host: null; platform: null }) => void = () => undefined;
    const onReady = jest.fn(() => new Promise<{ host: null; platform: null }>((resolve) => (ready = resolve)));
    let settled = false;
    const init = initCommands({ onReady } as unknown as Pick<typeof Office, "onReady">).then(() => (settled = true));
    expect(onReady).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(settled).toBe(false); // still waiting for Office
    ready({ host: null, platform: null });
    await init;
    expect(settled).toBe(true);
  });

  test("loading the function file inside Office calls Office.onReady by itself", async () => {
    const onReady = jest.fn(() => Promise.resolve({ host: null, platform: null }));
    (globalThis as { Office?: unknown }).Office = { onReady };
    try {
      await jest.isolateModulesAsync(async () => {
        await import("./commands");
      });
      expect(onReady).toHaveBeenCalledTimes(1);
    } finally {
      delete (globalThis as { Office?: unknown }).Office;
    }
  });
});
