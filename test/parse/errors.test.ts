// Error reporting of parse and macro expansion: code, message, and the caret under the right column of the original text.
import { describe, expect, it } from 'vitest';
import { formatError, SplError } from '../../src/errors.js';
import { MacroLibrary } from '../../src/macros/index.js';
import { parseQuery } from '../../src/parse/parse.js';
import { parseSpl } from '../../src/query-text.js';

const macros = new MacroLibrary();
const define = (name: string, args: string[], definition: string) => macros.add({ name, args, definition, iseval: false, origin: 'test' });
define('wmi', [], 'sourcetype="wmi"');
define('wmx', [], 'sourcetype="wmx"');
define('ctime', ['field'], 'convert ctime($field$)');
define('cycle_a', [], 'x `cycle_b`');
define('cycle_b', [], '`cycle_a`');
define('bad_rename', [], 'rename a b');
define('open_quote', [], 'search "never closed');
define('broken_eval', [], 'eval x=(1 +');
define('outer', [], 'search y | `broken_eval`');

function errorOf(text: string, parse: (t: string) => unknown = (t) => parseSpl(t, { macros })): SplError {
  try {
    parse(text);
  } catch (e) {
    if (e instanceof SplError) return e;
    throw e;
  }
  throw new Error(`expected an error for ${text}`);
}

/** The 1-based column of the first caret and the caret count, read from formatError's output. */
function caret(err: SplError, text: string): { column: number; width: number; rendered: string } {
  const rendered = formatError(err, text);
  const lines = rendered.split('\n');
  const queryLine = lines.find((l) => l.startsWith('1 | '))!;
  const caretLine = lines[lines.indexOf(queryLine) + 1]!;
  const gutter = '1 | '.length;
  const carets = caretLine.slice(gutter);
  return { column: carets.indexOf('^') + 1, width: carets.trim().length, rendered };
}

/** 1-based column of `needle` in `text`. */
const columnOf = (text: string, needle: string) => text.indexOf(needle) + 1;

describe('macro errors', () => {
  it('unknown macro: names it, hints the closest known names, caret under the call', () => {
    const text = 'index=main `wmj` x';
    const err = errorOf(text);
    expect(err.code).toBe('unknown-macro');
    expect(err.message).toBe("unknown macro 'wmj': no macro with that name is defined");
    expect(err.hints).toEqual(['did you mean `wmi`?', 'did you mean `wmx`?']);
    expect(caret(err, text)).toMatchObject({ column: columnOf(text, '`wmj`'), width: 5 });
    expect(caret(err, text).rendered).toContain('hint: did you mean `wmi`?');
  });

  it('wrong arity: says how many arguments were given and which forms exist', () => {
    const text = 'x | `ctime(a, b)`';
    const err = errorOf(text);
    expect(err.code).toBe('macro-arity');
    expect(err.message).toBe("macro 'ctime' called with 2 arguments, but it is defined with 1");
    expect(err.hints).toEqual(['defined form: `ctime(1)`']);
    expect(caret(err, text)).toMatchObject({ column: 5, width: '`ctime(a, b)`'.length });
  });

  it('cycle: shows the chain, caret under the outermost call', () => {
    const text = 'index=x `cycle_a`';
    const err = errorOf(text);
    expect(err.code).toBe('macro-cycle');
    expect(err.message).toBe('macro expansion loops: cycle_a -> cycle_b -> cycle_a');
    expect(caret(err, text)).toMatchObject({ column: 9, width: 9 });
  });

  it('unterminated macro call: lex error from the backtick to the end', () => {
    const text = 'a `wmi';
    const err = errorOf(text);
    expect(err.code).toBe('lex-error');
    expect(err.message).toBe('unterminated macro call: no closing backtick');
    expect(caret(err, text)).toMatchObject({ column: 3, width: 4 });
  });

  it('a macro call left in text given straight to parseQuery is reported, not parsed as a term', () => {
    const text = 'a `wmi` b';
    const err = errorOf(text, parseQuery);
    expect(err.code).toBe('unknown-macro');
    expect(err.message).toBe('macro `wmi` was not expanded (pass its definition with -m)');
    expect(caret(err, text)).toMatchObject({ column: 3, width: 5 });
  });
});

