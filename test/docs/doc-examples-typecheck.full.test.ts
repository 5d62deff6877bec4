// The TypeScript examples in the docs (blocks that import from 'splq') type-check against the sources (full tier:
// a type check of the whole library takes a while). doc-examples.test.ts runs them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../src/corpus.js';
import { docExamples, exampleSource } from './doc-examples.js';

const ROOT = repoRoot();

describe('doc examples: TypeScript type-checks', () => {
  it('every example compiles under the project tsconfig', () => {
    const { typescript } = docExamples();
    expect(typescript.length).toBeGreaterThan(0);
    const dir = join(ROOT, '.scratch/doc-examples-typecheck');
    mkdirSync(dir, { recursive: true });
    const files = typescript.map((block) => {
      const file = join(dir, `${block.file.replace(/[/.]/g, '-')}-${block.line}.ts`);
      writeFileSync(file, `${exampleSource(block, 2)}export {};\n`);
      return file;
    });
    const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    const program = ts.createProgram(files, { ...config!.options, noEmit: true });
    const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => ROOT, getNewLine: () => '\n' };
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.formatDiagnostic(d, host).trim());
    expect(diagnostics).toEqual([]);
  }, 300_000);
});
