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

const QUOTE: u32 = 0x22; // "
const BACKSLASH: u32 = 0x5c; // \
const NEWLINE: u32 = 0x0a;
const COMMA: u32 = 0x2c;
const COLON: u32 = 0x3a;
const OPEN_BRACE: u32 = 0x7b;
const CLOSE_BRACE: u32 = 0x7d;
const OPEN_BRACKET: u32 = 0x5b;
const CLOSE_BRACKET: u32 = 0x5d;
const MINUS: u32 = 0x2d;
/** "true", "null" and "alse" as little-endian 32-bit words. */
const TRUE_WORD: u32 = 0x65757274;
const NULL_WORD: u32 = 0x6c6c756e;
const ALSE_WORD: u32 = 0x65736c61;

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

/** Past the JSON whitespace a line may hold (space, tab, CR; a newline ends the line). */
// @ts-ignore: decorator
@inline function skipSpace(p: usize): usize {
  let c = <u32>load<u8>(p);
  while (c == 0x20 || c == 0x09 || c == 0x0d) c = <u32>load<u8>(++p);
  return p;
}

// @ts-ignore: decorator
@inline function isDigit(c: u32): bool {
  return c - 0x30 < 10;
}

/** Past the array of scalars whose `[` is at `p` (arrays of arrays or objects are not flat), else 0. */
function arrayEnd(p: usize): usize {
  p = skipSpace(p + 1);
  if (<u32>load<u8>(p) == CLOSE_BRACKET) return p + 1;
  while (true) {
    p = scalarEnd(p);
    if (p == 0) return 0;
    p = skipSpace(p);
    const c = <u32>load<u8>(p);
    if (c == COMMA) {
      p = skipSpace(p + 1);
      continue;
    }
    return c == CLOSE_BRACKET ? p + 1 : 0;
  }
}

/** Past the string, number, true, false or null at `p`, else 0. */
// @ts-ignore: decorator
@inline function scalarEnd(p: usize): usize {
  const c = <u32>load<u8>(p);
  if (c == QUOTE) return stringEnd(p);
  if (c == MINUS || isDigit(c)) return numberEnd(p);
  if (c == 0x74) return load<u32>(p) == TRUE_WORD ? p + 4 : 0; // t
  if (c == 0x6e) return load<u32>(p) == NULL_WORD ? p + 4 : 0; // n
  if (c == 0x66) return load<u32>(p + 1) == ALSE_WORD ? p + 5 : 0; // f
  return 0;
}

/** Past the number at `p`: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, else 0. */
function numberEnd(p: usize): usize {
  if (<u32>load<u8>(p) == MINUS) p++;
  let c = <u32>load<u8>(p);
  if (c == 0x30) {
    p++;
  } else if (isDigit(c)) {
    do c = <u32>load<u8>(++p); while (isDigit(c));
  } else {
    return 0;
  }
  if (<u32>load<u8>(p) == 0x2e) {
    // A fraction needs a digit: "1." is no number (and no other rule reads the dot).
    if (!isDigit(<u32>load<u8>(++p))) return 0;
    do c = <u32>load<u8>(++p); while (isDigit(c));
  }
  c = <u32>load<u8>(p) | 0x20;
  if (c == 0x65) {
    c = <u32>load<u8>(++p);
    if (c == 0x2b || c == MINUS) c = <u32>load<u8>(++p);
    if (!isDigit(c)) return 0;
    do c = <u32>load<u8>(++p); while (isDigit(c));
  }
  return p;
}

/** Bit masks over 16 bytes (bit i = byte i): the even positions up to 16, the odd ones. */
const EVEN_BITS: u32 = 0x15555;
const ODD_BITS: u32 = 0xaaaa;

