// Test helper: a query's rows and malformed-line report from the library (query.runFiles) and from the CLI's output.
import { join } from 'node:path';
import { compile, type ScanOptions } from '../../src/index.js';
import type { CliResult } from '../helpers/cli.js';
import { REPO } from '../helpers/cli.js';

export const MACROS = join(REPO, 'queries/macros');
/** The fixed "now" both sides run with. */
export const NOW = 1_700_000_000;
const MALFORMED = 'splq: malformed input: ';

/** Rows (as JSON text) and malformed lines from `query.runFiles`. */
export async function libraryRun(spl: string, inputs: string[], options: ScanOptions = {}) {
  const run = compile(spl, { macros: [MACROS], now: NOW }).runFiles(inputs, options);
  const rows: string[] = [];
  for await (const row of run) rows.push(JSON.stringify(row.toObject()));
  const summary = await run.summary;
  return { rows, malformed: summary.malformed.lines, summary };
}

/** Rows and malformed lines of a `splq run ... -o ndjson` result. */
export function cliRows(r: CliResult) {
  const malformed = r.stderr.split('\n').filter((l) => l.startsWith(MALFORMED)).map((l) => l.slice(MALFORMED.length));
  return { rows: r.stdout.split('\n').filter((l) => l !== ''), malformed };
}

/** The CLI arguments that match `libraryRun`'s settings. */
export const cliArgs = (args: string[]): string[] => ['run', ...args, '-o', 'ndjson', '--now', String(NOW)];
