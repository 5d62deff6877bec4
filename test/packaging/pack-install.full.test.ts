// The published package (issue 16 points 14, 15): `npm pack` builds dist/ and ships only what runs (no tests, bench or
// TypeScript sources); the tarball installs into a fresh project, imports, runs `splq --version` from its bin, and
// docs/library.md's example type-checks against its .d.ts with and without @types/node. Slow (a build and an
// install): in the full tier.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { name: string; version: string };
const work = mkdtempSync(join(tmpdir(), 'splq-pack-'));
const project = join(work, 'project');
let packed: { filename: string; files: Array<{ path: string }> };

const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 600_000 });

/** The TypeScript code blocks of docs/library.md, importing from the installed package. */
function libraryExamples(): string[] {
  const text = readFileSync(join(REPO, 'docs', 'library.md'), 'utf8');
  return [...text.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
}

/** Top-level entries of the checkout that a copy for packing leaves out: built or installed things, and bench data. */
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', 'coverage']);

/**
 * A copy of the checkout to pack: `npm pack` runs prepack (the build), which rewrites dist/. Done in the checkout
 * itself, that races the other full-tier tests that start dist/'s CLI at the same moment (CI saw one print nothing).
 */
function checkoutCopy(): string {
  const copy = join(work, 'checkout');
  cpSync(REPO, copy, {
    recursive: true,
    filter: (src) => {
      const rel = src.slice(REPO.length + 1);
      const top = rel.split('/')[0]!;
      return rel === '' || (!NOT_COPIED.has(top) && !rel.startsWith('bench/data/'));
    },
  });
  symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

beforeAll(() => {
  // `npm pack` runs prepack (the build) first, in a copy (see checkoutCopy).
  const out = npm(['pack', '--json', '--pack-destination', work], checkoutCopy());
  packed = (JSON.parse(out.slice(out.indexOf('[\n'))) as Array<typeof packed>)[0]!;
  mkdirSync(project);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', type: 'module', private: true }));
  npm(['install', '--no-audit', '--no-fund', '--prefer-offline', join(work, packed.filename)], project);
}, 900_000);

describe('the npm package', () => {
  it('ships the build, the bundled CLI, the macros and the docs, and no tests, bench or sources', () => {
    const paths = packed.files.map((f) => f.path);
    for (const needed of ['package.json', 'dist/bundle/splq.cjs', 'dist/bundle/splq.mjs', 'dist/bundle/splq-main.cjs', 'dist/bundle/splq-main.cache', 'dist/bundle/prestart.cjs', 'dist/bundle/worker.mjs', 'dist/bundle/pack-worker.mjs', 'dist/bundle/lazy/yaml.cjs', 'dist/src/index.js', 'dist/src/index.d.ts', 'queries/macros/wmi.yml', 'queries/wmi_permanent_event_subscription.yml']) {
      expect(paths).toContain(needed);
    }
    expect(paths.filter((p) => /^(test|bench|src|scripts|grammar)\//.test(p) || p.endsWith('.map') || (p.endsWith('.ts') && !p.endsWith('.d.ts')))).toEqual([]);
    expect(paths.length).toBeLessThan(900);
  });

  it('runs `splq --version` from its bin and `splq demo` outside the package', () => {
    const bin = join(project, 'node_modules', '.bin', 'splq');
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
    const demo = spawnSync(bin, ['demo', '-o', 'ndjson', '--dir', 'demo-out'], { cwd: project, encoding: 'utf8' });
    expect(demo.status).toBe(0);
    expect(demo.stdout.trim().split('\n')).toHaveLength(3);
    expect(demo.stderr).toContain(`splq demo: wrote ${join(project, 'demo-out', 'demo.ndjson')}`);
    expect(demo.stderr).toMatch(/Run it yourself: npx splq run --detection node_modules\/splq\/queries\/wmi_permanent_event_subscription\.yml -m node_modules\/splq\/queries\/macros -i demo-out\/demo\.ndjson/);
    expect(existsSync(join(project, 'node_modules', 'splq', 'bench'))).toBe(false);
  });

  it('imports as a library and runs a query', () => {
    const script = "import { compile } from 'splq'; console.log(compile('x=1 | stats count').runSync([{ x: 1 }, { x: 2 }])[0].toObject().count);";
    expect(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: project, encoding: 'utf8' }).trim()).toBe('1');
  });

  it.each([['without @types/node', []], ['with @types/node', ['node']]])('every docs/library.md example type-checks %s', (_what, types) => {
    const examples = libraryExamples();
    expect(examples.length).toBeGreaterThan(0);
    const files = examples.map((code, i) => {
      const name = `example-${i}.ts`;
      writeFileSync(join(project, name), `export {};\n${code}`);
      return name;
    });
    const tsconfig = { compilerOptions: { target: 'es2022', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: true, skipLibCheck: false, types, typeRoots: [join(REPO, 'node_modules', '@types')] }, files };
    writeFileSync(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
    let output = '';
    try {
      execFileSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      output = String((e as { stdout?: string }).stdout ?? e);
    }
    expect(output).toBe('');
  });
});
