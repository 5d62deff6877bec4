// `splq run`'s option checks, done before any work (one rule: a bad option is a usage error, exit 64), and terminal facts.
import { stat } from 'node:fs/promises';
import { SplError } from '../errors.js';
import { resolveInputs, STDIN } from '../input/index.js';
import type { OutputFormat } from '../output/formats.js';
import { checkFormat, checkPreset, timeOption, timeWindowOptions } from '../scan/index.js';
import { getZone, type TimeZone } from '../time/zone.js';

const OUTPUT_FORMATS: readonly OutputFormat[] = ['table', 'json', 'ndjson', 'csv'];

/** The options `checkRunOptions` reads. */
export interface RunOptionsToCheck {
  tz: string;
  now?: string;
  earliest?: string;
  latest?: string;
  output?: string;
  preset?: string;
  format?: string;
}

export interface CheckedRunOptions {
  zone: TimeZone;
  /** The search's "now", epoch seconds. */
  now: number;
  output: OutputFormat;
}

/** A time zone option; an unknown zone is a usage error with getZone's "did you mean" hints. */
export function zoneOption(name: string): TimeZone {
  try {
    return getZone(name);
  } catch (e) {
    if (e instanceof SplError) throw new SplError('usage', `--tz: ${e.message}`, undefined, e.hints);
    throw e;
  }
}

/**
 * Check every option that can be checked without reading input: --tz, --now, --earliest/--latest (each valid, and
 * earliest before latest), --output, --preset and --format (which needs --preset). `stdoutIsTerminal` picks the
 * default output (table on a terminal, else ndjson).
 */
export function checkRunOptions(opts: RunOptionsToCheck, stdoutIsTerminal: boolean): CheckedRunOptions {
  const zone = zoneOption(opts.tz);
  const now = opts.now !== undefined ? timeOption('--now', opts.now, Date.now() / 1000, zone) : Date.now() / 1000;
  timeWindowOptions(opts, now, zone);
  checkFormat(opts.format, checkPreset(opts.preset));
  const output = opts.output ?? (stdoutIsTerminal ? 'table' : 'ndjson');
  if (!(OUTPUT_FORMATS as readonly string[]).includes(output)) {
    throw new SplError('usage', `unknown output format "${output}": use ${OUTPUT_FORMATS.join(', ')}`);
  }
  return { zone, now, output: output as OutputFormat };
}

/** The width a table should fit: the terminal's, else a numeric COLUMNS (as shells export it), else none. */
export function terminalWidth(stdout: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv = process.env): number | undefined {
  if (stdout.isTTY && stdout.columns !== undefined && stdout.columns > 0) return stdout.columns;
  const columns = Number(env.COLUMNS);
  return Number.isInteger(columns) && columns > 0 ? columns : undefined;
}

/** The number and total size of the input files, for the progress display's ETA (none for stdin). */
export async function inputTotals(inputs: readonly string[]): Promise<{ totalFiles?: number; totalBytes?: number }> {
  if (inputs.includes(STDIN)) return {};
  try {
    const files = await resolveInputs(inputs);
    const sizes = await Promise.all(files.map(async (f) => (await stat(f)).size));
    return { totalFiles: files.length, totalBytes: sizes.reduce((a, b) => a + b, 0) };
  } catch {
    return {}; // the scan itself reports unreadable inputs
  }
}
