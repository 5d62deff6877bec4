// The benchmark's data file: generated once per (seed, count) and reused while the generator's output is unchanged.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateWindowsEvents, writeNdjson } from '../src/sample/windows-events.js';

export interface Dataset {
  path: string;
  events: number;
  bytes: number;
  seed: number;
}

interface DatasetMeta {
  seed: number;
  events: number;
  bytes: number;
  /** Hash of the first events the generator produces, so that a changed generator regenerates the file. */
  generatorFingerprint: string;
}

const FINGERPRINT_EVENTS = 500;

function generatorFingerprint(seed: number): string {
  const hash = createHash('sha256');
  for (const event of generateWindowsEvents({ seed, count: FINGERPRINT_EVENTS })) hash.update(JSON.stringify(event));
  return hash.digest('hex').slice(0, 16);
}

function readMeta(path: string): DatasetMeta | undefined {
  if (!existsSync(path)) return undefined;
  return JSON.parse(readFileSync(path, 'utf8')) as DatasetMeta;
}

/** `dataDir/events-<N>.ndjson` for this seed, generated unless an identical one is already there. */
export function ensureDataset(dataDir: string, events: number, seed: number, log: (line: string) => void): Dataset {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, `events-${events}.ndjson`);
  const metaPath = join(dataDir, `events-${events}.meta.json`);
  const fingerprint = generatorFingerprint(seed);
  const meta = readMeta(metaPath);
  const reusable = meta !== undefined && meta.seed === seed && meta.events === events
    && meta.generatorFingerprint === fingerprint && existsSync(path) && statSync(path).size === meta.bytes;
  if (reusable) {
    log(`data: reusing ${path} (${events.toLocaleString('en-US')} events, seed ${seed})`);
    return { path, events, bytes: meta.bytes, seed };
  }
  log(`data: generating ${path} (${events.toLocaleString('en-US')} events, seed ${seed}) ...`);
  const bytes = writeNdjson(path, generateWindowsEvents({ seed, count: events }));
  const written: DatasetMeta = { seed, events, bytes, generatorFingerprint: fingerprint };
  writeFileSync(metaPath, `${JSON.stringify(written, null, 2)}\n`);
  return { path, events, bytes, seed };
}
