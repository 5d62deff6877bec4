// The 16-digit run check that sends a JSON line to the exact-integer path agrees with /[0-9]{16}/ on any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasLongDigitRun } from '../../src/util/exact-json.js';

describe('hasLongDigitRun', () => {
  it('equals /[0-9]{16}/.test on texts of digits and other characters (property)', () => {
    const piece = fc.oneof(fc.stringMatching(/^[0-9]{0,20}$/), fc.string({ maxLength: 6 }));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const text = pieces.join('');
        expect(hasLongDigitRun(text)).toBe(/[0-9]{16}/.test(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds runs at the start, the end and exactly 16 long, and not 15', () => {
    expect(hasLongDigitRun('1234567890123456')).toBe(true);
    expect(hasLongDigitRun('x1234567890123456')).toBe(true);
    expect(hasLongDigitRun('{"a":"123456789012345"}')).toBe(false);
    expect(hasLongDigitRun('{"a":9007199254740993}')).toBe(true);
  });
});
