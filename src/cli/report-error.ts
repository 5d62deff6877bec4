// Print an error the way the CLI shows it and pick the exit code (from error-codes.ts); stack traces only for real bugs.
import { EXIT, exitCodeOf } from '../error-codes.js';
import { formatError, isSplError } from '../errors.js';

export const EXIT_USAGE = EXIT.usage;

export function reportError(e: unknown): number {
  if (isSplError(e)) {
    process.stderr.write(`${formatError(e)}\n`);
    return exitCodeOf(e.code);
  }
  process.stderr.write(`splq: internal error (please report it): ${(e as Error)?.stack ?? String(e)}\n`);
  return EXIT.internal;
}
