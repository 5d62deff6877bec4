// Property tests of value matching: CIDR against integer arithmetic, UTF-8 order against bytes, globs against regex.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileGlob } from '../../src/search/glob.js';
import { compareUtf8 } from '../../src/search/utf8-order.js';
import { compileValueMatcher } from '../../src/search/values.js';
import { scalarToString } from '../../src/runtime/event.js';

const toBits = (words: number[], width: number) => words.reduce((acc, w) => (acc << BigInt(width)) | BigInt(w), 0n);
const samePrefix = (a: bigint, b: bigint, total: number, prefix: number) => a >> BigInt(total - prefix) === b >> BigInt(total - prefix);

/** An IPv6 text for eight words, with the first run of two or more zero words compressed to `::`. */
function ipv6Text(words: number[]): string {
  const hex = words.map((w) => w.toString(16));
  const run = /(?:^|:)0(?::0)+(?::|$)/.exec(hex.join(':'));
  return run ? hex.join(':').replace(run[0], '::') : hex.join(':');
}

describe('value laws', () => {
  it('a number matches an integer value exactly when its printed text matches it (the numeric shortcut changes nothing)', () => {
    const text = fc.oneof(fc.integer({ min: -50, max: 5000 }).map(String), fc.constantFrom('0', '-0', '007', '+1', '1.0', '1e3', '9007199254740993', 'nan'));
    const number = fc.oneof(fc.integer({ min: -50, max: 5000 }), fc.constantFrom(-0, 0.5, 1e3, 1.0000000000000002, 9007199254740992, NaN, Infinity), fc.double());
    fc.assert(
      fc.property(text, number, (value, v) => {
        expect(compileValueMatcher(value)(v)).toBe(scalarToString(v).toLowerCase() === value.toLowerCase());
      }),
      { numRuns: 1000 },
    );
  });

  it('IPv4 CIDR matches exactly the addresses sharing the prefix', () => {
    const octets = fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 4, maxLength: 4 });
    fc.assert(
      fc.property(octets, octets, fc.integer({ min: 0, max: 32 }), (net, ip, prefix) => {
        const expected = samePrefix(toBits(net, 8), toBits(ip, 8), 32, prefix);
        expect(compileValueMatcher(`${net.join('.')}/${prefix}`)(ip.join('.'))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('IPv6 CIDR matches exactly the addresses sharing the prefix, in compressed notation too', () => {
    const word = fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff }));
    const words = fc.array(word, { minLength: 8, maxLength: 8 });
    fc.assert(
      fc.property(words, words, fc.integer({ min: 0, max: 128 }), fc.boolean(), (net, ip, prefix, shareHalf) => {
        const address = shareHalf ? [...net.slice(0, 4), ...ip.slice(4)] : ip;
        const expected = samePrefix(toBits(net, 16), toBits(address, 16), 128, prefix);
        expect(compileValueMatcher(`${ipv6Text(net)}/${prefix}`)(ipv6Text(address))).toBe(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('compareUtf8 orders like the UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.fullUnicodeString(), fc.fullUnicodeString(), (a, b) => {
        expect(Math.sign(compareUtf8(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
      { numRuns: 1000 },
    );
  });

  it('globs agree with an anchored regex where * is [\\s\\S]*', () => {
    const text = fc.array(fc.constantFrom('a', 'b', '\n'), { maxLength: 8 }).map((cs) => cs.join(''));
    const glob = fc.array(fc.constantFrom('a', 'b', '*'), { maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(glob, text, (g, s) => {
        const oracle = new RegExp(`^${g.replaceAll('*', '[\\s\\S]*')}$`);
        expect(compileGlob(g)(s)).toBe(oracle.test(s));
      }),
      { numRuns: 1000 },
    );
  });
});