describe('lexical and bracket errors', () => {
  it('unbalanced quote: caret under the opening quote', () => {
    const text = 'search x="abc | table x';
    const err = errorOf(text);
    expect(err.code).toBe('unbalanced-quote');
    expect(err.message).toBe('unbalanced quotes: this string is never closed');
    expect(caret(err, text)).toMatchObject({ column: columnOf(text, '"'), width: 1 });
  });

  it.each([
    ['search [search x', 'unbalanced [: it is never closed', '['],
    ['search x] y', 'unbalanced ]: nothing opened it', ']'],
    ['| eval x=(1 + 2', 'unbalanced (: it is never closed', '('],
    ['| eval x=1 + 2)', 'unbalanced ): nothing opened it', ')'],
    ['| eval x=(1]', 'unbalanced (: it is closed by ]', '('],
  ])('%s', (text, message, at) => {
    const err = errorOf(text);
    expect(err.code).toBe('unbalanced-bracket');
    expect(err.message).toBe(message);
    expect(caret(err, text)).toMatchObject({ column: columnOf(text, at), width: 1 });
  });

  it('brackets inside quoted strings do not count', () => {
    expect(() => parseSpl('search x="[(" | eval y=")]"')).not.toThrow();
  });
});

describe('unexpected tokens', () => {
  it('names what was expected, where, and what was found', () => {
    const text = '| rename a b';
    const err = errorOf(text);
    expect(err.code).toBe('unexpected-token');
    expect(err.message).toBe('expected "AS" in a rename pair (old AS new) but found "b"');
    expect(caret(err, text)).toMatchObject({ column: 12, width: 1 });
  });

  it('at the end of the query the caret sits just past the last character', () => {
    const text = '| eval x=1 +';
    const err = errorOf(text);
    expect(err.message).toBe('unexpected end of the query in an eval expression');
    expect(err.span).toEqual({ start: text.length, end: text.length });
    expect(caret(err, text).column).toBe(text.length + 1);
  });

  it('a token after a complete command', () => {
    const text = '| eval x=1 y';
    const err = errorOf(text);
    expect(err.message).toBe('unexpected "y": the command cannot continue here');
    expect(caret(err, text).column).toBe(12);
  });
});

describe('errors inside expanded macros', () => {
  it('a parse error in macro text points at the call and names the macro', () => {
    const text = 'a | `bad_rename` | table x';
    const err = errorOf(text);
    expect(err.code).toBe('unexpected-token');
    expect(err.message).toBe('expected "AS" in a rename pair (old AS new) but found "b"');
    expect(err.macroStack.map((f) => f.macro)).toEqual(['bad_rename']);
    const shown = caret(err, text);
    expect(shown).toMatchObject({ column: 5, width: '`bad_rename`'.length });
    expect(shown.rendered).toContain('in expansion of macro `bad_rename`');
  });

  it('an unbalanced quote in macro text is reported at the call', () => {
    const text = 'x | `open_quote`';
    const err = errorOf(text);
    expect(err.code).toBe('unbalanced-quote');
    expect(err.macroStack.map((f) => f.macro)).toEqual(['open_quote']);
    expect(caret(err, text)).toMatchObject({ column: 5, width: 12 });
  });

  it('nested macros: the stack lists every macro, outermost first, caret under the outermost call', () => {
    const text = 'x | `outer`';
    const err = errorOf(text);
    expect(err.code).toBe('unbalanced-bracket');
    expect(err.macroStack.map((f) => f.macro)).toEqual(['outer', 'broken_eval']);
    const shown = caret(err, text);
    expect(shown).toMatchObject({ column: 5, width: 7 });
    expect(shown.rendered).toMatch(/in expansion of macro `outer`\n {2}in expansion of macro `broken_eval`/);
  });
});
