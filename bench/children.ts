// Compiles the benchmark's child scripts to plain JavaScript once, so each child starts as fast as `node` itself.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

export const CHILD_SCRIPTS = ['count-lines', 'parse-lines', 'duckdb-query'] as const;
export type ChildScript = (typeof CHILD_SCRIPTS)[number];

/** Transpile `bench/children/<name>.ts` to `<outDir>/<name>.mjs`; returns the path of each compiled script. */
export function buildChildScripts(root: string, outDir: string): Record<ChildScript, string> {
  mkdirSync(outDir, { recursive: true });
  const compiled = {} as Record<ChildScript, string>;
  for (const name of CHILD_SCRIPTS) {
    const source = readFileSync(join(root, 'bench', 'children', `${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
    });
    compiled[name] = join(outDir, `${name}.mjs`);
    writeFileSync(compiled[name], outputText);
  }
  return compiled;
}
