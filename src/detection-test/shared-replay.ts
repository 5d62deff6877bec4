// Test cases that replay the same data files run together: one shared scan (a detection pack) judges them all.
import type { Query } from '../query.js';
import { runPack, runsOnItsOwn } from '../scan/pack.js';
import { replayScanOptions, type ReplayOptions } from './replay.js';
import type { TestCase, TestOutcome } from './types.js';
import { ResultJudge } from './verdict.js';

/** A test case ready to replay: its detection's compiled search, and where its outcome goes in the report. */
export interface PlannedCase {
  testCase: TestCase;
  query: Query;
  slot: number;
}

/** The data a case replays, as a key: the same files, in the same order, with the same stated source and sourcetype. */
function dataKey(testCase: TestCase): string {
  return JSON.stringify(testCase.files.map((f) => [f.path, f.source ?? null, f.sourcetype ?? null]));
}

/** Whether a case's search would not join a pack's shared scan (it makes its own events, or uses `map`): it runs alone. */
function runsAlone(c: PlannedCase): boolean {
  return runsOnItsOwn({ name: '', query: c.query }, c.testCase.files.map((f) => f.path));
}

/**
 * Cases in groups that share their data. A detection appears at most once in a group (two of its tests on the same
 * data go to separate groups: a compiled search is one pipeline per run). Groups keep the cases' order. A case whose
 * search would not read the shared scan is a group of its own (its counters are its own run's).
 */
export function groupBySharedData(cases: readonly PlannedCase[]): PlannedCase[][] {
  const byKey = new Map<string, PlannedCase[][]>();
  const groups: PlannedCase[][] = [];
  for (const c of cases) {
    if (runsAlone(c)) {
      groups.push([c]);
      continue;
    }
    const key = dataKey(c.testCase);
    let list = byKey.get(key);
    if (!list) byKey.set(key, (list = []));
    let group = list.find((g) => g.every((other) => other.query !== c.query));
    if (!group) {
      group = [];
      list.push(group);
      groups.push(group);
    }
    group.push(c);
  }
  return groups;
}

/** The observable fields a case's results must carry (`tags.observable[].name`, each once). */
export function observablesOf(testCase: TestCase): string[] {
  return [...new Set((testCase.detection.tags?.observable ?? []).map((o) => o.name).filter((n) => n !== ''))];
}

/** Outcome fields of a case judged from a replay (the rest come from the case). */
type Judged = Pick<TestOutcome, 'status' | 'reason' | 'results' | 'eventsRead' | 'malformed' | 'malformedCount' | 'seconds'>;

/**
 * Replay a group's shared data once for all its cases (pack mode, pre-filter off as for one case) and judge each
 * case from its own detection's rows. A detection that fails while running is that case's error; a failure of the
 * scan itself (a file that cannot be read) is every case's. The time is the shared pass's, for each case.
 */
export async function replayTogether(group: readonly PlannedCase[], opts: ReplayOptions, errorText: (e: unknown) => string): Promise<Judged[]> {
  const started = performance.now();
  const judges = group.map((c) => new ResultJudge(observablesOf(c.testCase)));
  const members = group.map((c, i) => ({ name: String(i), file: c.testCase.detection.file, query: c.query }));
  const files = group[0]!.testCase.files;
  try {
    const result = await runPack({ members, failed: [] }, files.map((f) => f.path), {
      ...replayScanOptions(files, opts), tagRows: false, onRow: (row, name) => judges[Number(name)]!.add(row),
    });
    const seconds = (performance.now() - started) / 1000;
    const failures = new Map(result.failed.map((f) => [f.name, f]));
    const { eventsRead, malformed } = result.scan;
    return group.map((_, i) => {
      const failure = failures.get(String(i));
      if (failure) return { status: 'error', reason: errorText(failure.error), results: 0, eventsRead: 0, malformed: [], malformedCount: 0, seconds };
      const verdict = judges[i]!.verdict();
      return {
        status: verdict.passed ? 'pass' : 'fail', reason: verdict.reason, results: judges[i]!.resultCount,
        eventsRead, malformed: malformed.locations, malformedCount: malformed.count, seconds,
      };
    });
  } catch (e) {
    const seconds = (performance.now() - started) / 1000;
    return group.map(() => ({ status: 'error', reason: errorText(e), results: 0, eventsRead: 0, malformed: [], malformedCount: 0, seconds }));
  }
}
