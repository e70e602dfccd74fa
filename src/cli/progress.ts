/**
 * A progress bar on stderr for big files (cli-progress). Silent when stderr is not a terminal (pipes, CI,
 * tests), so output stays clean and nothing is spent on drawing.
 */
import type cliProgressTypes from "cli-progress";

/**
 * cli-progress is loaded when a bar is really drawn: loading it costs ~20 ms, a tenth of a small check's whole
 * run, and pipes, CI and tests never draw one.
 */
function loadCliProgress(): typeof cliProgressTypes {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require("cli-progress") as typeof cliProgressTypes;
}

export interface Progress {
  /** Start or switch the phase shown ("读取", "检查", "写出"). */
  phase(label: string): void;
  /** Rows (or items) done so far in this phase. */
  tick(done: number): void;
  stop(): void;
}

export const silentProgress: Progress = { phase() {}, tick() {}, stop() {} };

export function createProgress(enabled: boolean, unit: string): Progress {
  if (!enabled || !process.stderr.isTTY) return silentProgress;
  const cliProgress = loadCliProgress();
  let bar: cliProgressTypes.SingleBar | undefined;
  let label = "";
  return {
    phase(next) {
      label = next;
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { stream: process.stderr, format: `{phase} {value} ${unit} | {duration_formatted}`, hideCursor: true, clearOnComplete: true, fps: 5 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(0, 0, { phase: label });
      } else bar.update({ phase: label });
    },
    tick(done) {
      bar?.update(done, { phase: label });
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
