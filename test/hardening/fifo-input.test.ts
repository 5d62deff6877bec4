// Pipes and FIFOs as input are read once as streams, not by offset (issue 16 point 24: ESPIPE, exit 70).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/query.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-fifo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('FIFO input', () => {
  it.skipIf(process.platform === 'win32')('a mkfifo path gives every event', async () => {
    const fifo = join(dir, 'events.fifo');
    execFileSync('mkfifo', [fifo]);
    const writer = createWriteStream(fifo);
    writer.end(Array.from({ length: 500 }, (_, i) => `${JSON.stringify({ n: i, host: i % 2 ? 'a' : 'b' })}\n`).join(''));
    const run = compile('search * | stats count by host').runFiles([fifo], { threads: 2 });
    const rows: Array<Record<string, unknown>> = [];
    for await (const row of run) rows.push(row.toObject());
    const summary = await run.summary;
    expect(rows).toEqual([{ host: 'a', count: 250 }, { host: 'b', count: 250 }]);
    expect(summary.malformed.count).toBe(0);
  });
});
