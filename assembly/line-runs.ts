// The well-formedness rule over runs of flat-object NDJSON lines, on bytes in linear memory: strings skipped 16 bytes at a time (SIMD).
//
// AssemblyScript, compiled to src/input/json/generated/line-runs-wasm.ts by scripts/build-wasm.mjs. It accepts
// exactly the lines the FLAT_LINES regex of src/input/json/line-runs.ts accepts (the plain-JS fallback), and
// test/input/line-runs-wasm.test.ts checks that the two agree on generated lines.
//
// Input contract: the bytes to judge are [from, end) in memory, and the 16 bytes from `end` on are zero. A zero
// byte is a control character (it ends a string scan as malformed) and is no JSON structure or whitespace, so every
// scan stops at `end` at the latest without a bounds check; `p == end` tells the end of the text from a real NUL.
// Positions are memory addresses, never 0 (the input starts at inputBase() >= 16), so 0 means "not well-formed".

import {
  arrayEnd, CLOSE_BRACE, COLON, COMMA, KELVIN_ESCAPE, NEWLINE, OPEN_BRACE, OPEN_BRACKET, QUOTE,
  resetWalkFlags, scalarEnd, skipSpace, SPELLING_ESCAPE, stringEnd, walkFlagsSeen,
} from './json-walk';

/** Where the caller puts the input: 16-aligned, past the module's own static data. */
export function inputBase(): usize {
  const base = (__heap_base + 15) & ~(<usize>15);
  return base < 16 ? 16 : base;
}

/**
 * Where the run of well-formed flat-object lines starting at `from` (a line start) ends: the start of the first
 * line that is not one, or `end`. A line is `SPACE { SPACE (MEMBER (, SPACE MEMBER)*)? } SPACE` followed by a
 * newline or the end, SPACE being [ \t\r]*, a member a string, `:` and a scalar or an array of scalars.
 */
export function runEnd(from: usize, end: usize): usize {
  let p = from;
  while (p < end) {
    const stop = lineEnd(p, end);
    if (stop == 0) return p;
    p = stop == end ? end : stop + 1;
  }
  return p;
}

