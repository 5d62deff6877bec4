// `query.runFiles` as a whole process, to time the library's file path against `splq run` (bench note in docs/benchmarks.md).
// Usage: node dist/bench/run-files.js <query> <file> [threads]   (after npm run build), prints rows as NDJSON.
import { compile } from '../src/query.js';

const [spl, file, threads] = process.argv.slice(2);
if (!spl || !file) {
  console.error('usage: run-files <query> <file> [threads]');
  process.exit(64);
}
const run = compile(spl).runFiles([file], { threads: threads ? Number(threads) : undefined });
const out: string[] = [];
for await (const row of run) out.push(JSON.stringify(row.toObject()));
process.stdout.write(out.length ? `${out.join('\n')}\n` : '');
const summary = await run.summary;
process.stderr.write(`run-files: events_read=${summary.eventsRead} results=${summary.results}\n`);
