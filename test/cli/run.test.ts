// `splq run` end to end, in-process: outputs, summary, bad input (malformed lines, --strict, missing files), errors.
// What needs a real process (stdin, a closed pipe) is in process.test.ts and process.full.test.ts.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splq, tempFiles } from '../helpers/cli.js';

const GOOD = '{"host":"a","n":1}\n{"host":"b","n":2}\n';

describe('splq run: outputs', () => {
  it('ndjson keeps field order, numbers as numbers, multivalues as arrays', async () => {
    const dir = tempFiles({ 'e.json': '{"b":1,"a":"x","tags":["p","q"]}\n' });
    const r = await splq(['run', 'search * | table b a tags{}', '-i', join(dir, 'e.json'), '-o', 'ndjson']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{"b":1,"a":"x","tags{}":["p","q"]}\n');
  });
  it('csv has a header and one row per result', async () => {
    const dir = tempFiles({ 'e.json': GOOD });
    const r = await splq(['run', 'search * | table host n', '-i', dir, '-o', 'csv']);
    expect(r.stdout).toBe('host,n\na,1\nb,2\n');
  });
  it('table aligns columns', async () => {
    const dir = tempFiles({ 'e.json': GOOD });
    const r = await splq(['run', 'search * | table host n', '-i', dir, '-o', 'table']);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual(['host  n', '----  -', 'a     1', 'b     2']);
  });
  it('a field path that cannot exist yields no value, not an error', async () => {
    const dir = tempFiles({ 'e.json': GOOD });
    const r = await splq(['run', 'search * | table host no.such{}.path', '-i', dir, '-o', 'ndjson']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{"host":"a"}\n{"host":"b"}\n');
  });
});

describe('splq run: bad input loses nothing silently', () => {
  const malformed = '{"host":"a"}\n{"host": oops}\n{"host":"c"}\n';
  it('reports a malformed line with file and line, counts it, and skips it', async () => {
    const dir = tempFiles({ 'bad.json': malformed });
    const r = await splq(['run', 'search *', '-i', join(dir, 'bad.json'), '-o', 'ndjson', '-v']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/bad\.json:2/);
    expect(r.stderr).toMatch(/malformed=1/);
  });
  it('--strict turns a malformed line into a failure with its file and line', async () => {
    const dir = tempFiles({ 'bad.json': malformed });
    const r = await splq(['run', 'search *', '-i', join(dir, 'bad.json'), '-o', 'ndjson', '--strict']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/bad\.json:2/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
  it('a missing file is a clear input error', async () => {
    const r = await splq(['run', 'search *', '-i', '/nonexistent/file.json']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/cannot read \/nonexistent\/file\.json/);
  });
});

describe('splq run: query errors', () => {
  it('an unknown command is a query error with a caret, and no stack trace', async () => {
    const dir = tempFiles({ 'e.json': GOOD });
    const r = await splq(['run', 'search * | frobnicate x', '-i', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command `frobnicate`');
    expect(r.stderr).toContain('1 | search * | frobnicate x\n               ^^^^^^^^^^');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
  it('a command splq cannot run yet says so before reading input', async () => {
    const r = await splq(['run', 'search * | cluster showcount=t', '-i', '/nonexistent/file.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('`cluster` is not supported yet');
  });
  it('an error inside a macro names the macro', async () => {
    const dir = tempFiles({ 'm.yml': 'name: broken\ndefinition: "search x | frobnicate"\n', 'e.json': GOOD });
    const r = await splq(['run', 'host=a | `broken`', '-m', join(dir, 'm.yml'), '-i', join(dir, 'e.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('in expansion of macro `broken`');
  });
});

describe('splq run: several inputs and leftover words', () => {
  it('reads every path given after one -i (as a shell glob expands), and -i again adds more', async () => {
    const dir = tempFiles({ 'a.json': '{"n":1}\n', 'b.json': '{"n":2}\n', 'c.json': '{"n":3}\n' });
    const [a, b, c] = ['a', 'b', 'c'].map((name) => join(dir, `${name}.json`));
    const r = await splq(['run', 'search * | stats sum(n) as total count', '-i', a!, b!, '-i', c!, '-o', 'ndjson']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('{"total":6,"count":3}\n');
  });

  it('a word left over is a usage error (64), not silently ignored', async () => {
    const dir = tempFiles({ 'a.json': '{"n":1}\n' });
    const r = await splq(['run', 'search *', join(dir, 'a.json')]);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('too many arguments');
    expect((await splq(['run', 'search *', '--no-such-option'])).status).toBe(64);
  });
});
