// Collect malformed input records: count them, keep the first few for the CLI, or fail fast in strict mode.
import { SplError } from '../errors.js';
import type { DecodeError } from './json/decode-error.js';

/** How many malformed records are kept for printing. */
export const DEFAULT_KEEP = 20;

export interface MalformedReportOptions {
  /** Throw `SplError('malformed-input')` on the first malformed record. */
  strict?: boolean;
  /** How many records to keep for printing. */
  keep?: number;
}

export class MalformedReport {
  /** Malformed records seen so far (including those not kept). */
  count = 0;
  /** The first `keep` malformed records, in input order. */
  readonly kept: DecodeError[] = [];
  private readonly strict: boolean;
  private readonly keep: number;

  constructor(opts: MalformedReportOptions = {}) {
    this.strict = opts.strict ?? false;
    this.keep = opts.keep ?? DEFAULT_KEEP;
  }

  /** Record one malformed record; in strict mode this throws instead. */
  add(error: DecodeError): void {
    if (this.strict) {
      throw new SplError('malformed-input', formatDecodeError(error), undefined, [
        'without --strict, malformed records are skipped and counted',
      ]);
    }
    this.count++;
    if (this.kept.length < this.keep) this.kept.push(error);
  }

  /** Lines for stderr: `file:line: message` for each kept record, then how many more were not shown. */
  lines(): string[] {
    const out = this.kept.map(formatDecodeError);
    const hidden = this.count - this.kept.length;
    if (hidden > 0) out.push(`... and ${hidden} more malformed record${hidden === 1 ? '' : 's'}`);
    return out;
  }
}

/** `file:line: message`. */
export function formatDecodeError(error: DecodeError): string {
  return `${error.file}:${error.line}: ${error.message}`;
}
