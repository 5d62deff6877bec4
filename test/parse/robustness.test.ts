// Robustness: arbitrary and SPL-ish text never crashes the parser: an AST, or an SplError with a span inside the text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatError, SplError } from '../../src/errors.js';
import { MacroLibrary } from '../../src/macros/index.js';
import { parseQuery } from '../../src/parse/parse.js';
import { parseSpl } from '../../src/query-text.js';
import { fuzzRuns } from '../helpers/tier.js';

/** Generous per-run cap: a parse of a short string takes well under a millisecond; only a runaway would reach it. */
const PER_RUN_CAP_MS = 2000;

const macros = new MacroLibrary();
const define = (name: string, args: string[], definition: string) => macros.add({ name, args, definition, iseval: false, origin: 'test' });
define('wmi', [], 'sourcetype="wmi" EventCode=5861');
define('ctime', ['field'], 'convert timeformat="%Y" ctime($field$)');
define('loop', [], 'x `loop`');
define('broken', [], 'eval x=(');
define('quote', [], 'search "unterminated');

const FRAGMENTS = [
  '"', "'", '|', '[', ']', '(', ')', '`', '```', '`wmi`', '`ctime(x)`', '`ctime(a, b)`', '`loop`', '`broken`', '`quote`',
  '`nope`', '`a_filter`', 'search', 'eval', 'stats', 'eventstats', 'count', 'by', 'BY', 'as', 'AS', 'NOT', 'AND', 'OR', 'XOR',
  'IN', 'in', 'LIKE', 'where', 'rex', 'rename', 'table', 'head', 'fields', 'convert', 'lookup', 'tstats', '=', '==', '!=', '<',
  '>=', ',', ' ', '  ', '\\', '\\"', 'x', 'host', '1', '2.5', '-', '+', '*', '/', '%', '.', '!', 'field=', '"a b"', "'q'",
  'ctime(', 'eval(', 'CASE(', 'TERM(', '<<FIELD>>', '\n', '$x$', 'max_match=', 'limit=', 'mode=sed', '{}', '@', 'é',
];

const splish = fc
  .array(fc.tuple(fc.constantFrom(...FRAGMENTS), fc.constantFrom('', ' ')), { maxLength: 25 })
  .map((parts) => parts.map(([fragment, gap]) => fragment + gap).join(''));

const inputs = fc.oneof(fc.string({ maxLength: 40 }), fc.fullUnicodeString({ maxLength: 20 }), splish, splish);

/** Run `parse`; it must return, or throw an SplError whose span lies inside `text`. Returns the time taken. */
function checkOne(text: string, parse: (t: string) => unknown): number {
  const started = performance.now();
  try {
    parse(text);
  } catch (e) {
    if (!(e instanceof SplError)) throw new Error(`non-SplError for ${JSON.stringify(text)}: ${String(e)}`);
    const span = e.span;
    expect(span, `${e.code} without a span for ${JSON.stringify(text)}`).toBeDefined();
    const inside = span!.start >= 0 && span!.start <= span!.end && span!.end <= text.length;
    expect(inside, `${e.code} span ${JSON.stringify(span)} outside ${JSON.stringify(text)}`).toBe(true);
    expect(formatError(e, text)).toContain(`error[${e.code}]`);
  }
  return performance.now() - started;
}

describe('parser robustness', () => {
  it('parseQuery: AST or SplError with an in-range span, 10k inputs', () => {
    let slowest = 0;
    fc.assert(fc.property(inputs, (text) => void (slowest = Math.max(slowest, checkOne(text, parseQuery)))), { numRuns: fuzzRuns(2000, 10_000) });
    expect(slowest).toBeLessThan(PER_RUN_CAP_MS);
  });

  it('parseSpl with macros: AST or SplError with an in-range span of the original text, 10k inputs', () => {
    let slowest = 0;
    const parse = (text: string) => {
      try {
        return parseSpl(text, { macros });
      } catch (e) {
        if (e instanceof SplError) expect(e.source).toBe(text);
        throw e;
      }
    };
    fc.assert(fc.property(inputs, (text) => void (slowest = Math.max(slowest, checkOne(text, parse)))), { numRuns: fuzzRuns(2000, 10_000) });
    expect(slowest).toBeLessThan(PER_RUN_CAP_MS);
  });

  it('the SPL-ish inputs reach the parser: some parse, some fail in each error family', () => {
    const outcomes = new Set<string>();
    for (const text of fc.sample(splish, { numRuns: 2000, seed: 7 })) {
      try {
        parseSpl(text, { macros });
        outcomes.add('ok');
      } catch (e) {
        outcomes.add((e as SplError).code);
      }
    }
    const expected = ['ok', 'unexpected-token', 'unbalanced-quote', 'unbalanced-bracket', 'unknown-macro', 'macro-arity', 'macro-cycle'];
    expect(expected.filter((code) => !outcomes.has(code))).toEqual([]);
  });
});
