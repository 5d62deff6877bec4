// The docs can't drift: every `$ splq` session in a ```console block of README.md or docs/ prints what the block
// shows, and every TypeScript block that imports from 'splq' runs (its type check: doc-examples-typecheck.full.test.ts).
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { repoRoot, sharedDir } from '../../src/corpus.js';
import { demoEvents, DEFAULT_DEMO_DIR, DEMO_FILE_NAME, writeDemoSample } from '../../src/sample/demo.js';
import { splq } from '../helpers/cli.js';
import { docExamples, exampleSource, normalizeOutput, sessionSteps, shellWords, type FencedBlock } from './doc-examples.js';

const ROOT = repoRoot();
const { sessions, typescript } = docExamples();
const needsShared = (block: FencedBlock): boolean => block.body.includes('../shared/');
const shared = sharedDir() !== undefined;
if (!shared) console.warn(`doc examples: ../shared not found; skipping ${sessions.filter(needsShared).length} session(s) over its data`);

/** The demo sample where `npm start` writes it (deterministic), so examples can read bench/data/demo.ndjson. */
function ensureDemoSample(): void {
  const path = join(ROOT, DEFAULT_DEMO_DIR, DEMO_FILE_NAME);
  const text = demoEvents().map((ev) => `${JSON.stringify(ev)}\n`).join('');
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return;
  writeDemoSample(join(ROOT, DEFAULT_DEMO_DIR));
}

describe('doc examples: splq sessions', () => {
  it('there are sessions to run, in several docs', () => {
    expect(new Set(sessions.map((b) => b.file)).size).toBeGreaterThanOrEqual(3);
  });

  for (const block of sessions) {
    it.skipIf(needsShared(block) && !shared)(`${block.file}:${block.line}`, async () => {
      ensureDemoSample();
      const steps = sessionSteps(block);
      expect(steps.length, 'a console block holds at least one `$ splq` command').toBeGreaterThan(0);
      for (const step of steps) {
        const args = step.args.map((arg) => (arg.startsWith('../shared/') && sharedDir() ? join(sharedDir()!, arg.slice(10)) : arg));
        const result = await splq(args);
        expect(normalizeOutput(result.stdout + result.stderr), `${block.file}:${block.line}: $ ${step.command}`).toBe(normalizeOutput(step.output));
      }
    });
  }
});

describe('doc examples: TypeScript', () => {
  for (const block of typescript) {
    it(`${block.file}:${block.line} runs`, async () => {
      ensureDemoSample();
      const dir = join(ROOT, '.scratch/doc-examples');
      mkdirSync(dir, { recursive: true });
      const file = join(dir, `${block.file.replace(/[/.]/g, '-')}-${block.line}.ts`);
      writeFileSync(file, exampleSource(block, 2));
      const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
      try {
        await import(file);
      } finally {
        log.mockRestore();
      }
    });
  }
});

describe('reading the examples', () => {
  it('splits command lines as sh does', () => {
    expect(shellWords(`splq run 'a | b' -i x.json "q\\"uoted" two\\ words`)).toEqual(['splq', 'run', 'a | b', '-i', 'x.json', 'q"uoted', 'two words']);
  });
  it('takes the lines under a command as its output, and refuses commands other than splq', () => {
    const block = { file: 'f.md', line: 1, info: 'console', body: '$ splq run x \\\n  -o csv\na\nb\n$ splq parse y\n{}' };
    expect(sessionSteps(block)).toEqual([
      { args: ['run', 'x', '-o', 'csv'], output: 'a\nb\n', command: 'splq run x  -o csv' },
      { args: ['parse', 'y'], output: '{}\n', command: 'splq parse y' },
    ]);
    expect(() => sessionSteps({ ...block, body: '$ rm -rf /' })).toThrow(/only `\$ splq/);
  });
});
