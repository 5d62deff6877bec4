#!/usr/bin/env node
// The splq bin (copied to dist/bundle/splq.cjs by scripts/bundle.mjs): runs the bundled CLI, splq-main.cjs, compiled
// with V8's code cache (splq-main.cache) when the cache was made from this very build, so start-up skips parsing and
// compiling most of the 1.3 MB bundle. Without a usable cache (another Node/V8, a rebuilt bundle) it compiles as usual.
// CommonJS, not an ES module: Node's ES module loader cost a trivial query ~13 M instructions and ~80 page faults
// more (docs/benchmarks.md, Start-up, fourth round). dist/bundle/splq.mjs (scripts/cli-entry.mjs) only loads this file.
'use strict';
const { closeSync, fstatSync, openSync, readSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { Script } = require('node:vm');
const v8 = require('node:v8');

// The CLI's garbage-collector flags (src/runtime/gc-tuning.ts GC_FLAGS; a test keeps the two lists equal), set before
// the bundle is compiled: V8 checks its flags against those a code cache was made under, and the cache is made at the
// end of a run, after the CLI has set them. Set only later, every start would reject the cache.
const GC_FLAGS = ['--no-allocation-site-pretenuring', '--heap-growing-percent=50', '--interrupt-budget=135168'];

// Node's code cache for its own built-in modules was made under V8's default flags, so a built-in module first loaded
// after the flags change compiles from source (~20 M instructions of a trivial query went there). Those every run of
// the CLI loads are loaded first: standard output's stream (net for a pipe, tty, or a file's), node:os and
// node:fs/promises (node:fs, node:vm and node:v8 come with this file's requires). A worker thread runs this file too,
// after the main thread has set the flags; it needs none of them.
if (!process.argv.includes('--splq-pool-worker')) {
  void process.stdout;
  require('node:os');
  require('node:fs/promises');
}
if (process.env.SPLQ_V8_DEFAULTS !== '1') for (const flag of GC_FLAGS) v8.setFlagsFromString(flag);

// A `splq run` over large files starts its pool workers now, after the flags (they hold in workers too): each loads
// the bundle while this thread does, instead of after the query is compiled (src/parallel/prestart.ts).
if (!process.argv.includes('--splq-pool-worker') && process.argv[2] === 'run') require('./prestart.cjs').prestartPoolWorkers(process.argv, __filename);

const mainPath = join(__dirname, 'splq-main.cjs');
const cachePath = join(__dirname, 'splq-main.cache');
/** The last line of splq-main.cjs and the first line of the cache: the same build id, or the cache is not used. */
const BUILD_TAG = '// splq-build ';

/** The bytes of the file at `path`, read into `buffer` when it is large enough (its pages are then already mapped). */
function readBytes(path, buffer) {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const into = buffer !== undefined && buffer.length >= size ? buffer : Buffer.allocUnsafeSlow(size);
    let read = 0;
    while (read < size) {
      const n = readSync(fd, into, read, size - read, read);
      if (n === 0) break;
      read += n;
    }
    return into.subarray(0, read);
  } finally {
    closeSync(fd);
  }
}

// The bundle is one function expression, `(function (exports, require, module, __filename, __dirname, __splqCliUrl)
// {...})` (scripts/bundle.mjs), so its text goes to V8 as read: a wrapper added here made a second string that V8
// copied once more to flatten it (~1.3 MB of fresh pages). esbuild writes ASCII only (non-ASCII is escaped).
const mainBytes = readBytes(mainPath);
const source = mainBytes.toString('latin1');
const buildId = source.slice(source.lastIndexOf(BUILD_TAG) + BUILD_TAG.length).trim();

/**
 * The cache file's first line: the build id, padded to 64 bytes. V8 copies cached data that does not start at an
 * address aligned to 8 bytes into an aligned buffer of its own (~0.9 MB of fresh pages); a buffer from the allocator
 * is aligned, so the data after a header of 64 bytes is too.
 */
const cacheHeader = `${BUILD_TAG}${buildId}`.padEnd(63, ' ') + '\n';

/** The V8 code cache of this build (read into the bundle's buffer, done with), or undefined (missing, another build). */
function cachedDataOfThisBuild() {
  let data;
  try {
    data = readBytes(cachePath, mainBytes);
  } catch {
    return undefined;
  }
  const header = cacheHeader;
  if (buildId === '' || data.length <= header.length || data.toString('latin1', 0, header.length) !== header) return undefined;
  return data.subarray(header.length);
}

// `__splqCliUrl` stands for `import.meta.url` (scripts/bundle.mjs), and is this file's URL so that the bundle starts
// its worker threads on this file (src/parallel/spawn-worker.ts) and finds pack-worker.mjs and the package's
// dependencies beside it.
const cachedData = cachedDataOfThisBuild();
const script = new Script(source, { filename: mainPath, cachedData });
if (process.env.SPLQ_DEBUG_CODE_CACHE) {
  const state = cachedData === undefined ? 'none for this build' : script.cachedDataRejected ? 'rejected by V8' : 'used';
  process.stderr.write(`splq: code cache ${state}\n`);
}

// scripts/bundle.mjs makes the cache by running a query with this set to the cache's path.
const cacheOut = process.env.SPLQ_WRITE_CODE_CACHE;
if (cacheOut) {
  process.on('exit', () => writeFileSync(cacheOut, Buffer.concat([Buffer.from(cacheHeader, 'latin1'), script.createCachedData()])));
}

const mainModule = { exports: {} };
script.runInThisContext()(mainModule.exports, createRequire(mainPath), mainModule, mainPath, __dirname, pathToFileURL(__filename).href);
