// The fast reader of a detection's name and search gives what the yaml package reads from the whole file: on every ESCU file, and on any file yaml writes.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { fastDetectionFields, foldSingleQuoted, topLevelEntries } from '../../src/detection-fields.js';
import { readDetection } from '../../src/detection.js';
import { REPO } from '../helpers/cli.js';

const DETECTIONS = join(REPO, '../shared/corpus/security_content/detections');
const present = existsSync(DETECTIONS);
if (!present) console.warn(`detection-fields corpus test: skipped, ${DETECTIONS} is absent (the ESCU corpus lives in ../shared)`);

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** What the whole-file parse gives for name and search (readDetection's reading), or null when it has no search. */
function reference(text: string, file: string): { name: string; search: string } | null {
  const doc = YAML.parse(text) as Record<string, unknown> | null;
  if (!doc || typeof doc !== 'object' || typeof doc.search !== 'string' || doc.search.trim() === '') return null;
  const name = typeof doc.name === 'string' || typeof doc.name === 'number' ? String(doc.name) : file;
  return { name, search: doc.search };
}

describe('fast detection fields', () => {
  it.skipIf(!present)('read every ESCU detection as the yaml package does, none left to the whole-file parse', () => {
    const files = yamlFiles(DETECTIONS);
    expect(files.length).toBeGreaterThan(1000);
    let fast = 0;
    for (const file of files) {
      const got = fastDetectionFields(readFileSync(file, 'utf8'), file);
      if (got === null) continue;
      fast++;
      const { name, search } = readDetection(file);
      expect(got, file).toEqual({ name, search });
    }
    // Every corpus file takes the fast way (a fallback would be correct, only slower).
    expect(fast).toBe(files.length);
  });

  it('equal the whole-file parse for any document yaml writes, quoted and folded or not (property)', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', "'", '"', '\n', '\t', ':', '#', '-', '|', 'é', '`', '\\', '1'), maxLength: 60 });
    const style = fc.constantFrom('PLAIN', 'QUOTE_SINGLE', 'QUOTE_DOUBLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED');
    const name = fc.oneof(text, fc.integer(), fc.constantFrom('true', 'null', 'Windows AD Promotion', '0x1f'));
    fc.assert(
      fc.property(name, text, style, fc.integer({ min: 20, max: 80 }), fc.boolean(), (n, search, type, lineWidth, before) => {
        const doc = before ? { name: n, search, tags: { x: [1, 2] }, tests: [{ a: search }] } : { id: 1, search, refs: ['- a', search], name: n };
        const yaml = YAML.stringify(doc, { defaultStringType: type as 'PLAIN', lineWidth, minContentWidth: 10 });
        const got = fastDetectionFields(yaml, 'f.yml');
        if (got !== null) expect(got).toEqual(reference(yaml, 'f.yml'));
      }),
      { numRuns: 300 },
    );
  });

  it('equal the whole-file parse on hand-made single-quoted searches over lines and plain names (property)', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'B', ' ', "''", '"', ':', '#', '-', '`', '1', '\t', '|', 'é'), maxLength: 12 });
    const line = fc.tuple(fc.constantFrom('', ' ', '  ', '\t', '   '), word).map(([indent, w]) => indent + w);
    const plain = fc.string({ unit: fc.constantFrom('a', 'Z', '1', ' ', ':', '#', '-', '.', 'e', 'x'), minLength: 1, maxLength: 10 });
    let fast = 0;
    fc.assert(
      fc.property(plain, fc.array(line, { minLength: 1, maxLength: 6 }), fc.boolean(), (n, lines, crlf) => {
        const eol = crlf ? '\r\n' : '\n';
        const yaml = [`id: 1`, `name: ${n}`, `search: '${lines.join(eol)}'`, 'tags:', '  a: 1', ''].join(eol);
        let want: ReturnType<typeof reference>;
        try {
          want = reference(yaml, 'f.yml');
        } catch {
          return;
        }
        const got = fastDetectionFields(yaml, 'f.yml');
        if (got === null) return;
        fast++;
        expect(got).toEqual(want);
      }),
      { numRuns: 400 },
    );
    // Most generated files take the fast way (the property is not vacuous).
    expect(fast).toBeGreaterThan(100);
  });

  it('leaves to the whole-file parse what it cannot cut or fold safely', () => {
    expect(topLevelEntries('name: a\nname: b\nsearch: x\n')).toBeNull();
    expect(topLevelEntries('--- \nname: a\nsearch: x\n')).toBeNull();
    expect(topLevelEntries('name: a\n<<: *base\nsearch: x\n')).toBeNull();
    expect(topLevelEntries('name: a\nsearch: \'x\ncontinued at column 0\'\n')).toBeNull();
    expect(foldSingleQuoted('a\nb')).toBeUndefined();
    expect(foldSingleQuoted("a  \n   b\n\n  c ''d''")).toBe("a b\nc 'd'");
    expect(fastDetectionFields("name: true\nsearch: 'x'\n", 'f.yml')).toEqual({ name: 'f.yml', search: 'x' });
  });
});
