// The esbuild bundle (dist/bundle/splq.cjs loading splq-main.cjs with its code cache, its workers too) prints what the tsc-built CLI prints, workers included.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, type CliResult } from '../helpers/cli.js';

const BUNDLED_CLI = join(REPO, 'dist/bundle/splq.cjs');
/** The loader (splq.cjs) runs the bundle splq-main.cjs with the V8 code cache splq-main.cache, after prestart.cjs (pool workers started early). */
const CLI_FILES = ['splq.cjs', 'prestart.cjs', 'splq-main.cjs', 'splq-main.cache'];
/** The ES module entry kept for those who start dist/bundle/splq.mjs: it only loads splq.cjs. */
const ESM_ENTRY = join(REPO, 'dist/bundle/splq.mjs');
const TSC_CLI = join(REPO, 'dist/src/cli/main.js');
/** Both CLIs come from the same `npm run build`: a bundle older than the tsc output is from an earlier build. */
const built = existsSync(BUNDLED_CLI) && existsSync(TSC_CLI) && statSync(BUNDLED_CLI).mtimeMs >= statSync(TSC_CLI).mtimeMs;
if (!built) console.warn('bundle tests skipped: run `npm run build` to create dist/bundle/splq.cjs beside an equally new dist/src/cli/main.js');

/** Byte ranges this small cut each generated file into several units, so `--threads 2` starts workers. */
const SPLIT_ENV = { SPLQ_SPLIT_BYTES: '200' };

