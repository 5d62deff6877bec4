// Expansion errors: code, message, hints and the exact span of the offending call in the original query.
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { expandMacros, type MacroLibrary } from '../../src/macros/index.js';
import { libraryOf } from './helpers.js';

function expansionError(query: string, lib: MacroLibrary, opts = {}): SplError {
  try {
    expandMacros(query, lib, opts);
  } catch (e) {
    expect(e).toBeInstanceOf(SplError);
    return e as SplError;
  }
  throw new Error(`expected expansion of ${query} to fail`);
}

describe('expansion errors', () => {
  const lib = libraryOf({
    security_content_ctime: 'x',
    'security_content_ctime(field)': 'y',
    'pair(a,b)': '$a$$b$',
    wmi: 'sourcetype=wmi',
    outer: 'search `broken`',
  });

  it('unknown macro: names it, hints the closest names, spans the backtick call', () => {
    const err = expansionError('search x | `wmj` | y', lib);
    expect(err.code).toBe('unknown-macro');
    expect(err.message).toContain("'wmj'");
    expect(err.hints).toEqual(['did you mean `wmi`?']);
    expect(err.span).toEqual({ start: 11, end: 16 });
    expect(err.source).toBe('search x | `wmj` | y');
    expect(err.macroStack).toEqual([]);
  });

  it('unknown macro hints list at most 3 names', () => {
    const many = libraryOf({ abc1: '1', abc2: '2', abc3: '3', abc4: '4' });
    expect(expansionError('`abc`', many).hints).toHaveLength(3);
  });

  it('unknown macro inside a macro: spans the outer call and lists the enclosing macro', () => {
    const err = expansionError('a | `outer`', lib);
    expect(err.code).toBe('unknown-macro');
    expect(err.message).toContain("'broken'");
    expect(err.span).toEqual({ start: 4, end: 11 });
    expect(err.macroStack).toEqual([{ macro: 'outer', callSpan: { start: 4, end: 11 } }]);
  });

  it('wrong argument count: says which arities exist', () => {
    const err = expansionError('ab `security_content_ctime(a, b)`', lib);
    expect(err.code).toBe('macro-arity');
    expect(err.message).toBe("macro 'security_content_ctime' called with 2 arguments, but it is defined with 0 or 1");
    expect(err.span).toEqual({ start: 3, end: 33 });
    expect(expansionError('`pair(1)`', lib).message).toContain('defined with 2');
  });

  it('a filter macro with arguments gets no fallback', () => {
    expect(expansionError('`x_filter(1)`', lib).code).toBe('unknown-macro');
    expect(expansionError('`x_filter`', lib, { filterFallback: false }).code).toBe('unknown-macro');
  });

  it('cycle: shows the chain and spans the outermost call', () => {
    const cyclic = libraryOf({ a: '1 `b`', b: '2 `a`' });
    const err = expansionError('xx `a`', cyclic);
    expect(err.code).toBe('macro-cycle');
    expect(err.message).toContain('a -> b -> a');
    expect(err.span).toEqual({ start: 3, end: 6 });
    expect(err.macroStack.map((f) => f.macro)).toEqual(['a', 'b']);
    expect(expansionError('`self(1)`', libraryOf({ 'self(n)': '`self($n$)`' })).message).toContain(
      'self(1) -> self(1)',
    );
  });

  it('depth limit: nesting deeper than maxDepth', () => {
    const chain = libraryOf({ m1: '`m2`', m2: '`m3`', m3: '`m4`', m4: 'end' });
    expect(expandMacros('`m1`', chain, { maxDepth: 4 }).text).toBe('end');
    const err = expansionError('q `m1`', chain, { maxDepth: 3 });
    expect(err.code).toBe('macro-depth');
    expect(err.message).toContain('3 levels');
    expect(err.span).toEqual({ start: 2, end: 6 });
  });

  it('iseval macros are reported as not supported yet', () => {
    const err = expansionError('| `calc`', libraryOf({ calc: '"1+1"' }, ['calc']));
    expect(err.code).toBe('macro-iseval');
    expect(err.message).toContain('not supported yet');
    expect(err.span).toEqual({ start: 2, end: 8 });
  });

  it('unterminated backtick: lex-error from the backtick to the end', () => {
    const err = expansionError('search a | `wmi', lib);
    expect(err.code).toBe('lex-error');
    expect(err.span).toEqual({ start: 11, end: 15 });
  });

  it('unterminated ``` comment, empty call and missing `)` are lex-errors', () => {
    expect(expansionError('a ```b', lib)).toMatchObject({ code: 'lex-error', span: { start: 2, end: 6 } });
    expect(expansionError('a `` b', lib)).toMatchObject({ code: 'lex-error', span: { start: 2, end: 4 } });
    expect(expansionError('a `pair(1,2` b', lib)).toMatchObject({ code: 'lex-error', span: { start: 2, end: 12 } });
  });
});
