// Tests for exact decimal splitting and joining of fractional epoch seconds.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinSeconds, splitSeconds } from '../../src/time/seconds.js';

describe('splitSeconds', () => {
  it('uses the decimal spelling, not the binary value', () => {
    expect(splitSeconds(1522196414.839)).toEqual({ whole: 1522196414, nanoDigits: '839000000' });
    expect(splitSeconds(0.1 + 0.2)).toEqual({ whole: 0, nanoDigits: '300000000' });
  });

  it('truncates past nine digits, also for negative times', () => {
    expect(splitSeconds(0.1234567899)).toEqual({ whole: 0, nanoDigits: '123456789' });
    expect(splitSeconds(-1.0000000001)).toEqual({ whole: -2, nanoDigits: '999999999' });
    expect(splitSeconds(-1.25)).toEqual({ whole: -2, nanoDigits: '750000000' });
  });

  it('whole seconds have a zero fraction', () => {
    expect(splitSeconds(-3)).toEqual({ whole: -3, nanoDigits: '000000000' });
  });
});

describe('laws', () => {
  it('milliseconds split into floor(ms/1000) and the millisecond digits, and join back', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4e12, max: 4e12 }), (ms) => {
        const { whole, nanoDigits } = splitSeconds(ms / 1000);
        expect(whole).toBe(Math.floor(ms / 1000));
        expect(nanoDigits).toBe(String(((ms % 1000) + 1000) % 1000).padStart(3, '0') + '000000');
        expect(joinSeconds(whole, nanoDigits.slice(0, 3))).toBe(ms / 1000);
      }),
      { numRuns: 3000 },
    );
  });
});
