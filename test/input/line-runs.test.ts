// Law: a run of lines the one-regex rule accepts holds only lines isJsonObjectText accepts, and it stops at the first other line.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wellFormedRunEnd } from '../../src/input/json/line-runs.js';
import { isJsonObjectText } from '../../src/input/json/line-check.js';

const scalar = fc.oneof(fc.string(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null));
const flatObject = fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 })), { maxKeys: 5 });
/** A line as text: a valid flat or nested object, or one mangled by a cut, an inserted character, or whitespace. */
const lineArb = fc.oneof(
  flatObject.map((o) => JSON.stringify(o)),
  fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
  fc.tuple(flatObject.map((o) => JSON.stringify(o)), fc.nat(), fc.constantFrom('', '\t', '\r', ' ', '\x01', '"', '\\', ',', '}', '{', '[', ']', ':', '\\u12', 'x'))
    .map(([text, at, insert]) => text.slice(0, at % (text.length + 1)) + insert + text.slice(at % (text.length + 1))),
  flatObject.map((o) => ` ${JSON.stringify(o, null, 1).replace(/\n/g, '\t')}\r`),
  fc.constantFrom('', '{}', '{} ', '{"a":1}{"b":2}', '{"a":[1,[2]]}', '{"a":{"b":1}}', '{"a":01}', '{"a":-}', '{"a":1.}', '{"a":"\\uZZZZ"}'),
);

describe('wellFormedRunEnd', () => {
  it('law: the run ends at the first line isJsonObjectText rejects or that is not flat, never after it, never mid-line', () => {
    fc.assert(
      fc.property(fc.array(lineArb, { minLength: 1, maxLength: 8 }), fc.boolean(), (lines, trailingNewline) => {
        const text = lines.join('\n') + (trailingNewline ? '\n' : '');
        const end = wellFormedRunEnd(text, 0);
        let pos = 0;
        for (const line of lines) {
          if (pos >= end) break;
          // Every line the run covers is one JSON object by the full rule.
          expect(isJsonObjectText(line)).toBe(true);
          pos += line.length + 1;
        }
        // The run ends at a line start (or the end of the text).
        expect(end === 0 || end >= text.length || text[end - 1] === '\n').toBe(true);
        // And it stops only at a line the rule rejects or that holds a nested container.
        const stopIndex = lines.findIndex((_, i) => lines.slice(0, i).reduce((sum, l) => sum + l.length + 1, 0) >= end);
        if (stopIndex >= 0 && end < text.length) {
          const stopLine = lines[stopIndex]!;
          const nested = (() => {
            try {
              return Object.values(JSON.parse(stopLine) as object).some((v) => (v !== null && typeof v === 'object' && !Array.isArray(v)) || (Array.isArray(v) && v.some((x) => x !== null && typeof x === 'object')));
            } catch {
              return false;
            }
          })();
          expect(!isJsonObjectText(stopLine) || nested).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('accepts flat objects with multivalue arrays and stops at nested ones, at blank lines and at malformed ones', () => {
    const text = '{"a":1,"b":["x",2,null]}\n{ "c" : "d" }\r\n{"e":{"f":1}}\n{"g":1}';
    expect(wellFormedRunEnd(text, 0)).toBe(text.indexOf('{"e"'));
    expect(wellFormedRunEnd(text, text.indexOf('{"g"'))).toBe(text.length);
    expect(wellFormedRunEnd('{"a":1}\n\n{"b":2}', 0)).toBe(8);
    expect(wellFormedRunEnd('{"a":1}\n{"a":1,}\n', 0)).toBe(8);
    expect(wellFormedRunEnd('{"a":"\x01"}', 0)).toBe(0);
  });
});
