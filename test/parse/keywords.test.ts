// Non-reserved keywords: by, as, in, output, ... are field names wherever a name is expected; keyword case rules.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, EvalExpr, SearchExpr } from '../../src/ast.js';
import { parseQuery } from '../../src/parse/parse.js';

const only = (text: string): Command => {
  const commands = parseQuery(text).commands;
  expect(commands).toHaveLength(1);
  return commands[0]!;
};
const fieldsOf = (text: string) => {
  const c = only(text);
  if (c.kind !== 'fields' && c.kind !== 'table') throw new Error(`not a field list: ${c.kind}`);
  return c.fields.map((f) => f.name);
};
const statsOf = (text: string) => {
  const c = only(text);
  if (c.kind !== 'stats') throw new Error(`not stats: ${c.kind}`);
  return c;
};
const evalOf = (text: string) => {
  const c = only(text);
  if (c.kind !== 'eval') throw new Error(`not eval: ${c.kind}`);
  return c.assignments;
};
const searchOf = (text: string): SearchExpr => {
  const c = only(text);
  if (c.kind !== 'search' || !c.expr) throw new Error('not a search');
  return c.expr;
};

const KEYWORDS = ['by', 'as', 'over', 'output', 'outputnew', 'in', 'where', 'count', 'and', 'or', 'not', 'xor', 'like'];

/** A keyword in any letter case: `by`, `BY`, `By`, `bY`. */
const keywordInAnyCase = fc
  .tuple(fc.constantFrom(...KEYWORDS), fc.array(fc.boolean(), { minLength: 9, maxLength: 9 }))
  .map(([word, upper]) => [...word].map((ch, i) => (upper[i] ? ch.toUpperCase() : ch)).join(''));

describe('keywords as field names', () => {
  it('the examples from the brief', () => {
    expect(statsOf('| stats count by output').by.map((f) => f.name)).toEqual(['output']);
    expect(evalOf('| eval by=1')[0]!.field.name).toBe('by');
    expect(fieldsOf('| fields over, where')).toEqual(['over', 'where']);
    const rename = only('| rename in AS x');
    expect(rename.kind === 'rename' && rename.pairs.map((p) => [p.from.name, p.to.name])).toEqual([['in', 'x']]);
  });

  it('every keyword, in any case, is a field name in fields, table, stats by, eval targets, rename and AS', () => {
    fc.assert(
      fc.property(keywordInAnyCase, (k) => {
        expect(fieldsOf(`| fields ${k}`)).toEqual([k]);
        expect(fieldsOf(`| fields x, ${k}, y`)).toEqual(['x', k, 'y']);
        expect(fieldsOf(`| table ${k}`)).toEqual([k]);
        expect(statsOf(`| stats count by ${k}`).by.map((f) => f.name)).toEqual([k]);
        expect(statsOf(`| stats count by x, ${k} dedup_splitvals=true`).by.map((f) => f.name)).toEqual(['x', k]);
        expect(statsOf(`| stats max(${k}) AS ${k}`).aggregates[0]).toMatchObject({ arg: { name: k }, as: { name: k } });
        expect(evalOf(`| eval ${k}=1`)[0]!.field.name).toBe(k);
        const rename = only(`| rename ${k} AS ${k}`);
        expect(rename.kind === 'rename' && [rename.pairs[0]!.from.name, rename.pairs[0]!.to.name]).toEqual([k, k]);
      }),
    );
  });

  it('in eval expressions every keyword but NOT is a field reference', () => {
    fc.assert(
      fc.property(keywordInAnyCase.filter((k) => k.toLowerCase() !== 'not'), (k) => {
        const expr: EvalExpr = evalOf(`| eval y=${k}`)[0]!.expr;
        expect(expr).toMatchObject({ kind: 'field', name: k, quoted: false });
      }),
    );
  });

  it('exception: NOT (any case) in an eval expression is the operator, so `eval y=not` is an error', () => {
    expect(() => parseQuery('| eval y=not')).toThrow(/end of the query/);
    expect(evalOf('| eval y=Not x')[0]!.expr).toMatchObject({ kind: 'unary', op: 'NOT', expr: { kind: 'field', name: 'x' } });
    expect(evalOf("| eval y='not'")[0]!.expr).toMatchObject({ kind: 'field', name: 'not', quoted: true });
  });

  it('in search, lower-case keywords are comparable fields; upper-case AND/OR/NOT are operators', () => {
    fc.assert(
      fc.property(fc.constantFrom(...KEYWORDS), (k) => {
        expect(searchOf(`a ${k}=1`)).toMatchObject({ kind: 'and', items: [{ kind: 'term' }, { kind: 'compare', field: k }] });
      }),
    );
    expect(() => parseQuery('a AND=1')).toThrow();
    expect(searchOf('a "AND"=1')).toMatchObject({ items: [{ kind: 'term' }, { kind: 'compare', field: 'AND' }] });
  });
});

describe('keyword case', () => {
  it.each(['by', 'BY', 'By', 'bY'])('stats ... %s is the by-clause', (by) => {
    expect(statsOf(`| stats count ${by} host, user`).by.map((f) => f.name)).toEqual(['host', 'user']);
  });

  it.each(['AS', 'as', 'As'])('%s names an aggregate and a rename target', (as) => {
    expect(statsOf(`| stats avg(duration) ${as} avgdur`).aggregates[0]!.as?.name).toBe('avgdur');
    const rename = only(`| rename a ${as} b`);
    expect(rename.kind === 'rename' && rename.pairs[0]!.to.name).toBe('b');
  });

  it('search booleans are case-sensitive: lower-case or/and/not are plain terms', () => {
    expect(searchOf('a OR b')).toMatchObject({ kind: 'or' });
    expect(searchOf('a or b')).toMatchObject({ kind: 'and', items: [{ value: { text: 'a' } }, { value: { text: 'or' } }, { value: { text: 'b' } }] });
    expect(searchOf('not a')).toMatchObject({ kind: 'and', items: [{ value: { text: 'not' } }, { value: { text: 'a' } }] });
    expect(searchOf('NOT a')).toMatchObject({ kind: 'not' });
  });

  it('IN in search and eval accepts any case', () => {
    expect(searchOf('x in (1, 2)')).toMatchObject({ kind: 'in', field: 'x', values: [{ text: '1' }, { text: '2' }] });
    expect(searchOf('x IN (1)')).toMatchObject({ kind: 'in', field: 'x' });
    expect(evalOf('| eval y=x In (1, 2)')[0]!.expr).toMatchObject({ kind: 'in', negated: false, values: [{ value: 1 }, { value: 2 }] });
    expect(evalOf('| eval y=x NOT IN ("a")')[0]!.expr).toMatchObject({ kind: 'in', negated: true });
  });

  it('a keyword glued to other word characters is an ordinary word', () => {
    expect(statsOf('| stats count by byte, asset, index').by.map((f) => f.name)).toEqual(['byte', 'asset', 'index']);
    expect(searchOf('ANDROID ORACLE NOTE')).toMatchObject({ kind: 'and', items: [{ value: { text: 'ANDROID' } }, { value: { text: 'ORACLE' } }, { value: { text: 'NOTE' } }] });
  });
});
