// fast-check arbitraries for the leaves of generated ASTs: words, names, numbers, quoted text, options.
import fc from 'fast-check';
import type { CommandOption, FieldName, SearchLiteral, Span } from '../../../src/ast.js';

/** Spans are stripped before comparing, so generated trees carry a dummy one. */
export const SPAN: Span = { start: 0, end: 0 };

/**
 * Letter/digit runs for glued words. None is a keyword (and, or, not, xor, by, as, in, like), a clause keyword
 * or a command name, so a generated word never turns into an operator or a command when it is re-parsed.
 */
const SEGMENTS = ['foo', 'web', 'x1', 'Binding', 'svchost', '0', '42', '3.14', '1e5', '_raw', 'a_b', 'Zürich', 'v2'];
/** Characters that glue segments into one word; `'` only ever follows a segment (never starts a token). */
const JOINERS = ['.', '-', '*', '/', ':', '@', '%', '+', '!', '\\', '"', '|', '#', '$', '&', '~', '{}', "'", '?', '^'];
const LEADERS = ['', '', '', '*', '-', '+', '.', '/', '%'];

const segment = fc.constantFrom(...SEGMENTS);

/** The text of an unquoted search word (after unescaping): `web-01`, `*.exe`, `a"b`, `x\|y`. */
export const wordText = fc
  .tuple(fc.constantFrom(...LEADERS), segment, fc.array(fc.tuple(fc.constantFrom(...JOINERS), segment), { maxLength: 3 }),
    fc.constantFrom('', '', '*', '.', '\\', '!'))
  .map(([lead, first, rest, tail]) => lead + first + rest.map(([j, s]) => j + s).join('') + tail)
  // After a decimal number (`3.14`) a `'` would start a 'quoted name' instead of continuing the word.
  .filter((text) => !/\.[\de]+'/i.test(text));

/** Any text for quoted strings (phrases, patterns, quoted names): quotes, backslashes, pipes, newlines, unicode. */
export const quotedText = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', ' ', 'a b', 'x"y', 'back\\', '\\"', '\\\\', 'a|b', '\\|', 'line\nbreak', '`m`', "it's", '[x]', '(a', 'AND', 'NOT', 'search', 'eval', 'é'),
);

/** 'Single-quoted' text outside eval is kept verbatim, quotes included, as an unquoted word. */
const singleQuoted = fc.constantFrom("'single quoted'", "'x'", "'a\"b|c'", "'it\\'s'", "''");

/** Unquoted field names as the parser produces them from glued words (maybe with a `(suffix)`). */
export const plainName = fc.constantFrom(
  'host', 'src_ip', 'EventCode', 'Processes.dest', 'a.b.c', '_time', 'user-name', 'x1', '*', 'Processes.*',
  'aceFlags(inheritance)', 'count(x)', 'web*', 'a{}.b', 'Zürich', 'n.0', "it's",
);

/** Unquoted eval field references (word parts glued by `.`, `{}`): never `-`, `*` or `/` inside. */
export const evalFieldName = fc.constantFrom('x', 'host', 'Processes.dest', 'a{}.b', '_time', 'n1', 'Message', 'obj.child.leaf', 'v2.0');

export const fieldName: fc.Arbitrary<FieldName> = fc.oneof(
  plainName.map((name) => ({ name, quoted: false, span: SPAN })),
  quotedText.map((name) => ({ name, quoted: true, span: SPAN })),
);

/** Names with no quoted flag in the AST (search compare/IN fields, generic assignments): any text. */
export const anyName = fc.oneof(plainName, quotedText);

export const searchLiteral: fc.Arbitrary<SearchLiteral> = fc
  .tuple(
    fc.oneof(
      wordText.map((text) => ({ text, quoted: false })),
      singleQuoted.map((text) => ({ text, quoted: false })),
      quotedText.map((text) => ({ text, quoted: true })),
    ),
    fc.constantFrom(undefined, undefined, undefined, 'CASE' as const, 'TERM' as const),
  )
  .map(([lit, modifier]) => (modifier ? { ...lit, modifier, span: SPAN } : { ...lit, span: SPAN }));

/** Number literal text as lexed (`12`, `1.5`, `.5`, `2e3`), maybe negated by a unary minus. */
export const numberText = fc.tuple(
  fc.constantFrom('', '-'),
  fc.constantFrom('0', '7', '42', '1.5', '.5', '2e3', '1E-2', '007', '123456789'),
).map(([sign, digits]) => sign + digits);

const optionName = fc.constantFrom('max_match', 'allnum', 'timeformat', 'keeplast', 'window', 'global', 'delim');

export const commandOption: fc.Arbitrary<CommandOption> = fc.oneof(
  fc.tuple(optionName, wordText).map(([name, value]) => ({ name, value, quoted: false, span: SPAN })),
  fc.tuple(optionName, quotedText).map(([name, value]) => ({ name, value, quoted: true, span: SPAN })),
  fc.tuple(optionName, singleQuoted).map(([name, value]) => ({ name, value, quoted: false, span: SPAN })),
  optionName.map((name) => ({ name, value: '', quoted: false, span: SPAN })),
);

/** Options with distinct names (typed commands look options up by name). */
export const commandOptions = fc.uniqueArray(commandOption, { maxLength: 2, selector: (o) => o.name });
