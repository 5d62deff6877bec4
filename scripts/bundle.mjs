// After tsc: bundle the CLI and the worker thread into one file each (start-up loads a few files instead of ~250),
// and give the CLI a V8 code cache made by running a trivial query (docs/benchmarks.md, Start-up).
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { build } from 'esbuild';
import { bundleOptions, OUT_DIR } from './bundle-options.mjs';
import { bundleLazyPackages, LAZY_DIR, lazyChildProcess, lazyPackages } from './lazy-modules.mjs';
import { chevrotainStartup } from './chevrotain-startup.mjs';

/** The bin, scripts/cli-loader.cjs; splq.mjs (scripts/cli-entry.mjs) only loads it. */
const CLI = `${OUT_DIR}/splq.cjs`;
const CLI_ESM = `${OUT_DIR}/splq.mjs`;
const MAIN = `${OUT_DIR}/splq-main.cjs`;
const CACHE = `${OUT_DIR}/splq-main.cache`;

rmSync(CACHE, { force: true }); // a cache never outlives the bundle it was made from
rmSync(`${CLI_ESM}.map`, { force: true });
rmSync(`${OUT_DIR}/${LAZY_DIR}`, { recursive: true, force: true }); // the loader has no map; the CLI's is splq-main.cjs.map
try {
  await build(bundleOptions({ worker: 'src/parallel/worker.ts', 'pack-worker': 'src/scan/pack-worker.ts' }));
  // The CLI itself is CommonJS so that the loader can compile it with vm.Script, which takes a code cache (Node 20
  // has no cache for ES modules). `import.meta.url` becomes the loader's URL, which the loader passes in.
  await build({
    ...bundleOptions({ 'splq-main': 'src/cli/main.ts' }),
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    banner: {},
    define: { 'import.meta.url': '__splqCliUrl' },
    plugins: [lazyChildProcess, lazyPackages, chevrotainStartup],
  });
  await bundleLazyPackages(OUT_DIR); // what the CLI bundle's stand-ins require on first use
  // The loader's pre-start of pool workers (src/parallel/prestart.ts): a few KB, loaded before the CLI bundle.
  await build({
    ...bundleOptions({ prestart: 'src/parallel/prestart.ts' }),
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    banner: { js: "var __splqPrestartUrl = require('node:url').pathToFileURL(__filename).href;" },
    define: { 'import.meta.url': '__splqPrestartUrl' },
    sourcemap: false,
  });

} catch {
  process.exit(1); // esbuild has already printed each error with its file and line
}

