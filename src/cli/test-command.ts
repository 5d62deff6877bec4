// `splq test`: run ESCU detections over their attack data offline (contentctl-style), with a summary and JUnit XML.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { repoRoot } from '../corpus.js';
import { renderJunit } from '../detection-test/junit.js';
import { testDetections } from '../detection-test/run.js';
import { renderSummary, totalsOf } from '../detection-test/summary.js';
import { SplError } from '../errors.js';
import { MacroLibrary } from '../macros/index.js';
import { getZone, type TimeZone } from '../time/zone.js';
import { timeAt } from '../scan/index.js';
import { addLookupOptions, loadLookups, type LookupCliOptions } from './lookup-options.js';

export interface TestCliOptions extends Partial<LookupCliOptions> {
  dataRoot?: string;
  allowOutsideDataRoot?: boolean;
  data: string[];
  source?: string;
  sourcetype?: string;
  preset?: string;
  macros: string[];
  junit?: string;
  tz: string;
  now?: string;
}

/** Where the command writes; the CLI passes process.stdout, tests pass a collector. */
export type TextSink = (text: string) => void;

/** Exit code when at least one test failed or errored. */
export const EXIT_TESTS_FAILED = 1;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

export function registerTestCommand(program: Command, run: (fn: () => Promise<void>) => void): void {
  const command = program
    .command('test')
    .description('test ESCU detections offline: replay their attack data and check the results (like contentctl test)')
    .argument('<detection...>', 'detection YAML files')
    .option('--data-root <dir>', 'a local splunk/attack_data checkout: attack_data URLs map to <dir>/datasets/...')
    .option('--allow-outside-data-root', 'let attack_data paths be absolute or lead outside --data-root (refused by default)')
    .option('--data <file>', 'replay this file instead of the detections\' tests: (repeatable)', collect, [])
    .option('--sourcetype <value>', 'with --data: the sourcetype every replayed event gets')
    .option('--source <value>', 'with --data: the source every replayed event gets')
    .option('--preset <name>', 'field mapping preset: windows (what Splunk\'s Windows add-on does)')
    .option('-m, --macros <path>', 'more macro definitions (queries/macros is always loaded first; repeatable)', collect, [])
    .option('--junit <file>', 'also write the results as JUnit XML')
    .option('--tz <zone>', 'IANA time zone for formatting and for times without a zone', 'UTC')
    .option('--now <time>', 'the search\'s "now" for relative times inside it (default: the wall clock)');
  addLookupOptions(command)
    .action((files: string[], opts: TestCliOptions) =>
      run(async () => {
        process.exitCode = await runTestCommand(files, opts, (text) => process.stdout.write(text));
      }),
    );
}

/** Run the tests, print the summary to `out`, write JUnit if asked; returns the exit code (0, or 1 on any failure). */
export async function runTestCommand(files: string[], opts: TestCliOptions, out: TextSink): Promise<number> {
  const now = checkOptions(opts);
  const outcomes = await testDetections(files, {
    macros: MacroLibrary.load([...defaultMacroPaths(), ...opts.macros]),
    lookups: loadLookups(opts),
    dataRoot: opts.dataRoot,
    allowOutsideDataRoot: opts.allowOutsideDataRoot,
    override: { files: opts.data, source: opts.source, sourcetype: opts.sourcetype },
    preset: opts.preset === 'windows' ? 'windows' : undefined,
    timeZone: opts.tz,
    now,
  });
  out(renderSummary(outcomes));
  if (opts.junit !== undefined) writeJunit(opts.junit, renderJunit(outcomes));
  const totals = totalsOf(outcomes);
  return totals.fail + totals.error > 0 ? EXIT_TESTS_FAILED : 0;
}

/** Usage mistakes, caught before any test runs; returns `--now` as epoch seconds (undefined: the wall clock). */
function checkOptions(opts: TestCliOptions): number | undefined {
  if (opts.data.length === 0 && (opts.source !== undefined || opts.sourcetype !== undefined)) {
    throw new SplError('usage', '--source and --sourcetype describe --data files: give --data too');
  }
  if (opts.preset !== undefined && opts.preset !== 'windows') throw new SplError('usage', `unknown preset "${opts.preset}": the only preset is "windows"`);
  if (opts.dataRoot !== undefined && !existsSync(opts.dataRoot)) throw new SplError('usage', `--data-root ${opts.dataRoot} does not exist`);
  const absent = opts.data.find((file) => !existsSync(file));
  if (absent !== undefined) throw new SplError('usage', `--data file ${absent} does not exist`);
  const zone = checkZone(opts.tz);
  return opts.now === undefined ? undefined : timeAt(opts.now, Date.now() / 1000, zone);
}

/** An unknown --tz is a usage mistake here (nothing is compiled yet), with getZone's "did you mean" hints. */
function checkZone(name: string): TimeZone {
  try {
    return getZone(name);
  } catch (e) {
    if (e instanceof SplError) throw new SplError('usage', `--tz: ${e.message}`, undefined, e.hints);
    throw e;
  }
}

/** The project's own macros (queries/macros), when present. */
function defaultMacroPaths(): string[] {
  const dir = join(repoRoot(), 'queries', 'macros');
  return existsSync(dir) ? [dir] : [];
}

function writeJunit(file: string, xml: string): void {
  try {
    writeFileSync(file, xml);
  } catch (e) {
    throw new SplError('usage', `cannot write JUnit file ${file}: ${(e as Error).message}`);
  }
}
