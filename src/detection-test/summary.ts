// The readable report of `splq test`: one line per test (PASS/FAIL/SKIP/ERROR and why), then the totals.
import type { TestOutcome, TestStatus } from './types.js';
import { plural } from './verdict.js';

const LABEL: Record<TestStatus, string> = { pass: 'PASS ', fail: 'FAIL ', skip: 'SKIP ', error: 'ERROR' };
const INDENT = '      ';

export interface Totals {
  tests: number;
  pass: number;
  fail: number;
  skip: number;
  error: number;
}

export function totalsOf(outcomes: readonly TestOutcome[]): Totals {
  const totals: Totals = { tests: outcomes.length, pass: 0, fail: 0, skip: 0, error: 0 };
  for (const o of outcomes) totals[o.status]++;
  return totals;
}

/** `PASS  <detection> [<test>]: <reason> (<n> events replayed)`, continuation lines indented, then a totals line. */
export function renderSummary(outcomes: readonly TestOutcome[]): string {
  const lines: string[] = [];
  for (const o of outcomes) {
    const [first = '', ...rest] = o.reason.split('\n');
    const replayed = o.status === 'pass' || o.status === 'fail' ? ` (${plural(o.eventsRead, 'event')} replayed)` : '';
    lines.push(`${LABEL[o.status]} ${o.detectionName} [${o.testName}]: ${first}${replayed}`);
    for (const line of rest) lines.push(INDENT + line);
    if (o.malformedCount > 0) {
      lines.push(`${INDENT}note: ${plural(o.malformedCount, 'malformed input record')} skipped:`);
      for (const line of o.malformed) lines.push(`${INDENT}  ${line}`);
    }
  }
  const t = totalsOf(outcomes);
  lines.push('', `${plural(t.tests, 'test')}: ${t.pass} passed, ${t.fail} failed, ${t.skip} skipped, ${plural(t.error, 'error')}`);
  return `${lines.join('\n')}\n`;
}
