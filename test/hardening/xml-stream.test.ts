// XML events on a stream (stdin, a FIFO) are read as XML like an XML file, sniffed or forced (issue 16 point 7).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';
import type { ScanOptions } from '../../src/scan/index.js';
import { xmlEvent } from '../windows/helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-xml-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const XML = `<?xml version="1.0" encoding="utf-8"?>\n<Events>\n${[1, 2, 3].map((recordId) => xmlEvent({ recordId, computer: `host${recordId}` })).join('\n')}\n</Events>\n`;

function fifo(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  createWriteStream(path).end(bytes);
  return path;
}

async function run(spl: string, inputs: string[], options: ScanOptions = {}) {
  const execution = compile(spl).runFiles(inputs, { threads: 1, ...options });
  const rows: Array<Record<string, unknown>> = [];
  for await (const row of execution) rows.push(row.toObject());
  return { rows, summary: await execution.summary };
}

describe.skipIf(process.platform === 'win32')('XML on a stream', () => {
  it('Windows XML events on a FIFO are sniffed and read as XmlWinEventLog', async () => {
    const { rows, summary } = await run('EventCode=4688 | table Computer sourcetype', [fifo('events.fifo', XML)]);
    expect(rows).toEqual([1, 2, 3].map((n) => ({ Computer: `host${n}`, sourcetype: 'XmlWinEventLog' })));
    expect(summary.malformed.count).toBe(0);
  });

  it('gzipped XML on a FIFO too', async () => {
    const { rows } = await run('search * | stats count', [fifo('events-gz.fifo', gzipSync(XML))]);
    expect(rows).toEqual([{ count: 3 }]);
  });

  it('--format xml reads a stream as XML even when it does not start with <', async () => {
    const text = `exported by some tool\n${XML}`;
    const { rows, summary } = await run('search * | stats count', [fifo('forced.fifo', text)], { preset: 'windows', format: 'xml' });
    expect(rows).toEqual([{ count: 3 }]);
    expect(summary.malformed.lines).toEqual([`${join(dir, 'forced.fifo')}:1: skipped 1 line(s) of text outside <Event> elements (not XmlWinEventLog)`]);
  });
});

describe('truncated gzipped XML', () => {
  it('keeps the events before the cut and reports the cut at the line it falls in', async () => {
    const events = Array.from({ length: 400 }, (_, i) => xmlEvent({ recordId: i, computer: `host${i}` })).join('\n');
    const packed = gzipSync(events);
    const path = join(dir, 'cut.xml.gz');
    writeFileSync(path, packed.subarray(0, packed.length >> 1));
    const { rows, summary } = await run('search * | stats count max(EventRecordID) as last', [path]);
    const { count, last } = rows[0] as { count: number; last: string };
    expect(count).toBeGreaterThan(10);
    expect(Number(last)).toBe(count - 1);
    const cutLine = count + 1;
    expect(summary.malformed.lines).toEqual([
      `${path}:${cutLine}: truncated <Event>: the file ends before </Event>`,
      expect.stringMatching(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${cutLine}: gzip data is truncated: reading stopped in this line`)),
    ]);
  });
});
