// `npm run bench`: times splq against DuckDB, jq, Node floors and the by-hand Q1 on each data shape, verifying every answer.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildChildScripts } from './children.js';
import { ensureRecipeDataset, type Dataset } from './dataset.js';
import { byHandCommand, BY_HAND_TOOL, duckdbCommand, findJq, findSplq, floorCommand, jqCommand, splqCommand, type SplqLauncher } from './engines.js';
import { hasGnuTime, measure, type CommandSpec } from './measure.js';
import { DEFAULT_EVENTS, parseBenchOptions, USAGE, type BenchOptions } from './options.js';
import { benchQueries, DETECTION_PATH, type BenchQuery } from './queries.js';
import { BY_HAND, DUCKDB, JSON_FLOOR, LINE_FLOOR, renderReport, SPLQ_ONE_THREAD, type ShapeResults, type ThreadScaling, type TimedResult } from './report.js';
import { shapeRecipe } from './shapes.js';
import { compareRows, readRows, type Row } from './verify.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = join(ROOT, 'bench', 'data');
const WORK_DIR = join(DATA_DIR, '.work');
const RESULTS_DIR = join(ROOT, 'bench', 'results');
const SCALING_THREADS = [1, 2];
/** jq is 10-100× slower than the other engines; one run is enough to show its scale. */
const JQ_RUNS = 1;

const log = (line: string): void => void process.stderr.write(`${line}\n`);
/** Where the stdout of the runs labelled `label` is kept (the last run's). */
const outputPath = (label: string): string => join(WORK_DIR, `${label.replace(/[^A-Za-z0-9]+/g, '-')}.out`);

/** The line of a child's stderr that states the error: the first mentioning "error", else the first line. */
function errorLine(stderr: string): string {
  const lines = stderr.split('\n').map((line) => line.trim()).filter((line) => line.length > 0);
  return lines.find((line) => /error/i.test(line)) ?? lines[0] ?? '(no stderr)';
}

/** Runs accumulate here; a problem (failed run or differing rows) is recorded as a note and fails the benchmark. */
class Session {
  /** Where `results.push` goes: the current shape's list. */
  results: TimedResult[] = [];
  readonly notes: string[] = [];
  failed = false;

  problem(text: string): void {
    this.notes.push(`FAILED: ${text}`);
    this.failed = true;
    log(`FAILED: ${text}`);
  }

  /** Time `spec` `runs` times; with `expected`, every run's rows must equal it. Returns the runs, or [] after a problem. */
  async time(label: string, spec: CommandSpec, runs: number, expected?: Row[]): Promise<TimedResult['runs']> {
    const outPath = outputPath(label);
    const measured: TimedResult['runs'] = [];
    for (let run = 1; run <= runs; run++) {
      const measurement = await measure(spec, outPath);
      if (measurement.exitCode !== 0) {
        this.problem(`${label} exited with ${measurement.exitCode}: ${errorLine(measurement.stderrHead)}`);
        return [];
      }
      log(`  ${label} run ${run}: ${measurement.wallSeconds.toFixed(3)} s`);
      if (expected !== undefined && !this.sameRows(label, expected, readRows(outPath))) return [];
      measured.push(measurement);
    }
    return measured;
  }

  private sameRows(label: string, expected: Row[], actual: Row[]): boolean {
    const comparison = compareRows(expected, actual);
    if (comparison.equal) return true;
    this.problem(`${label}: rows differ from DuckDB (${comparison.missing.length} missing, ${comparison.unexpected.length} unexpected); `
      + `first missing ${comparison.missing[0]?.slice(0, 300) ?? '-'}; first unexpected ${comparison.unexpected[0]?.slice(0, 300) ?? '-'}`);
    return false;
  }
}

function selectQueries(all: BenchQuery[], only: string[] | undefined): BenchQuery[] {
  if (only === undefined) return all;
  const unknown = only.filter((id) => !all.some((query) => query.id === id));
  if (unknown.length > 0) throw new Error(`unknown query id(s) ${unknown.join(', ')}; available: ${all.map((q) => q.id).join(', ')}\n${USAGE}`);
  return all.filter((query) => only.includes(query.id));
}

async function timeFloors(session: Session, dataset: Dataset, scripts: ReturnType<typeof buildChildScripts>, runs: number): Promise<void> {
  const floors = [[LINE_FLOOR, 'count-lines'], [JSON_FLOOR, 'parse-lines']] as const;
  for (const [engine, script] of floors) {
    const expected = [{ count: dataset.events }];
    session.results.push({ query: 'floor', engine, runs: await session.time(`${dataset.shape} ${engine}`, floorCommand(scripts, script, dataset.path), runs, expected) });
  }
}

