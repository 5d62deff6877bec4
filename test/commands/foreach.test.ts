// foreach: documented templates for wildcard fields, MATCHSTR/MATCHSEG, multivalue and json_array modes, errors.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

describe('foreach: multifield mode', () => {
  it('rounds every listed field (documented `foreach * [eval <<FIELD>>=round(<<FIELD>>, 1)]`)', () => {
    const out = runQuery('* | foreach * [eval <<FIELD>>=round(<<FIELD>>, 1)]', [{ a: 1.26, b: 2.04, _time: 5.55 }]);
    expect(out).toEqual([{ a: 1.3, b: 2, _time: 5.55 }]);
  });

  it('<<MATCHSTR>> is the part matched by the wildcard', () => {
    const out = runQuery('* | foreach foo* [eval new_<<MATCHSTR>>=<<FIELD>> + bar<<MATCHSTR>>]', [{ foo1: 1, bar1: 10, foo2: 2, bar2: 20 }]);
    expect(out[0]).toMatchObject({ new_1: 11, new_2: 22 });
  });

  it('<<MATCHSEG1>>/<<MATCHSEG2>> are the parts matched by each wildcard', () => {
    const out = runQuery('* | foreach *_in_* [eval segments="<<MATCHSEG2>>/<<MATCHSEG1>>"]', [{ bytes_in_eu: 5 }]);
    expect(out[0]).toMatchObject({ segments: 'eu/bytes' });
  });

  it("runs the corpus's quoted-field template in field order", () => {
    const query = `* | foreach a* [eval relevant_fields=if(type = "EXECVE", mvappend(relevant_fields, '<<FIELD>>'), relevant_fields)]`;
    const [out] = runQuery(query, [{ type: 'EXECVE', a0: 'ls', a1: '-la', a2: '/tmp' }]);
    expect(out!.relevant_fields).toEqual(['ls', '-la', '/tmp']);
  });

  it('substitutes tokens inside strings too', () => {
    const [out] = runQuery('* | foreach x_* [eval note=note . "<<MATCHSTR>>;"]', [{ note: '', x_a: 1, x_b: 2 }]);
    expect(out!.note).toBe('a;b;');
  });

  it('fieldstr= renames the field token', () => {
    const [out] = runQuery('* | foreach n fieldstr=#F# [eval #F#=#F# * 2]', [{ n: 4 }]);
    expect(out!.n).toBe(8);
  });
});

describe('foreach: multivalue and json_array modes', () => {
  it('sums the values of a multivalue field with <<ITEM>>', () => {
    const [out] = runQuery('| makeresults | eval mv=mvappend("1", "2", "3"), total=0 | foreach mode=multivalue mv [eval total=total + <<ITEM>>]', []);
    expect(out!.total).toBe(6);
  });

  it('<<ITER>> counts iterations from 0', () => {
    const [out] = runQuery('* | eval seen="" | foreach mode=multivalue mv [eval seen=seen . "<<ITER>>:<<ITEM>> "]', [{ mv: ['a', 'b'] }]);
    expect(out!.seen).toBe('0:a 1:b ');
  });

  it('iterates over the elements of a JSON array, each as JSON text', () => {
    const [out] = runQuery('* | eval total=0 | foreach mode=json_array data [eval total=total + <<ITEM>>]', [{ data: '[10, 20, 12]' }]);
    expect(out!.total).toBe(42);
  });
});

describe('foreach: errors', () => {
  it('a template that expands to invalid SPL fails at compile time, pointing at the template', () => {
    const query = '* | foreach "a b" [eval <<FIELD>>=1]';
    const err = compileError(query);
    expect(query.slice(err.span!.start, err.span!.end)).toBe('[eval <<FIELD>>=1]');
    expect(err.message).toContain('for <<FIELD>>=a b:');
    expect(err.hints[0]).toBe('the template expands to: | eval a b=1');
  });

  it('rejects blocking commands inside the template', () => {
    expect(compileError('* | foreach a [eval a=1 | sort a]').message).toContain('sort');
  });

  it('a template that is a plain search stays a search', () => {
    expect(runQuery('* | foreach n [search <<FIELD>>=1]', [{ n: 1 }, { n: 2 }])).toEqual([{ n: 1 }]);
    expect(runQuery('* | foreach n [sort n]', [{ n: 1, _raw: 'sort n' }, { n: 2, _raw: 'x' }])).toEqual([{ n: 1, _raw: 'sort n' }]);
  });

  it('requires a template and a known mode', () => {
    expect(compileError('* | foreach a').code).toBe('bad-argument');
    expect(compileError('* | foreach mode=nope a [eval x=1]').code).toBe('bad-option');
  });
});

describe('foreach: when templates are checked', () => {
  it('a template that is wrong whatever the field (unknown function) fails at compile time', () => {
    const err = compileError('* | foreach x* [eval <<FIELD>>=nosuch(<<FIELD>>)]');
    expect(err.code).toBe('unknown-function');
    expect(err.message).toContain('foreach: the template gives an invalid search: ');
  });

  it('an expansion that only breaks for some field name fails when that field is met, pointing at the template', () => {
    const query = '* | foreach x* [eval <<FIELD>>=1]';
    expect(runQuery(query, [{ x1: 0 }])).toEqual([{ x1: 1 }]);
    expect(() => runQuery(query, [{ 'x 1': 0 }])).toThrow(/for <<FIELD>>=x 1/);
  });
});
