// Micro-benchmark (not a test): what the block reader's key picker costs per line, step by step, in one process.
// Run: npx tsx bench/picker-bench.ts [lineCount]
import { HitCursor } from '../src/input/fastpath/hit-cursor.js';
import { SPELLING_ESCAPES } from '../src/input/fastpath/escape-search.js';
import { KeyPicker } from '../src/input/json/key-picker.js';
import { generateWindowsEvents } from '../src/sample/windows-events.js';
import { latin1Text } from '../src/util/byte-text.js';

const LINE_COUNT = Number(process.argv[2] ?? 100_000);
const ROUNDS = 5;
const PIECE_BYTES = 64 * 1024;

/** The bench's generated events as one NDJSON buffer, cut into 64 KiB pieces at newlines (as the reader cuts). */
function makePieces(count: number): { bytes: Buffer; pieces: Array<[number, number]> } {
  const lines: string[] = [];
  for (const event of generateWindowsEvents({ seed: 20231114, count })) lines.push(JSON.stringify(event));
  const bytes = Buffer.from(`${lines.join('\n')}\n`, 'utf8');
  const pieces: Array<[number, number]> = [];
  for (let start = 0; start < bytes.length; ) {
    let end = bytes.indexOf(0x0a, start + PIECE_BYTES);
    if (end < 0) end = bytes.length;
    pieces.push([start, end]);
    start = end + 1;
  }
  return { bytes, pieces };
}

type Step = 'text' | 'lines' | 'escapes' | 'pick';

/** One pass over every piece doing the steps up to `step`; returns CPU seconds. */
function pass(bytes: Buffer, pieces: Array<[number, number]>, step: Step, keys: string[]): number {
  const picker = new KeyPicker(keys, []);
  const started = process.cpuUsage();
  let picked = 0;
  for (const [start, end] of pieces) {
    const text = latin1Text(bytes, start, end);
    if (step === 'text') continue;
    const escapes = new HitCursor(text, SPELLING_ESCAPES);
    if (step === 'pick') picker.reset({ text, bytes, base: start }, escapes);
    for (let lineStart = 0; lineStart < text.length; ) {
      let lineEnd = text.indexOf('\n', lineStart);
      if (lineEnd < 0) lineEnd = text.length;
      if (step === 'escapes') escapes.within(lineStart, lineEnd);
      else if (step === 'pick' && picker.pick(lineStart, lineEnd) !== null) picked++;
      lineStart = lineEnd + 1;
    }
  }
  if (step === 'pick' && picked !== LINE_COUNT) throw new Error(`picked ${picked} of ${LINE_COUNT} lines`);
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1e6;
}

/** Best CPU seconds over the rounds (the first also warms the JIT). */
function best(bytes: Buffer, pieces: Array<[number, number]>, step: Step, keys: string[]): number {
  let fastest = Infinity;
  for (let round = 0; round < ROUNDS; round++) fastest = Math.min(fastest, pass(bytes, pieces, step, keys));
  return fastest;
}

const { bytes, pieces } = makePieces(LINE_COUNT);
console.log(`${LINE_COUNT} lines, ${(bytes.length / 1e6).toFixed(1)} MB; best of ${ROUNDS} rounds, CPU time`);
const base = best(bytes, pieces, 'lines', []);
const rows: Array<[string, number]> = [
  ['Latin-1 text only', best(bytes, pieces, 'text', [])],
  ['+ walking the lines (baseline)', base],
  ['+ the \\u0 escape search', best(bytes, pieces, 'escapes', [])],
  ['+ picking sourcetype', best(bytes, pieces, 'pick', ['sourcetype'])],
  ['+ picking EventCode', best(bytes, pieces, 'pick', ['EventCode'])],
  ['+ picking ProcessGuid', best(bytes, pieces, 'pick', ['ProcessGuid'])],
  ['+ picking sourcetype, EventCode', best(bytes, pieces, 'pick', ['sourcetype', 'EventCode'])],
  ['+ picking sourcetype, Message', best(bytes, pieces, 'pick', ['sourcetype', 'Message'])],
];
for (const [label, seconds] of rows) {
  const perLine = (seconds / LINE_COUNT) * 1e9;
  console.log(`${label.padEnd(34)} ${(seconds * 1000).toFixed(0).padStart(6)} ms  ${perLine.toFixed(0).padStart(5)} ns/line  ${(seconds / base).toFixed(2)}x baseline`);
}
