// Corpus check: every security_content detection's search expands with the ESCU macros (skipped without /work/shared).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readDetection } from '../../src/detection.js';
import { SplError } from '../../src/errors.js';
import { expandMacros, MacroLibrary } from '../../src/macros/index.js';

const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
const content = path.join(shared, 'corpus/security_content');
const available = fs.existsSync(content);
if (!available) console.warn(`corpus.test: ${content} not found; skipping the security_content corpus check`);

function detectionFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return detectionFiles(full);
    return entry.name.endsWith('.yml') ? [full] : [];
  });
}

/**
 * Detections whose macros ship with neither ESCU nor splq's built-ins: `get_asset` comes from Enterprise
 * Security (SA-IdentityManagement), whose definition we do not have.
 */
// None: the ES macro get_asset(1) (excessive_dns_failures.yml) is a built-in now (src/macros/builtin.ts).
const KNOWN_FAILURES: Record<string, string> = {};

describe.skipIf(!available)('security_content corpus', () => {
  it('expands all 1613 detections', () => {
    const lib = MacroLibrary.load([path.join(content, 'macros')]);
    const detectionsDir = path.join(content, 'detections');
    const searches = detectionFiles(detectionsDir).map((file) => ({
      file: path.relative(detectionsDir, file),
      search: readDetection(file).search,
    }));
    expect(searches).toHaveLength(1613);
    const failures: Record<string, string> = {};
    const expanded: string[] = [];
    const started = performance.now();
    for (const { file, search } of searches) {
      try {
        expanded.push(expandMacros(search, lib).text);
      } catch (e) {
        if (!(e instanceof SplError)) throw e;
        failures[file] = `${e.code}: ${e.message}`;
      }
    }
    const elapsedMs = performance.now() - started;
    // No macro call is left: re-expanding with no macros at all finds nothing to do.
    const noMacros = new MacroLibrary();
    for (const text of expanded) expect(expandMacros(text, noMacros, { filterFallback: false }).text).toBe(text);
    if (Object.keys(failures).length) console.warn('corpus expansion failures:', failures);
    expect(failures).toEqual(KNOWN_FAILURES);
    console.info(`expanded ${searches.length} detections in ${elapsedMs.toFixed(0)} ms`);
  });
});
