// Resolving input arguments: files, globs (*, **, ?), folders (recursive, sorted, no hidden files), stdin.
import { chmodSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandGlob, segmentRegExp } from '../../src/input/sources/glob.js';
import { hasInputExtension, resolveInputs } from '../../src/input/sources/resolve.js';
import { Fixtures } from './helpers.js';

const fixtures = new Fixtures();
afterAll(() => fixtures.remove());

beforeAll(() => {
  for (const name of [
    'logs/b.json',
    'logs/a.ndjson',
    'logs/a.json.gz',
    'logs/notes.yaml',
    'logs/.hidden.json',
    'logs/.secret/x.json',
    'logs/2024/01/c.json',
    'logs/2024/02/d.jsonl',
    'logs/2024/x.log',
    'other/e.json',
  ]) {
    fixtures.write(name, '{}\n');
  }
});

const rel = (paths: string[]) => paths.map((p) => p.slice(fixtures.root.length + 1));

describe('segment patterns', () => {
  it('* and ? match within one segment; other characters are literal', () => {
    expect(segmentRegExp('*.json').test('a.json')).toBe(true);
    expect(segmentRegExp('*.json').test('ajson')).toBe(false);
    expect(segmentRegExp('a?c').test('abc')).toBe(true);
    expect(segmentRegExp('a?c').test('ac')).toBe(false);
    expect(segmentRegExp('[x](y)+.json').test('[x](y)+.json')).toBe(true);
  });
});

describe('resolveInputs', () => {
  it('means stdin when there are no arguments, and for -', async () => {
    expect(await resolveInputs([])).toEqual(['-']);
    expect(await resolveInputs(['-'])).toEqual(['-']);
  });

  it('keeps files in argument order', async () => {
    const b = fixtures.path('logs/b.json');
    const a = fixtures.path('logs/a.ndjson');
    expect(await resolveInputs([b, '-', a])).toEqual([b, '-', a]);
  });

  it('expands a folder recursively, sorted, without hidden names or non-input extensions', async () => {
    expect(rel(await resolveInputs([fixtures.path('logs')]))).toEqual([
      'logs/2024/01/c.json',
      'logs/2024/02/d.jsonl',
      'logs/2024/x.log',
      'logs/a.json.gz',
      'logs/a.ndjson',
      'logs/b.json',
    ]);
  });

  it('expands * within a folder and skips hidden files', async () => {
    expect(rel(await resolveInputs([fixtures.path('logs/*.json')]))).toEqual(['logs/b.json']);
    expect(rel(await resolveInputs([fixtures.path('logs/*')]))).toEqual([
      'logs/a.json.gz',
      'logs/a.ndjson',
      'logs/b.json',
      'logs/notes.yaml',
    ]);
  });

  it('expands ** across any number of folders (including none)', async () => {
    expect(rel(await resolveInputs([fixtures.path('logs/**/*.json')]))).toEqual([
      'logs/2024/01/c.json',
      'logs/b.json',
    ]);
    expect(rel(await resolveInputs([fixtures.path('**/e.json')]))).toEqual(['other/e.json']);
    expect(rel(await resolveInputs([fixtures.path('logs/2024/**')]))).toEqual([
      'logs/2024/01/c.json',
      'logs/2024/02/d.jsonl',
      'logs/2024/x.log',
    ]);
  });

  it('expands ? and globs in folder segments', async () => {
    expect(rel(await resolveInputs([fixtures.path('logs/2024/0?/*')]))).toEqual([
      'logs/2024/01/c.json',
      'logs/2024/02/d.jsonl',
    ]);
  });

  it('matches hidden names only when the pattern segment starts with a dot', async () => {
    expect(rel(await expandGlob(fixtures.path('logs/.*.json')))).toEqual(['logs/.hidden.json']);
  });

  it('reports a glob without matches', async () => {
    await expect(resolveInputs([fixtures.path('logs/*.xyz')])).rejects.toMatchObject({
      code: 'input-error',
      message: `no files match ${fixtures.path('logs/*.xyz')}`,
    });
  });

  it('reports a missing file as "cannot read <path>: <reason>"', async () => {
    const missing = fixtures.path('logs/missing.json');
    await expect(resolveInputs([missing])).rejects.toMatchObject({
      code: 'input-error',
      message: `cannot read ${missing}: no such file or directory`,
    });
  });

  it.skipIf(process.getuid?.() === 0)('reports an unreadable file', async () => {
    const locked = fixtures.write('locked.json', '{}');
    chmodSync(locked, 0o000);
    await expect(resolveInputs([locked])).rejects.toThrow(`cannot read ${locked}: permission denied`);
  });

  it('reports a folder without input files', async () => {
    fixtures.write('docs/readme.md', '# no');
    await expect(resolveInputs([fixtures.path('docs')])).rejects.toMatchObject({ code: 'input-error' });
  });
});

describe('folder extensions', () => {
  it('accepts JSON/NDJSON/log/xml names, optionally gzipped, case-insensitively', () => {
    expect(['a.json', 'a.NDJSON', 'a.jsonl.gz', 'a.log', 'b.xml'].every(hasInputExtension)).toBe(true);
    expect(['a.yaml', 'a.gz', 'a.json.bak', 'json'].some(hasInputExtension)).toBe(false);
  });
});
