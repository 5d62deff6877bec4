// `splq run`: run a query over JSON/XML event files (or stdin) and print the results.
import type { Command } from 'commander';
import { SplError } from '../errors.js';
import { createWriter, knownColumns, type OutputFormat } from '../output/formats.js';
import { compile } from '../query.js';
import { planScan, runScan, type ScanOptions, type ScanSummary } from '../scan/index.js';
import type { MappingCliOptions } from './input-options.js';
import { addLookupOptions, loadLookups, type LookupCliOptions } from './lookup-options.js';
import { loadMacros, readQuery, type QuerySourceOptions } from './query-source.js';
import { startProgress } from './progress.js';
import { bufferedStdout, stdoutDrained } from './backpressure.js';
import { isPackRun, runPackCli } from './pack-run.js';
import { checkRunOptions, inputTotals, terminalWidth } from './run-options.js';

export interface RunCliOptions extends Omit<QuerySourceOptions, 'detection'>, MappingCliOptions, LookupCliOptions {
  /** ESCU detection YAML files or folders; more than one, or a folder, runs them as a pack. */
  detection?: string[];
  pack: boolean;
  summary: boolean;
  input: string[];
  output?: OutputFormat;
  tz: string;
  timeField?: string;
  sourcetype?: string;
  source?: string;
  host?: string;
  index?: string;
  strict: boolean;
  verbose: boolean;
  filter: boolean;
  prefilter: boolean;
  now?: string;
  earliest?: string;
  latest?: string;
  threads?: number;
  quiet: boolean;
  exitStatus: boolean;
  datamodelMap: string[];
  maxMemory?: number;
  ta: string[];
}

/** `run --exit-status`: the exit code when the query gave no results (like grep's 1 for "no lines selected"). */
export const EXIT_NO_RESULTS = 1;

const collect = (value: string, previous: string[]): string[] => [...previous, value];

/** `--max-memory <MB>` (run and test): a positive whole number of MB. */
export function memoryMb(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new SplError('usage', `--max-memory expects a positive whole number of MB, got "${value}"`);
  return Number(value);
}

function threadCount(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new SplError('usage', `--threads expects a positive whole number, got "${value}"`);
  return Number(value);
}

export function registerRunCommand(program: Command, run: (fn: () => Promise<void>) => void): void {
  const command = program
    .command('run')
    .description('run an SPL query over event files and print the results')
    .argument('[query]', 'SPL text (else -q, --detection, or standard input when -i is given)')
    .option('-q, --query-file <file>', 'read the query from a file')
    .option('--detection <path...>', 'read the query from an ESCU detection YAML (its search: key); several files or a folder run as a pack (one shared scan, rows tagged with `detection`)')
    .option('--pack', 'run the --detection files as a pack even when there is only one', false)
    .option('--summary', 'pack mode: print a table per detection (rows, events reached, time) on stderr (also with -v)', false)
    .option('-m, --macros <path>', 'macro definitions: ESCU YAML / macros.conf files or folders (repeatable)', collect, [])
    .option('--no-filter', 'do not expand a missing <name>_filter macro to "search *"')
    .option('-i, --input <path...>', 'event files, folders (recursive) or globs; "-" for stdin (several after one -i, or -i again; default stdin)', [])
    .option('-o, --output <format>', 'table | json | ndjson | csv (default: table on a terminal, ndjson otherwise)')
    .option('--tz <zone>', 'IANA time zone for times without a zone and for formatting', 'UTC')
    .option('--time-field <field>', 'field holding the event time (default: auto-detect)')
    .option('--sourcetype <value>', 'sourcetype for events that have none')
    .option('--source <value>', 'source for events that have none')
    .option('--host <value>', 'host for events that have none')
    .option('--index <value>', 'index for events that have none')
    .option('--preset <name>', 'field mapping preset: windows (what Splunk\'s Windows add-on does)')
    .option('--format <name>', 'with --preset windows: force the input format (mordor, sd2, evtx-flat, winlogbeat, xml)')
    .option('--alias <SRC=DEST>', 'field alias like props.conf FIELDALIAS: DEST takes SRC\'s value (repeatable)', collect, [])
    .option('--set <field=value>', 'set a constant field on every event (repeatable)', collect, [])
    .option('--props <props.conf>', 'read FIELDALIAS-* lines from a props.conf')
    .option('--datamodel-map <file>', 'raw-event → CIM mapping for tstats (JSON, as in docs/datamodels.md), tried before the shipped ones (repeatable)', collect, [])
    .option('--ta <dir>', 'Splunk add-on folder: its props.conf EXTRACT/FIELDALIAS/EVAL, eventtypes.conf and tags.conf map raw events into CIM datasets (repeatable)', collect, [])
    .option('--earliest <time>', 'keep events at or after this time (absolute, or relative like -24h@h)')
    .option('--latest <time>', 'keep events before this time')
    .option('--now <time>', 'the search\'s "now" for relative times (default: the wall clock)')
    .option('--no-prefilter', 'decode every input line (by default lines lacking the first search\'s literals, or failing it on the fields it reads, are skipped undecoded)')
    .option('--threads <n>', 'worker threads (default: all cores for inputs of 128 MiB or more, else 1; stdin always 1)', threadCount)
    .option('--max-memory <MB>', 'memory budget of each command that holds data (sort, dedup, stats groups, eventstats, transaction, join...); past it the run fails with exit 4 (default: half of Node\'s heap limit; see docs/reliability.md)', memoryMb)
    .option('--strict', 'fail on the first malformed input record instead of skipping it', false)
    .option('-v, --verbose', 'print the detected format of each file and a run summary on stderr', false)
    .option('--quiet', 'no progress line on stderr (it is shown only when stderr is a terminal)', false)
    .option('--exit-status', `exit ${EXIT_NO_RESULTS} when the query gives no results, 0 when it gives some (like grep, jq -e): "did the detection fire"`, false);
  addLookupOptions(command)
    .action((query: string | undefined, opts: RunCliOptions) => run(() => runQuery(query, opts)));
}

