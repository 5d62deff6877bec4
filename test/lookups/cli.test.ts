// The CLI's lookup flags end to end: -l, --lookup, --lookup-dir, and worker threads
// (each thread rebuilds the library and runs lookup on its share of the input; test:full only) giving the one-thread answer.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { splq as splqInProcess } from '../helpers/cli.js';
import { FULL_TIER } from '../helpers/tier.js';
import { tempFolder } from './helpers.js';

/** `splq run <args> -o ndjson` in-process (real command tree; --threads 2 still starts worker threads). */
async function splq(args: string[], env: Record<string, string> = {}) {
  const r = await splqInProcess(['run', ...args, '-o', 'ndjson'], env);
  return { status: r.status, rows: r.stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Record<string, unknown>), stderr: r.stderr };
}

describe('splq run with lookups', () => {
  const dir = tempFolder({
    'defs/procs.csv': 'process,category\n*\\cmd.exe,shell\n*\\powershell.exe,shell\nC:\\Tools\\*,tool\n',
    'defs/procs.yml': "name: procs\nfilename: procs.csv\nmatch_type: WILDCARD(process)\ncase_sensitive_match: 'false'\nmin_matches: 1\ndefault_match: other\n",
    'defs/seen.yml': 'name: seen\ncollection: seen\nfields_list: process, first\n',
    'seen.csv': 'process,first\nC:\\Windows\\cmd.exe,2020\n',
  });
  const names = ['C:\\Windows\\cmd.exe', 'C:\\Tools\\x.exe', 'C:\\Windows\\POWERSHELL.EXE', 'C:\\a\\notepad.exe'];
  const events = Array.from({ length: 400 }, (_, i) => JSON.stringify({ n: i, process: names[i % names.length] })).join('\n');
  fs.writeFileSync(path.join(dir, 'events.json'), `${events}\n`);
  const query = 'search * | lookup procs process OUTPUT category | stats count by category';
  const EXPECTED = [{ category: 'other', count: 100 }, { category: 'shell', count: 200 }, { category: 'tool', count: 100 }];

  it('-l gives the definitions', async () => {
    const one = await splq([query, '-l', path.join(dir, 'defs'), '-i', path.join(dir, 'events.json'), '--threads', '1']);
    expect(one.status).toBe(0);
    expect(one.rows).toEqual(EXPECTED);
  });

  // Worker threads load the engine from source (seconds each): full tier only.
  it.runIf(FULL_TIER)('worker threads give the same answer as one thread', async () => {
    const two = await splq([query, '-l', path.join(dir, 'defs'), '-i', path.join(dir, 'events.json'), '--threads', '2'], { SPLQ_SPLIT_BYTES: '2000' });
    expect(two.status).toBe(0);
    expect(two.rows).toEqual(EXPECTED);
  });

  it('outputlookup writes only into --lookup-dir; a bad --lookup is a usage error', async () => {
    const out = tempFolder();
    const r = await splq(['search n<3 | table n process | outputlookup first3', '--lookup-dir', out, '-i', path.join(dir, 'events.json')]);
    expect(r.status).toBe(0);
    expect(fs.readdirSync(out)).toEqual(['first3.csv']);
    expect(fs.readFileSync(path.join(out, 'first3.csv'), 'utf8').split('\n')[0]).toBe('n,process');
    const bad = await splq(['search *', '--lookup', 'nopath', '-i', path.join(dir, 'events.json')]);
    expect(bad.stderr).toMatch(/--lookup expects name=path/);
  });
});
