// `splq test` logic: for each detection file, plan its cases, compile its search once, replay and judge each case.
import { readDetection, type Detection } from '../detection.js';
import { formatError, isSplError } from '../errors.js';
import type { LookupLibrary } from '../lookups/index.js';
import type { MacroLibrary } from '../macros/index.js';
import { compile, type Query } from '../query.js';
import { planCases, type DataOverride } from './cases.js';
import { replayFiles } from './replay.js';
import { groupBySharedData, observablesOf, replayTogether, type PlannedCase } from './shared-replay.js';
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
  /** false: every case replays its data on its own, instead of one shared scan per set of data files (default true). */
  sharedScan?: boolean;
}

/** Run every test of every detection file, in order. Problems become outcomes (error/skip), never exceptions. */
export async function testDetections(files: string[], opts: DetectionTestOptions): Promise<TestOutcome[]> {
  const outcomes: (TestOutcome | undefined)[] = [];
  const runnable: PlannedCase[] = [];
  for (const file of files) planDetectionFile(file, opts, outcomes, runnable);
  // Cases that replay the same data share one scan (unless `sharedScan: false`); a lone case runs on its own.
  const groups = opts.sharedScan === false ? runnable.map((c) => [c]) : groupBySharedData(runnable);
  for (const group of groups) {
    if (group.length === 1) {
      outcomes[group[0]!.slot] = await runCase(group[0]!.query, group[0]!.testCase, opts);
      continue;
    }
    const judged = await replayTogether(group, { preset: opts.preset }, errorText);
    group.forEach((c, i) => (outcomes[c.slot] = { ...namesOf(c.testCase), ...judged[i]! }));
  }
  return outcomes as TestOutcome[];
}

/** Read and compile one detection file; its outcomes that are known now go in `outcomes`, the cases to run in `runnable`. */
function planDetectionFile(file: string, opts: DetectionTestOptions, outcomes: (TestOutcome | undefined)[], runnable: PlannedCase[]): void {
  let detection: Detection;
  try {
    detection = readDetection(file);
  } catch (e) {
    outcomes.push(outcome({ file, detectionName: file, testName: 'read detection' }, 'error', errorText(e)));
    return;
  }
  const cases = planCases(detection, { dataRoot: opts.dataRoot, allowOutsideDataRoot: opts.allowOutsideDataRoot, override: opts.override });
  let query: Query;
  try {
    query = compile(detection.search, { macros: opts.macros, lookups: opts.lookups, timeZone: opts.timeZone, now: opts.now, maxMemoryMb: opts.maxMemoryMb });
  } catch (e) {
    // A search splq cannot run is an error even where the data is missing: no data would make it pass.
    const text = errorText(e);
    for (const c of cases) outcomes.push(outcome(namesOf(c), 'error', text));
    return;
  }
  for (const testCase of cases) {
    if (testCase.skipReason !== undefined) outcomes.push(outcome(namesOf(testCase), 'skip', testCase.skipReason));
    else {
      runnable.push({ testCase, query, slot: outcomes.length });
      outcomes.push(undefined);
    }
  }
}

/** The names an outcome of `testCase` carries. */
function namesOf(testCase: TestCase): Pick<TestOutcome, 'file' | 'detectionName' | 'testName'> {
  return { file: testCase.detection.file, detectionName: testCase.detection.name, testName: testCase.name };
}

async function runCase(query: Query, testCase: TestCase, opts: DetectionTestOptions): Promise<TestOutcome> {
  const names = namesOf(testCase);
  const started = performance.now();
  const judge = new ResultJudge(observablesOf(testCase));
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
