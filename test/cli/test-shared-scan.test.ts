// `splq test` replays data shared by several tests once (a detection pack): the outcomes equal replaying each alone.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { testDetections, type DetectionTestOptions } from '../../src/detection-test/run.js';
import { groupBySharedData, type PlannedCase } from '../../src/detection-test/shared-replay.js';
import type { TestCase, TestOutcome } from '../../src/detection-test/types.js';
import type { Detection } from '../../src/detection.js';
import { MacroLibrary } from '../../src/macros/index.js';
import { compile } from '../../src/query.js';

const root = mkdtempSync(join(tmpdir(), 'splq-shared-scan-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const URL = 'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets';

/** A detection YAML with the given search and observables, its tests replaying `data` (paths under the data root). */
function detectionFile(name: string, search: string, observables: string[], data: string[][]): string {
  const path = join(root, `${name.replace(/\W/g, '_')}.yml`);
  const tests = data.map((files, i) => `- name: case ${i + 1}\n  attack_data:\n${files.map((f) => `  - {data: '${URL}/${f}', sourcetype: 'demo:events'}`).join('\n')}`);
  writeFileSync(path, `name: ${name}\nsearch: '${search.replace(/'/g, "''")}'\ntags:\n  observable: [${observables.map((o) => `{name: ${o}, type: Other}`).join(', ')}]\ntests:\n${tests.join('\n')}\n`);
  return path;
}

/** Searches of several shapes: a stats, a table missing a field on some rows, one that finds nothing, a generating one, a dedup. */
const DETECTIONS: Array<[string, string, string[]]> = [
  ['Hosts with 4688', 'search EventCode=4688 | stats count by host', ['host']],
  ['Process users', 'search EventCode=1 | table host user', ['host', 'user']],
  ['Nothing', 'search EventCode=9999 | stats count by host', ['host']],
  ['Made rows', '| makeresults count=2 | eval host="h1"', ['host']],
  ['First per host', 'search * | dedup host | sort host | table host EventCode', ['host', 'EventCode']],
  ['Counted users', 'search user=* | eventstats count as n by user | where n > 1 | table user n', ['user']],
];

/** The outcomes without the time (a shared pass's time is not one case's). */
const comparable = (outcomes: TestOutcome[]): Array<Omit<TestOutcome, 'seconds'>> => outcomes.map(({ seconds: _s, ...rest }) => rest);

const event = fc.record({
  host: fc.constantFrom('h1', 'h2', 'h3'),
  EventCode: fc.constantFrom(1, 4688, 4624),
  user: fc.option(fc.constantFrom('alice', 'bob'), { nil: undefined }),
});

describe('splq test over shared data', () => {
  const options = (sharedScan: boolean): DetectionTestOptions => ({ macros: MacroLibrary.load([]), dataRoot: root, now: 1700000000, sharedScan });

  it('gives every test the outcome it gets replayed alone (random data, two data files, a malformed line)', async () => {
    let round = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(event, { maxLength: 30 }), fc.array(event, { maxLength: 10 }), async (a, b) => {
        const dir = `run${round++}`;
        mkdirSync(join(root, 'datasets', dir), { recursive: true });
        writeFileSync(join(root, 'datasets', dir, 'a.json'), a.map((e) => JSON.stringify(e)).join('\n') + '\n{"broken":\n');
        writeFileSync(join(root, 'datasets', dir, 'b.json'), b.map((e) => JSON.stringify(e)).join('\n') + '\n');
        // Tests on a.json alone, on a.json then b.json, and (for the first detection) a second test on a.json again.
        const files = DETECTIONS.map(([name, search, observables], i) =>
          detectionFile(`${dir} ${name}`, search, observables, i === 0 ? [[`${dir}/a.json`], [`${dir}/a.json`]] : [[`${dir}/a.json`], [`${dir}/a.json`, `${dir}/b.json`]]));
        const shared = await testDetections(files, options(true));
        const alone = await testDetections(files, options(false));
        expect(comparable(shared)).toEqual(comparable(alone));
        expect(shared.length).toBe(DETECTIONS.length * 2);
      }),
      { numRuns: 8 },
    );
  });

  it('still fails a test that fails alone, and reports the malformed line of the shared file', async () => {
    mkdirSync(join(root, 'datasets', 'fixed'), { recursive: true });
    writeFileSync(join(root, 'datasets', 'fixed', 'a.json'), '{"host":"h1","EventCode":4688}\n{"host":"h2","EventCode":1}\nnot json\n');
    const files = DETECTIONS.slice(0, 3).map(([name, search, observables]) => detectionFile(`fixed ${name}`, search, observables, [['fixed/a.json']]));
    const shared = await testDetections(files, options(true));
    expect(shared.map((o) => o.status)).toEqual(['pass', 'fail', 'fail']);
    expect(shared[1]!.reason).toBe('missing field user');
    expect(shared[2]!.reason).toBe('no results');
    for (const o of shared) {
      // Records read are the well-formed ones (the malformed one is counted apart), as in a run alone.
      expect(o.eventsRead).toBe(2);
      expect(o.malformedCount).toBe(1);
      expect(o.malformed[0]).toMatch(/a\.json:3: /);
    }
  });
});

describe('groupBySharedData', () => {
  const detection = (name: string): Detection => ({ name, search: '*', file: `${name}.yml` }) as Detection;
  const planned = (query: PlannedCase['query'], det: Detection, files: string[], slot: number): PlannedCase => ({
    testCase: { detection: det, name: 't', files: files.map((path) => ({ path })) } as TestCase, query, slot,
  });

  it('groups cases by their files in order, and never puts one search twice in a group', () => {
    const q1 = compile('search a');
    const q2 = compile('search b');
    const d1 = detection('one');
    const d2 = detection('two');
    const made = compile('| makeresults');
    const groups = groupBySharedData([
      planned(q1, d1, ['x'], 0), planned(q2, d2, ['x'], 1), planned(q1, d1, ['x'], 2), planned(q2, d2, ['x', 'y'], 3), planned(q1, d1, ['y', 'x'], 4),
      planned(made, detection('made'), ['x'], 5),
    ]);
    // A generating search reads no data: it is a group of its own.
    expect(groups.map((g) => g.map((c) => c.slot))).toEqual([[0, 1], [2], [3], [4], [5]]);
  });
});
