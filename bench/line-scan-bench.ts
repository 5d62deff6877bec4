// The module's line scan alone over a file's pieces held in memory (no reading): best-of-N ns per byte, per variant.
// Usage: npx tsx bench/line-scan-bench.ts <file.ndjson> [MiB to load, default 128] [rounds, default 7]
import { closeSync, openSync, readSync } from 'node:fs';
import { LINE_FLAT, LINE_LITERAL, leaseModuleReadBuffers, pieceLineScan, pieceRunEnds, setLineCheckMode } from '../src/input/json/line-runs-wasm.js';
import { newlineCount, newlineCountByIndexOf, releaseReadBuffers } from '../src/input/json/line-runs-module.js';

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
/** The data again in 1 MiB chunks of whole lines, each then cut in 64 KiB pieces, as the reader reads a file of 4 MiB and more. */
const chunks: Array<{ bytes: Buffer; pieces: Array<[number, number]> }> = [];
for (let start = 0; start < data.length; ) {
  let end = data.lastIndexOf(10, Math.min(start + (1 << 20) - 1, data.length - 1));
  if (end <= start) end = Math.min(start + (1 << 20) - 1, data.length);
  const bytes = Buffer.from(data.subarray(start, end + 1));
  const cut: Array<[number, number]> = [];
  for (let from = 0; from < bytes.length - 1; ) {
    let to = bytes.indexOf(10, Math.min(from + 65536, bytes.length - 1));
    if (to < 0) to = bytes.length - 1;
    cut.push([from, to]);
    from = to + 1;
  }
  chunks.push({ bytes, pieces: cut });
  start = end + 1;
}
const [lent] = leaseModuleReadBuffers(1, 1 << 20)!;
/** Each chunk through `visit`, as the module's read buffer (`inPlace`) or as a fresh Buffer. */
function eachChunk(inPlace: boolean, visit: (bytes: Buffer, pieces: Array<[number, number]>) => void): void {
  for (const chunk of chunks) {
    if (!inPlace) {
      visit(chunk.bytes, chunk.pieces);
      continue;
    }
    chunk.bytes.copy(lent!, 0);
    visit(lent!.subarray(0, chunk.bytes.length), chunk.pieces);
  }
}
/** The literal scan over every piece of every chunk. */
function scanChunks(inPlace: boolean): void {
  eachChunk(inPlace, (bytes, cut) => {
    for (const [start, end] of cut) {
      const scan = pieceLineScan(bytes, start, end, 'binding')!;
      for (let n = scan.next(); n > 0; n = scan.next()) for (let i = 0; i < n; i++) sink += scan.entries[i]! & LINE_LITERAL;
    }
  });
}
/** The data with every escape (a backslash and the byte after it) replaced by `xx`: the same lines, no escapes. */
const unescaped = Buffer.from(data);
for (let i = unescaped.indexOf(0x5c); i >= 0; i = unescaped.indexOf(0x5c, i + 2)) unescaped.fill(0x78, i, i + 2);
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
  'line scan, literal "binding", every escape replaced by xx (what the escapes cost)': () => {
    for (const [start, end] of pieces) {
      const scan = pieceLineScan(unescaped, start, end, 'binding')!;
      for (let n = scan.next(); n > 0; n = scan.next()) for (let i = 0; i < n; i++) sink += scan.entries[i]! & LINE_LITERAL;
    }
  },
  'by 1 MiB chunk: copy each into the read buffer (paid below by the "in the module" lines only; reading puts it there for free)': () => eachChunk(true, (bytes) => { sink += bytes.length; }),
  'by 1 MiB chunk: line scan, pieces copied in': () => scanChunks(false),
  'by 1 MiB chunk: line scan, pieces where they lie in the module': () => scanChunks(true),
  'by 1 MiB chunk: newlines counted by indexOf': () => eachChunk(false, (bytes) => { sink += newlineCountByIndexOf(bytes, 0, bytes.length); }),
  'by 1 MiB chunk: newlines counted in the module': () => eachChunk(true, (bytes) => { sink += newlineCount(bytes, 0, bytes.length); }),
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
releaseReadBuffers();
if (sink === -1) console.log(sink);
