// The CLI bundle's start-up changes keep its behaviour: the stand-ins for packages loaded on first use
// (scripts/lazy-modules.mjs) and chevrotain's computed first-character buckets (scripts/chevrotain-startup.mjs).
// Queries that reach them print what the tsc-built CLI (plain chevrotain, packages loaded at start) prints.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const BUNDLED_CLI = join(REPO, 'dist/bundle/splq.cjs');
const TSC_CLI = join(REPO, 'dist/src/cli/main.js');
const built = existsSync(BUNDLED_CLI) && existsSync(TSC_CLI) && statSync(BUNDLED_CLI).mtimeMs >= statSync(TSC_CLI).mtimeMs;
if (!built) console.warn('bundle stand-in tests skipped: run `npm run build` first');

const dir = mkdtempSync(join(tmpdir(), 'splq-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, 't.csv'), 'k,v\na,1\nb,2\n');
writeFileSync(join(dir, 'words.json'), `${JSON.stringify({ msg: 'Ωmega 日本語 ümlaut' })}\n${JSON.stringify({ msg: 'plain' })}\n`);
const event = { k: 'a', ip: '8.8.8.8', x: '<r><b>7</b></r>', msg: 'user=bob id=42 aaaa', sourcetype: 'wineventlog:microsoft-windows-wmi-activity/operational' };
writeFileSync(join(dir, 'e.json'), `${JSON.stringify(event)}\n`);

/** Runs one CLI over e.json; outputlookup writes into its own folder. Returns stdout, stderr and the written CSV. */
function run(cli: string, out: string): { status: number | null; stdout: string; stderr: string; csv: string } {
  const query = [
    '`wmi` | lookup t k OUTPUT v | spath input=x | rex field=msg "id=(?<id>\\d+)" | regex msg="(a+)+$"',
    'eval z=replace(msg, "(a|aa)+$", "x") | iplocation ip | outputlookup out.csv | table k v r.b id z City',
  ].join(' | ');
  const lookupDir = join(dir, out);
  const args = [cli, 'run', query, '-m', 'queries/macros', '--lookup', `t=${join(dir, 't.csv')}`, '--lookup-dir', lookupDir, '-i', join(dir, 'e.json'), '-o', 'ndjson'];
  const r = spawnSync(process.execPath, args, { cwd: REPO, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
  const csvPath = join(lookupDir, 'out.csv');
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, csv: existsSync(csvPath) ? readFileSync(csvPath, 'utf8') : '' };
}

describe.skipIf(!built)('bundled CLI stand-ins for lazily loaded packages', { timeout: 60_000 }, () => {
  it('yaml, csv-parse, saxes, re2js, mmdb-lib and csv-stringify work as in the tsc-built CLI', () => {
    const bundled = run(BUNDLED_CLI, 'bundled');
    const tsc = run(TSC_CLI, 'tsc');
    expect(bundled.status, bundled.stderr).toBe(0);
    expect(bundled.stdout).toBe(tsc.stdout);
    expect(bundled.stdout).toContain('"v":"1","r.b":"7","id":"42","z":"user=bob id=42 x"');
    expect(bundled.csv).toBe(tsc.csv.replaceAll('/tsc', '/bundled'));
    expect(bundled.csv.split('\n')[0]).toContain('k,ip,x,msg');
  });

  it('non-ASCII queries lex as in chevrotain (codes above 255 fall in computed buckets), errors included', () => {
    const runBoth = (query: string) =>
      [BUNDLED_CLI, TSC_CLI].map((cli) => {
        const r = spawnSync(process.execPath, [cli, 'run', query, '-i', join(dir, 'words.json'), '-o', 'ndjson'], { cwd: REPO, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' } });
        return { status: r.status, stdout: r.stdout, stderr: r.stderr };
      });
    const [found, tscFound] = runBoth('日本語 OR "Ωmega" ümlaut | eval n=len("日本語"), w=\'Ωmega\' | table msg n w');
    expect(found).toEqual(tscFound);
    expect(found!.stdout).toBe('{"msg":"Ωmega 日本語 ümlaut","n":3}\n');
    const [bad, tscBad] = runBoth('msg="日本 | eval x=ü€(');
    expect(bad).toEqual(tscBad);
    expect(bad!.status).not.toBe(0);
    expect(bad!.stderr).toContain('^');
  });
});