/** The by-hand Q1 (../shared/tools, plain Node, no validation): its CPU seconds are Q1's floor. Its rows are compared with DuckDB's as a note only (its own semantics: case-sensitive `Binding` substring). */
async function timeByHand(session: Session, dataset: Dataset, runs: number): Promise<void> {
  const tool = join(ROOT, BY_HAND_TOOL);
  if (!existsSync(tool)) {
    session.notes.push(`${dataset.shape}: by-hand Q1 floor not run (${BY_HAND_TOOL} absent).`);
    return;
  }
  const label = `${dataset.shape} Q1 by hand`;
  const measured = await session.time(label, byHandCommand(tool, dataset.path), runs);
  session.results.push({ query: 'Q1', engine: BY_HAND, runs: measured });
  const duckLabel = `${dataset.shape} Q1 duckdb`;
  if (measured.length === 0 || !existsSync(outputPath(duckLabel))) return;
  const comparison = compareRows(readRows(outputPath(duckLabel)), readRows(outputPath(label)));
  session.notes.push(`${dataset.shape}: the by-hand Q1 gave ${comparison.equal ? 'the same rows as DuckDB' : `rows that differ from DuckDB's (${comparison.missing.length} missing, ${comparison.unexpected.length} unexpected; its semantics are not Splunk's)`}.`);
}

interface Engines {
  options: BenchOptions;
  dataset: Dataset;
  scripts: ReturnType<typeof buildChildScripts>;
  splq: SplqLauncher | undefined;
  jq: string | undefined;
}

async function timeQuery(session: Session, query: BenchQuery, engines: Engines): Promise<void> {
  const { options, dataset, scripts, splq, jq } = engines;
  log(`${query.id}: ${query.description}`);
  const sqlPath = join(WORK_DIR, `${dataset.shape}-${query.id}.sql`);
  writeFileSync(sqlPath, query.duckdbSql(dataset.path));
  const duckLabel = `${dataset.shape} ${query.id} duckdb`;
  const duckRuns = await session.time(duckLabel, duckdbCommand(scripts, sqlPath, options.threads), options.runs);
  session.results.push({ query: query.id, engine: DUCKDB, runs: duckRuns });
  if (duckRuns.length === 0) return;
  const expected = readRows(outputPath(duckLabel));
  session.notes.push(`${dataset.shape} ${query.id}: DuckDB returned ${expected.length} row(s); every splq${jq === undefined ? '' : ' and jq'} run was compared with them.`);
  const splqRuns = splq === undefined ? []
    : await session.time(`${dataset.shape} ${query.id} splq`, splqCommand(splq, ROOT, query.spl, dataset.path, options.threads), options.runs, expected);
  session.results.push({ query: query.id, engine: 'splq', runs: splqRuns });
  if (jq !== undefined && query.jqArgs !== undefined) {
    session.results.push({ query: query.id, engine: 'jq', runs: await session.time(`${dataset.shape} ${query.id} jq`, jqCommand(query.jqArgs, dataset.path), JQ_RUNS, expected) });
  }
}

/** Q1 at one thread besides the run's threads, compared with the single-threaded by-hand floor (skipped when the run is at one thread). */
async function timeQ1OneThread(session: Session, query: BenchQuery, engines: Engines): Promise<void> {
  const { splq, dataset, options } = engines;
  const duckLabel = `${dataset.shape} ${query.id} duckdb`;
  if (splq === undefined || options.threads === 1 || !existsSync(outputPath(duckLabel))) return;
  const spec = splqCommand(splq, ROOT, query.spl, dataset.path, 1);
  const runs = await session.time(`${dataset.shape} ${query.id} splq threads=1`, spec, options.runs, readRows(outputPath(duckLabel)));
  session.results.push({ query: query.id, engine: SPLQ_ONE_THREAD, runs });
}

async function timeThreadScaling(session: Session, query: BenchQuery, engines: Engines): Promise<ThreadScaling[]> {
  const { splq, dataset, options } = engines;
  if (splq === undefined) return [];
  const expected = readRows(outputPath(`${dataset.shape} ${query.id} duckdb`));
  const scaling: ThreadScaling[] = [];
  for (const threads of SCALING_THREADS) {
    const spec = splqCommand(splq, ROOT, query.spl, dataset.path, threads);
    scaling.push({ threads, runs: await session.time(`${dataset.shape} ${query.id} splq threads=${threads}`, spec, options.runs, expected) });
  }
  return scaling;
}

