// The benchmark's data file: generated once per (seed, count) and reused while the generator's output is unchanged.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateWindowsEvents, writeNdjson } from '../src/sample/windows-events.js';

export interface Dataset {
  /** The data shape (bench/shapes.ts): `default`, `dense` or `real`. */
  shape: string;
  path: string;
  events: number;
  bytes: number;
  seed: number;
}

interface DatasetMeta {
  seed: number;
  shape?: string;
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

/** How one shape's file is made: its file name stem, a fingerprint of what it is made from, and its events. */
export interface DatasetRecipe {
  shape: string;
  /** The data file is `<stem>-<N>.ndjson` (`events` for the default shape, as before shapes existed). */
  stem: string;
  fingerprint(seed: number): string | Promise<string>;
  events(count: number, seed: number): Iterable<unknown> | Promise<Iterable<unknown>>;
}

/** The default generated fleet (src/sample/windows-events.ts). */
export const DEFAULT_RECIPE: DatasetRecipe = {
  shape: 'default',
  stem: 'events',
  fingerprint: generatorFingerprint,
  events: (count, seed) => generateWindowsEvents({ seed, count }),
};

/** `dataDir/<stem>-<N>.ndjson` for this recipe and seed, made unless an identical one is already there. */
export async function ensureRecipeDataset(dataDir: string, recipe: DatasetRecipe, events: number, seed: number, log: (line: string) => void): Promise<Dataset> {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, `${recipe.stem}-${events}.ndjson`);
  const metaPath = join(dataDir, `${recipe.stem}-${events}.meta.json`);
  const fingerprint = await recipe.fingerprint(seed);
  const meta = readMeta(metaPath);
  const reusable = meta !== undefined && meta.seed === seed && meta.events === events
    && meta.generatorFingerprint === fingerprint && existsSync(path) && statSync(path).size === meta.bytes;
  if (reusable) {
    log(`data: reusing ${path} (${recipe.shape} shape, ${events.toLocaleString('en-US')} events, seed ${seed})`);
    return { shape: recipe.shape, path, events, bytes: meta.bytes, seed };
  }
  log(`data: making ${path} (${recipe.shape} shape, ${events.toLocaleString('en-US')} events, seed ${seed}) ...`);
  const bytes = writeNdjson(path, await recipe.events(events, seed));
  const written: DatasetMeta = { seed, shape: recipe.shape, events, bytes, generatorFingerprint: fingerprint };
  writeFileSync(metaPath, `${JSON.stringify(written, null, 2)}\n`);
  return { shape: recipe.shape, path, events, bytes, seed };
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
    return { shape: 'default', path, events, bytes: meta.bytes, seed };
  }
  log(`data: generating ${path} (${events.toLocaleString('en-US')} events, seed ${seed}) ...`);
  const bytes = writeNdjson(path, generateWindowsEvents({ seed, count: events }));
  const written: DatasetMeta = { seed, events, bytes, generatorFingerprint: fingerprint };
  writeFileSync(metaPath, `${JSON.stringify(written, null, 2)}\n`);
  return { shape: 'default', path, events, bytes, seed };
}
