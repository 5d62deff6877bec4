// Laws of expansion: no backticks means no change; arbitrary input expands or fails with a SplError inside it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { expandMacros } from '../../src/macros/index.js';
import { libraryOf, REFERENCE_MACROS } from './helpers.js';
import { fuzzRuns } from '../helpers/tier.js';

const lib = libraryOf({ ...REFERENCE_MACROS, 'pair(a,b)': '$a$ `wmi` $b$', loop: '`loop`' });
/** Characters that matter to the scanner, mixed with ordinary text. */
const splChar = fc.constantFrom('`', '"', '\\', '(', ')', ',', ' ', '|', 'a', 'wmi', '_filter', 'pair', 'loop');
const splText = fc.array(fc.oneof(splChar, fc.string({ maxLength: 3 })), { maxLength: 30 }).map((parts) => parts.join(''));

describe('expansion properties', () => {
  it('a query without backticks expands to itself and maps spans exactly', () => {
    fc.assert(
      fc.property(fc.string().filter((s) => !s.includes('`')), fc.nat(), fc.nat(), (query, a, b) => {
        const expansion = expandMacros(query, lib);
        expect(expansion.text).toBe(query);
        const start = Math.min(a, b) % (query.length + 1);
        const end = Math.min(Math.max(a, b) % (query.length + 1) + start, query.length);
        expect(expansion.mapSpan({ start, end })).toEqual({ span: { start, end }, macroStack: [] });
      }),
    );
  });

  it('arbitrary text either expands or throws a SplError whose span lies inside the input', () => {
    fc.assert(
      fc.property(fc.oneof(splText, fc.string()), (query) => {
        let expanded: string;
        try {
          expanded = expandMacros(query, lib).text;
        } catch (e) {
          expect(e).toBeInstanceOf(SplError);
          const { span } = e as SplError;
          expect(span).toBeDefined();
          expect(span!.start).toBeGreaterThanOrEqual(0);
          expect(span!.end).toBeLessThanOrEqual(query.length);
          expect(span!.start).toBeLessThanOrEqual(span!.end);
          return;
        }
        expect(typeof expanded).toBe('string');
      }),
      { numRuns: fuzzRuns(2000, 10_000) },
    );
  });

  it('every mapped span of an expansion lies inside the original query', () => {
    const expandable = fc.array(fc.constantFrom('x ', '`wmi`', '`pair(1,"a`b")`', '"`q`"', '```c```', '| '), {
      maxLength: 12,
    });
    fc.assert(
      fc.property(expandable, fc.nat(), fc.nat(), (parts, a, b) => {
        const query = parts.join('');
        const expansion = expandMacros(query, lib);
        const n = expansion.text.length + 1;
        const [start, end] = [a % n, b % n].sort((x, y) => x - y) as [number, number];
        const { span } = expansion.mapSpan({ start, end });
        expect(span.start).toBeGreaterThanOrEqual(0);
        expect(span.start).toBeLessThanOrEqual(span.end);
        expect(span.end).toBeLessThanOrEqual(query.length);
      }),
    );
  });
});