/**
 * Past the string whose opening quote is at `p`, else 0. Sixteen bytes at a time, no byte alone: masks of the
 * block's quotes, backslashes and bytes below 0x20; without backslashes the first quote ends the string. With
 * them, the escaped bytes come from the backslash runs at once (a byte is escaped when an odd-length run ends just
 * before it; a run may start in the block before: `carry`), an escaped quote does not end the string, and every
 * escaped byte must be one of " \ / b f n r t u (a nibble lookup); \u is followed by four hex digits (checked byte
 * by byte, it is rare). Any byte from 0x7f up is a string character. Rendered Windows messages hold an escape every
 * ten bytes or so (`\r\n\t`), which a byte-at-a-time loop pays for in a chain of dependent loads.
 */
// @ts-ignore: decorator
@inline function stringEnd(p: usize): usize {
  const quotes = i8x16.splat(0x22);
  const backslashes = i8x16.splat(0x5c);
  const spaces = i8x16.splat(0x20);
  p++;
  let carry: u32 = 0; // 1 when the block's first byte is escaped by a run of backslashes that ended the block before
  while (true) {
    const block = v128.load(p);
    let quoteBits = <u32>i8x16.bitmask(i8x16.eq(block, quotes));
    if (carry == 0) {
      // No escape carried in: when no control byte or backslash comes before the first quote (the bytes before it,
      // all 16 when there is none, are in the string), the quote ends the string, or the block is all string.
      const stopBits = <u32>i8x16.bitmask(v128.or(i8x16.lt_u(block, spaces), i8x16.eq(block, backslashes)));
      if ((stopBits & ((quoteBits & -quoteBits) - 1)) == 0) {
        if (quoteBits != 0) return p + <usize>ctz(quoteBits) + 1;
        p += 16;
        continue;
      }
    }
    const controlBits = <u32>i8x16.bitmask(i8x16.lt_u(block, spaces));
    let backslashBits = <u32>i8x16.bitmask(i8x16.eq(block, backslashes));
    backslashBits &= ~carry; // an escaped backslash starts no escape
    const starts = backslashBits & ~(backslashBits << 1);
    const escaped =
      (((backslashBits + (starts & EVEN_BITS)) & ~backslashBits & ODD_BITS) |
        ((backslashBits + (starts & ODD_BITS)) & ~backslashBits & EVEN_BITS) |
        carry);
    quoteBits &= ~escaped;
    const inString = ((quoteBits & -quoteBits) - 1) & 0xffff;
    const escapable = <u32>i8x16.bitmask(i8x16.ne(
      v128.and(v128.swizzle(ESCAPABLE_BY_LOW, v128.and(block, i8x16.splat(0x0f))), v128.swizzle(ESCAPABLE_BY_HIGH, i8x16.shr_u(block, 4))),
      i8x16.splat(0),
    ));
    if (((controlBits | (escaped & ~escapable)) & inString) != 0) return 0;
    let unicode = <u32>i8x16.bitmask(i8x16.eq(block, i8x16.splat(0x75))) & escaped & inString;
    while (unicode != 0) {
      const at = p + <usize>ctz(unicode);
      if (!(isHex(<u32>load<u8>(at + 1)) && isHex(<u32>load<u8>(at + 2)) && isHex(<u32>load<u8>(at + 3)) && isHex(<u32>load<u8>(at + 4)))) return 0;
      noteEscape(at);
      unicode &= unicode - 1;
    }
    if (quoteBits != 0) return p + <usize>ctz(quoteBits) + 1;
    carry = escaped >> 16;
    p += 16;
  }
  return unreachable();
}

/**
 * The bytes an escape may name (" \ / b f n r t u), by nibbles: the byte is one when the entry of its low nibble
 * and that of its high nibble share a bit. Bit 0: 0x22 0x2f; bit 1: 0x5c; bit 2: 0x62 0x66 0x6e; bit 3: 0x72 0x74 0x75.
 */