function runNode(cli: string, args: string[], env: Record<string, string> = {}): CliResult {
  const r = spawnSync(process.execPath, [cli, ...args], { cwd: REPO, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', ...env } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'splq-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const part of [0, 1]) {
  const lines = Array.from({ length: 60 }, (_, i) => JSON.stringify({ host: `h${(i + part) % 3}`, n: i, msg: i % 4 === 0 ? 'error' : 'ok' }));
  writeFileSync(join(dir, `part${part}.json`), `${lines.join('\n')}\n${part === 1 ? '{"host": oops}\n' : ''}`);
}

describe.skipIf(!built)('bundled CLI', { timeout: 60_000 }, () => {
  it('--version and --help exit 0 with the same text as the tsc-built CLI', () => {
    for (const flag of ['--version', '--help']) {
      const bundled = runNode(BUNDLED_CLI, [flag]);
      expect(bundled.status, flag).toBe(0);
      expect(bundled.stdout, flag).toBe(runNode(TSC_CLI, [flag]).stdout);
    }
    expect(runNode(BUNDLED_CLI, ['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('--threads 2 over split files prints what the tsc-built CLI prints with --threads 1', () => {
    const args = ['run', 'search * | stats count list(n) values(msg) by host', '-i', dir, '-o', 'ndjson', '-v'];
    const one = runNode(TSC_CLI, [...args, '--threads', '1']);
    const two = runNode(BUNDLED_CLI, [...args, '--threads', '2'], SPLIT_ENV);
    expect(two.status).toBe(0);
    expect(two.stdout).toBe(one.stdout);
    const withoutElapsed = (text: string) => text.replace(/elapsed=\S+/, '');
    expect(withoutElapsed(two.stderr)).toBe(withoutElapsed(one.stderr));
    expect(two.stdout.trim().split('\n')).toHaveLength(3);
    expect(two.stderr).toContain('results=3 malformed=1');
  });

  it('starts its workers on itself: the loader, its pre-start, the bundle and its cache alone run --threads 2, and the workers use the cache', () => {
    const lonely = mkdtempSync(join(tmpdir(), 'splq-bundle-alone-'));
    try {
      for (const file of CLI_FILES) copyFileSync(join(REPO, 'dist/bundle', file), join(lonely, file));
      const args = ['run', 'search * | stats count', '-i', dir, '-o', 'ndjson'];
      const oneThread = runNode(TSC_CLI, [...args, '--threads', '1']);
      expect(oneThread.stdout).toMatch(/^\{"count":\d+\}\n$/);
      const parallel = runNode(join(lonely, 'splq.cjs'), [...args, '--threads', '2'], { ...SPLIT_ENV, SPLQ_DEBUG_CODE_CACHE: '1', SPLQ_TRACE_THREADS: '1' });
      expect(parallel.status).toBe(0);
      expect(parallel.stdout).toBe(oneThread.stdout);
      // One line from the main thread's loader, one from the worker's, when the worker started (the main thread may finish every unit first).
      const started = parallel.stderr.includes('worker started');
      expect(parallel.stderr.match(/splq: code cache used/g)).toHaveLength(started ? 2 : 1);
    } finally {
      rmSync(lonely, { recursive: true, force: true });
    }
  });

  it('dist/bundle/splq.mjs, the ES module entry, runs the same CLI with its code cache, --threads 2 and a pack on 2 threads included', () => {
    const args = ['run', 'search * | stats count list(n) values(msg) by host', '-i', dir, '-o', 'ndjson'];
    const viaEsm = runNode(ESM_ENTRY, [...args, '--threads', '2'], { ...SPLIT_ENV, SPLQ_DEBUG_CODE_CACHE: '1' });
    expect(viaEsm.status).toBe(0);
    expect(viaEsm.stderr).toContain('splq: code cache used');
    expect(viaEsm.stdout).toBe(runNode(TSC_CLI, [...args, '--threads', '1']).stdout);
    const detections = mkdtempSync(join(tmpdir(), 'splq-bundle-pack-'));
    writeFileSync(join(detections, 'errors.yml'), 'name: Errors by host\nsearch: search msg=error | stats count by host\n');
    writeFileSync(join(detections, 'busy.yml'), 'name: Busy hosts\nsearch: search * | stats count by host | where count > 30\n');
    const pack = ['run', '--detection', detections, '-i', dir, '-o', 'ndjson'];
    const packOne = runNode(TSC_CLI, [...pack, '--threads', '1']);
    expect(packOne.status, packOne.stderr).toBe(0);
    // On threads each detection's rows keep their order, but two detections' rows may interleave otherwise.
    const sorted = (text: string) => text.trim().split('\n').sort();
    for (const cli of [ESM_ENTRY, BUNDLED_CLI]) {
      const packTwo = runNode(cli, [...pack, '--threads', '2'], { SPLQ_TRACE_THREADS: '1' });
      expect(packTwo.status, packTwo.stderr).toBe(0);
      expect(sorted(packTwo.stdout)).toEqual(sorted(packOne.stdout));
    }
    expect(packOne.stdout.trim().split('\n').length).toBeGreaterThan(3);
    rmSync(detections, { recursive: true, force: true });
  });

  it('uses its code cache, and runs the same without it or with a cache from another build or another V8', () => {
    const args = ['run', 'search * | stats count by host | sort host', '-i', dir, '-o', 'ndjson'];
    const debug = { SPLQ_DEBUG_CODE_CACHE: '1' };
    const expected = runNode(TSC_CLI, args).stdout;
    const shipped = runNode(BUNDLED_CLI, args, debug);
    expect(shipped.stderr).toContain('splq: code cache used');
    expect(shipped.stdout).toBe(expected);
    const copy = mkdtempSync(join(tmpdir(), 'splq-bundle-cache-'));
    try {
      for (const file of CLI_FILES) copyFileSync(join(REPO, 'dist/bundle', file), join(copy, file));
      const cache = readFileSync(join(copy, 'splq-main.cache'));
      const headerEnd = cache.indexOf(10) + 1;
      const cases: Array<[string, Buffer | undefined, string]> = [
        ['another build', Buffer.concat([Buffer.from('// splq-build 0123\n'), cache.subarray(headerEnd)]), 'none for this build'],
        ['a damaged cache', Buffer.concat([cache.subarray(0, headerEnd), Buffer.alloc(4096, 7)]), 'rejected by V8'],
        ['no cache', undefined, 'none for this build'],
      ];
      for (const [what, content, state] of cases) {
        if (content) writeFileSync(join(copy, 'splq-main.cache'), content);
        else rmSync(join(copy, 'splq-main.cache'));
        const r = runNode(join(copy, 'splq.cjs'), args, debug);
        expect(r.stderr, what).toContain(`splq: code cache ${state}`);
        expect(r.stdout, what).toBe(expected);
        expect(r.status, what).toBe(0);
      }
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});
