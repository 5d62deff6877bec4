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
