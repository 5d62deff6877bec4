// Q5's stages one at a time, in one process, best of 3 CPU seconds: reading, the literal scan, the rule, the picker, the tstats rows, stats.
// Usage: npx tsx bench/q5-stages.ts <file.ndjson> [stage...]   (stages cumulate: each "+" row includes the rows above it but
// the other decode row; rows and stats decode the way the scan does, one walk past 12 fields, or as Q5_DECODE=picker
// or walk says; Q5_QUERY= another tstats)
import { filePieces, judgeByRegex } from './file-pieces.js';
import { isUtf8 } from 'node:buffer';
import { latin1Text, utf8Text } from '../src/util/byte-text.js';
import { LiteralScan } from '../src/input/fastpath/literal-scan.js';
import { HitCursor } from '../src/input/fastpath/hit-cursor.js';
import { SPELLING_ESCAPES } from '../src/input/fastpath/escape-search.js';
import { KeyPicker } from '../src/input/json/key-picker.js';
import { createDecoder, createEventBuilder, timeFieldNames } from '../src/input/json/decode.js';
import { forEachLineIn } from '../src/input/sources/line-block.js';
import { compile } from '../src/query.js';
import { getZone } from '../src/time/zone.js';
import type { Stage } from '../src/engine/types.js';
import { Event as EventClass, type Event } from '../src/runtime/event.js';

const file = process.argv[2]!;
export const Q5 = '| tstats count min(_time) max(_time) from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user';

const query = compile(process.env.Q5_QUERY ?? Q5);
const command = query.pipeline.commands[0]!;
const fields = new Set(query.requiredFields!);
const literals = command.rawLiterals!((f) => f === 'source');
const decodeOptions = { zone: getZone('UTC'), fields };
const timeNames = timeFieldNames({});
console.log(`fields read (${fields.size}): ${[...fields].join(' ')}`);
console.log(`literals: ${literals.join(' ')}`);

/** The file's pieces (bench/file-pieces.ts). */
const pieces = (visit: (bytes: Buffer, start: number, end: number) => void): void => filePieces(file, visit);

let count = 0;
const sink: Stage = { push: () => void count++, end: () => {} };
/** How hit lines are decoded: the key picker (one native search per key), or one walk (ObjectScanner, > 12 fields). */
type Decode = 'picker' | 'walk';

/** The scan's line loop up to `depth`: 0 walk, 1 literal scan, 2 decode hit lines, 3 tstats rows, 4 + stats. */
function scanTo(depth: number, decode: Decode = (process.env.Q5_DECODE as Decode | undefined) ?? (fields.size > 12 ? 'walk' : 'picker')): void {
  const scan = new LiteralScan(literals);
  const picker = new KeyPicker(fields, timeNames);
  const pickedEvent = createEventBuilder(decodeOptions, true, 'picked');
  const decoder = createDecoder(decodeOptions);
  const tail = depth >= 4 ? command.partial!.tail(sink) : sink;
  const rows = depth >= 3 ? command.partial!.rows(tail) : sink;
  pieces((bytes, start, end) => {
    if (!isUtf8(bytes.subarray(start, end))) count--;
    const text = latin1Text(bytes, start, end);
    const escapes = new HitCursor(text, SPELLING_ESCAPES);
    if (depth >= 1) scan.reset(text, escapes);
    if (depth >= 2 && decode === 'picker') picker.reset({ text, bytes, base: start }, escapes);
    forEachLineIn(text, 0, (s, e) => {
      if (depth < 1) return void count++;
      if (!scan.mayMatch(s, e)) return;
      if (depth < 2) return void count++;
      let ev: Event;
      if (decode === 'picker') {
        const members = picker.pick(s, e);
        if (members === null) throw new Error('the picker declined a line');
        ev = pickedEvent(members, file, undefined);
      } else {
        const decoded = decoder({ text: utf8Text(bytes, start + s, start + e), file, line: 0 });
        if (!(decoded instanceof EventClass)) throw new Error('a line did not decode');
        ev = decoded;
      }
      if (depth < 3) return void count++;
      rows.push(ev);
    });
  });
  rows.end();
}

const stages: Record<string, () => void> = {
  'read 1 MiB chunks, cut 64 KiB pieces': () => pieces(() => {}),
  '+ isUtf8, Latin-1 text per piece, line walk': () => scanTo(0),
  '+ literal scan (LiteralScan: literal + escapes)': () => scanTo(1),
  '+ decode hit lines, key picker': () => scanTo(2, 'picker'),
  '+ decode hit lines, one walk (ObjectScanner)': () => scanTo(2, 'walk'),
  '+ tstats rows (mapping, selection, calculations, where, projection)': () => scanTo(3),
  '+ stats (the whole per-line work of one thread but the rule)': () => scanTo(4),
  'the rule alone: piece text, one sticky regex per run of lines': () => pieces((bytes, start, end) => {
    judgeByRegex(latin1Text(bytes, start, end));
  }),
};

const chosen = process.argv.slice(3);
for (const [name, run] of Object.entries(stages)) {
  if (chosen.length > 0 && !chosen.some((c) => name.includes(c))) continue;
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1e6); if (process.env.Q5_EACH) console.log(`  run ${i}: ${((used.user + used.system) / 1e6).toFixed(3)}`);
  }
  console.log(`${name}: ${best.toFixed(3)} CPU s`);
}
