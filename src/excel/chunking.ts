/**
 * How many rows to move per sync. Excel on the web refuses a request or response over 5 MB; we aim far below it
 * (about 1 MB) and learn the real bytes per row from each chunk, so wide text columns shrink the next chunk.
 */

/** Target payload of one sync, in bytes (JSON length of the values and formats moved). */
export const CHUNK_TARGET_BYTES = 1_000_000;

/** A pessimistic first guess per cell (value + number format, both as JSON), before anything is measured. */
const FIRST_GUESS_BYTES_PER_CELL = 80;

const MAX_ROWS_PER_CHUNK = 50_000;

export class RowChunker {
  private bytesPerRow: number;
  constructor(
    columnCount: number,
    private readonly targetBytes = CHUNK_TARGET_BYTES,
  ) {
    this.bytesPerRow = Math.max(1, columnCount) * FIRST_GUESS_BYTES_PER_CELL;
  }

  /** Rows for the next chunk, at least 1, at most `remaining`. */
  next(remaining: number): number {
    const rows = Math.floor(this.targetBytes / this.bytesPerRow);
    return Math.max(1, Math.min(remaining, rows, MAX_ROWS_PER_CHUNK));
  }

  /**
   * Learns from a chunk just moved. Takes the larger of the old estimate and the measured one, but lets the estimate
   * fall towards the measured value so a pessimistic first guess does not slow a whole read.
   */
  observe(rows: number, bytes: number): void {
    if (rows <= 0) return;
    const measured = Math.max(1, bytes / rows);
    this.bytesPerRow = measured >= this.bytesPerRow ? measured : Math.max(measured, this.bytesPerRow / 2);
  }
}

/** Approximate JSON size of a value, the same measure the payload limit is about. */
export function jsonSize(value: unknown): number {
  return JSON.stringify(value)?.length ?? 0;
}
