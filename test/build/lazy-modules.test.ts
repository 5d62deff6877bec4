// Built-in modules a short run seldom needs load on first use: the CLI bundle's child_process stand-in and node:zlib.
import { spawnSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { nodeZlib } from '../../src/util/node-zlib.js';

const SHIM = new URL('../../scripts/lazy-child-process.cjs', import.meta.url);

/** Runs `body` in a fresh node (CommonJS) with `shim` bound to the stand-in; prints what the script prints. */
function inFreshNode(body: string): string {
  const script = `const shim = require(${JSON.stringify(SHIM.pathname)});\n${body}`;
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout.trim();
}

describe('lazy child_process stand-in (scripts/lazy-child-process.cjs)', () => {
  it('does not load child_process until an export is read', () => {
    const loaded = "process.moduleLoadList.includes('NativeModule child_process')";
    expect(inFreshNode(`console.log(${loaded}); shim.spawn; console.log(${loaded});`)).toBe('false\ntrue');
  });

  it('hands out the real module\'s exports', () => {
    const out = inFreshNode(`const real = require('node:child_process');
      console.log(shim.spawn === real.spawn, 'spawnSync' in shim, Object.keys(shim).includes('execFile'));
      console.log(shim.spawnSync(process.execPath, ['-e', 'process.stdout.write("hi")']).stdout.toString());`);
    expect(out).toBe('true true true\nhi');
  });
});

describe('nodeZlib', () => {
  it('is node:zlib, the same module on every call', async () => {
    const zlib = await import('node:zlib');
    expect(nodeZlib().gunzipSync).toBe(zlib.gunzipSync);
    expect(nodeZlib()).toBe(nodeZlib());
    expect(nodeZlib().gunzipSync(gzipSync('abc')).toString()).toBe('abc');
  });
});

describe('the CLI bundle\'s lazy package stand-ins (scripts/lazy-modules.mjs) cover what src/ imports', () => {
  it('every value import of a listed package names only what its stand-in exports', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    // @ts-expect-error: a plain .mjs build script without types
    const { LAZY_PACKAGES } = (await import('../../scripts/lazy-modules.mjs')) as { LAZY_PACKAGES: Record<string, { default?: boolean; classes?: string[]; functions?: string[] }> };
    const src = new URL('../../src/', import.meta.url).pathname;
    // The worker threads' entries are bundled on their own (worker.mjs, pack-worker.mjs), without the stand-ins.
    const ownBundles = [join('parallel', 'worker.ts'), join('scan', 'pack-worker.ts')];
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !ownBundles.includes(f));
    const seen: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8');
      for (const m of text.matchAll(/^import (?!type )(.+?) from '([^']+)';/gms)) {
        const spec = LAZY_PACKAGES[m[2]!];
        if (!spec) continue;
        const clause = m[1]!.trim();
        const exported = [...(spec.classes ?? []), ...(spec.functions ?? [])];
        const named = /\{([^}]*)\}/.exec(clause)?.[1] ?? '';
        const defaultName = clause.replace(/\{[^}]*\}/, '').replace(/,\s*$/, '').trim();
        expect(clause, `${file}: namespace imports are not covered`).not.toMatch(/\*/);
        if (defaultName !== '') expect(spec.default, `${file}: default import of ${m[2]}`).toBe(true);
        for (const part of named.split(',').map((p) => p.trim()).filter((p) => p !== '' && !p.startsWith('type '))) {
          expect(exported, `${file}: { ${part} } from ${m[2]}`).toContain(part.split(/\s+as\s+/)[0]);
        }
        seen.push(m[2]!);
      }
    }
    expect(new Set(seen)).toEqual(new Set(Object.keys(LAZY_PACKAGES))); // a package src/ no longer imports leaves the list
  });
});