/** Where the line at `p` stops (its newline, or `end`) when it is one flat object; else 0. */
function lineEnd(p: usize, end: usize): usize {
  p = skipSpace(p);
  if (<u32>load<u8>(p) != OPEN_BRACE) return 0;
  p = skipSpace(p + 1);
  if (<u32>load<u8>(p) != CLOSE_BRACE) {
    while (true) {
      if (<u32>load<u8>(p) != QUOTE) return 0;
      p = stringEnd(p);
      if (p == 0) return 0;
      p = skipSpace(p);
      if (<u32>load<u8>(p) != COLON) return 0;
      p = skipSpace(p + 1);
      p = <u32>load<u8>(p) == OPEN_BRACKET ? arrayEnd(p) : scalarEnd(p);
      if (p == 0) return 0;
      p = skipSpace(p);
      const c = <u32>load<u8>(p);
      if (c == COMMA) {
        p = skipSpace(p + 1);
        continue;
      }
      if (c != CLOSE_BRACE) return 0;
      break;
    }
  }
  p = skipSpace(p + 1);
  if (<u32>load<u8>(p) == NEWLINE) return p;
  return p == end ? end : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// One pass per piece for a query with a pre-filter literal: per line, its end, the verdict, whether it holds the
// literal (ASCII case folded) and whether it holds an escape that could spell it (src/input/json/line-scan-wasm.ts).

/** Flags of a line in scanLines' output (the low 4 bits of an entry; the line's stop offset is the rest). */
const FLAT: u32 = 1; // the line is one flat object (the verdict; the escape flags of json-walk.ts are then complete)
const LITERAL: u32 = 2; // the literal occurs in the line, ASCII case folded

/** The literal's longest length; a longer literal is searched by its first MAX_LITERAL bytes (more lines pass, none is lost). */
const MAX_LITERAL: i32 = 64;
/** The literal's bytes (lower case), then per byte 0x20 for a letter (folded by OR) or 0. */
const LITERAL_BYTES: usize = memory.data(MAX_LITERAL * 2, 16);
let literalLength: i32 = 0;

/** Where the caller writes the literal (MAX_LITERAL bytes, then MAX_LITERAL fold bytes), and its longest length. */
export function literalBase(): usize {
  return LITERAL_BYTES;
}
export function literalCapacity(): i32 {
  return MAX_LITERAL;
}
/** Sets the literal's length (its bytes are at literalBase()); 0 means no literal (every line holds it). */
export function setLiteralLength(length: i32): void {
  literalLength = length;
}

/**
 * Where the literal first starts at or after `p` and ends by `end` (ASCII case folded), else `end + 1` (past every
 * line's stop); `p` itself when there is no literal. One cursor per call of scanLines runs over the piece, 32 bytes
 * a step (first and last byte compared, the middle only at a candidate), so a line pays for the search only a
 * comparison with the next hit. Candidates past the last possible start are never taken, so the bytes read beyond
 * `end` (at most 32 + the literal's length) only need to be memory.
 */
function literalFrom(p: usize, end: usize): usize {
  const length = <usize>literalLength;
  if (length == 0) return p;
  if (end - p < length) return end + 1;
  const last = end - length; // the last start
  const tail = length - 1;
  const first = i8x16.splat(load<u8>(LITERAL_BYTES));
  const firstFold = i8x16.splat(load<u8>(LITERAL_BYTES + MAX_LITERAL));
  const final = i8x16.splat(load<u8>(LITERAL_BYTES + tail));
  const finalFold = i8x16.splat(load<u8>(LITERAL_BYTES + MAX_LITERAL + tail));
  while (p <= last) {
    const low = v128.and(i8x16.eq(v128.or(v128.load(p), firstFold), first), i8x16.eq(v128.or(v128.load(p + tail), finalFold), final));
    const high = v128.and(i8x16.eq(v128.or(v128.load(p + 16), firstFold), first), i8x16.eq(v128.or(v128.load(p + 16 + tail), finalFold), final));
    if (v128.any_true(v128.or(low, high))) {
      let bits = <u32>i8x16.bitmask(low) | (<u32>i8x16.bitmask(high) << 16);
      while (bits != 0) {
        const at = p + <usize>ctz(bits);
        if (at > last) return end + 1;
        if (literalAt(at, length)) return at;
        bits &= bits - 1;
      }
    }
    p += 32;
  }
  return end + 1;
}

/** True when the literal's middle bytes match at `at` (its first and last are known to). */
function literalAt(at: usize, length: usize): bool {
  for (let i: usize = 1; i + 1 < length; i++) {
    if ((<u32>load<u8>(at + i) | <u32>load<u8>(LITERAL_BYTES + MAX_LITERAL + i)) != <u32>load<u8>(LITERAL_BYTES + i)) return false;
  }
  return true;
}

/** The first newline in [p, end), else `end` (16 bytes at a time; bytes from `end` on are padding, never read past end + 16). */
function newlineFrom(p: usize, end: usize): usize {
  const newlines = i8x16.splat(0x0a);
  while (p < end) {
    const bits = <u32>i8x16.bitmask(i8x16.eq(v128.load(p), newlines));
    if (bits != 0) {
      const at = p + <usize>ctz(bits);
      return at < end ? at : end;
    }
    p += 16;
  }
  return end;
}

/**
 * Judges the lines from `from` (a line start) to `end`, writing per line one u32 at `out`: the offset from `origin`
 * of where the line stops (its newline, or `end` for the last), times 16, plus its flags (FLAT, LITERAL,
 * SPELLING_ESCAPE, KELVIN_ESCAPE; the escape flags only on a FLAT line). Stops after `capacity` lines or after the
 * line that stops at `end`; returns the number of lines written. The lines are those of the text split at every
 * newline (a text ending in a newline ends with an empty line).
 */
export function scanLines(origin: usize, from: usize, end: usize, out: usize, capacity: i32): i32 {
  let p = from;
  let count: i32 = 0;
  // The next hit of the literal: a line holds it when the hit starts by the line's stop (the literal holds no
  // newline, so a hit that starts in a line ends in it; with no literal every line holds it: hit == p <= stop).
  let hit = literalFrom(p, end);
  while (count < capacity) {
    resetWalkFlags();
    let stop = lineEnd(p, end);
    let flags: u32;
    if (stop != 0) {
      flags = FLAT | (walkFlagsSeen() & (SPELLING_ESCAPE | KELVIN_ESCAPE));
    } else {
      stop = newlineFrom(p, end);
      flags = 0;
    }
    if (hit <= stop) {
      flags |= LITERAL;
      if (stop < end) hit = literalFrom(stop + 1, end);
    }
    store<u32>(out + (<usize>count << 2), (<u32>(stop - origin) << 4) | flags);
    count++;
    if (stop >= end) break;
    p = stop + 1;
  }
  return count;
}

/**
 * The number of newlines in [from, end): 64 bytes a step (the equality masks' bits counted), then 16 at a time.
 * Reads up to 15 bytes past `end` (their bits are masked off), which need only be memory.
 */
export function countNewlines(from: usize, end: usize): i32 {
  const newlines = i8x16.splat(0x0a);
  let p = from;
  let count: i32 = 0;
  while (p + 64 <= end) {
    const bits =
      <u64>i8x16.bitmask(i8x16.eq(v128.load(p), newlines)) |
      (<u64>i8x16.bitmask(i8x16.eq(v128.load(p + 16), newlines)) << 16) |
      (<u64>i8x16.bitmask(i8x16.eq(v128.load(p + 32), newlines)) << 32) |
      (<u64>i8x16.bitmask(i8x16.eq(v128.load(p + 48), newlines)) << 48);
    count += <i32>popcnt(bits);
    p += 64;
  }
  while (p < end) {
    let bits = <u32>i8x16.bitmask(i8x16.eq(v128.load(p), newlines));
    if (end - p < 16) bits &= (<u32>1 << <u32>(end - p)) - 1;
    count += <i32>popcnt(bits);
    p += 16;
  }
  return count;
}
