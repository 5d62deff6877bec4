// The real `splq` process (main.ts from source, through tsx) where only a process shows it: a reader that closes
// the pipe early, commander's usage exits through process.exit, a query error's exit code. Full tier (each
// start-up costs seconds); the same behaviours run in-process in run.test.ts.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, spawnSplq, tempFiles } from '../helpers/cli.js';

describe('splq run as a process', () => {
  it('stops quietly with status 0 when the reader closes the pipe early (`| head`)', async () => {
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

  it('a word left over or an unknown option exits with the usage code 64; --version exits 0', () => {
    const dir = tempFiles({ 'a.json': '{"n":1}\n' });
    const leftover = spawnSplq(['run', 'search *', join(dir, 'a.json')]);
    expect(leftover.status).toBe(64);
    expect(leftover.stderr).toContain('too many arguments');
    expect(spawnSplq(['run', 'search *', '--no-such-option']).status).toBe(64);
    const version = spawnSplq(['--version']);
    expect([version.status, version.stdout.trim()]).toEqual([0, '0.1.0']);
  });

  it('an unknown command exits 2 with a caret and no stack trace', () => {
    const dir = tempFiles({ 'e.json': '{"host":"a"}\n' });
    const r = spawnSplq(['run', 'search * | frobnicate x', '-i', dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('1 | search * | frobnicate x\n               ^^^^^^^^^^');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('splq test as a process', () => {
  it('exits 1 when a detection finds nothing in its data, and 0 when it fires', () => {
    const dir = tempFiles({
      'd.yml': 'name: Fixture\nsearch: EventCode=4688 | table host\ntags:\n  observable: [{name: host, type: Hostname}]\n',
      'quiet.json': '{"EventCode":1,"host":"a"}\n',
      'fires.json': '{"EventCode":4688,"host":"a"}\n',
    });
    const quiet = spawnSplq(['test', join(dir, 'd.yml'), '--data', join(dir, 'quiet.json')]);
    expect([quiet.status, quiet.stdout.split('\n')[0]]).toEqual([1, 'FAIL  Fixture [command-line data]: no results (1 event replayed)']);
    expect(spawnSplq(['test', join(dir, 'd.yml'), '--data', join(dir, 'fires.json')]).status).toBe(0);
  });
});
