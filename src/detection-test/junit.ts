// JUnit XML for CI: one <testsuite> per detection file, one <testcase> per test, failures/skips/errors with reasons.
import type { TestOutcome } from './types.js';
import { totalsOf } from './summary.js';

/** Characters XML 1.0 cannot hold at all (control characters other than tab, newline, carriage return). */
const INVALID_XML_CHARS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function xmlEscape(text: string): string {
  return text.replace(INVALID_XML_CHARS, '').replace(/[&<>"']/g, (ch) => ESCAPES[ch]!);
}

const seconds = (s: number): string => s.toFixed(3);

export function renderJunit(outcomes: readonly TestOutcome[]): string {
  const byFile = new Map<string, TestOutcome[]>();
  for (const o of outcomes) {
    const list = byFile.get(o.file);
    if (list) list.push(o);
    else byFile.set(o.file, [o]);
  }
  const all = totalsOf(outcomes);
  const time = outcomes.reduce((sum, o) => sum + o.seconds, 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="splq test" ${counts(all)} time="${seconds(time)}">`,
  ];
  for (const [file, list] of byFile) lines.push(...suite(file, list));
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

function counts(t: ReturnType<typeof totalsOf>): string {
  return `tests="${t.tests}" failures="${t.fail}" errors="${t.error}" skipped="${t.skip}"`;
}

function suite(file: string, list: TestOutcome[]): string[] {
  const time = list.reduce((sum, o) => sum + o.seconds, 0);
  const name = xmlEscape(list[0]!.detectionName);
  const out = [`  <testsuite name="${name}" file="${xmlEscape(file)}" ${counts(totalsOf(list))} time="${seconds(time)}">`];
  for (const o of list) out.push(...testcase(o, name));
  out.push('  </testsuite>');
  return out;
}

function testcase(o: TestOutcome, className: string): string[] {
  const open = `    <testcase classname="${className}" name="${xmlEscape(o.testName)}" file="${xmlEscape(o.file)}" time="${seconds(o.seconds)}"`;
  const message = xmlEscape(o.reason.split('\n')[0]!);
  switch (o.status) {
    case 'pass':
      return [`${open}/>`];
    case 'skip':
      return [`${open}>`, `      <skipped message="${message}"/>`, '    </testcase>'];
    case 'fail':
      return [`${open}>`, `      <failure type="detection-test" message="${message}">${xmlEscape(details(o))}</failure>`, '    </testcase>'];
    case 'error':
      return [`${open}>`, `      <error type="error" message="${message}">${xmlEscape(o.reason)}</error>`, '    </testcase>'];
  }
}

function details(o: TestOutcome): string {
  const lines = [o.reason, `results: ${o.results}, events replayed: ${o.eventsRead}`];
  if (o.malformedCount > 0) lines.push(`malformed input records skipped: ${o.malformedCount}`, ...o.malformed);
  return lines.join('\n');
}
