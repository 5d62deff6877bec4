// Fuzzing (issue 16 acceptance): queries never raise anything but SplError; random records end in results plus a
// malformed report; mixes of valid and broken NDJSON lines give the same malformed set under every query shape.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles, sharedDir } from '../../src/corpus.js';
import { readDetection } from '../../src/detection.js';
import { SplError } from '../../src/errors.js';
import { MacroLibrary } from '../../src/macros/index.js';
import { compile } from '../../src/query.js';

const dir = mkdtempSync(join(tmpdir(), 'splq-fuzz-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Compiling and running on a few events raises only SplError. */
function onlySplErrors(spl: string, macros?: MacroLibrary): void {
  try {
    compile(spl, { macros, now: 1_700_000_000 }).runSync([{ a: '1', b: 'x y', _raw: 'a=1 b=x' }]);
  } catch (e) {
    if (!(e instanceof SplError)) throw new Error(`not an SplError for ${JSON.stringify(spl.slice(0, 200))}: ${String(e)}`);
  }
}

const TOKENS = ['search', '|', 'eval', 'stats', 'count', 'by', 'where', 'rex', 'field=a', '"(?<x>\\\\w+)"', 'a', '=', '(', ')', '[', ']', 'NOT', 'AND', 'OR',
  '+', '*', '"', '`', 'if(', ',', 'table', 'sort', '-', '0', 'dedup', 'spath', 'head', 'mvexpand', '\\', "'", 'like(a,"%x%")', 'match(a,"(a+)+$")'];

describe('query fuzzing', () => {
  it('random SPL-ish token strings raise only SplError', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom(...TOKENS), { maxLength: 30 }), (tokens) => onlySplErrors(tokens.join(' '))), { numRuns: 3000 });
  });

  it('random text raises only SplError', () => {
    fc.assert(fc.property(fc.string({ maxLength: 80 }), (text) => onlySplErrors(text)), { numRuns: 2000 });
  });

  it('deep nesting of every kind raises only SplError', () => {
    const shapes = [
      (n: number) => `search * | eval x=${'('.repeat(n)}1${')'.repeat(n)}`,
      (n: number) => `search ${'('.repeat(n)}a${')'.repeat(n)}`,
      (n: number) => `search * | eval x=${'if(true(),'.repeat(n)}1${',0)'.repeat(n)}`,
      (n: number) => `search ${'NOT '.repeat(n)}a`,
      (n: number) => `search * | eval x=${Array.from({ length: n }, () => '1').join('+')}`,
      (n: number) => `search * | where ${Array.from({ length: n }, () => 'a=1').join(' AND ')}`,
      (n: number) => `search * | eval x=${'mvappend('.repeat(n)}1${')'.repeat(n)}`,
    ];
    fc.assert(fc.property(fc.constantFrom(...shapes), fc.integer({ min: 1, max: 6000 }), (shape, n) => onlySplErrors(shape(n))), { numRuns: 60 });
  });

  const shared = sharedDir();
  it.skipIf(shared === undefined)('mutations of corpus queries raise only SplError', () => {
    const detections = listFiles(join(shared!, 'corpus/security_content/detections'), '.yml').slice(0, 400);
    const macros = MacroLibrary.load([join(shared!, 'corpus/security_content/macros')]);
    const searches = detections.flatMap((file) => {
      try {
        return [readDetection(file).search];
      } catch {
        return [];
      }
    });
    const mutation = fc.tuple(fc.constantFrom(...searches), fc.nat(), fc.nat({ max: 20 }), fc.constantFrom('', '(', ')', '"', '`', '|', '[', ']', ' NOT ', '\\'));
    fc.assert(
      fc.property(mutation, ([search, at, cut, insert]) => {
        const pos = at % (search.length + 1);
        onlySplErrors(search.slice(0, pos) + insert + search.slice(pos + cut), macros);
      }),
      { numRuns: 1500 },
    );
  });
  if (shared === undefined) console.log('notice: ../shared is absent: corpus mutation fuzzing is skipped');
});

/** Count and malformed lines of one run over `path`. */
async function run(spl: string, path: string, prefilter = true) {
  const execution = compile(spl).runFiles([path], { prefilter, threads: 1 });
  const rows: Array<Record<string, unknown>> = [];
  for await (const row of execution) rows.push(row.toObject());
  const summary = await execution.summary;
  return { rows, malformed: summary.malformed.lines.map((line) => line.split(': ')[0]!) };
}

let fileNo = 0;
function write(content: string | Buffer): string {
  const path = join(dir, `f${fileNo++}.ndjson`);
  writeFileSync(path, content);
  return path;
}

const deepJson = fc.integer({ min: 1, max: 3000 }).map((n) => `{"d":${'['.repeat(n)}1${']'.repeat(n)}}`);
const hugeJson = fc.integer({ min: 1, max: 200_000 }).map((n) => JSON.stringify({ big: 'x'.repeat(n), id: 1 }));
const brokenJson = fc.string({ maxLength: 60 });
const validJson = fc.dictionary(fc.constantFrom('a', 'b', 'c.d', 'EventCode', '__proto__', 'x y'), fc.jsonValue({ maxDepth: 3 })).map((o) => JSON.stringify(o));
const invalidUtf8 = fc.uint8Array({ minLength: 1, maxLength: 20 }).map((bytes) => Buffer.concat([Buffer.from('{"a":"'), Buffer.from(bytes.map((b) => (b === 0x0a || b === 0x22 || b === 0x5c ? 0x80 : b | 0x80))), Buffer.from('"}')]).toString('latin1'));
const anyLine = fc.oneof(validJson, deepJson, hugeJson, brokenJson, invalidUtf8);

describe('record fuzzing', () => {
  it('random records (deep, huge, broken, invalid UTF-8) end in results plus a malformed report', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anyLine, { minLength: 1, maxLength: 8 }), async (lines) => {
        const path = write(Buffer.from(`${JSON.stringify({ first: 1 })}\n${lines.join('\n')}\n`, 'latin1'));
        for (const spl of ['search * | table *', 'search * | stats count values(a)', 'search * | spath input=a | fields - _raw']) {
          const { rows } = await run(spl, path);
          expect(rows.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 60 },
    );
  }, 600_000);

  it('mixes of valid and broken lines give the same malformed set under every query shape', async () => {
    const shapes = ['search * | stats count', 'a=* | stats count', 'EventCode=4688 | stats count', 'search * | eval l=len(_raw) | stats count', 'search * | table a'];
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(validJson, brokenJson, deepJson), { maxLength: 10 }), async (lines) => {
        const path = write(`${JSON.stringify({ first: 1 })}\n${lines.join('\n')}\n`);
        const reference = (await run('search * | stats count', path, false)).malformed;
        for (const spl of shapes) for (const prefilter of [true, false]) expect((await run(spl, path, prefilter)).malformed, spl).toEqual(reference);
      }),
      { numRuns: 60 },
    );
  }, 600_000);
});
