// An empty `()` glued to a word stays in the search term (`*GetCurrent()*`, as ESCU's getcurrent_user_with_powershell
// writes it); parentheses that hold something, or stand apart, keep grouping as before.
import { describe, expect, it } from 'vitest';
import { parseSearchExpression, parseQuery } from '../../src/parse/parse.js';
import { printSearch } from '../../src/parse/print.js';
import { stripSpans } from '../../src/parse/strip-spans.js';

const parsed = (text: string) => stripSpans(parseSearchExpression(text));

describe('glued empty parentheses in search terms', () => {
  it('keeps *GetCurrent()* as one wildcard value, with its span', () => {
    const text = 'Processes.process=*GetCurrent()*';
    const expr = parseSearchExpression(text);
    expect(expr).toMatchObject({ kind: 'compare', field: 'Processes.process', value: { text: '*GetCurrent()*', quoted: false } });
    expect((expr as { value: { span: { start: number; end: number } } }).value.span).toEqual({ start: text.indexOf('*'), end: text.length });
  });

  it('parses the ESCU where clause inside an OR group', () => {
    const q = '(Processes.process=*System.Security.Principal.WindowsIdentity* OR Processes.process=*GetCurrent()*)';
    expect(parsed(q)).toMatchObject({
      kind: 'or',
      items: [{ value: { text: '*System.Security.Principal.WindowsIdentity*' } }, { value: { text: '*GetCurrent()*' } }],
    });
    expect(() => parseQuery(`| tstats count from datamodel=Endpoint.Processes where ${q} by Processes.dest`)).not.toThrow();
  });

  it('glues bare terms, repeated pairs and IN values; prints back to the same text', () => {
    for (const text of ['foo()', 'x=a()()b', 'x IN (a(), b)', 'NOT x=*()*']) {
      expect(printSearch(parseSearchExpression(text))).toBe(text);
    }
    expect(parsed('foo() bar')).toMatchObject({ kind: 'and', items: [{ kind: 'term', value: { text: 'foo()' } }, { kind: 'term', value: { text: 'bar' } }] });
  });

  it('leaves grouping as it was: (a=1), NOT (x), f(x), a=b(c)d', () => {
    expect(parsed('(a=1)')).toMatchObject({ kind: 'compare', field: 'a', value: { text: '1' } });
    expect(parsed('(a=1 OR b=2)')).toMatchObject({ kind: 'or' });
    expect(parsed('NOT (x)')).toMatchObject({ kind: 'not', expr: { kind: 'term', value: { text: 'x' } } });
    expect(parsed('a=f(x)')).toMatchObject({ kind: 'and', items: [{ kind: 'compare', value: { text: 'f' } }, { kind: 'term', value: { text: 'x' } }] });
    expect(parsed('a=b(c)d')).toMatchObject({ kind: 'and', items: [{ value: { text: 'b' } }, { value: { text: 'c' } }, { value: { text: 'd' } }] });
  });

  it('still rejects an empty group that stands apart', () => {
    expect(() => parseSearchExpression('f ()')).toThrow(/unexpected "\)"/);
    expect(() => parseSearchExpression('x=a() ()')).toThrow(/unexpected "\)"/);
  });
});
