// multikv: a table in _raw becomes one event per row, named by the header row.
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

const TOP = 'PID USER %CPU COMMAND\n1 root 0.5 init\n42 ann 12.0 node';

describe('multikv', () => {
  // Splunk Search Reference "multikv": extracts field values from table-formatted events such as `top` or `netstat`
  // output; the header row gives the field names and each row becomes a new event
  // (help.splunk.com/.../spl-search-reference/9.4/search-commands/multikv).
  it('one event per table row, fields from the header, other fields copied (copyattrs=true)', () => {
    const out = runQuery('search * | multikv', [{ host: 'h', _raw: TOP }]);
    expect(out).toEqual([
      { host: 'h', _raw: '1 root 0.5 init', PID: '1', USER: 'root', CPU: '0.5', COMMAND: 'init' },
      { host: 'h', _raw: '42 ann 12.0 node', PID: '42', USER: 'ann', CPU: '12.0', COMMAND: 'node' },
    ]);
  });

  it('a quoted CSV header (the corpus\'s GCP storage logs) gives the names the detection renames', () => {
    const raw = '"time_micros","c_ip","sc_status"\n"1","1.2.3.4","200"';
    const out = runQuery('search * | multikv | rename sc_status_ as status | search status="\\"200\\""', [{ _raw: raw }]);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ c_ip_: '"1.2.3.4"', status: '"200"' });
  });

  it('copyattrs=false, fields and filter', () => {
    const out = runQuery('search * | multikv copyattrs=false fields PID COMMAND filter node', [{ host: 'h', _raw: TOP }]);
    expect(out).toEqual([{ _raw: '42 ann 12.0 node', PID: '42', COMMAND: 'node' }]);
  });

  it('conf= is not supported', () => {
    expect(compileError('search * | multikv conf=x').code).toBe('bad-option');
  });
});
