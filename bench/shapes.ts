// The bench's data shapes: the default generated fleet, the dense profile, and the real recordings repeated.
import { createHash } from 'node:crypto';
import { DEFAULT_RECIPE, type DatasetRecipe } from './dataset.js';
import { generateDenseEvents } from '../src/sample/dense-shape.js';
import { readRealEvents, realDatasetDir, realDatasetExists, realSourceFingerprint, repeatedEvents } from './real-shape.js';

export const SHAPES = ['default', 'dense', 'real'] as const;
export type ShapeName = (typeof SHAPES)[number];

const FINGERPRINT_EVENTS = 500;

const DENSE_RECIPE: DatasetRecipe = {
  shape: 'dense',
  stem: 'dense',
  fingerprint: (seed) => {
    const hash = createHash('sha256');
    for (const event of generateDenseEvents({ seed, count: FINGERPRINT_EVENTS })) hash.update(JSON.stringify(event));
    return hash.digest('hex').slice(0, 16);
  },
  events: (count, seed) => generateDenseEvents({ seed, count }),
};

function realRecipe(root: string, log: (line: string) => void): DatasetRecipe {
  const dir = realDatasetDir(root);
  return {
    shape: 'real',
    stem: 'real',
    fingerprint: () => realSourceFingerprint(dir),
    events: async (count) => {
      const { events, malformed } = await readRealEvents(dir);
      log(`data: ${events.length.toLocaleString('en-US')} recorded events read from ${dir} with the windows preset (${malformed} malformed skipped), repeated to ${count.toLocaleString('en-US')}`);
      return repeatedEvents(events, count);
    },
  };
}

/** The recipe of `shape`, or a notice saying why it is skipped (the real recordings need ../shared). */
export function shapeRecipe(shape: ShapeName, root: string, log: (line: string) => void): DatasetRecipe | string {
  if (shape === 'default') return DEFAULT_RECIPE;
  if (shape === 'dense') return DENSE_RECIPE;
  if (!realDatasetExists(root)) return `shape real skipped: ${realDatasetDir(root)} is absent (the recorded Windows events live beside the project in ../shared)`;
  return realRecipe(root, log);
}
