// Binary files, gzip on a stream, UTF-16 text: detected from their bytes, never read as garbage (issue 16 point 5).
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { sniffEncoding, SNIFF_BYTES } from '../../src/input/sources/input-encoding.js';
import { formatDecodeError } from '../../src/input/malformed.js';
import { compile } from '../../src/query.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-encodings-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const NDJSON = '{"host":"a","n":1}\n{"host":"b","n":2}\n';
/** An ELF-like header: NUL bytes, control bytes, an escape sequence that would recolour a terminal. */
const BINARY = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0x1b]), Buffer.from('[31mRED\x07{"host":"x"}\n')]);

async function run(spl: string, inputs: string[], strict = false) {
  const execution = compile(spl).runFiles(inputs, { threads: 1, strict });
  const rows: Array<Record<string, unknown>> = [];
  for await (const row of execution) rows.push(row.toObject());
  return { rows, summary: await execution.summary };
}

function file(name: string, bytes: Buffer | string): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** A FIFO fed `bytes` by this process: a stream that cannot be reopened or read by offset. */
function fifo(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  execFileSync('mkfifo', [path]);
  createWriteStream(path).end(bytes);
  return path;
}

describe('sniffEncoding', () => {
  it('knows gzip and UTF-16 from their first two bytes, binary from a NUL or many control bytes', () => {
    expect(sniffEncoding(Buffer.from([0x1f, 0x8b]), false)).toEqual({ kind: 'gzip' });
    expect(sniffEncoding(Buffer.from([0xff, 0xfe]), false)).toEqual({ kind: 'utf-16le' });
    expect(sniffEncoding(Buffer.from([0xfe, 0xff]), false)).toEqual({ kind: 'utf-16be' });
    expect(sniffEncoding(Buffer.from('{"a":1}', 'utf16le'), true)).toEqual({ kind: 'utf-16le' });
    expect(sniffEncoding(Buffer.from('{"a":1}', 'utf16le').swap16(), true)).toEqual({ kind: 'utf-16be' });
    expect(sniffEncoding(BINARY, true)).toEqual({ kind: 'binary', reason: 'a NUL byte at byte 7' });
    expect(sniffEncoding(Buffer.from('\x01\x02\x03\x04 {"a":1}\n'), true)).toMatchObject({ kind: 'binary' });
    expect(sniffEncoding(Buffer.from('{"a":"\x1b[31mred"}\n'), true)).toEqual({ kind: 'text' });
    expect(sniffEncoding(Buffer.from('<Event>é</Event>\n'), true)).toEqual({ kind: 'text' });
    expect(sniffEncoding(Buffer.from('\uFEFF {"a":1}\n\0\0\0\n'), true)).toEqual({ kind: 'text' });
  });

  it('waits for a line or SNIFF_BYTES on a stream, but not for more', () => {
    expect(sniffEncoding(Buffer.from('{"a":'), false)).toBeUndefined();
    expect(sniffEncoding(Buffer.from('{"a":1}\n{'), false)).toEqual({ kind: 'text' });
    expect(sniffEncoding(Buffer.alloc(SNIFF_BYTES, 0x61), false)).toEqual({ kind: 'text' });
  });
});

describe('binary input', () => {
  it('is one malformed record naming the file, its bytes never printed; the other files are read', async () => {
    const binary = file('tool.bin', BINARY);
    const good = file('good.ndjson', NDJSON);
    const { rows, summary } = await run('search * | stats count', [binary, good]);
    expect(rows).toEqual([{ count: 2 }]);
    expect(summary.malformed.count).toBe(1);
    expect(summary.malformed.lines).toEqual([`${binary}:1: binary data, not JSON or XML text: a NUL byte at byte 7; the input is skipped`]);
  });

  it('a file that opens like JSON is read line by line even with NUL bytes further on: only those lines are lost', async () => {
    const path = file('crashed.ndjson', Buffer.concat([Buffer.from(NDJSON), Buffer.alloc(100), Buffer.from('\n{"host":"c","n":3}\n')]));
    const { rows, summary } = await run('search * | stats count', [path]);
    expect(rows).toEqual([{ count: 3 }]);
    expect(summary.malformed.lines).toEqual([expect.stringMatching(new RegExp(`^${path}:3: invalid JSON: .*\\\\x00`))]);
  });

  it('fails the run under --strict', async () => {
    const binary = file('strict.bin', BINARY);
    await expect(run('search *', [binary], true)).rejects.toMatchObject({ code: 'malformed-input', message: expect.stringContaining('binary data') });
    await expect(run('search *', [binary], true)).rejects.toBeInstanceOf(SplError);
  });

  it('a malformed line quoting control bytes is printed with them escaped', () => {
    const line = formatDecodeError({ file: 'f', line: 2, message: 'invalid JSON: Unexpected token \'\x1b\', "\x1b[31m\x00\x07"... is not valid JSON' });
    expect(line).toBe('f:2: invalid JSON: Unexpected token \'\\x1b\', "\\x1b[31m\\x00\\x07"... is not valid JSON');
    expect(line).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/);
  });
});

describe.skipIf(process.platform === 'win32')('gzip on a stream', () => {
  it('gzip data on a FIFO (no .gz name, read once) is decompressed', async () => {
    const { rows, summary } = await run('search * | stats count by host', [fifo('gz.fifo', gzipSync(NDJSON))]);
    expect(rows).toEqual([{ host: 'a', count: 1 }, { host: 'b', count: 1 }]);
    expect(summary.malformed.count).toBe(0);
  });

  it('a gzip file without a .gz name is decompressed too', async () => {
    const { rows } = await run('search * | stats sum(n)', [file('packed.json', gzipSync(NDJSON))]);
    expect(rows).toEqual([{ 'sum(n)': 3 }]);
  });
});

describe('UTF-16 text', () => {
  const text = '\uFEFF{"host":"ä","n":1}\r\n{"host":"𝔟","n":2}\r\n';
  const cases: Array<[string, Buffer]> = [
    ['utf-16le with a BOM', Buffer.from(text, 'utf16le')],
    ['utf-16be with a BOM', Buffer.from(text, 'utf16le').swap16()],
    ['utf-16le without a BOM', Buffer.from(text.slice(1), 'utf16le')],
  ];
  for (const [name, bytes] of cases) {
    it(`${name} is decoded`, async () => {
      const { rows, summary } = await run('search * | table host n', [file(`${name.replace(/ /g, '-')}.json`, bytes)]);
      expect(rows).toEqual([{ host: 'ä', n: 1 }, { host: '𝔟', n: 2 }]);
      expect(summary.malformed.count).toBe(0);
    });
  }

  it('gzipped UTF-16 is decompressed, then decoded', async () => {
    const { rows } = await run('search * | table host', [file('both.json.gz', gzipSync(Buffer.from(text, 'utf16le')))]);
    expect(rows).toEqual([{ host: 'ä' }, { host: '𝔟' }]);
  });
});
