// Lookup errors: each a clear SplError with its code; outputlookup writes nowhere but inside --lookup-dir.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorOf, libraryOver, run, tempFolder } from './helpers.js';

describe('lookup errors', () => {
  const dir = tempFolder({
    'good.csv': 'k,v\na,1\n',
    'bad.csv': 'k,v\na,1\nb\n',
    'gone.yml': 'name: gone\nfilename: missing.csv\n',
    'ut_shannon_lookup_not.yml': 'name: other\nfilename: good.csv\n',
  });
  const lib = libraryOver(dir);

  it('an unknown lookup name: unknown-lookup, with a near name or the app that ships it', () => {
    const e = errorOf('search * | lookup goood.csv k', lib);
    expect(e.code).toBe('unknown-lookup');
    expect(e.message).toContain('goood.csv');
    expect(e.span).toEqual({ start: 18, end: 27 });
    expect(e.hints.join(' ')).toContain('good.csv');
    expect(errorOf('search * | lookup ut_shannon_lookup word', lib).hints.join(' ')).toMatch(/URL Toolbox.*--lookup ut_shannon_lookup=/);
  });

  it('a definition whose CSV is missing: lookup-load, naming the file', () => {
    const e = errorOf('search * | lookup gone k', lib);
    expect(e.code).toBe('lookup-load');
    expect(e.message).toMatch(/missing\.csv.*does not exist/);
  });

  it('a malformed CSV row: malformed-lookup with file:line', () => {
    const e = errorOf('search * | lookup bad.csv k', lib);
    expect(e.code).toBe('malformed-lookup');
    expect(e.message).toContain('bad.csv:3');
  });

  it('a field the table lacks: bad-argument at the field', () => {
    const e = errorOf('search * | lookup good.csv k OUTPUT nosuch', lib);
    expect(e.code).toBe('bad-argument');
    expect(e.message).toContain('nosuch');
  });

  it('outputlookup outside the lookups folder: lookup-path, and nothing is written', () => {
    const out = tempFolder();
    const parent = path.dirname(out);
    const withDir = libraryOver(dir, { lookupDir: out });
    for (const name of ['../escape.csv', '/tmp/escape.csv', 'sub/../../escape.csv', '..\\escape.csv']) {
      expect(errorOf(`search * | outputlookup ${JSON.stringify(name)}`, withDir, [{ a: 1 }]).code).toBe('lookup-path');
    }
    expect(fs.existsSync(path.join(parent, 'escape.csv'))).toBe(false);
    expect(errorOf('search * | outputlookup x.csv', lib, [{ a: 1 }]).code).toBe('lookup-path'); // no --lookup-dir at all
  });

  it('outputlookup does not follow a symbolic link out of the lookups folder', () => {
    const out = tempFolder();
    const elsewhere = tempFolder();
    fs.symlinkSync(elsewhere, path.join(out, 'link'));
    expect(errorOf('search * | outputlookup link/x.csv', libraryOver(dir, { lookupDir: out }), [{ a: 1 }]).code).toBe('lookup-path');
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });

  it('outputlookup writes inside --lookup-dir, and the new table is readable by inputlookup and lookup', () => {
    const out = tempFolder();
    const l = libraryOver(dir, { lookupDir: out });
    const events = [{ user: 'a', n: 1 }, { user: 'b', n: [2, 3] }];
    expect(run('search * | outputlookup users', l, events)).toEqual(events);
    expect(fs.readFileSync(path.join(out, 'users.csv'), 'utf8')).toBe('user,n\na,1\nb,"2\n3"\n');
    expect(run('| inputlookup users', l)).toEqual([{ user: 'a', n: '1' }, { user: 'b', n: '2\n3' }]);
    run('search * | outputlookup append=true users', l, [{ user: 'c', extra: 'x' }]);
    expect(run('| inputlookup users where user=c OR n=1', l)).toEqual([{ user: 'a', n: '1' }, { user: 'c', extra: 'x' }]);
    expect(run('| makeresults | eval user="c" | lookup users user OUTPUT extra', l).map((r) => r.extra)).toEqual(['x']);
  });
});
