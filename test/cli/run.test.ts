// `splq run` end to end: outputs, summary, bad input (malformed lines, --strict, missing files), error rendering.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, runCli, tempFiles } from '../helpers/cli.js';

const GOOD = '{"host":"a","n":1}\n{"host":"b","n":2}\n';

describe('splq run: outputs', () => {
  it('ndjson keeps field order, numbers as numbers, multivalues as arrays', () => {
    const dir = tempFiles({ 'e.json': '{"b":1,"a":"x","tags":["p","q"]}\n' });
    const r = runCli(['run', 'search * | table b a tags{}', '-i', join(dir, 'e.json'), '-o', 'ndjson']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{"b":1,"a":"x","tags{}":["p","q"]}\n');
  });
  it('csv has a header and one row per result', () => {
    const dir = tempFiles({ 'e.json': GOOD });
    const r = runCli(['run', 'search * | table host n', '-i', dir, '-o', 'csv']);
    expect(r.stdout).toBe('host,n\na,1\nb,2\n');
  });
  it('table aligns columns', () => {
    const dir = tempFiles({ 'e.json': GOOD });
    const r = runCli(['run', 'search * | table host n', '-i', dir, '-o', 'table']);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual(['host  n', '----  -', 'a     1', 'b     2']);
  });
  it('reads the query from stdin when inputs are files', () => {
    const dir = tempFiles({ 'e.json': GOOD });
    const r = runCli(['run', '-i', join(dir, 'e.json'), '-o', 'ndjson'], 'host=b | table n');
    expect(r.stdout).toBe('{"n":2}\n');
  });
  it('a field path that cannot exist yields no value, not an error', () => {
    const dir = tempFiles({ 'e.json': GOOD });
    const r = runCli(['run', 'search * | table host no.such{}.path', '-i', dir, '-o', 'ndjson']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('{"host":"a"}\n{"host":"b"}\n');
  });
});

describe('splq run: bad input loses nothing silently', () => {
  const malformed = '{"host":"a"}\n{"host": oops}\n{"host":"c"}\n';
  it('reports a malformed line with file and line, counts it, and skips it', () => {
    const dir = tempFiles({ 'bad.json': malformed });
    const r = runCli(['run', 'search *', '-i', join(dir, 'bad.json'), '-o', 'ndjson', '-v']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toHaveLength(2);
    expect(r.stderr).toMatch(/bad\.json:2/);
    expect(r.stderr).toMatch(/malformed=1/);
  });
  it('--strict turns a malformed line into a failure with its file and line', () => {
    const dir = tempFiles({ 'bad.json': malformed });
    const r = runCli(['run', 'search *', '-i', join(dir, 'bad.json'), '-o', 'ndjson', '--strict']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/bad\.json:2/);
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
  it('a missing file is a clear input error', () => {
    const r = runCli(['run', 'search *', '-i', '/nonexistent/file.json']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/cannot read \/nonexistent\/file\.json/);
  });
});

describe('splq run: query errors', () => {
  it('an unknown command is a query error with a caret, and no stack trace', () => {
    const dir = tempFiles({ 'e.json': GOOD });
    const r = runCli(['run', 'search * | frobnicate x', '-i', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('unknown command `frobnicate`');
    expect(r.stderr).toContain('1 | search * | frobnicate x\n               ^^^^^^^^^^');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
  it('a command splq cannot run yet says so before reading input', () => {
    const r = runCli(['run', 'search * | cluster showcount=t', '-i', '/nonexistent/file.json']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('`cluster` is not supported yet');
  });
  it('an error inside a macro names the macro', () => {
    const dir = tempFiles({ 'm.yml': 'name: broken\ndefinition: "search x | frobnicate"\n', 'e.json': GOOD });
    const r = runCli(['run', 'host=a | `broken`', '-m', join(dir, 'm.yml'), '-i', join(dir, 'e.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('in expansion of macro `broken`');
  });
});

describe('splq run: output that pipes well', () => {
  it('stops quietly with status 0 when the reader closes the pipe early (`| head`)', async () => {
    const { spawn } = await import('node:child_process');
    const lines = Array.from({ length: 40000 }, (_, i) => JSON.stringify({ host: `h${i % 7}`, n: i, msg: 'x'.repeat(40) }));
    const dir = tempFiles({ 'big.json': `${lines.join('\n')}\n` });
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src/cli/main.ts'), 'run', 'search *', '-i', join(dir, 'big.json'), '-o', 'ndjson'], { cwd: REPO });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    // Like `head -1`: read the first chunk, then close our end.
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  }, 30_000);
});

describe('splq run: several inputs and leftover words', () => {
  it('reads every path given after one -i (as a shell glob expands), and -i again adds more', () => {
    const dir = tempFiles({ 'a.json': '{"n":1}\n', 'b.json': '{"n":2}\n', 'c.json': '{"n":3}\n' });
    const [a, b, c] = ['a', 'b', 'c'].map((name) => join(dir, `${name}.json`));
    const r = runCli(['run', 'search * | stats sum(n) as total count', '-i', a!, b!, '-i', c!, '-o', 'ndjson']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('{"total":6,"count":3}\n');
  });

  it('a word left over is a usage error (64), not silently ignored', () => {
    const dir = tempFiles({ 'a.json': '{"n":1}\n' });
    const r = runCli(['run', 'search *', join(dir, 'a.json')]);
    expect(r.status).toBe(64);
    expect(r.stderr).toContain('too many arguments');
    expect(runCli(['run', 'search *', '--no-such-option']).status).toBe(64);
  });
});
