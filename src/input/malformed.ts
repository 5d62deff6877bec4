// Collect malformed input records: count them, keep the first few for the CLI, or fail fast in strict mode.
import { SplError } from '../errors.js';
import type { DecodeError } from './json/decode-error.js';
import { terminalSafe } from '../util/terminal-safe.js';

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
    return this.withHidden(this.kept.map(formatDecodeError));
  }

  /**
   * Like lines(), but with only what kind of problem each record has (`file:line: invalid JSON`), never text quoted
   * from the input: for reports that must not echo a data file's content (splq test's output and JUnit).
   */
  locations(): string[] {
    return this.withHidden(this.kept.map((error) => terminalSafe(`${error.file}:${error.line}: ${problemKind(error.message)}`)));
  }

  private withHidden(out: string[]): string[] {
    const hidden = this.count - this.kept.length;
    if (hidden > 0) out.push(`... and ${hidden} more malformed record${hidden === 1 ? '' : 's'}`);
    return out;
  }
}

/**
 * The kind of problem a malformed-record message names: its text before the first `: `. Messages are written as
 * `kind: details`, and only the details may quote the input (V8's JSON errors quote a snippet of the record, XML
 * errors a tag name); the kind never does.
 */
export function problemKind(message: string): string {
  const colon = message.indexOf(': ');
  return colon < 0 ? message : message.slice(0, colon);
}

/** `file:line: message`, with control characters quoted from the input written as escapes (never raw bytes on a terminal). */
export function formatDecodeError(error: DecodeError): string {
  return terminalSafe(`${error.file}:${error.line}: ${error.message}`);
}
