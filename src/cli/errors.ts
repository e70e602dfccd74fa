/**
 * Errors the CLI reports as one line on stderr (never a stack): a catalogue key and its params, and the exit
 * code (2 = the input could not be used).
 */
export class CliError extends Error {
  constructor(
    readonly key: string,
    readonly params: Record<string, string | number> = {},
    readonly exitCode = 2,
  ) {
    super(`${key} ${JSON.stringify(params)}`);
  }
}
