// Q1's reading stages one at a time, in one process, best of 3 CPU seconds: read, Latin-1 pieces, line walk, literal search, the well-formedness rule.
// Usage: npx tsx bench/q1-stages.ts <file.ndjson> [variant...]
import { filePieces, judgeByRegex } from './file-pieces.js';
import { latin1Text } from '../src/util/byte-text.js';
import { isJsonObjectText } from '../src/input/json/line-check.js';
import { isUtf8 } from 'node:buffer';
import { LINE_FLAT, LINE_LITERAL, pieceLineScan, pieceRunEnds, setLineCheckMode } from '../src/input/json/line-runs-wasm.js';

const file = process.argv[2]!;

/** The file's pieces (bench/file-pieces.ts). */
const pieces = (visit: (bytes: Buffer, start: number, end: number) => void): void => filePieces(file, visit);

let good = 0;
const BINDING = /binding/gi;
const BINDING_BYTES = Buffer.from('Binding');
/** Each line: its start and end in the piece text. */
function eachLine(text: string, visit: (start: number, end: number) => void): void {
  for (let pos = 0; pos >= 0; ) {
    const nl = text.indexOf('\n', pos);
    visit(pos, nl < 0 ? text.length : nl);
    pos = nl < 0 ? -1 : nl + 1;
  }
}
/** The module's one pass over a piece (line-runs-wasm.ts, pieceLineScan), its entries read as the reader reads them. */
function moduleScan(bytes: Buffer, start: number, end: number, literal: string): void {
  const scan = pieceLineScan(bytes, start, end, literal)!;
  for (let n = scan.next(); n > 0; n = scan.next()) {
    for (let i = 0; i < n; i++) {
      const entry = scan.entries[i]!;
      if ((entry & LINE_FLAT) === 0 || (entry & LINE_LITERAL) !== 0) good++;
    }
  }
}
const variants: Record<string, () => void> = {
  'read 1 MiB chunks, cut 64 KiB pieces': () => pieces(() => {}),
  '+ isUtf8 per piece': () => pieces((bytes, start, end) => { if (isUtf8(bytes.subarray(start, end))) good++; }),
  '+ Latin-1 text per piece': () => pieces((bytes, start, end) => { if (latin1Text(bytes, start, end).length > 0) good++; }),
  '+ Latin-1, line walk': () => pieces((bytes, start, end) => eachLine(latin1Text(bytes, start, end), () => { good++; })),
  '+ Latin-1, line walk, /binding/gi per piece': () => pieces((bytes, start, end) => {
    const text = latin1Text(bytes, start, end);
    BINDING.lastIndex = 0;
    let hit = BINDING.exec(text)?.index ?? Infinity;
    eachLine(text, (s, e) => {
      if (hit < s) { BINDING.lastIndex = s; hit = BINDING.exec(text)?.index ?? Infinity; }
      if (hit < e) good++;
    });
  }),
  'well-formedness: per-line Latin-1 + FLAT_OBJECT (sparse byte path before)': () => pieces((bytes, start, end) => {
    for (let pos = start; pos < end; ) { let nl = bytes.indexOf(10, pos); if (nl < 0 || nl > end) nl = end; if (isJsonObjectText(latin1Text(bytes, pos, nl))) good++; pos = nl + 1; }
  }),
  'well-formedness: piece text, slice + FLAT_OBJECT per line (text path before)': () => pieces((bytes, start, end) => {
    const text = latin1Text(bytes, start, end);
    eachLine(text, (s, e) => { if (isJsonObjectText(text.slice(s, e))) good++; });
  }),
  'well-formedness: piece text, one sticky regex per run of lines (after)': () => pieces((bytes, start, end) => {
    judgeByRegex(latin1Text(bytes, start, end));
  }),
  'well-formedness: piece text, wasm SIMD per run of lines over the piece bytes (copied in)': () => {
    setLineCheckMode('wasm');
    pieces((bytes, start, end) => {
      const text = latin1Text(bytes, start, end);
      const runEnd = pieceRunEnds(bytes, start, end, text);
      for (let pos = 0; pos < text.length; ) {
        const stop = runEnd(pos);
        if (stop > pos) { pos = stop; continue; }
        const nl = text.indexOf('\n', pos); const e = nl < 0 ? text.length : nl;
        isJsonObjectText(text.slice(pos, e)); pos = e + 1;
      }
    });
  },
  'copy of each piece into wasm memory alone (no text)': () => {
    setLineCheckMode('wasm');
    pieces((bytes, start, end) => { pieceRunEnds(bytes, start, end, '')(end - start); });
  },
  '+ isUtf8, module line scan, no literal (verdict per line, piece copied in)': () => {
    setLineCheckMode('wasm');
    pieces((bytes, start, end) => { if (isUtf8(bytes.subarray(start, end))) good++; moduleScan(bytes, start, end, ''); });
  },
  '+ isUtf8, module line scan with the literal (verdict, literal, escapes: the path of Q1 after)': () => {
    setLineCheckMode('wasm');
    pieces((bytes, start, end) => { if (isUtf8(bytes.subarray(start, end))) good++; moduleScan(bytes, start, end, 'binding'); });
  },
  'by hand: Buffer.indexOf(Binding), JSON.parse of hit lines': () => pieces((bytes, start, end) => {
    for (let i = bytes.indexOf(BINDING_BYTES, start); i >= 0 && i < end; ) {
      const a = bytes.lastIndexOf(10, i) + 1; let b = bytes.indexOf(10, i); if (b < 0 || b > end) b = end;
      if (JSON.parse(bytes.toString('utf8', a, b))) good++;
      i = bytes.indexOf(BINDING_BYTES, b);
    }
  }),
};

for (const only of process.argv.slice(3).length ? process.argv.slice(3) : Object.keys(variants)) {
  let best = Infinity;
  for (let i = 0; i < 3; i++) {
    const before = process.cpuUsage();
    variants[only]!();
    const used = process.cpuUsage(before);
    best = Math.min(best, (used.user + used.system) / 1e6);
  }
  console.log(`${only}: ${best.toFixed(3)} CPU s`);
}
