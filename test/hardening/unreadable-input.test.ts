// Unreadable files and subfolders are input errors naming the path (issue 16 point 6). Root reads everything, so
// these run only as an ordinary user.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { compile } from '../../src/query.js';

const asRoot = process.getuid?.() === 0;
const dir = mkdtempSync(join(tmpdir(), 'splq-perm-'));
afterAll(() => {
  chmodSync(join(dir, 'sub'), 0o755);
  rmSync(dir, { recursive: true, force: true });
});
mkdirSync(join(dir, 'sub'));
writeFileSync(join(dir, 'a.json'), '{"a":1}\n');
writeFileSync(join(dir, 'sub', 'b.json'), '{"a":2}\n');
writeFileSync(join(dir, 'locked.json'), '{"a":3}\n');

async function failure(path: string): Promise<unknown> {
  try {
    const run = compile('search *').runFiles([path], { threads: 1 });
    for await (const _ of run) void _;
    await run.summary;
    return null;
  } catch (e) {
    return e;
  }
}

describe.skipIf(asRoot)('unreadable input', () => {
  it('an unreadable file in a folder is an input error naming it', async () => {
    chmodSync(join(dir, 'locked.json'), 0o000);
    const e = await failure(dir);
    chmodSync(join(dir, 'locked.json'), 0o644);
    expect(e).toBeInstanceOf(SplError);
    expect((e as SplError).code).toBe('input-error');
    expect((e as SplError).message).toContain('locked.json');
  });

  it('an unreadable subfolder is an input error naming it, not skipped', async () => {
    chmodSync(join(dir, 'sub'), 0o000);
    const e = await failure(dir);
    chmodSync(join(dir, 'sub'), 0o755);
    expect(e).toBeInstanceOf(SplError);
    expect((e as SplError).message).toContain('sub');
  });
});
if (asRoot) console.log('notice: running as root, which reads every file: the permission tests are skipped');
