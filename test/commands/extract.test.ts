// extract/kv: key-value pairs from _raw, with given delimiters or Splunk's automatic key=value form.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

describe('extract / kv', () => {
  // Splunk Search Reference "extract": `extract pairdelim="|;", kvdelim="=:"` splits pairs at any of the pair
  // delimiters and key from value at the key-value delimiter (help.splunk.com/.../spl-search-reference/9.4/search-commands/extract).
  it('pairdelim/kvdelim (the corpus: pairdelim=";" kvdelim=":")', () => {
    const out = runQuery('search * | extract pairdelim=";" kvdelim=":"', [{ _raw: 'Sender: a@b.c; Subject: hello world;Count:3' }]);
    expect(out[0]).toMatchObject({ Sender: 'a@b.c', Subject: 'hello world', Count: '3' });
  });

  it('several delimiter characters, key cleaning, existing fields kept', () => {
    const out = runQuery('search * | kv pairdelim="|;" kvdelim="=:"', [{ _raw: 'user name=ann|role:admin;host=h1', host: 'orig' }]);
    expect(out[0]).toMatchObject({ user_name: 'ann', role: 'admin', host: 'orig' });
  });

  it('without delimiters: key=value and key="quoted value" pairs', () => {
    const out = runQuery('search * | kv', [{ _raw: 'user=bob action="log in" code=42' }]);
    expect(out[0]).toMatchObject({ user: 'bob', action: 'log in', code: '42' });
  });

  it('limit caps the pairs per event', () => {
    const out = runQuery('search * | extract limit=1', [{ _raw: 'a=1 b=2' }]);
    expect(out[0]).toEqual({ _raw: 'a=1 b=2', a: '1' });
  });

  it('errors: one delimiter without the other; unknown option', () => {
    expect(compileError('search * | extract pairdelim=";"').code).toBe('bad-argument');
    expect(compileError('search * | extract foo=1').code).toBe('bad-option');
  });
});
