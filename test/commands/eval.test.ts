// eval command: documented examples, order of assignments, dynamic names, _time/_raw, Boolean rejection, null on type mismatch.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Event } from '../../src/runtime/event.js';
import { compileError, runEvents, runQuery } from '../helpers/run.js';

describe('eval: documented examples', () => {
  it('computes velocity=distance/time', () => {
    expect(runQuery('* | eval velocity=distance/time', [{ distance: 100, time: 4 }])).toEqual([{ distance: 100, time: 4, velocity: 25 }]);
  });

  it('case() maps status codes and gives no value when nothing matches', () => {
    const query = '* | eval error_msg=case(error==404, "Not found", error==500, "Internal Server Error", error==200, "OK")';
    const out = runQuery(query, [{ error: 404 }, { error: '500' }, { error: 302 }]);
    expect(out.map((r) => r.error_msg)).toEqual(['Not found', 'Internal Server Error', undefined]);
  });

  it('concatenates with the period operator', () => {
    expect(runQuery('* | eval full_name=first_name." ".last_name', [{ first_name: 'Ada', last_name: 'Lovelace' }])[0]!.full_name).toBe('Ada Lovelace');
  });

  it('{aName}=aValue names the new field by a field value', () => {
    const [out] = runQuery('| makeresults | eval aName="username", aValue="bob" | eval {aName}=aValue', []);
    expect(out).toMatchObject({ username: 'bob' });
  });
});

describe('eval: assignment rules', () => {
  it('later assignments see earlier ones and overwrite existing fields', () => {
    expect(runQuery('* | eval a=1, b=a+1, a=b*10', [{ a: 'old' }])).toEqual([{ a: 20, b: 2 }]);
  });

  it('a dynamic name whose field is missing skips the assignment', () => {
    expect(runQuery('* | eval {missing}=1', [{ x: 1 }])).toEqual([{ x: 1 }]);
  });

  it('a null result removes the field', () => {
    expect(runQuery('* | eval x=null()', [{ x: 5, y: 1 }])).toEqual([{ y: 1 }]);
  });

  it('can assign _time and _raw', () => {
    const [out] = runEvents('* | eval _time=_time+60, _raw="rewritten ".x', [Event.fromObject({ _time: 100, x: 'a' }, 'original')]);
    expect(out!.get('_time')).toBe(160);
    expect(out!.get('_raw')).toBe('rewritten a');
  });

  it('rejects a Boolean result at compile time, pointing at the expression', () => {
    const query = '* | eval flag=x > 1';
    const err = compileError(query);
    expect(err.code).toBe('bad-argument');
    expect(query.slice(err.span!.start, err.span!.end)).toBe('x > 1');
  });

  it('unknown functions are compile errors', () => {
    expect(compileError('* | eval x=nosuchfn(1)').code).toBe('unknown-function');
  });
});

describe('eval: runtime type mismatches give null, never exceptions', () => {
  const scalar = fc.oneof(fc.string({ maxLength: 6 }), fc.double(), fc.integer(), fc.boolean());
  const value = fc.oneof(scalar, fc.array(scalar, { minLength: 2, maxLength: 3 }));
  const expressions = ['a+b', 'a-b', 'a*b', 'a/b', 'a%b', 'a.b', 'if(a>b, a, b)', 'round(a, 2)', 'len(a)', 'mvcount(a)', 'tonumber(a)', 'substr(a, 2)'];

  it('evaluates arbitrary field values without throwing', () => {
    const query = `* | eval ${expressions.map((e, i) => `r${i}=${e}`).join(', ')}`;
    fc.assert(
      fc.property(value, value, (a, b) => {
        const [out] = runQuery(query, [{ a, b }]);
        expect(out).toBeDefined();
      }),
    );
  });

  it('arithmetic on text is null: the field is not set', () => {
    expect(runQuery('* | eval r=a+1, s=a*2', [{ a: 'abc' }])).toEqual([{ a: 'abc' }]);
  });
});
