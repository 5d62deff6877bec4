// Start-up cost of the bundled CLI: a trivial query against `node -e 0`, CPU seconds (user+sys) of paired runs.
// Usage: node bench/startup.mjs [runs=20] [cli=dist/bundle/splq.cjs]   (after `npm run build`; Linux, reads /proc)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const runs = Number(process.argv[2] ?? 20);
const cli = process.argv[3] ?? 'dist/bundle/splq.cjs';
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** CPU seconds (user+sys) of this process's waited-for children so far, from /proc/self/stat. */
function childrenCpu() {
  const stat = readFileSync('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND; // cutime, cstime (fields 16 and 17)
}

function cpuOf(args) {
  const before = childrenCpu();
  const r = spawnSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`node ${args.join(' ')} failed: ${r.stderr}`);
  return childrenCpu() - before;
}

const dir = mkdtempSync(join(tmpdir(), 'splq-startup-'));
try {
  const input = join(dir, 'tiny.ndjson');
  writeFileSync(input, '{"a":1,"_time":"2024-01-01T00:00:00Z"}\n{"a":2}\n');
  const commands = { floor: ['-e', '0'], splq: [cli, 'run', '* | head 1', '-i', input] };
  cpuOf(commands.floor); // warm-up: the file cache
  cpuOf(commands.splq);
  const sums = { floor: 0, splq: 0 };
  const load = loadavg()[0];
  for (let i = 0; i < runs; i++) for (const name of ['floor', 'splq']) sums[name] += cpuOf(commands[name]);
  const mean = (name) => sums[name] / runs;
  console.log(`runs: ${runs} each, in turn; load average at start ${load.toFixed(2)}, at end ${loadavg()[0].toFixed(2)}`);
  const rows = [
    ['node -e 0', `${mean('floor').toFixed(3)} CPU s per run (mean)`],
    [`node ${cli} run '* | head 1'`, `${mean('splq').toFixed(3)} CPU s per run (mean)`],
    ['start-up cost over node -e 0', `${(mean('splq') - mean('floor')).toFixed(3)} CPU s (target: at most 0.100)`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
