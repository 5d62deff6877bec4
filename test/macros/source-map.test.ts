// The expansion's source map: offsets in expanded text back to the original query and the macro stack.
import { describe, expect, it } from 'vitest';
import { SplError } from '../../src/errors.js';
import { expandMacros } from '../../src/macros/index.js';
import { libraryOf } from './helpers.js';

const lib = libraryOf({
  'security_content_ctime(field)': 'convert ctime($field$)',
  outer: 'stats count | `security_content_ctime(firstTime)` | tail',
});

describe('Expansion.mapSpan', () => {
  const query = 'head 5 | `outer` | table x';
  const expansion = expandMacros(query, lib);
  const outerCall = { start: 9, end: 16 };

  it('produces the expected text', () => {
    expect(expansion.text).toBe('head 5 | stats count | convert ctime(firstTime) | tail | table x');
  });

  it('maps untouched text exactly, before and after the macro', () => {
    expect(expansion.mapSpan({ start: 0, end: 4 })).toEqual({ span: { start: 0, end: 4 }, macroStack: [] });
    const table = expansion.text.indexOf('table');
    expect(expansion.mapSpan({ start: table, end: table + 5 })).toEqual({
      span: { start: query.indexOf('table'), end: query.indexOf('table') + 5 },
      macroStack: [],
    });
  });

  it('maps an offset in a nested macro to the outer call, with both macros on the stack', () => {
    const at = expansion.text.indexOf('ctime(');
    const mapped = expansion.mapSpan({ start: at, end: at + 5 });
    expect(mapped.span).toEqual(outerCall);
    expect(mapped.macroStack).toEqual([
      { macro: 'outer', callSpan: outerCall },
      { macro: 'security_content_ctime(firstTime)', callSpan: outerCall },
    ]);
  });

  it('maps text of the outer macro itself with just the outer frame', () => {
    const at = expansion.text.indexOf('tail');
    expect(expansion.mapSpan({ start: at, end: at + 4 }).macroStack.map((f) => f.macro)).toEqual(['outer']);
  });

  it('maps a span that starts in plain text and ends in a macro to the end of the call', () => {
    const at = expansion.text.indexOf('stats');
    expect(expansion.mapSpan({ start: 2, end: at + 3 }).span).toEqual({ start: 2, end: outerCall.end });
  });

  it('maps an empty span at the end of the text to the end of the query', () => {
    const end = expansion.text.length;
    expect(expansion.mapSpan({ start: end, end }).span).toEqual({ start: query.length, end: query.length });
  });

  it('mapError rewrites span, source and macro stack', () => {
    const at = expansion.text.indexOf('firstTime');
    const err = expansion.mapError(new SplError('parse-error', 'boom', { start: at, end: at + 9 }));
    expect(err.span).toEqual(outerCall);
    expect(err.source).toBe(query);
    expect(err.macroStack).toHaveLength(2);
  });

  it('maps top-level macros side by side to their own calls', () => {
    const two = expandMacros('`security_content_ctime(a)`|`security_content_ctime(b)`', lib);
    expect(two.text).toBe('convert ctime(a)|convert ctime(b)');
    expect(two.mapSpan({ start: 14, end: 15 }).span).toEqual({ start: 0, end: 27 });
    expect(two.mapSpan({ start: 16, end: 17 }).span).toEqual({ start: 27, end: 28 });
    expect(two.mapSpan({ start: 31, end: 32 })).toMatchObject({
      span: { start: 28, end: 55 },
      macroStack: [{ macro: 'security_content_ctime(b)', callSpan: { start: 28, end: 55 } }],
    });
  });
});
