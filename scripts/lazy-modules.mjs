// esbuild plugins for the CLI bundle: modules a trivial query never uses are loaded on first use, not at start-up.
import { resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * Packages imported by src/ that only some runs need (macro and lookup YAML, XML events, geolocation, the linear-time
 * regex engine, CSV lookups, worker threads: the CLI bundle holds only the main thread's side), and what src/ imports
 * from each: `default` (an object of functions), classes (used with
 * `new` and for their static members) and functions. Each import resolves to a stand-in that requires the package
 * (bundled, as before) on first use.
 */
export const LAZY_PACKAGES = {
  yaml: { default: true },
  saxes: { classes: ['SaxesParser'] },
  'mmdb-lib': { classes: ['Reader'] },
  re2js: { classes: ['RE2JS'] },
  'csv-parse/sync': { functions: ['parse'] },
  'csv-stringify/sync': { functions: ['stringify'] },
  'node:worker_threads': { classes: ['Worker'] },
};

const NAMESPACE = 'splq-lazy';
/** Folder (beside the CLI bundle) of the packages' own bundles, one CommonJS file each. */
export const LAZY_DIR = 'lazy';

/** The file name (in LAZY_DIR) of a package's own bundle: `csv-parse/sync` -> `csv-parse-sync.cjs`. */
export function lazyFileOf(pkg) {
  return `${pkg.replace(/^node:/, '').replace(/\//g, '-')}.cjs`;
}

/** Built-in modules stay built-in; packages are bundled into files of their own, read only when first used. */
const isBuiltin = (pkg) => pkg.startsWith('node:');

/** The stand-in module for `pkg`: the same exports, each loading the package on first use. */
function standIn(pkg, { default: hasDefault = false, classes = [], functions = [] }) {
  const lines = [
    'let real;',
    `const load = () => (real ??= require(${JSON.stringify(isBuiltin(pkg) ? pkg : `./${LAZY_DIR}/${lazyFileOf(pkg)}`)}));`,
    // A class stand-in constructs the real class, hands out its static members and answers instanceof as it would.
    'const lazyClass = (name) => new Proxy(function () {}, {',
    '  construct: (_, args) => Reflect.construct(load()[name], args),',
    '  get: (_, key) => { const real = load()[name]; const v = Reflect.get(real, key); return typeof v === "function" && key !== "constructor" ? v.bind(real) : v; },',
    '});',
  ];
  if (hasDefault) lines.push('export default new Proxy({}, { get: (_, key) => load()[key], has: (_, key) => key in load() });');
  for (const name of classes) lines.push(`export const ${name} = lazyClass(${JSON.stringify(name)});`);
  for (const name of functions) lines.push(`export function ${name}(...args) { return load().${name}(...args); }`);
  return lines.join('\n');
}

/**
 * Imports of LAZY_PACKAGES from src/ get their stand-in; the stand-in's own require gets the package's own bundle
 * (LAZY_DIR, made by bundleLazyPackages), outside the CLI bundle: the CLI bundle is read, and its code cache holds an
 * entry for every function in it, at every start (docs/benchmarks.md, Start-up, third round).
 */
export const lazyPackages = {
  name: 'lazy-packages',
  setup(build) {
    const names = Object.keys(LAZY_PACKAGES).map((p) => p.replace(/[/.-]/g, '\\$&'));
    build.onResolve({ filter: new RegExp(`^(${names.join('|')})$`) }, (args) =>
      args.namespace === NAMESPACE || args.kind === 'require-call' ? undefined : { path: args.path, namespace: NAMESPACE },
    );
    build.onResolve({ filter: new RegExp(`^\\./${LAZY_DIR}/`) }, (args) => ({ path: args.path, external: true }));
    build.onLoad({ filter: /.*/, namespace: NAMESPACE }, (args) => ({
      contents: standIn(args.path, LAZY_PACKAGES[args.path]),
      resolveDir: resolve('.'),
      loader: 'js',
    }));
  },
};

/** commander's `require('node:child_process')` gets scripts/lazy-child-process.cjs, which loads it on first use. */
export const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: resolve('scripts/lazy-child-process.cjs') } : undefined,
    );
  },
};

/** Bundles each package of LAZY_PACKAGES (not the built-ins) into `${outDir}/${LAZY_DIR}/<file>.cjs` (CommonJS). */
export async function bundleLazyPackages(outDir) {
  const packages = Object.keys(LAZY_PACKAGES).filter((pkg) => !isBuiltin(pkg));
  const entries = {
    name: 'lazy-entries',
    setup(b) {
      b.onResolve({ filter: /^splq-lazy-entry:/ }, (args) => ({ path: args.path.slice('splq-lazy-entry:'.length), namespace: 'splq-lazy-entry' }));
      b.onLoad({ filter: /.*/, namespace: 'splq-lazy-entry' }, (args) => ({
        contents: `module.exports = require(${JSON.stringify(args.path)});`,
        resolveDir: resolve('.'),
        loader: 'js',
      }));
    },
  };
  await build({
    entryPoints: Object.fromEntries(packages.map((pkg) => [lazyFileOf(pkg).replace(/\.cjs$/, ''), `splq-lazy-entry:${pkg}`])),
    outdir: `${outDir}/${LAZY_DIR}`,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    format: 'cjs',
    platform: 'node',
    target: 'node20',
    minify: false,
    sourcemap: 'linked',
    logLevel: 'warning',
    plugins: [entries],
  });
}
