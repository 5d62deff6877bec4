// The raw-byte pre-filter scan flags exactly the lines the Latin-1 text scan's rules flag.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteLiteralScan } from '../../src/input/fastpath/byte-literal-scan.js';

/** Byte sequences that matter: the literals' letters in both cases, escapes, UTF-8 forms that fold, filler. */
const PIECES = ['b', 'B', 'i', 'I', 'n', 'N', 'd', 'D', 'g', 'G', 'k', 'K', '-', '5', '8', '6', '1', 'x', ' ', '"',
  '\\', '\\\\', '\\u0062', '\\u0042', '\\\\u0062', '\\u212a', '\\u2126', '\\u00e9', '\\u0130', '\\u001b', '\\u0080',
  'u0', '\xc4\xb0', '\xe2\x84\xaa', '\xc3\xa9', 'binding', 'BiNdInG', 'bindin'];
const lineArb = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((parts) => parts.join(''));
const LITERALS = ['binding', 'ki', 'k-5', '5861', 'ndi'];

/** A real `\u` escape with these hex digits next: the `u` follows an odd run of backslashes. */
function hasEscape(line: string, hex: string): boolean {
  return new RegExp(`(^|[^\\\\])(\\\\\\\\)*\\\\u${hex}`).test(line);
}

/** What the Latin-1 LiteralScan keeps (docs/input.md): the literal ignoring ASCII case, or what could hide it. */
function textScanKeeps(line: string, literal: string): boolean {
  if (new RegExp(literal.replace(/[-]/g, '\\-'), 'i').test(line)) return true;
  // An escape of printable ASCII, or of İ (U+0130); not of other characters (é, controls).
  if (hasEscape(line, '00[2-7]') || hasEscape(line, '0130')) return true;
  if (literal.endsWith('i') && line.includes('\xc4\xb0')) return true;
  return literal.includes('k') && (hasEscape(line, '212') || line.includes('\xe2\x84\xaa'));
}

/** Lines (as indexes) holding a hit of the byte scan over the whole block. */
function byteScanLines(lines: string[], literal: string, sample: string): Set<number> {
  const bytes = Buffer.from(lines.join('\n'), 'latin1');
  const scan = new ByteLiteralScan(literal, sample);
  scan.useBlock(bytes, 0);
  const starts = [0];
  for (let i = bytes.indexOf(0x0a); i >= 0; i = bytes.indexOf(0x0a, i + 1)) starts.push(i + 1);
  const kept = new Set<number>();
  for (let pos = scan.nextMayMatch(0); pos < bytes.length; pos = scan.nextMayMatch(pos + 1)) {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1]! <= pos) line++;
    kept.add(line);
  }
  return kept;
}

describe('ByteLiteralScan', () => {
  it('flags the same lines as the text scan rules, whatever the case, escapes and UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 20 }), fc.constantFrom(...LITERALS), fc.constantFrom('', 'bbbBBB', 'kkkk5555'), (lines, literal, sample) => {
        const expected = new Set(lines.flatMap((line, i) => (textScanKeeps(line, literal) ? [i] : [])));
        expect(byteScanLines(lines, literal, sample)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
