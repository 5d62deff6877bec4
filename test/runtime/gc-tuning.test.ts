// The CLI's V8 garbage-collector flags: real V8 flags (a misspelt or removed one is silently ignored), applied once.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { GC_FLAGS, tuneGarbageCollector } from '../../src/runtime/gc-tuning.js';

describe('tuneGarbageCollector', () => {
  it('names only flags this Node/V8 knows (setFlagsFromString ignores unknown ones without a word)', () => {
    const options = spawnSync(process.execPath, ['--v8-options'], { encoding: 'utf8' }).stdout;
    for (const flag of GC_FLAGS) {
      const name = flag.replace(/^--(no-)?/, '').replace(/=.*$/, '');
      expect(options).toContain(`--${name} `);
    }
  });

  it('leaves V8 alone with SPLQ_V8_DEFAULTS=1, applies the flags once otherwise', () => {
    expect(tuneGarbageCollector({ SPLQ_V8_DEFAULTS: '1' })).toBe(false);
    expect(tuneGarbageCollector({})).toBe(true);
    expect(tuneGarbageCollector({})).toBe(false);
  });

  it('the shipped loader sets the same flags before compiling the bundle (its code cache is made under them)', async () => {
    const { readFile } = await import('node:fs/promises');
    const loader = await readFile(new URL('../../scripts/cli-loader.cjs', import.meta.url), 'utf8');
    const listed = /const GC_FLAGS = (\[[^\]]*\]);/.exec(loader);
    expect(listed).not.toBeNull();
    expect(JSON.parse(listed![1]!.replace(/'/g, '"'))).toEqual(GC_FLAGS);
    expect(loader.indexOf('setFlagsFromString')).toBeLessThan(loader.indexOf('new Script('));
  });

  it('the CLI entry applies them before building the program', async () => {
    const { readFile } = await import('node:fs/promises');
    const main = await readFile(new URL('../../src/cli/main.ts', import.meta.url), 'utf8');
    expect(main.indexOf('tuneGarbageCollector();')).toBeGreaterThan(-1);
    expect(main.indexOf('tuneGarbageCollector();')).toBeLessThan(main.indexOf('buildProgram('));
  });
});
