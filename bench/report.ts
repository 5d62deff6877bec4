// Turns timed runs into the benchmark's markdown report (summary table, thread scaling, verification notes).
import type { Measurement } from './measure.js';

export interface TimedResult {
  /** Query id, or `floor` for the file-reading baselines. */
  query: string;
  engine: string;
  runs: Measurement[];
}

export interface ThreadScaling {
  threads: number;
  runs: Measurement[];
}

/** The runs on one data shape (bench/shapes.ts). */
export interface ShapeResults {
  shape: string;
  /** The data file, its size and seed, as one line. */
  data: string;
  dataBytes: number;
  events: number;
  results: TimedResult[];
  /** splq on Q2 at several thread counts (first shape only); empty when not measured. */
  scaling: ThreadScaling[];
}

export interface ReportInput {
  title: string;
  /** `key: value` facts printed above the tables (machine, versions, load). */
  facts: ReadonlyArray<readonly [string, string]>;
  shapes: ShapeResults[];
  /** splq's threads in its `splq` rows (the `SPLQ_ONE_THREAD` row, when present, is Q1 at one thread). */
  threads: number;
  /** Lines under "Notes": verification outcomes, skipped engines and shapes, errors. */
  notes: string[];
}

export const LINE_FLOOR = 'node line-split (64 KiB chunks)';
export const JSON_FLOOR = 'node JSON.parse per line';
export const DUCKDB = 'duckdb';
export const BY_HAND = 'node by hand (query-buf)';
/** splq on Q1 at one thread, timed besides the `splq` row when that one runs more threads: the by-hand floor is single-threaded. */
export const SPLQ_ONE_THREAD = 'splq --threads 1';

