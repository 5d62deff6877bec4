// The line-runs WebAssembly module of this thread and its memory: where pieces are copied in, where reads land, newline counts.
import { LINE_RUNS_WASM } from './generated/line-runs-wasm.js';
import { compileWasmModule } from './wasm-module.js';

/** What assembly/line-runs.ts exports. */
export interface LineRunsExports {
  memory: WebAssembly.Memory;
  inputBase(): number;
  runEnd(from: number, end: number): number;
  scanLines(origin: number, from: number, end: number, out: number, capacity: number): number;
  literalBase(): number;
  literalCapacity(): number;
  setLiteralLength(length: number): void;
  countNewlines(from: number, end: number): number;
}

/** The module's instance with a view on its memory (renewed when the memory grows). */
export interface LineRunsModule {
  exports: LineRunsExports;
  /** Where copied pieces start (16-aligned, past the module's static data). */
  base: number;
  view: Uint8Array;
}

/** Zero bytes after a copied piece: every scan of the module stops in them (assembly/line-runs.ts, input contract). */
export const PADDING = 16;
const PAGE_BYTES = 65536;
const NEWLINE = 0x0a;
/**
 * Bytes after each read buffer that only the module's 16-byte loads touch (a newline count or literal search reads
 * at most 32 + 64 bytes past a piece's end; their bits are masked off).
 */
const READ_SLACK = 128;

let instance: LineRunsModule | null | undefined;

/** Compiles and instantiates the module on first use (synchronously: it is about 4 KB); null if this runtime cannot. */
export function lineRunsModule(): LineRunsModule | null {
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

/**
 * Read buffers placed in the module's memory (leaseReadBuffers): a chunk read into one is judged where it lies,
 * with no copy per piece. They sit past `scratchEnd`, the room kept for copied pieces and the scan's output, so
 * that no piece the module takes makes the memory grow while they are lent (growing would detach their views).
 */
let readRegion: { buffer: ArrayBuffer; scratchEnd: number; size: number; buffers: Buffer[] } | null = null;
let leased = false;
/** How many times read buffers were lent (tests: that a large file was read into them). */
let leases = 0;

/** Makes the memory hold at least `need` bytes; the view is renewed (and read buffers not lent are dropped) when it grows. */
export function ensureMemory(module: LineRunsModule, need: number): void {
  if (need <= module.view.length) return;
  if (leased) throw new Error(`internal: the line-runs module's memory would grow to ${need} bytes while its read buffers are lent`);
  module.exports.memory.grow(Math.ceil((need - module.view.length) / PAGE_BYTES));
  module.view = new Uint8Array(module.exports.memory.buffer);
  readRegion = null;
}

/**
 * `count` buffers of `size` bytes in the module's memory, for a reader to read a file into (chunks.ts), or null when
 * the module is not to be used (SPLQ_LINE_CHECK=regex, no WebAssembly with SIMD) or another reader holds them.
 * `scratch` is the largest piece the module will copy in meanwhile (line-runs-wasm.ts, WASM_MAX_BYTES) plus the
 * room after it. Give them back with releaseReadBuffers.
 */
export function leaseReadBuffers(count: number, size: number, scratch: number): Buffer[] | null {
  if (leased) return null;
  const module = lineRunsModule();
  if (module === null) return null;
  const stale = readRegion === null || readRegion.buffer !== module.exports.memory.buffer || readRegion.size !== size || readRegion.buffers.length < count;
  if (stale) {
    const scratchEnd = alignUp(module.base + scratch, 64);
    const stride = alignUp(size + READ_SLACK, 64);
    ensureMemory(module, scratchEnd + count * stride);
    const buffer = module.exports.memory.buffer;
    const buffers = Array.from({ length: count }, (_, i) => Buffer.from(buffer, scratchEnd + i * stride, size));
    readRegion = { buffer, scratchEnd, size, buffers };
  }
  leased = true;
  leases++;
  return readRegion!.buffers.slice(0, count);
}

/** How many times read buffers were lent so far on this thread (tests). */
export function readBufferLeases(): number {
  return leases;
}

/** Gives the read buffers back (the reader is done with every chunk it handed on). */
export function releaseReadBuffers(): void {
  leased = false;
}

/** The most bytes a piece copied in may take while read buffers exist (the rest is the scan's output and padding). */
export function scratchLimit(module: LineRunsModule): number {
  return readRegion !== null && readRegion.buffer === module.exports.memory.buffer ? readRegion.scratchEnd : Infinity;
}

/**
 * Where the module finds bytes[start, end): in place when they lie in its memory (a chunk read into a lent buffer)
 * followed by a newline, which stops every scan as the zero padding does; else copied to `base` with the padding.
 */
export function pieceAddress(module: LineRunsModule, bytes: Uint8Array, start: number, end: number): { at: number; copied: boolean } {
  if (bytes.buffer === module.exports.memory.buffer && end < bytes.length && bytes[end] === NEWLINE) return { at: bytes.byteOffset + start, copied: false };
  copyIn(module, bytes, start, end);
  return { at: module.base, copied: true };
}

/** Copies bytes[start, end) into the module's memory at its input base, followed by the zero padding. */
export function copyIn(module: LineRunsModule, bytes: Uint8Array, start: number, end: number): void {
  const need = module.base + (end - start) + PADDING;
  ensureMemory(module, need);
  module.view.set(bytes.subarray(start, end), module.base);
  module.view.fill(0, module.base + (end - start), need);
}

/**
 * The number of newline bytes in bytes[start, end): counted by the module, 64 bytes a step, when the bytes lie in
 * its memory (a lent read buffer); else one native search per newline (the plain path, same count: a law test).
 */
export function newlineCount(bytes: Uint8Array, start: number, end: number): number {
  const module = instance;
  if (module !== null && module !== undefined && bytes.buffer === module.exports.memory.buffer) {
    return module.exports.countNewlines(bytes.byteOffset + start, bytes.byteOffset + end);
  }
  return newlineCountByIndexOf(bytes, start, end);
}

/** newlineCount's plain path: one indexOf per newline. */
export function newlineCountByIndexOf(bytes: Uint8Array, start: number, end: number): number {
  let count = 0;
  for (let at = bytes.indexOf(NEWLINE, start); at >= 0 && at < end; at = bytes.indexOf(NEWLINE, at + 1)) count++;
  return count;
}

function alignUp(n: number, to: number): number {
  return Math.ceil(n / to) * to;
}