function facts(options: BenchOptions, splq: SplqLauncher | undefined, jq: string | undefined): Array<[string, string]> {
  const cpus = os.cpus();
  const duckdbVersion = (JSON.parse(readFileSync(join(ROOT, 'node_modules', '@duckdb', 'node-api', 'package.json'), 'utf8')) as { version: string }).version;
  return [
    ['date', new Date().toISOString()],
    ['machine', `${cpus[0]?.model ?? 'unknown CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`],
    ['node', process.version],
    ['load', `uptime at the start: ${os.loadavg().map((load) => load.toFixed(2)).join(', ')} (1, 5, 15 min; the machine is shared, so compare CPU seconds)`],
    ['splq', splq === undefined ? 'CLI not found (n/a)' : splq.label === 'dist' ? 'bundled CLI (node dist/bundle/splq.cjs)' : 'sources via tsx (node --import tsx; adds ~1.5 s start-up); run `npm run build` for the bundled CLI'],
    ['duckdb', `@duckdb/node-api ${duckdbVersion}, one child process per run`],
    ['jq', jq ?? (options.jq ? 'not installed' : 'skipped (--no-jq)')],
    ['threads', `${options.threads} (splq --threads and DuckDB threads)`],
    ['measurement', hasGnuTime ? 'wall: Node hrtime around the child; CPU and peak RSS: /usr/bin/time' : 'wall: Node hrtime; CPU: /proc/self/stat children times; RSS: polled /proc/<pid>/status VmHWM'],
  ];
}

/** Every query (and the floors) on one data shape. */
async function runShape(session: Session, engines: Engines, queries: BenchQuery[], withScaling: boolean): Promise<ShapeResults> {
  const { dataset, options } = engines;
  session.results = [];
  log(`shape ${dataset.shape}: ${dataset.path}`);
  await timeFloors(session, dataset, engines.scripts, options.runs);
  for (const query of queries) await timeQuery(session, query, engines);
  const q1 = queries.find((query) => query.id === 'Q1');
  if (q1 !== undefined) {
    await timeQ1OneThread(session, q1, engines);
    await timeByHand(session, dataset, options.runs);
  }
  const q2 = queries.find((query) => query.id === 'Q2');
  const scaling = withScaling && q2 !== undefined ? await timeThreadScaling(session, q2, engines) : [];
  return {
    shape: dataset.shape,
    data: `${relative(ROOT, dataset.path)}: ${dataset.events.toLocaleString('en-US')} events, ${(dataset.bytes / 1e6).toFixed(1)} MB, seed ${dataset.seed}`,
    dataBytes: dataset.bytes, events: dataset.events, results: session.results, scaling,
  };
}

async function main(): Promise<number> {
  const options = parseBenchOptions(process.argv.slice(2));
  const queries = selectQueries(benchQueries(ROOT), options.only);
  mkdirSync(WORK_DIR, { recursive: true });
  const scripts = buildChildScripts(ROOT, join(DATA_DIR, '.children'));
  const splq = findSplq(ROOT);
  const jq = options.jq ? findJq() : undefined;
  const session = new Session();
  if (!queries.some((query) => query.id === 'Q1')) session.notes.push(`Q1 not run (${DETECTION_PATH} missing or not selected).`);
  const shapes: ShapeResults[] = [];
  for (const shape of options.shapes) {
    const recipe = shapeRecipe(shape, ROOT, log);
    if (typeof recipe === 'string') {
      log(recipe);
      session.notes.push(recipe);
      continue;
    }
    const dataset = await ensureRecipeDataset(DATA_DIR, recipe, options.events, options.seed, log);
    shapes.push(await runShape(session, { options, dataset, scripts, splq, jq }, queries, shapes.length === 0));
  }
  const report = renderReport({ title: 'splq benchmark', facts: facts(options, splq, jq), shapes, threads: options.threads, notes: session.notes });
  mkdirSync(RESULTS_DIR, { recursive: true });
  // One file per day and data size, so a quick CI smoke run never overwrites the full 1M-event figures.
  const reportPath = join(RESULTS_DIR, `${new Date().toISOString().slice(0, 10)}${options.events === DEFAULT_EVENTS ? '' : `-${options.events}`}.md`);
  writeFileSync(reportPath, report);
  process.stdout.write(`${report}\nwritten to ${relative(ROOT, reportPath)}\n`);
  return session.failed ? 1 : 0;
}

main().then((code) => {
  process.exitCode = code;
}, (error: unknown) => {
  log(error instanceof Error ? error.message : String(error));
  process.exitCode = 2;
});
