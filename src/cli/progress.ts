/**
 * A progress bar on stderr for big files (cli-progress). Silent when stderr is not a terminal (pipes, CI,
 * tests), so output stays clean and nothing is spent on drawing.
 */
import cliProgress from "cli-progress";

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
  let bar: cliProgress.SingleBar | undefined;
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