export interface RunSummary {
  bestSeconds: number;
  medianSeconds: number;
  /** Median CPU seconds over the runs. */
  cpuSeconds: number | undefined;
  /** Highest peak RSS seen in any run. */
  peakRssMb: number | undefined;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function summarize(runs: readonly Measurement[]): RunSummary {
  const walls = runs.map((run) => run.wallSeconds);
  const cpus = runs.map((run) => run.cpuSeconds).filter((cpu): cpu is number => cpu !== undefined);
  const rss = runs.map((run) => run.peakRssMb).filter((mb): mb is number => mb !== undefined);
  return {
    bestSeconds: Math.min(...walls),
    medianSeconds: median(walls),
    cpuSeconds: cpus.length === 0 ? undefined : median(cpus),
    peakRssMb: rss.length === 0 ? undefined : Math.max(...rss),
  };
}

function fixed(value: number | undefined, digits: number): string {
  return value === undefined || !Number.isFinite(value) ? 'n/a' : value.toFixed(digits);
}

function times(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a';
}

function ratio(seconds: number, baseline: TimedResult | undefined): string {
  return times(baseline === undefined || baseline.runs.length === 0 ? NaN : seconds / summarize(baseline.runs).bestSeconds);
}

function resultRow(result: TimedResult, input: ShapeResults): string {
  if (result.runs.length === 0) return `| ${result.query} | ${result.engine} | 0 |${' n/a |'.repeat(9)}`;
  const summary = summarize(result.runs);
  const find = (query: string, engine: string) => input.results.find((r) => r.query === query && r.engine === engine);
  const isFloor = result.query === 'floor';
  const cells = [
    result.query, result.engine, String(result.runs.length), fixed(summary.bestSeconds, 3), fixed(summary.medianSeconds, 3),
    fixed(input.dataBytes / 1e6 / summary.bestSeconds, 1), fixed(input.events / summary.bestSeconds, 0),
    fixed(summary.peakRssMb, 0), fixed(summary.cpuSeconds, 2),
    isFloor ? '' : ratio(summary.bestSeconds, find(result.query, DUCKDB)),
    ratio(summary.bestSeconds, find('floor', LINE_FLOOR)), ratio(summary.bestSeconds, find('floor', JSON_FLOOR)),
  ];
  return `| ${cells.join(' | ')} |`;
}

function scalingTable(scaling: ThreadScaling[]): string[] {
  if (scaling.length === 0) return ['splq was not available, so thread scaling was not measured.'];
  const base = summarize((scaling[0] as ThreadScaling).runs).bestSeconds;
  return [
    '| threads | best s | median s | CPU s | speed-up vs first row |',
    '|---:|---:|---:|---:|---:|',
    ...scaling.map(({ threads, runs }) => {
      if (runs.length === 0) return `| ${threads} | n/a | n/a | n/a | n/a |`;
      const summary = summarize(runs);
      return `| ${threads} | ${fixed(summary.bestSeconds, 3)} | ${fixed(summary.medianSeconds, 3)} | ${fixed(summary.cpuSeconds, 2)} | ${times(base / summary.bestSeconds)} |`;
    }),
  ];
}

function find(shape: ShapeResults, query: string, engine: string): RunSummary | undefined {
  const result = shape.results.find((r) => r.query === query && r.engine === engine);
  return result === undefined || result.runs.length === 0 ? undefined : summarize(result.runs);
}

/** One row per query, one column pair per shape: splq over DuckDB by best wall time and by median CPU seconds. */
function ratioTable(shapes: ShapeResults[]): string[] {
  const queries = [...new Set(shapes.flatMap((shape) => shape.results.map((r) => r.query)))].filter((query) => query !== 'floor');
  const cell = (shape: ShapeResults, query: string) => {
    const splq = find(shape, query, 'splq');
    const duck = find(shape, query, DUCKDB);
    if (splq === undefined || duck === undefined) return 'n/a | n/a';
    const cpu = splq.cpuSeconds !== undefined && duck.cpuSeconds !== undefined ? times(splq.cpuSeconds / duck.cpuSeconds) : 'n/a';
    return `${times(splq.bestSeconds / duck.bestSeconds)} | ${cpu}`;
  };
  return [
    `| query | ${shapes.map((shape) => `${shape.shape}: wall × DuckDB | ${shape.shape}: CPU × DuckDB`).join(' | ')} |`,
    `|---|${shapes.map(() => '---:|---:').join('|')}|`,
    ...queries.map((query) => `| ${query} | ${shapes.map((shape) => cell(shape, query)).join(' | ')} |`),
  ];
}

/** Q1's CPU seconds (median) for splq at one thread and at the run's threads, DuckDB and the by-hand program, and splq's ratios to the by-hand floor (target ≤ 1.5× each). */
function byHandTable(shapes: ShapeResults[], threads: number): string[] {
  const cpu = (summary: RunSummary | undefined) => summary?.cpuSeconds;
  const ratioText = (splq: RunSummary | undefined, hand: RunSummary | undefined) =>
    cpu(splq) !== undefined && cpu(hand) !== undefined ? times((cpu(splq) as number) / (cpu(hand) as number)) : 'n/a';
  const many = threads !== 1;
  const oneThread = (shape: ShapeResults) => find(shape, 'Q1', many ? SPLQ_ONE_THREAD : 'splq');
  return [
    `| shape | splq CPU s, 1 thread |${many ? ` splq CPU s, ${threads} threads |` : ''} DuckDB CPU s | by-hand CPU s (1 thread) | splq 1 thread × by-hand (target ≤ 1.50×) |${many ? ` splq ${threads} threads × by-hand (target ≤ 1.50×) |` : ''}`,
    `|---|---:|${many ? '---:|' : ''}---:|---:|---:|${many ? '---:|' : ''}`,
    ...shapes.map((shape) => {
      const [one, splq, duck, hand] = [oneThread(shape), find(shape, 'Q1', 'splq'), find(shape, 'Q1', DUCKDB), find(shape, 'Q1', BY_HAND)];
      const manyCells = (text: string) => (many ? ` ${text} |` : '');
      return `| ${shape.shape} | ${fixed(cpu(one), 2)} |${manyCells(fixed(cpu(splq), 2))} ${fixed(cpu(duck), 2)} | ${fixed(cpu(hand), 2)} | ${ratioText(one, hand)} |${manyCells(ratioText(splq, hand))}`;
    }),
  ];
}

function shapeSection(shape: ShapeResults): string[] {
  return [
    `## Shape ${shape.shape}`,
    '',
    `Data: ${shape.data}.`,
    '',
    '| query | engine | runs | best s | median s | MB/s | events/s | peak RSS MB | CPU s | × DuckDB | × line floor | × JSON floor |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...shape.results.map((result) => resultRow(result, shape)),
    '',
    ...(shape.scaling.length === 0 ? [] : [`### Thread scaling (splq, Q2, shape ${shape.shape})`, '', ...scalingTable(shape.scaling), '']),
  ];
}

/** The whole report as markdown. Ratios divide an engine's best wall time by the baseline's best wall time. */
export function renderReport(input: ReportInput): string {
  return [
    `# ${input.title}`,
    '',
    ...input.facts.map(([key, value]) => `- ${key}: ${value}`),
    '',
    '## splq over DuckDB, every query on every shape',
    '',
    'Wall: best wall time over DuckDB\'s best; CPU: median CPU seconds (user+sys) over DuckDB\'s median (lower is better).',
    '',
    ...ratioTable(input.shapes),
    '',
    '## Q1 against the by-hand floor (CPU seconds)',
    '',
    'Median CPU seconds (user+sys). The by-hand program runs on one thread, so splq is shown at one thread and at the run\'s threads; each ratio is splq\'s CPU over the by-hand CPU.',
    '',
    ...byHandTable(input.shapes, input.threads),
    '',
    'Per shape: wall seconds per run (best and median), throughput from the best run, CPU = user+sys (median run), RSS = highest peak.',
    'Ratios: best wall time over the baseline\'s best wall time (lower is better).',
    '',
    ...input.shapes.flatMap(shapeSection),
    '## Notes',
    '',
    ...(input.notes.length === 0 ? ['(none)'] : input.notes.map((note) => `- ${note}`)),
    '',
  ].join('\n');
}
