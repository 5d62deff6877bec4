// The flat-object walk that assembly/line-runs.ts and assembly/key-spans.ts share: whitespace, strings (SIMD), numbers, literals, arrays of scalars.
//
// AssemblyScript, imported by both modules (each is compiled whole by scripts/build-wasm.mjs, which hashes this file
// into both). Input contract (line-runs.ts): the 16 bytes after the text are zero, so every scan stops at the text's
// end without a bounds check. While a walk runs, the string scans record in `walkFlags` what the strings held.

export const QUOTE: u32 = 0x22; // "
export const BACKSLASH: u32 = 0x5c; // \
export const NEWLINE: u32 = 0x0a;
export const COMMA: u32 = 0x2c;
export const COLON: u32 = 0x3a;
export const OPEN_BRACE: u32 = 0x7b;
export const CLOSE_BRACE: u32 = 0x7d;
export const OPEN_BRACKET: u32 = 0x5b;
export const CLOSE_BRACKET: u32 = 0x5d;
export const MINUS: u32 = 0x2d;
/** "true", "null" and "alse" as little-endian 32-bit words. */
export const TRUE_WORD: u32 = 0x65757274;
export const NULL_WORD: u32 = 0x6c6c756e;
export const ALSE_WORD: u32 = 0x65736c61;

/** What the strings walked since resetWalkFlags held (bits; SPELLING/KELVIN equal line-runs.ts's output flags). */
export const SPELLING_ESCAPE: u32 = 4; // a \u escape \u0020-\u007F or \u0130 (SPELLING_ESCAPES of escape-search.ts)
export const KELVIN_ESCAPE: u32 = 8; // a \u212X escape (the Kelvin sign, which lower-cases to "k": hiding-forms.ts)
export const STRING_BACKSLASH: u32 = 16; // a backslash inside a string
let walkFlags: u32 = 0;

/** Clears the flags before a walk. */
// @ts-ignore: decorator
@inline export function resetWalkFlags(): void {
  walkFlags = 0;
}

/** The flags set since the last reset. */
// @ts-ignore: decorator
@inline export function walkFlagsSeen(): u32 {
  return walkFlags;
}

/** Records what the \u escape whose `u` is at `at` could spell (its four hex digits are checked already). */
// @ts-ignore: decorator
@inline function noteEscape(at: usize): void {
  const d0 = <u32>load<u8>(at + 1);
  const d1 = <u32>load<u8>(at + 2);
  const d2 = <u32>load<u8>(at + 3);
  if (d0 == 0x30) {
    if ((d1 == 0x30 && d2 - 0x32 < 6) || (d1 == 0x31 && d2 == 0x33 && <u32>load<u8>(at + 4) == 0x30)) walkFlags |= SPELLING_ESCAPE;
  } else if (d0 == 0x32 && d1 == 0x31 && d2 == 0x32) {
    walkFlags |= KELVIN_ESCAPE;
  }
}

/** Past the JSON whitespace a line may hold (space, tab, CR; a newline ends the line). */
// @ts-ignore: decorator
@inline export function skipSpace(p: usize): usize {
  let c = <u32>load<u8>(p);
  while (c == 0x20 || c == 0x09 || c == 0x0d) c = <u32>load<u8>(++p);
  return p;
}

// @ts-ignore: decorator
@inline export function isDigit(c: u32): bool {
  return c - 0x30 < 10;
}

