// `npm run bench:memory`: peak RSS of streaming queries at 1M and 4M events, and a holding query past its memory budget.
import { mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ensureDataset } from './dataset.js';
import { findSplq, splqCommand } from './engines.js';
import { measure, type Measurement } from './measure.js';
import { DEFAULT_SEED } from './options.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = join(ROOT, 'bench', 'data');
const WORK_DIR = join(DATA_DIR, '.memory');

/** Issue 15 item 5 / issue 16 point 25: streaming queries stay under this peak RSS at 1M and 4M events. */
const STREAMING_TARGET_MB = 250;
/** Rows the holding query reads (the issue's figure): far past the default budget with full events. */
const HOLDING_EVENTS = 3_000_000;
/** The exit code of `memory-limit` (src/error-codes.ts EXIT.limit); 134 is Node's abort out of memory. */
const EXIT_LIMIT = 4;

const STREAMING_QUERIES = [
  // Every event decoded and passed on (the widest streaming path).
  'search * | eval n=len(Image) | fields _time, host, EventCode, n',
  // A selective filter: what most detections are.
  'search EventCode=4688 | table _time, host, CommandLine',
];
const HOLDING_QUERY = `search * | head ${HOLDING_EVENTS} | sort 0 -_time | table *`;

const USAGE = `Usage: npm run bench:memory -- [--events 1000000,4000000] [--threads N] [--keep-data]
  --events LIST  data sizes for the streaming queries (default 1000000,4000000); the holding query uses the largest
  --threads N    splq worker threads (default: splq's own default)
  --keep-data    keep generated files over 1M events (by default the 4M file, ~4.9 GB, is deleted after)`;

interface Row {
  events: number;
  query: string;
  m: Measurement;
  verdict: string;
}

function options(): { sizes: number[]; threads: number | undefined; keep: boolean } {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: { events: { type: 'string' }, threads: { type: 'string' }, 'keep-data': { type: 'boolean', default: false }, help: { type: 'boolean', default: false } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const sizes = (values.events ?? '1000000,4000000').split(',').map(Number);
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new Error(`--events needs positive integers\n${USAGE}`);
  return { sizes, threads: values.threads === undefined ? undefined : Number(values.threads), keep: values['keep-data'] };
}

const fmt = (n: number | undefined, digits = 1): string => (n === undefined ? 'n/a' : n.toFixed(digits));

async function main(): Promise<number> {
  const opts = options();
  const splq = findSplq(ROOT);
  if (!splq) throw new Error('splq CLI not found: run `npm run build`');
  mkdirSync(WORK_DIR, { recursive: true });
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const rows: Row[] = [];
  let failed = false;
  const largest = Math.max(...opts.sizes);
  for (const size of [...opts.sizes].sort((a, b) => a - b)) {
    const data = ensureDataset(DATA_DIR, size, DEFAULT_SEED, log);
    const queries = size === largest ? [...STREAMING_QUERIES, HOLDING_QUERY] : STREAMING_QUERIES;
    for (const query of queries) {
      log(`run: ${size.toLocaleString('en-US')} events: ${query}`);
      const m = await measure(splqCommand(splq, ROOT, query, data.path, opts.threads), join(WORK_DIR, 'stdout'));
      const holding = query === HOLDING_QUERY;
      const ok = holding ? m.exitCode === EXIT_LIMIT || m.exitCode === 0 : m.exitCode === 0 && (m.peakRssMb ?? 0) < STREAMING_TARGET_MB;
      failed ||= !ok;
      const verdict = holding
        ? `${ok ? 'ok' : 'FAILED'}: exit ${m.exitCode}${m.exitCode === EXIT_LIMIT ? ` (${m.stderrHead.split('\n')[0]})` : ''}`
        : `${ok ? 'ok' : 'FAILED'} (target < ${STREAMING_TARGET_MB} MB${m.exitCode === 0 ? '' : `, exit ${m.exitCode}`})`;
      rows.push({ events: size, query, m, verdict });
    }
    if (size > 1_000_000 && !opts.keep) {
      rmSync(data.path, { force: true });
      rmSync(data.path.replace(/\.ndjson$/, '.meta.json'), { force: true });
      log(`data: deleted ${relative(ROOT, data.path)}`);
    }
  }
  rmSync(WORK_DIR, { recursive: true, force: true });
  const cpus = os.cpus();
  const lines = [
    `splq memory bench, ${new Date().toISOString()}; ${cpus[0]?.model ?? 'CPU'} × ${cpus.length}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB; node ${process.version}; splq ${splq.label}; threads ${opts.threads ?? 'default'}; load average at the end ${os.loadavg().map((l) => l.toFixed(1)).join(', ')}`,
    '',
    '| events | query | peak RSS MB | CPU s | wall s | result |',
    '|---:|---|---:|---:|---:|---|',
    ...rows.map((r) => `| ${r.events.toLocaleString('en-US')} | \`${r.query.replaceAll('|', '\\|')}\` | ${fmt(r.m.peakRssMb, 0)} | ${fmt(r.m.cpuSeconds)} | ${fmt(r.m.wallSeconds)} | ${r.verdict} |`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code), (e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(2);
});
