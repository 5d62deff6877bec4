// Unit tests of `splq test`'s parts: attack_data URL mapping, case planning, the result judge, JUnit XML.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { planCases } from '../../src/detection-test/cases.js';
import { locateAttackData } from '../../src/detection-test/data-path.js';
import { renderJunit, xmlEscape } from '../../src/detection-test/junit.js';
import { renderSummary } from '../../src/detection-test/summary.js';
import type { TestOutcome } from '../../src/detection-test/types.js';
import { ResultJudge } from '../../src/detection-test/verdict.js';
import type { Detection } from '../../src/detection.js';
import { Event } from '../../src/runtime/event.js';

const ROOT = '/data/attack_data';
const TAIL = 'datasets/attack_techniques/T1047/atomic_red_team/windows-sysmon.log';

describe('locateAttackData', () => {
  it('maps the media.githubusercontent.com URL ESCU uses under <root>/datasets', () => {
    expect(locateAttackData(`https://media.githubusercontent.com/media/splunk/attack_data/master/${TAIL}`, ROOT)).toEqual({ path: `${ROOT}/${TAIL}` });
  });

  it('maps raw.githubusercontent.com and github.com/raw URLs, any branch, decoding %XX', () => {
    expect(locateAttackData(`https://raw.githubusercontent.com/splunk/attack_data/main/${TAIL}`, ROOT)).toEqual({ path: `${ROOT}/${TAIL}` });
    expect(locateAttackData('https://github.com/splunk/attack_data/raw/master/datasets/a%20b/c.log', ROOT)).toEqual({ path: `${ROOT}/datasets/a b/c.log` });
  });

  it('cannot escape the data root with ..', () => {
    const located = locateAttackData('https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/../../../etc/passwd', ROOT);
    expect(located).toEqual({ unmapped: expect.stringContaining('not a splunk/attack_data URL') });
  });

  it('says why a URL has no local file', () => {
    expect(locateAttackData('https://example.com/x.log', ROOT)).toEqual({ unmapped: expect.stringContaining('not a splunk/attack_data URL') });
    expect(locateAttackData(`https://media.githubusercontent.com/media/splunk/attack_data/master/${TAIL}`, undefined)).toEqual({
      unmapped: expect.stringContaining('no --data-root'),
    });
  });

  it('issue 16 point 22: encoded separators, .. and absolute paths cannot leave the root without the opt-in', () => {
    const encoded = 'https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/..%2F..%2F..%2Fetc%2Fpasswd';
    expect(locateAttackData(encoded, ROOT)).toEqual({ unmapped: expect.stringContaining('refused') });
    expect(locateAttackData('https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/%2E%2E/x', ROOT)).toHaveProperty('unmapped');
    expect(locateAttackData('../x.log', ROOT)).toEqual({ unmapped: expect.stringContaining('outside --data-root') });
    expect(locateAttackData('rel/../../x.log', ROOT)).toEqual({ unmapped: expect.stringContaining('outside --data-root') });
    expect(locateAttackData('/etc/passwd', ROOT)).toEqual({ unmapped: expect.stringContaining('absolute path') });
    expect(locateAttackData('/abs/x.log', ROOT, true)).toEqual({ path: '/abs/x.log' });
    expect(locateAttackData('../x.log', ROOT, true)).toEqual({ path: join(ROOT, '../x.log') });
  });

  it('takes plain paths relative to the data root (absolute ones with the opt-in)', () => {
    expect(locateAttackData('/abs/x.log', undefined, true)).toEqual({ path: '/abs/x.log' });
    expect(locateAttackData('rel/x.log', ROOT)).toEqual({ path: `${ROOT}/rel/x.log` });
    expect(locateAttackData('rel/x.log', undefined)).toEqual({ unmapped: expect.stringContaining('relative path') });
  });
});

describe('planCases', () => {
  const dir = mkdtempSync(join(tmpdir(), 'splq-plan-'));
  const present = join(dir, 'datasets', 'here.json');
  const url = (name: string): string => `https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/${name}`;
  const detection = (tests?: Detection['tests']): Detection => ({ name: 'D', search: '*', file: 'd.yml', ...(tests ? { tests } : {}) });
  mkdirSync(join(dir, 'datasets'));
  writeFileSync(present, '{}\n');

  it('one case per test, with the stated source and sourcetype per file', () => {
    const cases = planCases(detection([{ name: 'TP', attack_data: [{ data: url('here.json'), source: 'S', sourcetype: 'ST' }] }]), { dataRoot: dir });
    expect(cases).toEqual([{ detection: expect.anything(), name: 'TP', files: [{ path: present, source: 'S', sourcetype: 'ST' }] }]);
  });

  it('a missing data file makes the case a skip, naming the file', () => {
    const cases = planCases(detection([{ attack_data: [{ data: url('here.json'), source: '', sourcetype: '' }, { data: url('gone.log'), source: '', sourcetype: '' }] }]), { dataRoot: dir });
    expect(cases[0]!.name).toBe('test 1');
    expect(cases[0]!.skipReason).toBe(`data file not found: ${join(dir, 'datasets', 'gone.log')}`);
  });

  it('no tests and no --data is a skip; --data replaces the tests', () => {
    expect(planCases(detection(), {})[0]!.skipReason).toMatch(/no tests: and no --data/);
    const cases = planCases(detection([{ attack_data: [{ data: url('gone.log'), source: '', sourcetype: '' }] }]), {
      override: { files: [present], sourcetype: 'X' },
    });
    expect(cases).toEqual([{ detection: expect.anything(), name: 'command-line data', files: [{ path: present, sourcetype: 'X' }] }]);
  });
});

