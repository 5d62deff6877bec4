// `npx tsx bench/lookup-bench.ts`: the cost of `lookup` with a 100k-row WILDCARD table over the bench events, against
// the same query without the lookup (docs/benchmarks.md "Lookup"). Build first (`npm run build`) to time the bundle.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'csv-stringify/sync';
import { ensureDataset } from './dataset.js';
import { findSplq } from './engines.js';
import { measure } from './measure.js';
import { DEFAULT_SEED } from './options.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = join(ROOT, 'bench', 'data');
const log = (line: string): void => void process.stderr.write(`${line}\n`);

const { values } = parseArgs({ options: { events: { type: 'string', default: '1000000' }, rows: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' }, threads: { type: 'string' } } });
const events = Number(values.events);
const rows = Number(values.rows);
const runs = Number(values.runs);

/**
 * A WILDCARD table of `rows` patterns over `Image`, in the three shapes the index buckets: `*\name.exe` (suffix),
 * `C:\Program Files\Vendor\*` (prefix) and `*word*` (3-gram); a few match the generated images.
 */
function writeTable(dir: string): string {
  mkdirSync(dir, { recursive: true });
  const body: string[][] = [['Image', 'category']];
  body.push(['*\\SearchProtocolHost.exe', 'search'], ['C:\\Windows\\System32\\*', 'system'], ['*powershell*', 'shell']);
  for (let i = 0; body.length <= rows; i++) {
    const shape = i % 3;
    const pattern = shape === 0 ? `*\\tool${i}.exe` : shape === 1 ? `C:\\Program Files\\Vendor${i}\\*` : `*agent${i}x*`;
    body.push([pattern, `c${i % 50}`]);
  }
  writeFileSync(join(dir, 'bench_procs.csv'), stringify(body));
  writeFileSync(join(dir, 'bench_procs.yml'), "name: bench_procs\nfilename: bench_procs.csv\nmatch_type: WILDCARD(Image)\ncase_sensitive_match: 'false'\n");
  return dir;
}

const dataset = ensureDataset(DATA_DIR, events, DEFAULT_SEED, log);
const lookups = writeTable(join(DATA_DIR, '.work', 'lookups'));
const splq = findSplq(ROOT);
if (!splq) throw new Error('no splq CLI found');
const queries = {
  without: '* | stats count by sourcetype, Image',
  with: '* | lookup bench_procs Image OUTPUT category | stats count by sourcetype, Image, category',
};
const threadArgs = values.threads ? ['--threads', values.threads] : [];
const best: Record<string, { wall: number; cpu: number }> = {};
// Interleaved (without, with, without, ...) so that a change in machine load hits both alike; best of `runs`.
for (let r = 0; r < runs; r++) {
  for (const [label, spl] of Object.entries(queries)) {
    const spec = { command: process.execPath, args: [...splq.prefix, 'run', spl, '-l', lookups, '-i', dataset.path, '-o', 'ndjson', ...threadArgs], env: { ...process.env, TZ: 'UTC' } };
    const m = await measure(spec, join(DATA_DIR, '.work', `lookup-${label}.out`));
    if (m.exitCode !== 0) throw new Error(`${label} failed: ${m.stderrHead}`);
    const cpu = m.cpuSeconds ?? NaN;
    log(`${label} run ${r + 1}: wall ${m.wallSeconds.toFixed(3)} s, cpu ${cpu.toFixed(3)} s`);
    const b = (best[label] ??= { wall: Infinity, cpu: Infinity });
    b.wall = Math.min(b.wall, m.wallSeconds);
    b.cpu = Math.min(b.cpu, cpu);
  }
}
const w = best.without!;
const l = best.with!;
log(`events ${events}, table rows ${rows}, threads ${values.threads ?? 'default'} (${splq.label}), best of ${runs}: `
  + `wall ${w.wall.toFixed(3)} -> ${l.wall.toFixed(3)} s (x${(l.wall / w.wall).toFixed(2)}), cpu ${w.cpu.toFixed(3)} -> ${l.cpu.toFixed(3)} s (x${(l.cpu / w.cpu).toFixed(2)})`);
