// replace command: documented examples with wildcards, several pairs, IN lists, and the all-fields form.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

describe('replace', () => {
  it('replaces a whole value in the listed field (documented 127.0.0.1 WITH localhost IN host)', () => {
    expect(runQuery('* | replace 127.0.0.1 WITH localhost IN host', [{ host: '127.0.0.1' }, { host: '127.0.0.10' }])).toEqual([
      { host: 'localhost' },
      { host: '127.0.0.10' },
    ]);
  });

  it('moves wildcard text into the new value ("* localhost" WITH "localhost *")', () => {
    expect(runQuery('* | replace "* localhost" WITH "localhost *" IN host', [{ host: 'foo localhost' }])).toEqual([{ host: 'localhost foo' }]);
  });

  it('applies several pairs and several fields', () => {
    const out = runQuery('* | replace 0 WITH Critical, 1 WITH Error IN msg_level, other', [{ msg_level: 0, other: '1', keep: '1' }]);
    expect(out).toEqual([{ msg_level: 'Critical', other: 'Error', keep: '1' }]);
  });

  it('handles the corpus form with commas inside quoted values', () => {
    const query = '* | replace "%%8448" with "Success removed" , "%%8448, %%8450" with "Success removed, Failure removed" in AuditPolicyChanges';
    const out = runQuery(query, [{ AuditPolicyChanges: '%%8448, %%8450' }, { AuditPolicyChanges: '%%8448' }]);
    expect(out.map((r) => r.AuditPolicyChanges)).toEqual(['Success removed, Failure removed', 'Success removed']);
  });

  it('without IN replaces in every non-internal field, including each multivalue value', () => {
    expect(runQuery('* | replace aug WITH August', [{ a: 'aug', b: ['aug', 'x'], _c: 'aug' }])).toEqual([{ a: 'August', b: ['August', 'x'], _c: 'aug' }]);
  });

  it('matching is case-sensitive and whole-value', () => {
    expect(runQuery('* | replace aug WITH August IN m', [{ m: 'Aug' }, { m: 'augx' }])).toEqual([{ m: 'Aug' }, { m: 'augx' }]);
  });

  it('reports a missing WITH', () => {
    expect(compileError('* | replace a b IN x').message).toContain('WITH');
  });
});