// The bundle becomes one function expression, which the loader compiles as it reads it and calls as a CommonJS module
// body; the hashbang becomes an empty comment on the wrapper's line, so lines still match the source map.
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname, __splqCliUrl) {';
writeFileSync(MAIN, `${WRAPPER_START}${shareNamespaces(readFileSync(MAIN, 'latin1').replace(/^#!.*\n/, '//\n'))}\n})\n`, 'latin1');
/**
 * esbuild's `__toESM` gives every file that imports a CommonJS or built-in module (node:fs in 9 files, node:path in 6)
 * its own namespace object, a getter per export defined at start-up (~100 for node:fs). Here each module gets one,
 * shared (they are the same read-only view). The helper's text must be found as it stands, or the build stops.
 */
function shareNamespaces(text) {
  const helper = 'var __toESM = (mod, isNodeMode, target) => (target = ';
  if (text.split(helper).length !== 2) {
    process.stderr.write(`bundle: ${MAIN} does not define esbuild's __toESM as expected (${helper})\n`);
    process.exit(1);
  }
  const shared = [
    'var __splqNamespaces = new WeakMap();',
    'var __toESM = (mod, isNodeMode) => {',
    '  if (!isNodeMode || mod == null) return __toESMOnce(mod, isNodeMode);',
    '  let ns = __splqNamespaces.get(mod);',
    '  if (ns === void 0) __splqNamespaces.set(mod, ns = __toESMOnce(mod, isNodeMode));',
    '  return ns;',
    '};',
  ].join(' ');
  // on the helper's own line, so that lines still match the source map
  return text.replace(helper, () => `${shared} ${helper.replace('__toESM', '__toESMOnce')}`);
}

copyFileSync('scripts/cli-loader.cjs', CLI);
chmodSync(CLI, 0o755);
copyFileSync('scripts/cli-entry.mjs', CLI_ESM);
chmodSync(CLI_ESM, 0o755);

const scratch = mkdtempSync(join(tmpdir(), 'splq-bundle-'));
const events = join(scratch, 'events.ndjson');
writeFileSync(events, '{"_time":"2024-01-01T00:00:00Z","a":1}\n{"a":2}\n');

/**
 * Runs a trivial query over an event file (-i, not standard input: the usual case, whose code the code cache then
 * holds) through the bundled CLI with `env` added; stops the build if it fails.
 */
function runTrivialQuery(env, what) {
  const r = spawnSync(process.execPath, [CLI, 'run', '* | head 1', '-i', events], { env: { ...process.env, ...env }, encoding: 'utf8' });
  if (r.status !== 0) {
    process.stderr.write(`bundle: the bundled CLI failed its ${what} run:\n${r.stderr}`);
    process.exit(1);
  }
  return r.stderr;
}

// The parser's prebuilt grammar (scripts/prebuilt-gast.mjs): the bundle records its GAST once and writes it out, the
// GAST goes into the bundle's text, and a second run must write the same GAST from the prebuilt one.
const GAST_MARKER = '"splq-prebuilt-gast:none"';
// The lexer's table of start characters (scripts/chevrotain-startup.mjs) is made and checked the same way.
const START_CODES_MARKER = '"splq-start-codes:none"';
const gastFile = join(scratch, 'gast.json');
const codesFile = join(scratch, 'start-codes.json');
runTrivialQuery({ SPLQ_DUMP_GAST: gastFile, SPLQ_DUMP_START_CODES: codesFile }, 'grammar recording');
const recorded = JSON.parse(readFileSync(gastFile, 'utf8'));
const startCodes = readFileSync(codesFile, 'utf8');
let text = readFileSync(MAIN, 'latin1');
for (const marker of [GAST_MARKER, START_CODES_MARKER]) {
  if (text.split(marker).length !== 2) {
    process.stderr.write(`bundle: ${MAIN} does not hold the marker ${marker} exactly once\n`);
    process.exit(1);
  }
}
if (recorded.prebuilt !== false || Object.keys(JSON.parse(startCodes)).length === 0) {
  process.stderr.write('bundle: the recording run took a prebuilt grammar or computed no start characters\n');
  process.exit(1);
}
text = text.replace(START_CODES_MARKER, () => JSON.stringify(startCodes).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
// A string for JSON.parse, not an object literal: V8 builds an object literal's ~1,000 nested boilerplates on its first
// run (~2 ms); JSON.parse of the 28 KB string is quicker. esbuild writes ASCII only, so non-ASCII is escaped.
const rulesText = `JSON.parse(${JSON.stringify(JSON.stringify(recorded.rules))})`.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(MAIN, text.replace(GAST_MARKER, () => rulesText), 'latin1');
runTrivialQuery({ SPLQ_DUMP_GAST: gastFile, SPLQ_DUMP_START_CODES: codesFile }, 'prebuilt grammar check');
const rebuilt = JSON.parse(readFileSync(gastFile, 'utf8'));
if (readFileSync(codesFile, 'utf8') !== startCodes) {
  process.stderr.write("bundle: the lexer's start characters differ between two runs of the same bundle\n");
  process.exit(1);
}
if (rebuilt.prebuilt !== true || JSON.stringify(rebuilt.rules) !== JSON.stringify(recorded.rules)) {
  process.stderr.write('bundle: the parser built from the prebuilt grammar does not have the recorded grammar\n');
  process.exit(1);
}

// The loader compares this id with the cache's, so a cache is never used with another build of the bundle.
const body = readFileSync(MAIN, 'latin1');
const buildId = createHash('sha256').update(body).digest('hex').slice(0, 32);
writeFileSync(MAIN, `${body}// splq-build ${buildId}\n`, 'latin1');

// The cache holds what V8 compiled while a trivial query ran: the bundle's top level, the parser, one search.
runTrivialQuery({ SPLQ_WRITE_CODE_CACHE: CACHE }, 'warm-up (no code cache written)');
// The cache is made under V8's default flags (scripts/cli-loader.cjs): a start must take it, or every start compiles all.
if (!runTrivialQuery({ SPLQ_DEBUG_CODE_CACHE: '1' }, 'code cache check').includes('splq: code cache used')) {
  process.stderr.write(`bundle: V8 rejects the code cache ${CACHE} that the warm-up run made\n`);
  process.exit(1);
}
rmSync(scratch, { recursive: true, force: true });
