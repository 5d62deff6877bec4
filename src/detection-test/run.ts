// `splq test` logic: for each detection file, plan its cases, compile its search once, replay and judge each case.
import { readDetection, type Detection } from '../detection.js';
import { formatError, isSplError } from '../errors.js';
import type { LookupLibrary } from '../lookups/index.js';
import type { MacroLibrary } from '../macros/index.js';
import { compile, type Query } from '../query.js';
import { planCases, type DataOverride } from './cases.js';
import { replayFiles } from './replay.js';
import type { TestCase, TestOutcome, TestStatus } from './types.js';
import { ResultJudge } from './verdict.js';

export interface DetectionTestOptions {
  macros: MacroLibrary;
  /** Lookup definitions and tables (default: none). */
  lookups?: LookupLibrary;
  dataRoot?: string;
  /** Let attack_data paths lead outside the data root (`--allow-outside-data-root`). */
  allowOutsideDataRoot?: boolean;
  /** Replay these files instead of each detection's `tests:`. */
  override?: DataOverride;
  preset?: 'windows';
  /** IANA zone for formatting (e.g. `convert ctime`) and for times without a zone; default UTC. */
  timeZone?: string;
  /** The search's "now" (epoch seconds) for relative times inside it; default the wall clock. */
  now?: number;
  /** Memory budget (MB) of each command that holds data, as `splq run --max-memory`; default half the heap limit. */
  maxMemoryMb?: number;
}

/** Run every test of every detection file, in order. Problems become outcomes (error/skip), never exceptions. */
export async function testDetections(files: string[], opts: DetectionTestOptions): Promise<TestOutcome[]> {
  const outcomes: TestOutcome[] = [];
  for (const file of files) outcomes.push(...(await testDetectionFile(file, opts)));
  return outcomes;
}

async function testDetectionFile(file: string, opts: DetectionTestOptions): Promise<TestOutcome[]> {
  let detection: Detection;
  try {
    detection = readDetection(file);
  } catch (e) {
    return [outcome({ file, detectionName: file, testName: 'read detection' }, 'error', errorText(e))];
  }
  const cases = planCases(detection, { dataRoot: opts.dataRoot, allowOutsideDataRoot: opts.allowOutsideDataRoot, override: opts.override });
  let query: Query;
  try {
    query = compile(detection.search, { macros: opts.macros, lookups: opts.lookups, timeZone: opts.timeZone, now: opts.now, maxMemoryMb: opts.maxMemoryMb });
  } catch (e) {
    // A search splq cannot run is an error even where the data is missing: no data would make it pass.
    const text = errorText(e);
    return cases.map((c) => outcome({ file, detectionName: detection.name, testName: c.name }, 'error', text));
  }
  const outcomes: TestOutcome[] = [];
  for (const testCase of cases) {
    const names = { file, detectionName: detection.name, testName: testCase.name };
    if (testCase.skipReason !== undefined) outcomes.push(outcome(names, 'skip', testCase.skipReason));
    else outcomes.push(await runCase(query, testCase, opts));
  }
  return outcomes;
}

async function runCase(query: Query, testCase: TestCase, opts: DetectionTestOptions): Promise<TestOutcome> {
  const names = { file: testCase.detection.file, detectionName: testCase.detection.name, testName: testCase.name };
  const started = performance.now();
  const observables = [...new Set((testCase.detection.tags?.observable ?? []).map((o) => o.name).filter((n) => n !== ''))];
  const judge = new ResultJudge(observables);
  try {
    const summary = await replayFiles(query, testCase.files, { preset: opts.preset }, (ev) => judge.add(ev));
    const verdict = judge.verdict();
    return {
      ...outcome(names, verdict.passed ? 'pass' : 'fail', verdict.reason),
      results: judge.resultCount,
      eventsRead: summary.eventsRead,
      // Where and what kind, never the text: a data file that is not JSON must not be echoed into reports.
      malformed: summary.malformed.locations,
      malformedCount: summary.malformed.count,
      seconds: (performance.now() - started) / 1000,
    };
  } catch (e) {
    return { ...outcome(names, 'error', errorText(e)), seconds: (performance.now() - started) / 1000 };
  }
}

function outcome(names: Pick<TestOutcome, 'file' | 'detectionName' | 'testName'>, status: TestStatus, reason: string): TestOutcome {
  return { ...names, status, reason, results: 0, eventsRead: 0, malformed: [], malformedCount: 0, seconds: 0 };
}

/** A user mistake as the CLI prints it (with the caret line); anything else is an internal error with its stack. */
function errorText(e: unknown): string {
  if (isSplError(e)) return formatError(e);
  return `internal error (please report it): ${(e as Error)?.stack ?? String(e)}`;
}