const ESCAPABLE_BY_LOW = i8x16(0, 0, 13, 0, 8, 8, 4, 0, 0, 0, 0, 0, 2, 0, 4, 1);
const ESCAPABLE_BY_HIGH = i8x16(0, 0, 1, 0, 0, 2, 4, 8, 0, 0, 0, 0, 0, 0, 0, 0);

// @ts-ignore: decorator
@inline function isHex(c: u32): bool {
  return c - 0x30 < 10 || (c | 0x20) - 0x61 < 6;
}

// ---------------------------------------------------------------------------------------------------------------
// One pass per piece for a query with a pre-filter literal: per line, its end, the verdict, whether it holds the
// literal (ASCII case folded) and whether it holds an escape that could spell it (src/input/json/line-scan-wasm.ts).

/** Flags of a line in scanLines' output (the low 4 bits of an entry; the line's stop offset is the rest). */
const FLAT: u32 = 1; // the line is one flat object (the verdict; the escape flags below are then complete)
const LITERAL: u32 = 2; // the literal occurs in the line, ASCII case folded
const SPELLING_ESCAPE: u32 = 4; // a \u escape \u0020-\u007F or \u0130 (SPELLING_ESCAPES of escape-search.ts)
const KELVIN_ESCAPE: u32 = 8; // a \u212X escape (the Kelvin sign, which lower-cases to "k": hiding-forms.ts)

/** Escape flags of the line being judged (set by the string scans). */
let escapeFlags: u32 = 0;

/** Records what the \u escape whose `u` is at `at` could spell (its four hex digits are checked already). */
// @ts-ignore: decorator
@inline function noteEscape(at: usize): void {
  const d0 = <u32>load<u8>(at + 1);
  const d1 = <u32>load<u8>(at + 2);
  const d2 = <u32>load<u8>(at + 3);
  if (d0 == 0x30) {
    if ((d1 == 0x30 && d2 - 0x32 < 6) || (d1 == 0x31 && d2 == 0x33 && <u32>load<u8>(at + 4) == 0x30)) escapeFlags |= SPELLING_ESCAPE;
  } else if (d0 == 0x32 && d1 == 0x31 && d2 == 0x32) {
    escapeFlags |= KELVIN_ESCAPE;
  }
}

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

/** True when the literal starts somewhere in [p, stop) and ends by `stop` (ASCII case folded). */
function holdsLiteral(p: usize, stop: usize): bool {
  const length = <usize>literalLength;
  if (length == 0) return true;
  if (stop - p < length) return false;
  const last = stop - length; // the last start
  const first = i8x16.splat(load<u8>(LITERAL_BYTES));
  const firstFold = i8x16.splat(load<u8>(LITERAL_BYTES + MAX_LITERAL));
  const final = i8x16.splat(load<u8>(LITERAL_BYTES + length - 1));
  const finalFold = i8x16.splat(load<u8>(LITERAL_BYTES + MAX_LITERAL + length - 1));
  while (p <= last) {
    let bits = <u32>i8x16.bitmask(v128.and(
      i8x16.eq(v128.or(v128.load(p), firstFold), first),
      i8x16.eq(v128.or(v128.load(p + length - 1), finalFold), final),
    ));
    if (last - p < 15) bits &= (<u32>2 << <u32>(last - p)) - 1;
    while (bits != 0) {
      if (literalAt(p + <usize>ctz(bits), length)) return true;
      bits &= bits - 1;
    }
    p += 16;
  }
  return false;
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
  while (count < capacity) {
    escapeFlags = 0;
    let stop = lineEnd(p, end);
    let flags: u32;
    if (stop != 0) {
      flags = FLAT | escapeFlags;
    } else {
      stop = newlineFrom(p, end);
      flags = 0;
    }
    if (holdsLiteral(p, stop)) flags |= LITERAL;
    store<u32>(out + (<usize>count << 2), (<u32>(stop - origin) << 4) | flags);
    count++;
    if (stop >= end) break;
    p = stop + 1;
  }
  return count;
}
