// The well-formedness rule over runs of NDJSON lines in WebAssembly (SIMD), on a piece's bytes; the regex of line-runs.ts where it is missing.
import { wellFormedRunEnd } from './line-runs.js';
import { copyIn, ensureMemory, leaseReadBuffers, lineRunsModule, PADDING, pieceAddress, type LineRunsModule } from './line-runs-module.js';

/**
 * Which engine judges runs of lines: `wasm` (assembly/line-runs.ts), `regex` (line-runs.ts, the plain-JS rule), or
 * `auto`: the wasm for pieces of WASM_MIN_BYTES and more when this runtime has WebAssembly with SIMD, else the
 * regex. Both give the same verdict on every input (test/input/line-runs-wasm.test.ts), so the choice is speed only.
 */
export type LineCheckMode = 'auto' | 'wasm' | 'regex';

/** Below this many bytes a piece is judged by the regex: a short input never compiles the module (start-up). */
export const WASM_MIN_BYTES = 4096;
/**
 * Above this many bytes (a piece of one huge line) the regex path judges it: the module's memory never shrinks, so
 * it stays the size of ordinary pieces (~64 KiB of lines).
 */
export const WASM_MAX_BYTES = 16 << 20;
let mode: LineCheckMode | undefined;
/** The piece whose bytes the module's memory holds (a token per pieceRunEnds call). */
let resident: object | null = null;

/** The mode in force: set by setLineCheckMode, else the environment's SPLQ_LINE_CHECK (read once), else auto. */
export function lineCheckMode(): LineCheckMode {
  if (mode === undefined) {
    const fromEnv = process.env.SPLQ_LINE_CHECK;
    mode = fromEnv === 'wasm' || fromEnv === 'regex' ? fromEnv : 'auto';
  }
  return mode;
}

/** Sets the mode (tests); undefined reads SPLQ_LINE_CHECK again at the next piece. */
export function setLineCheckMode(next: LineCheckMode | undefined): void {
  mode = next;
}

/** True when the module compiled and runs in this runtime (WebAssembly with SIMD). */
export function wasmLineRunsAvailable(): boolean {
  return lineRunsModule() !== null;
}

/**
 * wellFormedRunEnd for the piece bytes[start, end) whose Latin-1 text is `text` (positions in the text are offsets
 * from `start`): where the run of well-formed flat-object lines starting at `from` ends. The wasm judges the piece
 * where it lies when it was read into the module's memory, else copies it in at the first call, once per piece;
 * the regex works on the text.
 */
export function pieceRunEnds(bytes: Uint8Array, start: number, end: number, text: string): (from: number) => number {
  const current = lineCheckMode();
  const length = end - start;
  const module = current === 'regex' || length > WASM_MAX_BYTES || (current === 'auto' && length < WASM_MIN_BYTES) ? null : lineRunsModule();
  if (module === null) {
    if (current === 'wasm' && length <= WASM_MAX_BYTES) throw new Error('SPLQ_LINE_CHECK=wasm: this runtime has no WebAssembly with SIMD');
    return (from) => wellFormedRunEnd(text, from);
  }
  const piece = {};
  let placed: { at: number; copied: boolean } | null = null;
  return (from) => {
    // Placed at the first call; copied again only if another piece used the copy room since.
    if (placed === null || (placed.copied && resident !== piece)) {
      placed = pieceAddress(module, bytes, start, end);
      if (placed.copied) resident = piece;
    }
    const { at } = placed;
    return module.exports.runEnd(at + from, at + length) - at;
  };
}

/** The wasm's run end over a whole text given as bytes (tests and benchmarks): the same contract as wellFormedRunEnd. */
export function wasmRunEnd(bytes: Uint8Array, from: number): number {
  const module = lineRunsModule();
  if (module === null) throw new Error('no WebAssembly with SIMD in this runtime');
  copyIn(module, bytes, 0, bytes.length);
  resident = null;
  return module.exports.runEnd(module.base + from, module.base + bytes.length) - module.base;
}

/** The flags of a line in a PieceLineScan entry (assembly/line-runs.ts, scanLines). */
export const LINE_FLAT = 1;
export const LINE_LITERAL = 2;
export const LINE_SPELLING_ESCAPE = 4;
export const LINE_KELVIN_ESCAPE = 8;
/** Lines judged per call of the module (the entries' room: 4 bytes each). */
const SCAN_CAPACITY = 4096;
/** Bytes the literal search reads past a piece's end at most (32 + the literal's longest length), as memory. */
const OVERREAD = 96;
/**
 * The room kept for copied pieces and the entries while read buffers are lent (leaseModuleReadBuffers): the
 * largest piece the module takes, then 64 KiB for its padding, the entries (16 KiB) and what the scans read past them.
 */
