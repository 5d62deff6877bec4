// What a trivial query through the bundled CLI loads (docs/benchmarks.md, Start-up): a start-up regression shows as a
// module loaded that need not be, or a code cache not taken, which a timed test could not tell from a busy machine.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const BUNDLED_CLI = join(REPO, 'dist/bundle/splq.cjs');
const built = existsSync(BUNDLED_CLI);
if (!built) console.warn('bundle start-up tests skipped: run `npm run build` first');

const dir = mkdtempSync(join(tmpdir(), 'splq-startup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `splq run <query>` through the bundle with a preload that writes, at exit, what the process loaded. */
function loadedBy(query: string, extra: string[] = []): { modules: string[]; files: string[]; stderr: string; stdout: string } {
  const events = join(dir, 'tiny.ndjson');
  writeFileSync(events, '{"a":1,"_time":"2024-01-01T00:00:00Z"}\n{"a":2}\n');
  const out = join(dir, 'loaded.json');
  const preload = join(dir, 'preload.cjs');
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(out)}, JSON.stringify({ modules: process.moduleLoadList, files: Object.keys(require.cache) })));\n`,
  );
  const r = spawnSync(process.execPath, ['-r', preload, BUNDLED_CLI, 'run', query, '-i', events, '-o', 'ndjson', ...extra], {
    encoding: 'utf8',
    env: { ...process.env, TZ: 'UTC', SPLQ_DEBUG_CODE_CACHE: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  const loaded = JSON.parse(readFileSync(out, 'utf8')) as { modules: string[]; files: string[] };
  return { ...loaded, stderr: r.stderr, stdout: r.stdout };
}

describe.skipIf(!built)('bundled CLI start-up', { timeout: 60_000 }, () => {
  it('a trivial query takes the code cache and loads none of what only some runs need', () => {
    const run = loadedBy('* | head 1');
    expect(run.stdout).toBe('{"a":1,"_time":1704067200,"source":"' + join(dir, 'tiny.ndjson') + '"}\n');
    expect(run.stderr).toContain('splq: code cache used');
    // built-in modules loaded on first use (src/util/node-zlib.ts, scripts/lazy-modules.mjs, src/util/clock.ts)
    for (const builtin of ['zlib', 'child_process', 'worker_threads', 'perf_hooks', 'crypto']) {
      expect(run.modules, builtin).not.toContain(`NativeModule ${builtin}`);
    }
    // packages bundled apart (dist/bundle/lazy/*.cjs), required by their stand-ins on first use
    expect(run.files.filter((f) => f.includes(`${join('dist', 'bundle', 'lazy')}`))).toEqual([]);
  });

  it('a run that reads macro YAML loads yaml from dist/bundle/lazy', () => {
    const run = loadedBy('* | head 1 | table a', ['-m', join(REPO, 'queries/macros')]);
    expect(run.stdout).toBe('{"a":1}\n');
    expect(run.files.some((f) => f.endsWith(join('dist', 'bundle', 'lazy', 'yaml.cjs')))).toBe(true);
  });
});
