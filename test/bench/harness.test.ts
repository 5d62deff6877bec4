// Tests of the harness plumbing: child measurement, the floor scripts and data-file reuse.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildChildScripts } from '../../bench/children.js';
import { ensureDataset } from '../../bench/dataset.js';
import { findSplq, floorCommand, splqCommand } from '../../bench/engines.js';
import { measure } from '../../bench/measure.js';

const ROOT = resolve(__dirname, '../..');
const scratch = mkdtempSync(join(tmpdir(), 'splq-bench-harness-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const scripts = buildChildScripts(ROOT, join(scratch, 'children'));

describe('measure', () => {
  it('writes the child stdout to the file and reports wall time, CPU and peak RSS', async () => {
    const out = join(scratch, 'hello.out');
    const result = await measure({ command: process.execPath, args: ['-e', 'const a = Buffer.alloc(64 << 20, 1); console.log(a[5])'] }, out);
    expect(result.exitCode).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('1\n');
    expect(result.wallSeconds).toBeGreaterThan(0);
    if (process.platform === 'linux') {
      expect(result.cpuSeconds).toBeGreaterThan(0);
      expect(result.peakRssMb).toBeGreaterThan(64);
    }
  });

  it('passes on a failing exit code and the start of stderr', async () => {
    const result = await measure({ command: process.execPath, args: ['-e', 'console.error("boom"); process.exit(3)'] }, join(scratch, 'fail.out'));
    expect(result.exitCode).toBe(3);
    expect(result.stderrHead).toContain('boom');
  });
});

describe('floor scripts', () => {
  async function floorCount(script: 'count-lines' | 'parse-lines', text: string): Promise<number> {
    const data = join(scratch, `${script}.ndjson`);
    writeFileSync(data, text);
    const out = join(scratch, `${script}.out`);
    expect((await measure(floorCommand(scripts, script, data), out)).exitCode).toBe(0);
    return (JSON.parse(readFileSync(out, 'utf8')) as { count: number }).count;
  }

  it('count lines, with or without a final newline, across 64 KiB chunk edges', async () => {
    const lines = Array.from({ length: 3000 }, (_, i) => JSON.stringify({ i, pad: 'é'.repeat(i % 90) }));
    expect(await floorCount('count-lines', `${lines.join('\n')}\n`)).toBe(3000);
    expect(await floorCount('count-lines', lines.join('\n'))).toBe(3000);
    expect(await floorCount('parse-lines', lines.join('\n'))).toBe(3000);
  });

  it('parse-lines fails on a line that is not JSON', async () => {
    const data = join(scratch, 'bad.ndjson');
    writeFileSync(data, '{"a":1}\n{oops\n');
    expect((await measure(floorCommand(scripts, 'parse-lines', data), join(scratch, 'bad.out'))).exitCode).not.toBe(0);
  });
});

describe('ensureDataset', () => {
  it('generates the file once, reuses it for the same seed and count, and regenerates for another seed', () => {
    const dir = join(scratch, 'data');
    const logged: string[] = [];
    const first = ensureDataset(dir, 300, 1, (line) => logged.push(line));
    expect(first).toMatchObject({ path: join(dir, 'events-300.ndjson'), events: 300, seed: 1 });
    expect(statSync(first.path).size).toBe(first.bytes);
    const firstBytes = readFileSync(first.path);
    ensureDataset(dir, 300, 1, (line) => logged.push(line));
    expect(logged[1]).toMatch(/^data: reusing/);
    const other = ensureDataset(dir, 300, 2, (line) => logged.push(line));
    expect(logged[2]).toMatch(/^data: generating/);
    expect(readFileSync(other.path).equals(firstBytes)).toBe(false);
  });
});

describe('findSplq and splqCommand', () => {
  const root = join(scratch, 'repo');
  mkdirSync(join(root, 'src', 'cli'), { recursive: true });
  mkdirSync(join(root, 'dist', 'bundle'), { recursive: true });

  it('finds nothing without a CLI, the sources via tsx, and the bundled CLI only while it is newer than src/ and grammar/', () => {
    expect(findSplq(root)).toBeUndefined();
    writeFileSync(join(root, 'src', 'cli', 'main.ts'), '');
    expect(findSplq(root)).toEqual({ label: 'tsx', prefix: ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts')] });
    const bundle = join(root, 'dist', 'bundle', 'splq.cjs');
    writeFileSync(bundle, '');
    utimesSync(join(root, 'src', 'cli', 'main.ts'), new Date(1000), new Date(1000));
    expect(findSplq(root)).toEqual({ label: 'dist', prefix: [bundle] });
    utimesSync(bundle, new Date(500), new Date(500));
    expect(findSplq(root)?.label).toBe('tsx');
    utimesSync(bundle, new Date(2000), new Date(2000));
    mkdirSync(join(root, 'grammar'));
    writeFileSync(join(root, 'grammar', 'parser.ts'), '');
    utimesSync(join(root, 'grammar', 'parser.ts'), new Date(3000), new Date(3000));
    expect(findSplq(root)?.label).toBe('tsx');
  });

  it('calls `run` with the query, the macros, the input, ndjson output and optional threads, in UTC', () => {
    const spec = splqCommand({ label: 'dist', prefix: ['main.js'] }, root, 'stats count', 'data.ndjson', 2);
    expect(spec.args).toEqual(['main.js', 'run', 'stats count', '-m', join(root, 'queries', 'macros'), '-i', 'data.ndjson', '-o', 'ndjson', '--threads', '2']);
    expect(spec.env?.TZ).toBe('UTC');
    expect(splqCommand({ label: 'dist', prefix: ['main.js'] }, root, 'x', 'd', undefined).args).not.toContain('--threads');
  });
});
