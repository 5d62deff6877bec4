// Printer/parser round trip over the ESCU corpus: every detection's printed form parses back to the same AST (full tier).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles, sharedDir } from '../../src/corpus.js';
import { readDetection } from '../../src/detection.js';
import { MacroLibrary } from '../../src/macros/index.js';
import { parseQuery } from '../../src/parse/parse.js';
import { printPipeline } from '../../src/parse/print.js';
import { stripSpans } from '../../src/parse/strip-spans.js';
import { parseSpl } from '../../src/query-text.js';

const shared = sharedDir();
if (!shared) console.warn('roundtrip-corpus.full.test: ../shared not found; skipping the security_content corpus round trip');

describe.skipIf(!shared)('security_content corpus', () => {
  it('every detection parses, and its printed form parses to the same AST', () => {
    const root = join(shared!, 'corpus/security_content');
    const macros = MacroLibrary.load([join(root, 'macros')]);
    const files = listFiles(join(root, 'detections'), '.yml');
    expect(files.length).toBeGreaterThan(1000);
    const failures: string[] = [];
    for (const file of files) {
      const { ast } = parseSpl(readDetection(file).search, { macros });
      const printed = printPipeline(ast);
      const again = parseQuery(printed);
      if (JSON.stringify(stripSpans(again)) !== JSON.stringify(stripSpans(ast))) failures.push(`${file}\n  ${printed}`);
    }
    expect(failures).toEqual([]);
  });
});
