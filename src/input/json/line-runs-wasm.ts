// The well-formedness rule over runs of NDJSON lines in WebAssembly (SIMD), on a piece's bytes; the regex of line-runs.ts where it is missing.
import { LINE_RUNS_WASM } from './generated/line-runs-wasm.js';
import { wellFormedRunEnd } from './line-runs.js';
import { compileWasmModule } from './wasm-module.js';

/** What assembly/line-runs.ts exports. */
interface LineRunsExports {
  memory: WebAssembly.Memory;
  inputBase(): number;
  runEnd(from: number, end: number): number;
  scanLines(origin: number, from: number, end: number, out: number, capacity: number): number;
  literalBase(): number;
  literalCapacity(): number;
  setLiteralLength(length: number): void;
}

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
/** Zero bytes after the input: every scan of the module stops in them (assembly/line-runs.ts, input contract). */
const PADDING = 16;
const PAGE_BYTES = 65536;

/** The module's instance with a view on its memory; undefined until first needed, null when it cannot run here. */
let instance: { exports: LineRunsExports; base: number; view: Uint8Array } | null | undefined;
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
  return loadModule() !== null;
}

/** Compiles and instantiates the module on first use (synchronously: it is about 3 KB); null if this runtime cannot. */
function loadModule(): typeof instance {
  if (instance !== undefined) return instance;
  instance = null;
  const module = compileWasmModule(LINE_RUNS_WASM);
  if (module === null) return instance;
  try {
    const exports = new WebAssembly.Instance(module, {}).exports as unknown as LineRunsExports;
    instance = { exports, base: exports.inputBase(), view: new Uint8Array(exports.memory.buffer) };
  } catch {
    instance = null;
  }
  return instance;
}

/** Copies bytes[start, end) into the module's memory at its input base, followed by the zero padding. */
function copyIn(module: NonNullable<typeof instance>, bytes: Uint8Array, start: number, end: number): void {
  const need = module.base + (end - start) + PADDING;
  if (need > module.view.length) {
    module.exports.memory.grow(Math.ceil((need - module.view.length) / PAGE_BYTES));
    module.view = new Uint8Array(module.exports.memory.buffer);
  }
  module.view.set(bytes.subarray(start, end), module.base);
  module.view.fill(0, module.base + (end - start), need);
}

/**
 * wellFormedRunEnd for the piece bytes[start, end) whose Latin-1 text is `text` (positions in the text are offsets
 * from `start`): where the run of well-formed flat-object lines starting at `from` ends. The wasm copies the piece
 * into its memory at the first call, once per piece; the regex works on the text.
 */
export function pieceRunEnds(bytes: Uint8Array, start: number, end: number, text: string): (from: number) => number {
  const current = lineCheckMode();
  const length = end - start;
  const module = current === 'regex' || length > WASM_MAX_BYTES || (current === 'auto' && length < WASM_MIN_BYTES) ? null : loadModule();
  if (module === null || module === undefined) {
    if (current === 'wasm' && length <= WASM_MAX_BYTES) throw new Error('SPLQ_LINE_CHECK=wasm: this runtime has no WebAssembly with SIMD');
    return (from) => wellFormedRunEnd(text, from);
  }
  const piece = {};
  return (from) => {
    // Copied at the first call; again only if another piece used the memory since.
    if (resident !== piece) {
      copyIn(module, bytes, start, end);
      resident = piece;
    }
    return module.exports.runEnd(module.base + from, module.base + (end - start)) - module.base;
  };
}

/** The wasm's run end over a whole text given as bytes (tests and benchmarks): the same contract as wellFormedRunEnd. */
export function wasmRunEnd(bytes: Uint8Array, from: number): number {
  const module = loadModule();
  if (module === null || module === undefined) throw new Error('no WebAssembly with SIMD in this runtime');
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
  const module = loadModule();
  if (module === null || module === undefined) {
    if (current === 'wasm') throw new Error('SPLQ_LINE_CHECK=wasm: this runtime has no WebAssembly with SIMD');
    return null;
  }
  copyIn(module, bytes, start, end);
  resident = null;
  setLiteral(module, literal);
  const out = (module.base + length + PADDING + 15) & ~15;
  const need = out + SCAN_CAPACITY * 4;
  if (need > module.view.length) {
    module.exports.memory.grow(Math.ceil((need - module.view.length) / PAGE_BYTES));
    module.view = new Uint8Array(module.exports.memory.buffer);
  }
  const from = module.base;
  const stopAt = module.base + length;
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
function setLiteral(module: NonNullable<typeof instance>, literal: string): void {
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
