// The module's line scan alone over a file's pieces held in memory (no reading): best-of-N ns per byte, per variant.
// Usage: npx tsx bench/line-scan-bench.ts <file.ndjson> [MiB to load, default 128] [rounds, default 7]
import { closeSync, openSync, readSync } from 'node:fs';
import { LINE_FLAT, LINE_LITERAL, pieceLineScan, pieceRunEnds, setLineCheckMode } from '../src/input/json/line-runs-wasm.js';

const [file, mib = '128', roundsText = '7'] = process.argv.slice(2);
const fd = openSync(file!, 'r');
const bytes = Buffer.allocUnsafe(Number(mib) << 20);
const size = readSync(fd, bytes, 0, bytes.length, 0);
closeSync(fd);
const data = bytes.subarray(0, bytes.lastIndexOf(10, size - 1));
/** 64 KiB pieces of whole lines, as the reader cuts them. */
const pieces: Array<[number, number]> = [];
for (let start = 0; start < data.length; ) {
  let end = data.indexOf(10, Math.min(start + 65536, data.length));
  if (end < 0) end = data.length;
  pieces.push([start, end]);
  start = end + 1;
}
let sink = 0;
setLineCheckMode('wasm');
const variants: Record<string, () => void> = {
  'runs (verdict only, runEnd)': () => {
    for (const [start, end] of pieces) {
      const runEnd = pieceRunEnds(data, start, end, '');
      sink += runEnd(0);
    }
  },
  'line scan, no literal': () => {
    for (const [start, end] of pieces) {
      const scan = pieceLineScan(data, start, end, '')!;
      for (let n = scan.next(); n > 0; n = scan.next()) for (let i = 0; i < n; i++) sink += scan.entries[i]! & LINE_FLAT;
    }
  },
  'line scan, literal "binding"': () => {
    for (const [start, end] of pieces) {
      const scan = pieceLineScan(data, start, end, 'binding')!;
      for (let n = scan.next(); n > 0; n = scan.next()) for (let i = 0; i < n; i++) sink += scan.entries[i]! & LINE_LITERAL;
    }
  },
};
for (const [name, run] of Object.entries(variants)) {
  let best = Infinity;
  for (let r = 0; r < Number(roundsText); r++) {
    const before = process.cpuUsage();
    run();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1e3);
  }
  console.log(`${name}: ${((best * 1e6) / data.length).toFixed(3)} ns/byte (${best.toFixed(1)} ms over ${(data.length / 1e6).toFixed(0)} MB)`);
}
if (sink === -1) console.log(sink);
