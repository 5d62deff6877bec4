// `npm run corpus:compile`: compile every ESCU detection command by command; list missing commands and functions, tstats ones apart.
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Pipeline } from '../src/ast.js';
import { listFiles, sharedDir } from '../src/corpus.js';
import { readDetection } from '../src/detection.js';
import { compilePipeline, createCompileContext } from '../src/engine/compile-pipeline.js';
import { formatError, isSplError, type SplError } from '../src/errors.js';
import { LookupLibrary } from '../src/lookups/index.js';
import { MacroLibrary } from '../src/macros/index.js';
import { parseSpl } from '../src/query-text.js';
import { UTC } from '../src/time/zone.js';

const MISSING_COMMAND_CODES = new Set(['unsupported-command', 'unknown-command']);

const shared = sharedDir();
if (!shared) {
  console.log('corpus:compile skipped: ../shared is absent');
  process.exit(0);
}
const root = join(shared, 'corpus/security_content');
const macros = MacroLibrary.load([join(root, 'macros')]);
const all = listFiles(join(root, 'detections'), '.yml').map((f) => ({ file: relative(root, f), search: readDetection(f).search }));
const isTstats = (search: string) => /^\s*\|\s*tstats\b/.test(search);
const detections = all.filter((d) => !isTstats(d.search));
const tstatsDetections = all.filter((d) => isTstats(d.search));

// The corpus's lookups/ folder; outputlookup may "write" to a scratch folder (nothing runs, so nothing is written).
const lookups = LookupLibrary.load({ paths: [join(root, 'lookups')], lookupDir: join(tmpdir(), 'splq-corpus-lookups'), onWarning: () => undefined });
const ctx = createCompileContext(UTC, Math.floor(Date.now() / 1000), { macros, lookups });
/** Detections that need a Splunk app (MLTK's apply, CyberChef): counted apart, by app. */
const needsApp = new Map<string, number>();
const missingLookups = new Map<string, number>();
const missingCommands = new Map<string, number>();
const missingFunctions = new Map<string, number>();
const otherErrors: string[] = [];
let compiled = 0;

const bump = (counts: Map<string, number>, name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);

/** The name inside a "`name` is not supported yet" / "unknown command `name`" / "unknown function" message. */
const quotedName = (e: SplError): string => /`([^`]+)`/.exec(e.message)?.[1] ?? e.message;

/** What kept one detection from compiling: a missing command or function, or another error. */
type Missing = { kind: 'command' | 'function' | 'lookup' | 'app'; name: string } | { kind: 'error'; text: string; message: string };

/** The app named in a needs-app message ("... needs the <app> app ..."). */
const appName = (e: SplError): string => /needs the (.+) app/.exec(e.message)?.[1] ?? e.message;

/** Compile each command on its own so one missing command does not hide the next; the pieces that failed. */
function compileEach(ast: Pipeline, text: string): Missing[] {
  const missing: Missing[] = [];
  ctx.queryText = text;
  ast.commands.forEach((command, i) => {
    try {
      compilePipeline({ ...ast, commands: [command], leadingPipe: ast.leadingPipe && i === 0 }, ctx);
    } catch (e) {
      if (!isSplError(e)) throw e;
      if (e.code === 'needs-app') missing.push({ kind: 'app', name: appName(e) });
      else if (MISSING_COMMAND_CODES.has(e.code)) missing.push({ kind: 'command', name: quotedName(e) });
      else if (e.code === 'unknown-function') missing.push({ kind: 'function', name: quotedName(e) });
      else if (e.code === 'unknown-lookup') missing.push({ kind: 'lookup', name: quotedName(e) + (e.hints.find((h) => h.includes(' comes with '))?.replace(/^.* comes with ([^:]*):.*$/, ' ($1)') ?? '') });
      else missing.push({ kind: 'error', text: formatError(e, text), message: e.message });
    }
  });
  return missing;
}

function compileDetection(search: string): Missing[] {
  try {
    const parsed = parseSpl(search, { macros });
    return compileEach(parsed.ast, parsed.expansion.text);
  } catch (e) {
    if (!isSplError(e)) throw e;
    return [{ kind: 'error', text: formatError(e), message: e.message }];
  }
}

for (const { file, search } of detections) {
  const missing = compileDetection(search);
  if (missing.length === 0) compiled++;
  for (const app of new Set(missing.filter((m) => m.kind === 'app').map((m) => (m as { name: string }).name))) bump(needsApp, app);
  for (const m of missing) {
    if (m.kind === 'command') bump(missingCommands, m.name);
    else if (m.kind === 'function') bump(missingFunctions, m.name);
    else if (m.kind === 'lookup') bump(missingLookups, m.name);
    else if (m.kind === 'error') otherErrors.push(`${file}:\n${m.text}`);
  }
}

// tstats detections: bound when every command compiles; otherwise each missing piece counted once per detection.
let tstatsBound = 0;
const tstatsMissing = new Map<string, number>();
const tstatsErrors: string[] = [];
for (const { file, search } of tstatsDetections) {
  const missing = compileDetection(search);
  if (missing.length === 0) tstatsBound++;
  const pieces = new Set(missing.map((m) => (m.kind === 'error' ? `error: ${m.message}` : `${m.kind} ${m.name}`)));
  for (const piece of pieces) bump(tstatsMissing, piece);
  for (const m of missing) if (m.kind === 'error' && process.env.CORPUS_VERBOSE) tstatsErrors.push(`${file}:\n${m.text}`);
}

const byCount = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
const appTotal = [...needsApp.values()].reduce((a, b) => a + b, 0);
console.log(`compiled ${compiled}/${detections.length} (detections not starting with tstats)`);
console.log(`need a Splunk app (${appTotal}):`);
for (const [name, count] of byCount(needsApp)) console.log(`  ${name}: ${count}`);
console.log(`missing commands (${missingCommands.size}):`);
for (const [name, count] of byCount(missingCommands)) console.log(`  ${name}: ${count}`);
console.log(`missing functions (${missingFunctions.size}):`);
for (const [name, count] of byCount(missingFunctions)) console.log(`  ${name}: ${count}`);
console.log(`lookups from outside the corpus (${missingLookups.size}):`);
for (const [name, count] of byCount(missingLookups)) console.log(`  ${name}: ${count}`);
console.log(`tstats detections: bound ${tstatsBound}/${tstatsDetections.length}; not bound ${tstatsDetections.length - tstatsBound}, by missing piece:`);
for (const [piece, count] of byCount(tstatsMissing)) console.log(`  ${piece}: ${count}`);
for (const err of tstatsErrors) console.log(err);
if (otherErrors.length) {
  console.log(`other compile errors (${otherErrors.length}):`);
  for (const err of otherErrors) console.log(err);
}
process.exit(otherErrors.length ? 1 : 0);
