// Bad input is reported, not lost: truncated and invalid XML events (file and line; skipped, or fatal with --strict),
// and a props.conf syntax error (its file and line, with the line shown).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splq, tempFiles } from '../helpers/cli.js';
import { ndjsonRows } from './shared-data.js';

const NS = "xmlns='http://schemas.microsoft.com/win/2004/08/events/event'";
const event = (id: number, inner: string): string =>
  `<Event ${NS}><System><EventID>${id}</EventID><TimeCreated SystemTime='2021-01-14T23:41:4${id}Z'/>${inner}`;

const xml = [
  event(1, '<Computer>good-1</Computer></System></Event>'),
  event(2, '<Computer>cut-off</Computer>'), // line 2: truncated, the next <Event starts on line 3
  event(3, '<Computer>good-3</Computer></System></Event>'),
  event(4, '<Computer>bad</Computr></System></Event>'), // line 4: mismatched end tag
  event(5, '<Computer>good-5</Computer></System></Event>'),
  event(6, '<Computer>cut-at-end</Computer></System>'), // line 6: the file ends inside the event
].join('\n');

const dir = tempFiles({
  'events.xml': `${xml}\n`,
  'stanza.conf': '[default]\nFIELDALIAS-a = EventID AS EventCode\n[XmlWinEventLog\nFIELDALIAS-b = Computer AS dest\n',
  'alias.conf': '# aliases for XML events\n[XmlWinEventLog]\nFIELDALIAS-host = Computer\n',
});
const file = join(dir, 'events.xml');

describe('malformed XML events', () => {
  it('skips them, keeps the good events, and reports each with its file and line', async () => {
    const result = await splq(['run', '* | table EventCode ComputerName', '-i', file, '-o', 'ndjson', '-v']);
    expect(ndjsonRows(result)).toEqual([
      { EventCode: '1', ComputerName: 'good-1' },
      { EventCode: '3', ComputerName: 'good-3' },
      { EventCode: '5', ComputerName: 'good-5' },
    ]);
    const reports = result.stderr.split('\n').filter((line) => line.startsWith('splq: malformed input: '));
    expect(reports).toHaveLength(3);
    expect(reports[0]).toMatch(new RegExp(`${file}:2: truncated <Event>`));
    expect(reports[1]).toMatch(new RegExp(`${file}:4: invalid XML`));
    expect(reports[2]).toMatch(new RegExp(`${file}:6: truncated <Event>: the file ends before </Event>`));
    expect(result.stderr).toMatch(/events_read=3 .*malformed=3/);
  });

  it('--strict fails on the first one with an input error (exit 3) naming file and line, and prints no results', async () => {
    const result = await splq(['run', '* | table EventCode ComputerName', '-i', file, '-o', 'ndjson', '--strict']);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(new RegExp(`^error\\[malformed-input\\]: ${file}:2: truncated <Event>`));
    expect(result.stdout).toBe('');
  });
});

describe('props.conf syntax errors', () => {
  it('an unterminated stanza header names the file and line and shows the line', async () => {
    const result = await splq(['run', '* | table dest', '-i', file, '-o', 'ndjson', '--props', join(dir, 'stanza.conf')]);
    expect(result.status).toBe(3);
    const [message, where, text, caret] = result.stderr.split('\n');
    expect(message).toBe(`error[input-error]: ${join(dir, 'stanza.conf')}:3: unterminated stanza header [XmlWinEventLog (missing "]")`);
    expect([where, text, caret]).toEqual(['  --> line 3, column 1', '3 | [XmlWinEventLog', '    ^^^^^^^^^^^^^^^']);
  });

  it('a FIELDALIAS without AS says what is missing, at its line', async () => {
    const result = await splq(['run', '* | table dest', '-i', file, '-o', 'ndjson', '--props', join(dir, 'alias.conf')]);
    expect(result.status).toBe(3);
    expect(result.stderr).toMatch(new RegExp(`^error\\[input-error\\]: ${join(dir, 'alias.conf')}:3: FIELDALIAS-host: expected AS or ASNEW`));
    expect(result.stderr).toContain('3 | FIELDALIAS-host = Computer');
  });
});
