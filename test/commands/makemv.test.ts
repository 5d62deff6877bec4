// makemv and nomv: documented delimiter and tokenizer splits, allowempty, setsv, and joining back with nomv.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

describe('makemv', () => {
  it('splits on a delimiter (documented `makemv delim="," senders`)', () => {
    expect(runQuery('* | makemv delim="," senders', [{ senders: 'a@x.com,b@y.com' }])).toEqual([{ senders: ['a@x.com', 'b@y.com'] }]);
  });

  it('splits on a single space by default (corpus `makemv delim=" " Scope`)', () => {
    expect(runQuery('* | makemv Scope', [{ Scope: 'read write' }])[0]!.Scope).toEqual(['read', 'write']);
  });

  it('takes the first capturing group of each tokenizer match', () => {
    const out = runQuery('* | makemv tokenizer="([A-Z]\\d\\d\\d)" test', [{ test: 'A123 junk B456;C789' }]);
    expect(out[0]!.test).toEqual(['A123', 'B456', 'C789']);
  });

  it('drops empty values unless allowempty=true', () => {
    expect(runQuery('* | makemv delim="," f', [{ f: 'a,,b' }])[0]!.f).toEqual(['a', 'b']);
    expect(runQuery('* | makemv delim="," allowempty=true f', [{ f: 'a,,b' }])[0]!.f).toEqual(['a', '', 'b']);
  });

  it('setsv=true keeps one value holding the split values', () => {
    expect(runQuery('* | makemv delim="," setsv=true f', [{ f: 'a,,b' }])[0]!.f).toBe('a\nb');
  });

  it('leaves results without the field alone and rejects delim with tokenizer', () => {
    expect(runQuery('* | makemv delim="," f', [{ g: 1 }])).toEqual([{ g: 1 }]);
    expect(compileError('* | makemv delim="," tokenizer="(a)" f').code).toBe('bad-argument');
  });
});

describe('nomv', () => {
  it('joins a multivalue with newlines and leaves single values alone', () => {
    expect(runQuery('* | nomv f', [{ f: ['a', 'b', 3] }, { f: 'x' }])).toEqual([{ f: 'a\nb\n3' }, { f: 'x' }]);
  });

  it('needs exactly one field', () => {
    expect(compileError('* | nomv').code).toBe('bad-argument');
  });
});
