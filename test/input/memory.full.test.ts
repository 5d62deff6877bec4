// Streaming check: reading a ~200 MB NDJSON file keeps resident memory flat (no whole-file buffering).
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRecords } from '../../src/input/sources/records.js';

const BLOCK_LINES = 20_000;
const BLOCKS = 100;
const MAX_RSS_GROWTH = 100 * 1024 * 1024;
const path = join(tmpdir(), `splq-memory-${process.pid}.ndjson`);

afterAll(() => rmSync(path, { force: true }));

/** Write BLOCKS copies of a block of NDJSON lines (~2 MB each); returns the file size. */
function writeBigFile(): number {
  const line = JSON.stringify({ EventID: 4688, Computer: 'host.example', Message: 'A new process has been created. '.repeat(3) });
  const block = Buffer.from(`${line}\n`.repeat(BLOCK_LINES));
  const fd = openSync(path, 'w');
  try {
    for (let i = 0; i < BLOCKS; i++) writeSync(fd, block);
  } finally {
    closeSync(fd);
  }
  return block.length * BLOCKS;
}

describe('streaming', () => {
  it('reads a ~200 MB file with RSS growth under 100 MB', async () => {
    const size = writeBigFile();
    expect(size).toBeGreaterThan(150 * 1024 * 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    let records = 0;
    let lastLine = 0;
    for await (const batch of readRecords([path])) {
      records += batch.length;
      lastLine = batch[batch.length - 1]!.line;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    expect(records).toBe(BLOCK_LINES * BLOCKS);
    expect(lastLine).toBe(BLOCK_LINES * BLOCKS);
    expect(peak - before).toBeLessThan(MAX_RSS_GROWTH);
  }, 30_000);
});
