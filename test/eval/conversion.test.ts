// Conversion functions (tonumber, tostring, printf) and hashes, with Splunk's documented examples.
import { describe, expect, it } from 'vitest';
import { evaluate } from './run.js';

describe('tonumber', () => {
  it('parses decimal text, and other bases', () => {
    expect(evaluate('tonumber("0A4", 16)')).toBe(164);
    expect(evaluate('tonumber("0x1F", 16)')).toBe(31);
    expect(evaluate('tonumber("1010", 2)')).toBe(10);
    expect(evaluate('tonumber("-17", 8)')).toBe(-15);
    expect(evaluate('tonumber("1.5e3")')).toBe(1500);
    expect(evaluate('tonumber(x)', { x: '3.25' })).toBe(3.25);
  });

  it('gives null for text that is not entirely a number', () => {
    expect(evaluate('tonumber("123abc")')).toBeNull();
    expect(evaluate('tonumber("19", 8)')).toBeNull();
    expect(evaluate('tonumber("0x1F")')).toBeNull();
    expect(evaluate('tonumber(missing)')).toBeNull();
  });

  // Conversion functions page (tonumber): text with leading or trailing spaces is NULL; "use the trim function".
  it('gives null for text with surrounding spaces, in every base (issue 16 point 10)', () => {
    expect(evaluate('tonumber(" 42 ")')).toBeNull();
    expect(evaluate('tonumber("42 ")')).toBeNull();
    expect(evaluate('tonumber(" 1F", 16)')).toBeNull();
    expect(evaluate('tonumber(trim(" 42 "))')).toBe(42);
  });
});

describe('tostring', () => {
  it('renders numbers and Booleans', () => {
    expect(evaluate('tostring(1==1)')).toBe('True');
    expect(evaluate('tostring(1==2)')).toBe('False');
    expect(evaluate('tostring(3.50)')).toBe('3.5');
    expect(evaluate('tostring(x)', { x: 'abc' })).toBe('abc');
  });

  it('formats hex, commas and duration', () => {
    expect(evaluate('tostring(15, "hex")')).toBe('0xF');
    expect(evaluate('tostring(12345.6789, "commas")')).toBe('12,345.68');
    expect(evaluate('tostring(1234567.891, "commas")')).toBe('1,234,567.89');
    expect(evaluate('tostring(1000, "commas")')).toBe('1,000');
    expect(evaluate('tostring(foo, "duration")', { foo: 615 })).toBe('00:10:15');
    expect(evaluate('tostring(93784, "duration")')).toBe('1+02:03:04');
    expect(evaluate('tostring("abc", "hex")')).toBeNull();
  });

  it('takes the format from a field too', () => {
    expect(evaluate('tostring(615, f)', { f: 'duration' })).toBe('00:10:15');
    expect(evaluate('tostring(615, f)', { f: 'unknown' })).toBeNull();
  });
});

describe('printf', () => {
  it('follows the documented examples', () => {
    expect(evaluate('printf("%c,%c", 65, "Foo")')).toBe('A,F');
    expect(evaluate('printf("%d,%i,%d", -2, +4, 30)')).toBe('-2,4,30');
  });

  it('supports C conversions, flags, width and precision', () => {
    expect(evaluate('printf("%.2e", 1234.567)')).toBe('1.23e+03');
    expect(evaluate('printf("%E", 0.5)')).toBe('5.000000E-01');
    expect(evaluate('printf("%f|%.1f|%05.1f", 1.5, 2.26, 3.14159)')).toBe('1.500000|2.3|003.1');
    expect(evaluate('printf("%g|%g|%g", 0.0001, 123456789, 100)')).toBe('0.0001|1.23457e+08|100');
    expect(evaluate('printf("%o|%x|%X|%#x", 8, 255, 255, 255)')).toBe('10|ff|FF|0xff');
    // Conversion functions page (printf): %p is an alias of %X and %z of %s (issue 16 point 11).
    expect(evaluate('printf("%x,%X,%p",10,10,10)')).toBe('a,A,A');
    expect(evaluate('printf("%s%z","foo","bar")')).toBe('foobar');
    expect(evaluate('printf("%zd|%5z", 7, "ab")')).toBe('7|   ab');
    expect(evaluate('printf("%5s|%-5s|%.3s", "ab", "cd", "abcdef")')).toBe('   ab|cd   |abc');
    expect(evaluate('printf("%\'d", 12345678)')).toBe('12,345,678');
    expect(evaluate('printf("%+d % d %05d", 5, 5, -42)')).toBe('+5  5 -0042');
    expect(evaluate('printf("%*d|%-*d|", 5, 42, 4, 7)')).toBe('   42|7   |');
    expect(evaluate('printf("100%% %s", x)', { x: 'done' })).toBe('100% done');
    expect(evaluate('printf("%u", -1)')).toBe('18446744073709551615');
    expect(evaluate('printf("%.3d", 7)')).toBe('007');
  });

  it('formats missing arguments as empty text or 0', () => {
    expect(evaluate('printf("[%s][%d]")')).toBe('[][0]');
  });
});

describe('hashes', () => {
  it('gives lower-case hex digests of the text', () => {
    expect(evaluate('md5("abc")')).toBe('900150983cd24fb0d6963f7d28e17f72');
    expect(evaluate('sha1("abc")')).toBe('a9993e364706816aba3e25717850c26c9cd0d89d');
    expect(evaluate('sha256("abc")')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(evaluate('sha512("abc")')).toBe(
      'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f',
    );
    expect(evaluate('md5(missing)')).toBeNull();
  });
});
