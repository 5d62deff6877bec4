// `npm run corpus:parse`: expand and parse every ESCU detection, check the printer round trip, report throughput.
import { isDeepStrictEqual } from 'node:util';
import { join, relative } from 'node:path';
import { readDetection } from '../src/detection.js';
import { formatError, isSplError } from '../src/errors.js';
import { MacroLibrary } from '../src/macros/index.js';
import { parseQuery } from '../src/parse/parse.js';
import { printPipeline } from '../src/parse/print.js';
import { parseSpl } from '../src/query-text.js';
import { listFiles, sharedDir } from '../src/corpus.js';
import { stripSpans } from '../src/parse/strip-spans.js';

const shared = sharedDir();
if (!shared) {
  console.log('corpus:parse skipped: ../shared is absent');
  process.exit(0);
}
const root = join(shared, 'corpus/security_content');
const files = listFiles(join(root, 'detections'), '.yml');
const searches = files.map((f) => ({ file: relative(root, f), search: readDetection(f).search }));

const loadStarted = performance.now();
const macros = MacroLibrary.load([join(root, 'macros')]);
const loadMs = performance.now() - loadStarted;
const started = performance.now();
let parsed = 0;
const failures: string[] = [];
const asts = searches.map(({ file, search }) => {
  try {
    const result = parseSpl(search, { macros });
    parsed++;
    return result.ast;
  } catch (e) {
    failures.push(`${file}: ${isSplError(e) ? formatError(e) : String(e)}`);
    return null;
  }
});
const seconds = (performance.now() - started) / 1000;

let roundTrips = 0;
const roundTripFailures: string[] = [];
asts.forEach((ast, i) => {
  if (!ast) return;
  const printed = printPipeline(ast);
  try {
    if (isDeepStrictEqual(stripSpans(parseQuery(printed)), stripSpans(ast))) roundTrips++;
    else roundTripFailures.push(`${searches[i]!.file}: printed form parses differently:\n  ${printed}`);
  } catch (e) {
    roundTripFailures.push(`${searches[i]!.file}: printed form fails to parse: ${isSplError(e) ? e.message : e}\n  ${printed}`);
  }
});

console.log(`parsed ${parsed}/${files.length}`);
for (const f of failures) console.log(`FAIL ${f}`);
console.log(`round trip ${roundTrips}/${parsed}`);
for (const f of roundTripFailures.slice(0, 20)) console.log(`ROUNDTRIP ${f}`);
console.log(`throughput: ${(files.length / seconds).toFixed(0)} detections/s, macro expansion + parsing (${(seconds * 1000).toFixed(0)} ms; loading the ${macros.size} macro definitions took ${loadMs.toFixed(0)} ms more)`);
process.exit(failures.length || roundTripFailures.length ? 1 : 0);
