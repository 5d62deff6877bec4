// lookup: exact/WILDCARD/CIDR matching, AS, OUTPUT/OUTPUTNEW, multivalues, match limits, and the table-from-events law.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'csv-stringify/sync';
import { libraryOver, run, tempFolder } from './helpers.js';

const csv = (rows: string[][]) => stringify(rows);

describe('lookup', () => {
  // The SPL2 lookup doc's `products` table and its events' multivalue productID field
  // (https://help.splunk.com/en/splunk-enterprise/search/spl2-search-reference/lookup-command).
  const products = tempFolder({
    'products.csv': 'product_id,product_name,price\nDB-SG-G01,Mediocre Kingdoms,24.99\nDC-SG-G02,Dream Crusher,39.99\nFS-SG-G03,Final Sequel,24.99\nWC-SH-G04,World of Cheese,24.99\n',
  });
  const lib = libraryOver(products);

  it('enriches events from the table, each value of a multivalue field looked up (SPL2 lookup doc, products)', () => {
    const events = [{ ipaddress: '107.3.146.207', productID: ['DB-SG-G01', 'FS-SG-G03', 'WC-SH-G04'] }, { ipaddress: '128.241.220.82', productID: ['DB-SG-G01', 'DC-SG-G02'] }];
    const out = run('search * | lookup products.csv product_id AS productID OUTPUT product_name', lib, events);
    expect(out.map((r) => r.product_name)).toEqual([['Mediocre Kingdoms', 'Final Sequel', 'World of Cheese'], ['Mediocre Kingdoms', 'Dream Crusher']]);
  });

  it('without OUTPUT writes every non-key column (lookup doc 9.4 syntax: `lookup <table> <field> AS <event-field>`)', () => {
    const out = run('search * | lookup products product_id AS productID', lib, [{ productID: 'DC-SG-G02' }]);
    expect(out).toEqual([{ productID: 'DC-SG-G02', product_name: 'Dream Crusher', price: '39.99' }]);
  });

  it('OUTPUT overwrites, and clears a field when nothing matches; OUTPUTNEW fills only missing fields', () => {
    const events = [{ productID: 'DB-SG-G01', product_name: 'old' }, { productID: 'nope', product_name: 'old' }, { productID: 'DB-SG-G01' }];
    expect(run('search * | lookup products product_id AS productID OUTPUT product_name', lib, events).map((r) => r.product_name)).toEqual(['Mediocre Kingdoms', undefined, 'Mediocre Kingdoms']);
    expect(run('search * | lookup products product_id AS productID OUTPUTNEW product_name', lib, events).map((r) => r.product_name)).toEqual(['old', 'old', 'Mediocre Kingdoms']);
  });

  it('OUTPUT ... AS renames the written field; an event without the match field is left alone', () => {
    const out = run('search * | lookup products product_id AS productID OUTPUT product_name AS name, price AS cost', lib, [{ productID: 'FS-SG-G03' }, { other: 1, name: 'kept' }]);
    expect(out).toEqual([{ productID: 'FS-SG-G03', name: 'Final Sequel', cost: '24.99' }, { other: 1, name: 'kept' }]);
  });

  it('OUTPUTNEW appends only missing fields (SPL2 lookup examples, example 1: `lookup users uid OUTPUTNEW username, department`)', () => {
    // https://help.splunk.com/en/splunk-enterprise/search/spl2-search-reference/lookup-command/lookup-command-examples
    const users = libraryOver(tempFolder({
      'users.csv': 'uid,username,department\n1066,Claudia Garcia,Engineering\n1690,Rutherford Sullivan,Engineering\n1815,Vanya Patel,IT\n1862,Wei Zhang,Engineering\n1916,Alex Martin,Personnel\n',
    }));
    const events = [
      { host: 'mailsv2', action: 'Failed password', department: 'Engineering', uid: 1066 },
      { host: 'mailsv1', action: 'Failed password', department: 'IT', uid: 1815 },
      { host: 'mailsv3', action: 'Session closed', uid: 1916 },
      { host: 'mailsv3', action: 'Failed password' },
      { host: 'mailsv1', action: 'Session closed', department: 'Engineering', uid: 1690 },
    ];
    const out = run('search * | lookup users.csv uid OUTPUTNEW username, department', users, events);
    expect(out.map((r) => [r.username, r.department])).toEqual([
      ['Claudia Garcia', 'Engineering'], ['Vanya Patel', 'IT'], ['Alex Martin', 'Personnel'], [undefined, undefined], ['Rutherford Sullivan', 'Engineering'],
    ]);
  });

  it('inputlookup reads the table, with WHERE, start= and max= (inputlookup doc 9.2 syntax)', () => {
    // https://help.splunk.com/splunk-enterprise/spl-search-reference/9.2/search-commands/inputlookup
    expect(run('| inputlookup products.csv where price=24.99', lib).map((r) => r.product_id)).toEqual(['DB-SG-G01', 'FS-SG-G03', 'WC-SH-G04']);
    expect(run('| inputlookup start=1 max=2 products', lib).map((r) => r.product_id)).toEqual(['DC-SG-G02', 'FS-SG-G03']);
    expect(run('search * | inputlookup append=true products | stats count', lib, [{ a: 1 }, { a: 2 }])).toEqual([{ count: 6 }]);
  });

  it('exact matching is case-sensitive by default, not with case_sensitive_match=false', () => {
    const dir = tempFolder({
      'a.csv': 'k,v\nAbc,1\n',
      'sens.yml': 'name: sens\nfilename: a.csv\n',
      'insens.yml': "name: insens\nfilename: a.csv\ncase_sensitive_match: 'false'\n",
    });
    const l = libraryOver(dir);
    expect(run('search * | lookup sens k OUTPUT v', l, [{ k: 'abc' }, { k: 'Abc' }]).map((r) => r.v)).toEqual([undefined, '1']);
    expect(run('search * | lookup insens k OUTPUT v', l, [{ k: 'abc' }, { k: 'ABC' }]).map((r) => r.v)).toEqual(['1', '1']);
  });

  it('numbers match their text form', () => {
    const l = libraryOver(tempFolder({ 'codes.csv': 'EventCode,Description\n4624,logon\n' }));
    expect(run('search * | lookup codes.csv EventCode OUTPUT Description', l, [{ EventCode: 4624 }])[0]!.Description).toBe('logon');
  });

  it('several matching rows give a multivalue in file order, cut at max_matches; min_matches pads with default_match', () => {
    const dir = tempFolder({
      't.csv': 'k,v\na,1\nb,2\na,3\na,4\n',
      'all.yml': 'name: all\nfilename: t.csv\n',
      'two.yml': 'name: two\nfilename: t.csv\nmax_matches: 2\n',
      'dflt.yml': "name: dflt\nfilename: t.csv\nmin_matches: 1\ndefault_match: 'unknown'\n",
    });
    const l = libraryOver(dir);
    expect(run('search * | lookup all k OUTPUT v', l, [{ k: 'a' }])[0]!.v).toEqual(['1', '3', '4']);
    expect(run('search * | lookup two k OUTPUT v', l, [{ k: 'a' }])[0]!.v).toEqual(['1', '3']);
    expect(run('search * | lookup dflt k OUTPUT v', l, [{ k: 'zz' }, { k: 'b' }]).map((r) => r.v)).toEqual(['unknown', '2']);
  });

  it('WILDCARD fields match table patterns with *, case-insensitively when asked (ESCU 3cx_ioc_domains style)', () => {
    const dir = tempFolder({
      'p.csv': 'process,desc\n*\\psexec.exe,psexec\ncmd.exe,cmd\n*mimikatz*,mimi\nC:\\Tools\\*,tools\n',
      'procs.yml': "name: procs\nfilename: p.csv\nmatch_type: WILDCARD(process)\ncase_sensitive_match: 'false'\nmin_matches: 1\ndefault_match: 'false'\n",
    });
    const l = libraryOver(dir);
    const events = ['C:\\Windows\\PSEXEC.exe', 'cmd.exe', 'x\\cmd.exe', 'a-MimiKatz-b', 'c:\\tools\\mimikatz.exe', 'notepad.exe'].map((process) => ({ process }));
    expect(run('search * | lookup procs process OUTPUT desc', l, events).map((r) => r.desc)).toEqual(['psexec', 'cmd', 'false', 'mimi', ['mimi', 'tools'], 'false']);
  });

  it('CIDR fields match addresses inside the table subnets (lookup doc: IPv4 and IPv6 CIDR)', () => {
    const dir = tempFolder({
      'nets.csv': 'subnet,zone\n10.0.0.0/8,internal\n10.1.0.0/16,lab\n192.168.1.7,printer\n2001:db8::/32,doc6\n',
      'nets.yml': 'name: nets\nfilename: nets.csv\nmatch_type: CIDR(subnet)\n',
    });
    const l = libraryOver(dir);
    const events = ['10.9.9.9', '10.1.2.3', '192.168.1.7', '192.168.1.8', '2001:db8::1', 'not-an-ip'].map((ip) => ({ ip }));
    expect(run('search * | lookup nets subnet AS ip OUTPUT zone', l, events).map((r) => r.zone)).toEqual(['internal', ['internal', 'lab'], 'printer', undefined, 'doc6', undefined]);
  });

  it('several match fields must all match (ESCU hijacklibs_loaded: library AS file_name excludes AS file_path)', () => {
    const dir = tempFolder({
      'h.csv': 'library,excludes,islibrary\nversion.dll,c:\\windows\\system32\\*,FALSE\nversion.dll,*,TRUE\n',
      'h.yml': "name: h\nfilename: h.csv\nmatch_type: WILDCARD(library),WILDCARD(excludes)\ncase_sensitive_match: 'false'\nmax_matches: 1\n",
    });
    const l = libraryOver(dir);
    const out = run('search * | lookup h library AS file_name excludes AS file_path OUTPUT islibrary', l, [
      { file_name: 'version.dll', file_path: 'C:\\Windows\\System32\\version.dll' },
      { file_name: 'version.dll', file_path: 'C:\\Users\\x\\version.dll' },
    ]);
    expect(out.map((r) => r.islibrary)).toEqual(['FALSE', 'TRUE']);
  });

  it('law: a table built from the events\' own values finds every event (exact, and WILDCARD patterns cut from them)', () => {
    const value = fc.stringMatching(/^[A-Za-z0-9 ._\\-]{1,12}$/);
    const entry = fc.tuple(value, fc.nat(), fc.nat());
    fc.assert(
      fc.property(fc.uniqueArray(entry, { minLength: 1, maxLength: 30, selector: (e) => e[0] }), fc.boolean(), (entries, wildcard) => {
        // WILDCARD: each row's pattern is its event's value with a slice replaced by `*`
        const cell = ([v, a, b]: [string, number, number]) => (wildcard ? `${v.slice(0, a % (v.length + 1))}*${v.slice(Math.max(a % (v.length + 1), v.length - (b % (v.length + 1))))}` : v);
        const rows = entries.map((e, i) => [cell(e), `row${i}`]);
        const dir = tempFolder({ 't.csv': csv([['key', 'tag'], ...rows]), 't.yml': `name: t\nfilename: t.csv\n${wildcard ? 'match_type: WILDCARD(key)\n' : ''}` });
        const out = run('search * | lookup t key OUTPUT tag', libraryOver(dir), entries.map(([key]) => ({ key })));
        // every event is found; with exact matching it finds exactly its own row
        return out.length === entries.length && out.every((r, i) => (wildcard ? [r.tag].flat().includes(`row${i}`) : r.tag === `row${i}`));
      }),
      { numRuns: 60 },
    );
  });
});
