// Every rex/regex pattern of the security_content corpus (read from ../shared when present) compiles.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { compilePcre } from '../../src/regex/pcre.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const corpus = path.resolve(here, '../../../shared/corpus/security_content');
const present = (() => {
  try {
    return readdirSync(corpus).length > 0;
  } catch {
    return false;
  }
})();
if (!present) console.warn(`regex corpus test skipped: ${corpus} not found`);

/** `| rex ... "<pattern>"` and `| regex ... "<pattern>"`, except rex mode=sed. */
const COMMAND_PATTERN = /\|\s*(rex|regex)\b([^"|]*)"((?:[^"\\]|\\.)*)"/g;

function ymlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return ymlFiles(full);
    return entry.name.endsWith('.yml') ? [full] : [];
  });
}

/** SPL quoted-string unescaping (spec 1.6): `\"` and `\\` collapse, other escapes stay. */
function unescapeSpl(text: string): string {
  return text.replace(/\\(["\\])/g, '$1');
}

function corpusPatterns(): Array<{ file: string; pattern: string }> {
  const out: Array<{ file: string; pattern: string }> = [];
  for (const file of ymlFiles(corpus)) {
    const text = readFileSync(file, 'utf8');
    if (!/\b(rex|regex)\b/.test(text)) continue;
    const parsed = parseDocument(text);
    if (parsed.errors.length > 0) continue;
    const doc = parsed.toJS() as { search?: unknown; definition?: unknown } | null;
    const spl = [doc?.search, doc?.definition].filter((s): s is string => typeof s === 'string').join(' ');
    for (const m of spl.matchAll(COMMAND_PATTERN)) {
      if (!/mode\s*=\s*sed/.test(m[2]!)) out.push({ file: path.relative(corpus, file), pattern: unescapeSpl(m[3]!) });
    }
  }
  return out;
}

describe.skipIf(!present)('security_content regexes', () => {
  it('all compile', () => {
    const patterns = corpusPatterns();
    expect(patterns.length).toBeGreaterThan(100);
    const failures = patterns.flatMap(({ file, pattern }) => {
      try {
        compilePcre(pattern);
        return [];
      } catch (err) {
        return [`${file}: ${pattern}: ${(err as Error).message}`];
      }
    });
    expect(failures).toEqual([]);
  });
});