/** Past the array of scalars whose `[` is at `p` (arrays of arrays or objects are not flat), else 0. */
export function arrayEnd(p: usize): usize {
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
@inline export function scalarEnd(p: usize): usize {
  const c = <u32>load<u8>(p);
  if (c == QUOTE) return stringEnd(p);
  if (c == MINUS || isDigit(c)) return numberEnd(p);
  if (c == 0x74) return load<u32>(p) == TRUE_WORD ? p + 4 : 0; // t
  if (c == 0x6e) return load<u32>(p) == NULL_WORD ? p + 4 : 0; // n
  if (c == 0x66) return load<u32>(p + 1) == ALSE_WORD ? p + 5 : 0; // f
  return 0;
}

/** Past the number at `p`: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, else 0. */
export function numberEnd(p: usize): usize {
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

/** Bit masks over 64 bytes (bit i = byte i): the even positions, the odd ones. */
const EVEN_BITS_64: u64 = 0x5555555555555555;
const ODD_BITS_64: u64 = 0xaaaaaaaaaaaaaaaa;

/** The 64-bit mask of four 16-byte lanes' bitmasks (bit i = byte i of the 64). */
// @ts-ignore: decorator
@inline function mask64(a: v128, b: v128, c: v128, d: v128): u64 {
  return <u64>(<u32>i8x16.bitmask(a)) | (<u64>(<u32>i8x16.bitmask(b)) << 16) | (<u64>(<u32>i8x16.bitmask(c)) << 32) | (<u64>(<u32>i8x16.bitmask(d)) << 48);
}

/** Per byte of a 16-byte block, 0xff when it is one an escape may name (" \ / b f n r t u), else 0. */
// @ts-ignore: decorator
@inline function escapableBytes(block: v128): v128 {
  return i8x16.ne(
    v128.and(v128.swizzle(ESCAPABLE_BY_LOW, v128.and(block, i8x16.splat(0x0f))), v128.swizzle(ESCAPABLE_BY_HIGH, i8x16.shr_u(block, 4))),
    i8x16.splat(0),
  );
}

/**
 * Past the string whose opening quote is at `p`, else 0. The first 16 bytes alone: when no control byte or
 * backslash comes before their first quote, that quote ends the string (most keys and short values). Else 64
 * bytes at a time, no byte alone: masks of the block's quotes, backslashes and bytes below 0x20; the escaped bytes
 * come from the backslash runs at once (a byte is escaped when an odd-length run ends just before it: a run that
 * starts on an even byte carries, by one addition, into the byte after it, and that byte is escaped when its
 * position is odd; likewise from odd starts; a run that ends the block escapes the next block's first byte:
 * `carry`), an escaped quote does not end the string, and every escaped byte must be one of " \ / b f n r t u (a
 * nibble lookup); \u is followed by four hex digits (checked byte by byte, it is rare). Any byte from 0x7f up is
 * a string character. Rendered Windows messages hold an escape every ten bytes or so (`\r\n\t`), which a
 * byte-at-a-time loop pays for in a chain of dependent loads. Reads up to 64 bytes past the zero byte that stops
 * it at the text's end (they need only be memory: no bit past that byte is used).
 */
// @ts-ignore: decorator
@inline export function stringEnd(p: usize): usize {
  const quotes = i8x16.splat(0x22);
  const backslashes = i8x16.splat(0x5c);
  const spaces = i8x16.splat(0x20);
  p++;
  const first = v128.load(p);
  const firstQuotes = <u32>i8x16.bitmask(i8x16.eq(first, quotes));
  const firstStops = <u32>i8x16.bitmask(v128.or(i8x16.lt_u(first, spaces), i8x16.eq(first, backslashes)));
  if ((firstStops & ((firstQuotes & -firstQuotes) - 1)) == 0 && firstQuotes != 0) return p + <usize>ctz(firstQuotes) + 1;
  return stringEnd64(p);
}

/** stringEnd from `p`, the first byte after the opening quote, 64 bytes a step. */
function stringEnd64(p: usize): usize {
  const quotes = i8x16.splat(0x22);
  const backslashes = i8x16.splat(0x5c);
  const spaces = i8x16.splat(0x20);
  let carry: u64 = 0; // 1 when the block's first byte is escaped by a run of backslashes that ended the block before
  while (true) {
    const a = v128.load(p);
    const b = v128.load(p + 16);
    const c = v128.load(p + 32);
    const d = v128.load(p + 48);
    let quoteBits = mask64(i8x16.eq(a, quotes), i8x16.eq(b, quotes), i8x16.eq(c, quotes), i8x16.eq(d, quotes));
    const controlBits = mask64(i8x16.lt_u(a, spaces), i8x16.lt_u(b, spaces), i8x16.lt_u(c, spaces), i8x16.lt_u(d, spaces));
    let backslashBits = mask64(i8x16.eq(a, backslashes), i8x16.eq(b, backslashes), i8x16.eq(c, backslashes), i8x16.eq(d, backslashes));
    if ((carry | backslashBits) == 0) {
      // No escape: the first quote ends the string unless a control byte comes before it.
      const before = (quoteBits & -quoteBits) - 1;
      if ((controlBits & before) != 0) return 0;
      if (quoteBits != 0) return p + <usize>ctz(quoteBits) + 1;
      p += 64;
      continue;
    }
    backslashBits &= ~carry; // an escaped backslash starts no escape
    const starts = backslashBits & ~(backslashBits << 1);
    const fromOdd = backslashBits + (starts & ODD_BITS_64);
    const escaped = ((backslashBits + (starts & EVEN_BITS_64)) & ~backslashBits & ODD_BITS_64) | (fromOdd & ~backslashBits & EVEN_BITS_64) | carry;
    quoteBits &= ~escaped;
    const inString = (quoteBits & -quoteBits) - 1;
    const escapable = mask64(escapableBytes(a), escapableBytes(b), escapableBytes(c), escapableBytes(d));
    if ((backslashBits & inString) != 0) walkFlags |= STRING_BACKSLASH;
    if (((controlBits | (escaped & ~escapable)) & inString) != 0) return 0;
    const letterU = i8x16.splat(0x75);
    let unicode = mask64(i8x16.eq(a, letterU), i8x16.eq(b, letterU), i8x16.eq(c, letterU), i8x16.eq(d, letterU)) & escaped & inString;
    while (unicode != 0) {
      const at = p + <usize>ctz(unicode);
      if (!(isHex(<u32>load<u8>(at + 1)) && isHex(<u32>load<u8>(at + 2)) && isHex(<u32>load<u8>(at + 3)) && isHex(<u32>load<u8>(at + 4)))) return 0;
      noteEscape(at);
      unicode &= unicode - 1;
    }
    if (quoteBits != 0) return p + <usize>ctz(quoteBits) + 1;
    // A run of odd starts that reaches the block's last byte ends an odd-length run there: the addition's carry out.
    carry = fromOdd < backslashBits ? 1 : 0;
    p += 64;
  }
  return unreachable();
}

/**
 * The bytes an escape may name (" \ / b f n r t u), by nibbles: the byte is one when the entry of its low nibble
 * and that of its high nibble share a bit. Bit 0: 0x22 0x2f; bit 1: 0x5c; bit 2: 0x62 0x66 0x6e; bit 3: 0x72 0x74 0x75.
 */
export const ESCAPABLE_BY_LOW = i8x16(0, 0, 13, 0, 8, 8, 4, 0, 0, 0, 0, 0, 2, 0, 4, 1);
export const ESCAPABLE_BY_HIGH = i8x16(0, 0, 1, 0, 0, 2, 4, 8, 0, 0, 0, 0, 0, 0, 0, 0);

// @ts-ignore: decorator
@inline export function isHex(c: u32): bool {
  return c - 0x30 < 10 || (c | 0x20) - 0x61 < 6;
}
