// Print an error the way the CLI shows it and pick the exit code; stack traces only for real bugs.
import { errorCategory, formatError, isSplError } from '../errors.js';

export const EXIT_QUERY_ERROR = 2;
export const EXIT_INPUT_ERROR = 3;
export const EXIT_USAGE = 64;
export const EXIT_INTERNAL = 70;

export function reportError(e: unknown): number {
  if (isSplError(e)) {
    process.stderr.write(`${formatError(e)}\n`);
    const cat = errorCategory(e.code);
    return cat === 'input' ? EXIT_INPUT_ERROR : cat === 'usage' ? EXIT_USAGE : EXIT_QUERY_ERROR;
  }
  process.stderr.write(`splq: internal error (please report it): ${(e as Error)?.stack ?? String(e)}\n`);
  return EXIT_INTERNAL;
}
