// A pack on worker threads: the detections are shared out (each kind evenly, the join/append ones to one worker), each worker runs its share as a pack over every input, the main thread writes the rows.
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { decodeEvents } from '../parallel/event-codec.js';
import { rebuildError } from '../parallel/messages.js';
import type { Event } from '../runtime/event.js';
import type { ScanOptions } from './options.js';
import type { PackEntry, PackFailure } from './pack-compile.js';
import type { PackDetectionSummary, PackResult } from './pack.js';
import type { PackCompileSpec, PackWorkerData, PackWorkerMessage } from './pack-thread-messages.js';
import type { ScanSummary } from './summary.js';

/** The data model dataset a detection's SPL names (`datamodel=Endpoint.Processes`), or null. */
function datasetOf(spl: string): string | null {
  const m = /datamodel\s*[=:]\s*"?([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)?)/.exec(spl);
  return m ? m[1]! : null;
}

/** Whether a detection's SPL has a join or append subsearch (one that may re-read the inputs in a subsearch round). */
function hasRoundSubsearch(spl: string): boolean {
  return /\|\s*(?:join|append|appendcols)\b[^|]*\[/i.test(spl);
}

/**
 * What a worker's subsearch round costs, in shares of an average detection (from the 100k bench profiles: the round,
 * a re-read, decode and CIM mapping of every line plus ~70 subsearch pipelines, is about a fifth of a one-thread
 * pack run of ~1,500 detections): once for the round, and per detection with a join or append subsearch.
 */
const ROUND_FIXED_WEIGHT = 150;
const ROUND_MEMBER_WEIGHT = 2;

/** Credits closer than this are equal (they differ only by the rounding of their sums). */
const CREDIT_TIE = 1e-9;

/**
 * Share the entries out over `shards` workers. The detections with join or append subsearches all go to the first
 * worker, so that only one worker re-reads, decodes and maps the inputs for a subsearch round. The others are dealt
 * kind by kind (by the data model dataset they name, or none), each to the worker with the least weight so far (the
 * round counted in the first worker's, see ROUND_FIXED_WEIGHT), so that every worker gets about an equal part of
 * each kind: the tstats detections of one dataset cost most (Endpoint.Processes, about half of the pipelines' time
 * over the bench events), and any grouping of whole datasets leaves one worker with most of the work. The price is
 * that each worker maps the lines for its tstats detections (the mapping is per process). Each shard keeps the
 * entries' order. Deterministic.
 */
export function partitionEntries(entries: readonly PackEntry[], shards: number): PackEntry[][] {
  const shardOf = new Array<number>(entries.length).fill(0);
  const kinds = new Map<string, number[]>();
  let roundWeight = 0;
  let others = 0;
  entries.forEach((e, i) => {
    if (shards > 1 && hasRoundSubsearch(e.spl)) {
      roundWeight += (roundWeight === 0 ? ROUND_FIXED_WEIGHT : 0) + ROUND_MEMBER_WEIGHT;
      return;
    }
    const key = datasetOf(e.spl) ?? '';
    kinds.set(key, [...(kinds.get(key) ?? []), i]);
    others++;
  });
  // Each worker's part of the other detections: equal weights in all, the round counted in the first worker's.
  const each = (roundWeight + others) / shards;
  const part = Array.from({ length: shards }, (_, k) => Math.max(0, k === 0 ? each - roundWeight : each));
  const sum = part.reduce((a, b) => a + b, 0);
  // Smooth weighted round robin over the kinds in turn: each kind is split in about those parts.
  const credit = new Array<number>(shards).fill(0);
  for (const kind of kinds.values()) {
    for (const i of kind) {
      let best = 0;
      for (let k = 0; k < shards; k++) {
        credit[k]! += sum > 0 ? part[k]! / sum : 1 / shards;
        // Credits are sums of fractions: a tie within rounding goes to the lower shard, as exact sums would, so
        // with equal parts each run of picks goes round the shards in turn (every kind split evenly, ±1).
        if (credit[k]! > credit[best]! + CREDIT_TIE) best = k;
      }
      credit[best]! -= 1;
      shardOf[i] = best;
    }
  }
  const out: PackEntry[][] = Array.from({ length: shards }, () => []);
  entries.forEach((e, i) => out[shardOf[i]!]!.push(e));
  return out.filter((s) => s.length > 0);
}

const TS_BOOTSTRAP = `const { workerData } = require('node:worker_threads');
import(workerData.tsxApi).then((tsx) => { tsx.register(); return import(workerData.entry); });`;

/**
 * Start a pack worker: pack-worker.mjs beside the bundle, pack-worker.js beside this file, or pack-worker.ts through tsx.
 * Inside the CLI bundle `import.meta.url` is its loader's, splq.cjs (scripts/cli-loader.cjs); the worker bundles are
 * ES modules (.mjs) all the same.
 */
function spawnPackWorker(pack: PackWorkerData): Worker {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    const entry = new URL('./pack-worker.ts', here).href;
    const tsxApi = pathToFileURL(createRequire(here).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
    return new Worker(TS_BOOTSTRAP, { eval: true, workerData: { pack, entry, tsxApi } });
  }
  const extension = here.endsWith('.cjs') ? '.mjs' : here.slice(here.lastIndexOf('.'));
  return new Worker(new URL(`./pack-worker${extension}`, here), { workerData: { pack } });
}

export interface PackThreadsOptions {
  threads: number;
  compile: PackCompileSpec;
  scan: ScanOptions;
  onRow: (row: Event, detection: string) => void;
}

/** Run the pack's entries over `inputs` on `threads` workers; each detection's rows come in its own order. */
export async function runPackOnThreads(entries: readonly PackEntry[], inputs: string[], options: PackThreadsOptions): Promise<PackResult> {
  const shards = partitionEntries(entries, options.threads);
  // Detections run on their own inside a worker stay on its thread.
  const { onFile: _onFile, ...scanOptions } = options.scan;
  const runs = shards.map((share) => runShard({ entries: share, compile: options.compile, inputs, scan: { ...scanOptions, threads: 1 } }, options.onRow));
  const results = await Promise.all(runs);
  // Summaries and failures in the entries' order, as one thread lists them.
  const order = new Map(entries.map((e, i) => [`${e.name}\0${e.file ?? ''}`, i]));
  const at = (x: { name: string; file?: string }) => order.get(`${x.name}\0${x.file ?? ''}`) ?? entries.length;
  const detections = results.flatMap((r) => r.detections).sort((a, b) => at(a.entry) - at(b.entry)).map((d) => d.summary);
  const failed = results.flatMap((r) => r.failed).sort((a, b) => at(a) - at(b));
  const scan: ScanSummary = { ...results[0]!.scan, results: results.reduce((n, r) => n + r.scan.results, 0) };
  return { rows: [], detections, failed, scan };
}

interface ShardResult {
  detections: Array<{ entry: { name: string; file?: string }; summary: PackDetectionSummary }>;
  failed: PackFailure[];
  scan: ScanSummary;
}

/** One worker's run: its rows handed on as they arrive, its summaries at the end. */
function runShard(data: PackWorkerData, onRow: (row: Event, detection: string) => void): Promise<ShardResult> {
  const files = new Map(data.entries.map((e) => [e.name, e.file]));
  return new Promise((resolve, reject) => {
    const worker = spawnPackWorker(data);
    let settled = false;
    worker.on('message', (message: PackWorkerMessage) => {
      if (message.kind === 'rows') decodeEvents(message.rows, (row) => onRow(row, String(row.get('detection'))));
      else if (message.kind === 'done') {
        settled = true;
        resolve({
          detections: message.detections.map((summary) => ({ entry: { name: summary.name, file: files.get(summary.name) }, summary })),
          failed: message.failed.map((f) => ({ ...f, error: new Error(f.message) })),
          scan: message.scan,
        });
        void worker.terminate();
      } else if (message.kind === 'error') {
        settled = true;
        reject(rebuildError(message.error));
        void worker.terminate();
      }
    });
    worker.on('error', (e) => {
      if (!settled) reject(e);
      settled = true;
    });
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`pack worker exited with code ${code} before it finished`));
    });
  });
}