async function runQuery(queryArg: string | undefined, opts: RunCliOptions): Promise<void> {
  // Every option is checked before any work (reading the query, listing inputs): a bad one is a usage error.
  const checked = checkRunOptions(opts, process.stdout.isTTY === true);
  const inputs = opts.input.length ? opts.input : ['-'];
  const compileOptions = { macros: loadMacros(opts.macros), lookups: loadLookups(opts), filterFallback: opts.filter, timeZone: opts.tz, now: checked.now, datamodelMaps: opts.datamodelMap, addonFolders: opts.ta, maxMemoryMb: opts.maxMemory };
  if (isPackRun(opts.detection, opts.pack)) {
    if (queryArg !== undefined || opts.queryFile !== undefined) throw new SplError('usage', 'give either a query or --detection files, not both');
    const cli = { format: checked.output, summary: opts.summary || opts.verbose, verbose: opts.verbose, macroPaths: opts.macros ?? [] };
    return runPackCli(opts.detection!, inputs, compileOptions, scanOptionsOf(opts), cli);
  }
  if ((opts.detection?.length ?? 0) > 1) throw new SplError('usage', 'several --detection files run as a pack');
  const src = readQuery(queryArg, { ...opts, detection: opts.detection?.[0] }, !inputs.includes('-'));
  const query = compile(src.text, compileOptions);
  if (opts.verbose) for (const note of query.notes) process.stderr.write(`splq: note: ${note}\n`);
  const plan = await planScan(query, inputs, scanOptionsOf(opts));
  const stdout = bufferedStdout();
  const writer = createWriter(checked.output, stdout.write, {
    zone: checked.zone, width: terminalWidth(process.stdout), columns: knownColumns(query.ast),
  });
  const showProgress = !opts.quiet && process.stderr.isTTY === true;
  const totals = showProgress ? await inputTotals(inputs) : {};
  let progress: { stop(): void } | undefined;
  let resultsStarted = false;
  let summary: ScanSummary;
  try {
    summary = await runScan(plan, (ev) => {
      // Results take the terminal: the progress line is cleared before the first one (it would end up in front of it).
      if (!resultsStarted) {
        resultsStarted = true;
        progress?.stop();
        progress = undefined;
      }
      writer.write(ev);
    }, {
      pace: () => {
        stdout.flush();
        return stdoutDrained();
      },
      onStats: (stats) => {
        if (!resultsStarted) progress = startProgress(stats, { quiet: opts.quiet, stream: process.stderr, ...totals });
      },
    });
  } finally {
    progress?.stop();
    stdout.flush();
  }
  writer.end();
  stdout.flush();
  for (const line of summary.malformed.lines) process.stderr.write(`splq: malformed input: ${line}\n`);
  if (opts.verbose) process.stderr.write(`splq: ${summaryLine(summary)}\n`);
  if (opts.exitStatus && summary.results === 0) process.exitCode = EXIT_NO_RESULTS;
}

/** The CLI's flags as scan options. */
function scanOptionsOf(opts: RunCliOptions): ScanOptions {
  return {
    preset: opts.preset, format: opts.format, aliases: opts.alias, sets: opts.set, props: opts.props,
    earliest: opts.earliest, latest: opts.latest, timeField: opts.timeField, threads: opts.threads, strict: opts.strict,
    prefilter: opts.prefilter, splitBytes: splitBytesFromEnv(),
    defaults: { sourcetype: opts.sourcetype, source: opts.source, host: opts.host, index: opts.index },
    onFile: opts.verbose ? (file, fmt) => void process.stderr.write(`splq: ${file}: ${fmt}\n`) : undefined,
  };
}

/** The -v summary line. */
function summaryLine(s: ScanSummary): string {
  return `files=${s.files} events_read=${s.eventsRead} events_parsed=${s.eventsParsed} events_matched=${s.eventsMatched} results=${s.results} malformed=${s.malformed.count} elapsed=${(s.elapsedMs / 1000).toFixed(2)}s`;
}

/** `SPLQ_SPLIT_BYTES` lowers the size at which files are cut into parallel ranges (for tests). */
function splitBytesFromEnv(): number | undefined {
  const value = Number(process.env.SPLQ_SPLIT_BYTES);
  return Number.isInteger(value) && value > 0 ? value : undefined;
}
