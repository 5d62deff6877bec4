// `splq test`: run ESCU detections over their attack data offline (contentctl-style), with a summary and JUnit XML.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Command } from 'commander';
import { repoRoot } from '../corpus.js';
import { renderJunit } from '../detection-test/junit.js';
import { testDetections } from '../detection-test/run.js';
import { resolveDetections } from '../detection-test/resolve.js';
import { renderSummary, totalsOf } from '../detection-test/summary.js';
import { SplError } from '../errors.js';
import { MacroLibrary } from '../macros/index.js';
import { timeOption } from '../scan/index.js';
import { memoryMb } from './run-command.js';
import { zoneOption } from './run-options.js';
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
  /** Exit 1 when any test was skipped (missing data, no tests:), not only on failures and errors. */
  failOnSkip?: boolean;
  /** `--max-memory <MB>`: each command's memory budget, as for `splq run`. */
  maxMemory?: number;
  /** `--no-shared-scan` sets it false: each test replays its data on its own. */
  sharedScan?: boolean;
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
    .argument('<detection...>', 'detection YAML files, folders of them (recursive) or globs; YAML without a search: key in a folder is set aside')
    .option('--data-root <dir>', 'a local splunk/attack_data checkout: attack_data URLs map to <dir>/datasets/...')
    .option('--allow-outside-data-root', 'let attack_data paths be absolute or lead outside --data-root (refused by default)')
    .option('--data <file>', 'replay this file instead of the detections\' tests: (repeatable)', collect, [])
    .option('--sourcetype <value>', 'with --data: the sourcetype every replayed event gets')
    .option('--source <value>', 'with --data: the source every replayed event gets')
    .option('--preset <name>', 'field mapping preset: windows (what Splunk\'s Windows add-on does)')
    .option('-m, --macros <path>', 'more macro definitions (queries/macros is always loaded first; repeatable)', collect, [])
    .option('--junit <file>', 'also write the results as JUnit XML')
    .option('--tz <zone>', 'IANA time zone for formatting and for times without a zone', 'UTC')
    .option('--now <time>', 'the search\'s "now" for relative times inside it (default: the wall clock)')
    .option('--max-memory <MB>', 'memory budget of each command that holds data (sort, dedup, stats groups...); past it the test is an error (default: half of Node\'s heap limit; see docs/reliability.md)', memoryMb)
    .option('--no-shared-scan', 'replay each test\'s data on its own (by default tests that replay the same files share one scan, as a detection pack)')
    .option('--fail-on-skip', 'exit 1 when any test is skipped (its data is missing, or the detection has no tests:)', false);
  addLookupOptions(command)
    .action((files: string[], opts: TestCliOptions) =>
      run(async () => {
        process.exitCode = await runTestCommand(files, opts, (text) => process.stdout.write(text));
      }),
    );
}

/** Run the tests, print the summary to `out`, write JUnit if asked; returns the exit code (0, or 1 on any failure,
 * or on any skip with `failOnSkip`). */
export async function runTestCommand(args: string[], opts: TestCliOptions, out: TextSink): Promise<number> {
  const now = checkOptions(opts);
  const { files, notDetections } = await resolveDetections(args);
  if (notDetections.length > 0) {
    out(`note: set aside ${notDetections.length} YAML file(s) without a search: key: ${notDetections.join(', ')}\n\n`);
  }
  const outcomes = await testDetections(files, {
    macros: MacroLibrary.load([...defaultMacroPaths(), ...opts.macros]),
    lookups: loadLookups(opts),
    dataRoot: opts.dataRoot,
    allowOutsideDataRoot: opts.allowOutsideDataRoot,
    override: { files: opts.data, source: opts.source, sourcetype: opts.sourcetype },
    preset: opts.preset === 'windows' ? 'windows' : undefined,
    timeZone: opts.tz,
    now,
    maxMemoryMb: opts.maxMemory,
    sharedScan: opts.sharedScan,
  });
  out(renderSummary(outcomes));
  if (opts.junit !== undefined) writeJunit(opts.junit, renderJunit(outcomes));
  const totals = totalsOf(outcomes);
  return totals.fail + totals.error > 0 || (opts.failOnSkip === true && totals.skip > 0) ? EXIT_TESTS_FAILED : 0;
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
  if (opts.junit !== undefined) checkJunitTarget(opts.junit);
  const zone = zoneOption(opts.tz);
  return opts.now === undefined ? undefined : timeOption('--now', opts.now, Date.now() / 1000, zone);
}

/** The JUnit file's folder must exist before any test runs (not only when the report is written). */
function checkJunitTarget(file: string): void {
  const folder = dirname(resolve(file));
  let isFolder = false;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    // reported below
  }
  if (!isFolder) throw new SplError('usage', `--junit ${file}: the folder ${folder} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory()) throw new SplError('usage', `--junit ${file} is a folder: give a file name`);
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
