// The golden corpus: each case folder holds a query (case.yml) and what splq makes of it, checked in for review.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { repoRoot, sharedDir } from '../../src/corpus.js';
import { parseQuery } from '../../src/parse/parse.js';
import { printPipeline } from '../../src/parse/print.js';
import { writeDemoSample } from '../../src/sample/demo.js';
import { runSplqInProcess, type CliResult } from '../helpers/in-process.js';

export const CASES_DIR = join(repoRoot(), 'test/golden/cases');

/** The search's "now" for every case (relative times in queries resolve against it): 2023-11-14T22:13:20Z. */
export const GOLDEN_NOW = '1700000000';

/**
 * case.yml: `about` (what the case pins down) and the query, as `spl` (text written for the case) or `detection`
 * (a YAML file; a path starting with `../shared/` is read from the shared corpus, and the case is skipped when it
 * is absent). `macros`: macro files or folders (default queries/macros). Paths are relative to the repository.
 */
export interface GoldenCase {
  name: string;
  about: string;
  spl?: string;
  detection?: string;
  macros: string[];
}

/** The checked-in files of a case, in the order they are made: what `splq expand`, `splq parse`, print.ts and `splq run` give. */
export const OUTPUT_FILES = ['expanded.spl', 'ast.json', 'printed.spl', 'rows.ndjson'] as const;
export type OutputFile = (typeof OUTPUT_FILES)[number];

export function loadCases(): GoldenCase[] {
  return readdirSync(CASES_DIR)
    .sort()
    .map((name) => {
      const spec = parseYaml(readFileSync(join(CASES_DIR, name, 'case.yml'), 'utf8')) as Partial<GoldenCase>;
      if (!spec.about || (spec.spl === undefined) === (spec.detection === undefined)) {
        throw new Error(`test/golden/cases/${name}/case.yml: needs \`about\` and exactly one of \`spl\` or \`detection\``);
      }
      return { name, about: spec.about, spl: spec.spl?.trim(), detection: spec.detection, macros: spec.macros ?? ['queries/macros'] };
    });
}

/** Whether a case reads ../shared (and so is skipped where it is absent). */
export const needsShared = (c: GoldenCase): boolean => [c.detection ?? '', ...c.macros].some((path) => path.startsWith('../shared/'));

/** A repository-relative path, with `../shared/` resolved to the shared folder actually found. */
function located(path: string): string {
  const shared = sharedDir();
  if (path.startsWith('../shared/') && shared) return join(shared, path.slice('../shared/'.length));
  return resolve(repoRoot(), path);
}

/** A command's output for the golden file: its stdout, or on failure the exit code and stderr (what a user sees). */
function shown(result: CliResult): string {
  return result.status === 0 ? result.stdout : `exit ${result.status}\n${result.stderr}`;
}

/** The demo sample written once per process into a temporary folder (deterministic: src/sample/demo.ts). */
let demoFile: string | undefined;
function demoSample(): string {
  if (demoFile === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'splq-golden-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    demoFile = writeDemoSample(dir);
  }
  return demoFile;
}

/** What splq makes of a case today: the text of each output file. */
export async function renderCase(c: GoldenCase): Promise<Record<OutputFile, string>> {
  const dir = mkdtempSync(join(tmpdir(), 'splq-golden-case-'));
  try {
    const queryFile = join(dir, 'query.spl');
    if (c.spl !== undefined) writeFileSync(queryFile, c.spl);
    const query = c.detection !== undefined ? ['--detection', located(c.detection)] : ['-q', queryFile];
    const macros = c.macros.flatMap((path) => ['-m', located(path)]);
    const expanded = await runSplqInProcess(['expand', ...query, ...macros]);
    const ast = await runSplqInProcess(['parse', ...query, ...macros]);
    const rows = await runSplqInProcess(['run', ...query, ...macros, '-i', demoSample(), '-o', 'ndjson', '--now', GOLDEN_NOW, '--tz', 'UTC']);
    return { 'expanded.spl': shown(expanded), 'ast.json': shown(ast), 'printed.spl': printed(expanded), 'rows.ndjson': shown(rows) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The expanded query parsed and printed back by src/parse/print.ts (the canonical SPL of the AST). */
function printed(expanded: CliResult): string {
  if (expanded.status !== 0) return shown(expanded);
  try {
    return `${printPipeline(parseQuery(expanded.stdout.replace(/\n$/, '')))}\n`;
  } catch (e) {
    return `parse error\n${(e as Error).message}\n`;
  }
}

/** The checked-in text of a case's output file, or undefined when it is missing. */
export function expectedOutput(c: GoldenCase, file: OutputFile): string | undefined {
  const path = join(CASES_DIR, c.name, file);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Rewrite a case's output files (for `npm run golden:update`); returns the files whose text changed. */
export function writeOutputs(c: GoldenCase, outputs: Record<OutputFile, string>): OutputFile[] {
  const changed = OUTPUT_FILES.filter((file) => expectedOutput(c, file) !== outputs[file]);
  for (const file of changed) writeFileSync(join(CASES_DIR, c.name, file), outputs[file]);
  return changed;
}
