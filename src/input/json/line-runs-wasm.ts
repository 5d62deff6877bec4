// The well-formedness rule over runs of NDJSON lines in WebAssembly (SIMD), on a piece's bytes; the regex of line-runs.ts where it is missing.
import { LINE_RUNS_WASM } from './generated/line-runs-wasm.js';
import { wellFormedRunEnd } from './line-runs.js';

/** What assembly/line-runs.ts exports. */
interface LineRunsExports {
  memory: WebAssembly.Memory;
  inputBase(): number;
  runEnd(from: number, end: number): number;
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
  if (typeof WebAssembly !== 'object') return instance;
  const binary = Buffer.from(LINE_RUNS_WASM, 'base64');
  // validate() is false where SIMD is missing (the module's v128 instructions do not validate).
  if (!WebAssembly.validate(binary)) return instance;
  try {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(binary), {}).exports as unknown as LineRunsExports;
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
