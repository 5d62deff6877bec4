// `npm run corpus:compile`: compile every non-tstats ESCU detection command by command; list missing commands and functions.
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
const detections = listFiles(join(root, 'detections'), '.yml')
  .map((f) => ({ file: relative(root, f), search: readDetection(f).search }))
  .filter((d) => !/^\s*\|\s*tstats\b/.test(d.search));

// The corpus's lookups/ folder; outputlookup may "write" to a scratch folder (nothing runs, so nothing is written).
const lookups = LookupLibrary.load({ paths: [join(root, 'lookups')], lookupDir: join(tmpdir(), 'splq-corpus-lookups'), onWarning: () => undefined });
const ctx = createCompileContext(UTC, Math.floor(Date.now() / 1000), lookups);
const missingLookups = new Map<string, number>();
const missingCommands = new Map<string, number>();
const missingFunctions = new Map<string, number>();
const otherErrors: string[] = [];
let compiled = 0;

const bump = (counts: Map<string, number>, name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);

/** The name inside a "`name` is not supported yet" / "unknown command `name`" / "unknown function" message. */
const quotedName = (e: SplError): string => /`([^`]+)`/.exec(e.message)?.[1] ?? e.message;

/** Compile each command on its own so one missing command does not hide the next; true when all compile. */
function compileEach(ast: Pipeline, file: string, text: string): boolean {
  let ok = true;
  ast.commands.forEach((command, i) => {
    try {
      compilePipeline({ ...ast, commands: [command], leadingPipe: ast.leadingPipe && i === 0 }, ctx);
    } catch (e) {
      if (!isSplError(e)) throw e;
      ok = false;
      if (MISSING_COMMAND_CODES.has(e.code)) bump(missingCommands, quotedName(e));
      else if (e.code === 'unknown-function') bump(missingFunctions, quotedName(e));
      else if (e.code === 'unknown-lookup') bump(missingLookups, quotedName(e) + (e.hints.find((h) => h.includes(' comes with '))?.replace(/^.* comes with ([^:]*):.*$/, ' ($1)') ?? ''));
      else otherErrors.push(`${file}:\n${formatError(e, text)}`);
    }
  });
  return ok;
}

for (const { file, search } of detections) {
  try {
    const parsed = parseSpl(search, { macros });
    if (compileEach(parsed.ast, file, parsed.expansion.text)) compiled++;
  } catch (e) {
    if (!isSplError(e)) throw e;
    otherErrors.push(`${file}:\n${formatError(e)}`);
  }
}

const byCount = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
console.log(`compiled ${compiled}/${detections.length}`);
console.log(`missing commands (${missingCommands.size}):`);
for (const [name, count] of byCount(missingCommands)) console.log(`  ${name}: ${count}`);
console.log(`missing functions (${missingFunctions.size}):`);
for (const [name, count] of byCount(missingFunctions)) console.log(`  ${name}: ${count}`);
console.log(`lookups from outside the corpus (${missingLookups.size}):`);
for (const [name, count] of byCount(missingLookups)) console.log(`  ${name}: ${count}`);
if (otherErrors.length) {
  console.log(`other compile errors (${otherErrors.length}):`);
  for (const err of otherErrors) console.log(err);
}
process.exit(otherErrors.length ? 1 : 0);