describe('ResultJudge', () => {
  const judge = (fields: string[], rows: Array<Record<string, string>>): ReturnType<ResultJudge['verdict']> => {
    const j = new ResultJudge(fields);
    for (const row of rows) j.add(Event.fromObject(row));
    return j.verdict();
  };

  it('fails with "no results" when the detection finds nothing', () => {
    expect(judge(['dest'], [])).toEqual({ passed: false, reason: 'no results' });
  });

  it('fails naming an observable field absent from the results', () => {
    expect(judge(['dest', 'user'], [{ dest: 'h', count: '1' }])).toEqual({ passed: false, reason: 'missing field user' });
    expect(judge(['dest'], [{ dest: 'h' }, { other: 'x' }])).toEqual({ passed: false, reason: 'missing field dest in 1 of 2 results' });
  });

  it('fails when no result has every observable non-empty', () => {
    expect(judge(['dest'], [{ dest: '' }])).toEqual({ passed: false, reason: 'observable field(s) dest empty in every result' });
  });

  it('passes with results that carry the observables', () => {
    expect(judge(['dest'], [{ dest: 'h' }, { dest: '' }])).toEqual({ passed: true, reason: '2 results; observable field(s) dest present' });
    expect(judge([], [{ x: '1' }])).toEqual({ passed: true, reason: '1 result' });
  });
});

const outcome = (over: Partial<TestOutcome>): TestOutcome => ({
  file: 'det.yml', detectionName: 'Det', testName: 'TP', status: 'pass', reason: '1 result',
  results: 1, eventsRead: 10, malformed: [], malformedCount: 0, seconds: 0.5, ...over,
});

/** Parse XML with saxes; returns the elements as [name, attributes] in document order (throws when malformed). */
function elements(xml: string): Array<[string, Record<string, string>]> {
  const out: Array<[string, Record<string, string>]> = [];
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (tag) => out.push([tag.name, tag.attributes as Record<string, string>]));
  parser.write(xml).close();
  return out;
}

describe('JUnit XML', () => {
  const outcomes = [
    outcome({}),
    outcome({ testName: 'TP2', status: 'fail', reason: 'missing field dest', malformed: ['f.log:3: bad'], malformedCount: 1 }),
    outcome({ file: 'b.yml', detectionName: 'B <&> "q"', status: 'skip', reason: 'data file not found: /x' }),
    outcome({ file: 'c.yml', detectionName: 'C', status: 'error', reason: 'error[parse-error]: x\n  --> line 1\u0001' }),
  ];
  const tags = elements(renderJunit(outcomes));

  it('is well-formed, with totals on <testsuites> and one <testsuite> per detection file', () => {
    expect(tags[0]).toEqual(['testsuites', { name: 'splq test', tests: '4', failures: '1', errors: '1', skipped: '1', time: '2.000' }]);
    const suites = tags.filter(([name]) => name === 'testsuite').map(([, a]) => [a.name, a.file, a.tests, a.failures]);
    expect(suites).toEqual([['Det', 'det.yml', '2', '1'], ['B <&> "q"', 'b.yml', '1', '0'], ['C', 'c.yml', '1', '0']]);
  });

  it('marks failures, skips and errors with their reason as the message', () => {
    const marks = tags.filter(([name]) => ['failure', 'skipped', 'error'].includes(name)).map(([name, a]) => [name, a.message]);
    expect(marks).toEqual([['failure', 'missing field dest'], ['skipped', 'data file not found: /x'], ['error', 'error[parse-error]: x']]);
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    expect(xmlEscape('a<b>&"c\'\u0001')).toBe('a&lt;b&gt;&amp;&quot;c&apos;');
  });
});

describe('renderSummary', () => {
  it('prints one labelled line per test, indented details, and the totals', () => {
    const text = renderSummary([
      outcome({}),
      outcome({ status: 'fail', reason: 'no results', eventsRead: 689, malformed: ['f.log:3: bad'], malformedCount: 1 }),
      outcome({ status: 'error', reason: 'error[x]: y\n  --> line 1' }),
    ]);
    expect(text.split('\n')).toEqual([
      'PASS  Det [TP]: 1 result (10 events replayed)',
      'FAIL  Det [TP]: no results (689 events replayed)',
      '      note: 1 malformed input record skipped:',
      '        f.log:3: bad',
      'ERROR Det [TP]: error[x]: y',
      '        --> line 1',
      '',
      '3 tests: 1 passed, 1 failed, 0 skipped, 1 error',
      '',
    ]);
  });
});
