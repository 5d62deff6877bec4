// Command-line options of `npm run bench`.
import { parseArgs } from 'node:util';
import { SHAPES, type ShapeName } from './shapes.js';

export interface BenchOptions {
  events: number;
  /** splq and DuckDB worker threads (both engines get the same number). */
  threads: number;
  runs: number;
  /** Query ids to run (upper case); undefined means all. */
  only: string[] | undefined;
  seed: number;
  jq: boolean;
  /** The data shapes to run every query on (bench/shapes.ts), in this order. */
  shapes: ShapeName[];
}

export const DEFAULT_EVENTS = 1_000_000;
export const QUICK_EVENTS = 100_000;
export const DEFAULT_RUNS = 3;
export const DEFAULT_SEED = 20_231_114;
/** The figures are at 2 threads for both engines (the machine has 2 cores). */
export const DEFAULT_THREADS = 2;

export const USAGE = `Usage: npm run bench -- [--events N | --quick] [--threads N] [--runs N] [--only Q1,Q2] [--seed N] [--no-jq] [--shape default,dense,real]
  --events N    events in the generated data file (default ${DEFAULT_EVENTS.toLocaleString('en-US')})
  --quick       same as --events ${QUICK_EVENTS}
  --threads N   worker threads for splq and DuckDB (default ${DEFAULT_THREADS})
  --runs N      timed runs per engine and query; best and median are reported (default ${DEFAULT_RUNS})
  --only LIST   comma-separated query ids to run
  --seed N      generator seed (default ${DEFAULT_SEED})
  --no-jq       skip the jq baseline even when jq is installed
  --shape LIST  data shapes to run on (default all: ${SHAPES.join(',')}; real needs ../shared/datasets/windows)`;

function positiveInteger(name: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} needs a positive integer, got "${text}"\n${USAGE}`);
  return value;
}

/** Parse `argv` (without the node and script paths). Throws with the usage text on a bad option. */
export function parseBenchOptions(argv: string[]): BenchOptions {
  const { values } = parseArgs({
    args: argv,
    options: {
      events: { type: 'string' },
      quick: { type: 'boolean', default: false },
      threads: { type: 'string' },
      runs: { type: 'string' },
      only: { type: 'string' },
      seed: { type: 'string' },
      'no-jq': { type: 'boolean', default: false },
      shape: { type: 'string' },
    },
    strict: true,
  });
  if (values.quick && values.events !== undefined) throw new Error(`--quick and --events exclude each other\n${USAGE}`);
  return {
    events: values.quick ? QUICK_EVENTS : positiveInteger('events', values.events, DEFAULT_EVENTS),
    threads: positiveInteger('threads', values.threads, DEFAULT_THREADS),
    runs: positiveInteger('runs', values.runs, DEFAULT_RUNS),
    only: values.only?.split(',').map((id) => id.trim().toUpperCase()).filter((id) => id.length > 0),
    seed: values.seed === undefined ? DEFAULT_SEED : Number.parseInt(values.seed, 10),
    jq: !values['no-jq'],
    shapes: parseShapes(values.shape),
  };
}

function parseShapes(text: string | undefined): ShapeName[] {
  if (text === undefined) return [...SHAPES];
  const names = text.split(',').map((name) => name.trim().toLowerCase()).filter((name) => name.length > 0);
  const unknown = names.filter((name) => !(SHAPES as readonly string[]).includes(name));
  if (unknown.length > 0 || names.length === 0) throw new Error(`--shape takes ${SHAPES.join(', ')}, got "${text}"\n${USAGE}`);
  return names as ShapeName[];
}