const SCRATCH_BYTES = WASM_MAX_BYTES + 65536;

/**
 * `count` read buffers of `size` bytes in the module's memory (line-runs-module.ts), so that the pieces of a chunk
 * read into one are judged where they lie; null when the module is not to be used (SPLQ_LINE_CHECK=regex, no
 * WebAssembly with SIMD) or the buffers are lent already.
 */
export function leaseModuleReadBuffers(count: number, size: number): Buffer[] | null {
  if (lineCheckMode() === 'regex') return null;
  return leaseReadBuffers(count, size, SCRATCH_BYTES);
}

/**
 * One piece's lines judged by the module in one pass over its bytes (assembly/line-runs.ts, scanLines): per line,
 * where it stops (its newline, or the piece's end for the last) and its flags: the verdict (LINE_FLAT: one flat
 * object), whether it holds the literal (ASCII case folded), whether it holds an escape that could spell the
 * literal or a key (LINE_SPELLING_ESCAPE, LINE_KELVIN_ESCAPE; known only on a flat line). No text is made.
 * Read it as: `for (let n = scan.next(); n > 0; n = scan.next()) for (i < n) entry = scan.entries[i]`, an entry
 * being `stop * 16 + flags`, `stop` an offset from the piece's start.
 */
export interface PieceLineScan {
  /** Judges the next lines; returns how many entries it wrote (0 when the piece is done). */
  next(): number;
  /** The entries of the last next() (a view on the module's memory: read them before the next call). */
  entries: Uint32Array;
}

/**
 * The module's line scan over bytes[start, end) searching `literal` (lower case, printable ASCII; its first 64
 * bytes when longer), or null when the module is not to judge this piece (SPLQ_LINE_CHECK=regex, a piece under
 * WASM_MIN_BYTES in auto mode or over WASM_MAX_BYTES, no WebAssembly with SIMD): the caller then takes the text path.
 */
export function pieceLineScan(bytes: Uint8Array, start: number, end: number, literal: string): PieceLineScan | null {
  const current = lineCheckMode();
  const length = end - start;
  if (current === 'regex' || length > WASM_MAX_BYTES || (current === 'auto' && length < WASM_MIN_BYTES)) return null;
  const module = lineRunsModule();
  if (module === null) {
    if (current === 'wasm') throw new Error('SPLQ_LINE_CHECK=wasm: this runtime has no WebAssembly with SIMD');
    return null;
  }
  const { at: from, copied } = pieceAddress(module, bytes, start, end);
  resident = null;
  setLiteral(module, literal);
  // The entries follow a copied piece; a piece judged where it lies leaves the copy room free for them.
  const out = copied ? (module.base + length + PADDING + 15) & ~15 : module.base;
  ensureMemory(module, out + SCAN_CAPACITY * 4 + OVERREAD);
  const stopAt = from + length;
  const scan: PieceLineScan = {
    entries: new Uint32Array(module.exports.memory.buffer, out, SCAN_CAPACITY),
    next: () => 0,
  };
  let next = from;
  scan.next = () => {
    if (next > stopAt) return 0;
    const count = module.exports.scanLines(from, next, stopAt, out, SCAN_CAPACITY);
    next = from + (scan.entries[count - 1]! >>> 4) + 1;
    return count;
  };
  return scan;
}

/** The literal the module searches, in its memory: bytes, then per byte 0x20 for a letter (folded by OR), else 0. */
let literalSet: { module: object; literal: string } | null = null;
function setLiteral(module: LineRunsModule, literal: string): void {
  if (literalSet !== null && literalSet.module === module && literalSet.literal === literal) return;
  const base = module.exports.literalBase();
  const capacity = module.exports.literalCapacity();
  const length = Math.min(literal.length, capacity);
  for (let i = 0; i < length; i++) {
    const code = literal.charCodeAt(i);
    module.view[base + i] = code;
    module.view[base + capacity + i] = code >= 0x61 && code <= 0x7a ? 0x20 : 0;
  }
  module.exports.setLiteralLength(length);
  literalSet = { module, literal };
}
