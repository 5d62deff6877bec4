// FIELDALIAS semantics (AS vs ASNEW), stanza scoping, lazy application for needed fields, and `--set` constants.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  compileFieldMapping,
  compileStanzaPattern,
  fieldsNeededForMapping,
  type FieldAlias,
  type FieldMappingSpec,
} from '../../src/input/mapping/aliases.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';

function run(spec: FieldMappingSpec, fields: Record<string, FieldValue>, ctx = {}, needed: Set<string> | null = null): Record<string, FieldValue> {
  const ev = Event.fromObject(fields);
  compileFieldMapping(spec, needed)(ev, ctx);
  return ev.toObject();
}

const alias = (src: string, dest: string, extra: Partial<FieldAlias> = {}): FieldAlias => ({ src, dest, ...extra });

describe('AS (Splunk default)', () => {
  const spec = { aliases: [alias('Hostname', 'ComputerName')], sets: [] };
  it('copies SRC to an absent DEST', () => {
    expect(run(spec, { Hostname: 'h1' })).toEqual({ Hostname: 'h1', ComputerName: 'h1' });
  });
  it('replaces an existing DEST', () => {
    expect(run(spec, { Hostname: 'h1', ComputerName: 'old' })['ComputerName']).toBe('h1');
  });
  it('removes DEST when SRC is missing or empty', () => {
    expect(run(spec, { ComputerName: 'old' })).toEqual({});
    expect(run(spec, { Hostname: '', ComputerName: 'old' })).toEqual({ Hostname: '' });
  });
  it('copies multivalues without sharing the array', () => {
    const ev = Event.fromObject({ a: ['x', 'y'] });
    compileFieldMapping({ aliases: [alias('a', 'b')], sets: [] }, null)(ev, {});
    expect(ev.get('b')).toEqual(['x', 'y']);
    expect(ev.get('b')).not.toBe(ev.get('a'));
  });
});

describe('ASNEW', () => {
  const spec = { aliases: [alias('EventID', 'EventCode', { mode: 'ASNEW' })], sets: [] };
  it('fills an absent DEST and keeps a present one; a missing SRC keeps DEST', () => {
    expect(run(spec, { EventID: 1 })['EventCode']).toBe(1);
    expect(run(spec, { EventID: 1, EventCode: 7 })['EventCode']).toBe(7);
    expect(run(spec, { EventCode: 7 })['EventCode']).toBe(7);
  });
  it('never changes a DEST that has a value, and otherwise equals SRC (law)', () => {
    const value = fc.oneof(fc.string({ minLength: 1 }), fc.integer());
    fc.assert(fc.property(fc.option(value, { nil: undefined }), fc.option(value, { nil: undefined }), (src, dest) => {
      const out = run(spec, { ...(src !== undefined && { EventID: src }), ...(dest !== undefined && { EventCode: dest }) });
      expect(out['EventCode']).toBe(dest ?? src);
    }));
  });
});

describe('stanza scoping', () => {
  const spec: FieldMappingSpec = {
    aliases: [
      alias('a', 'st_only', { sourcetype: 'WinEventLog:Security' }),
      alias('a', 'src_only', { sourceGlob: '.../logs/*.json' }),
      alias('a', 'everywhere'),
    ],
    sets: [],
  };
  it('applies [<sourcetype>] aliases to that exact sourcetype, from the event or the context', () => {
    expect(run(spec, { a: 1, sourcetype: 'WinEventLog:Security' })).toHaveProperty('st_only', 1);
    expect(run(spec, { a: 1 }, { sourcetype: 'WinEventLog:Security' })).toHaveProperty('st_only', 1);
    expect(run(spec, { a: 1 }, { sourcetype: 'wineventlog:security' })).not.toHaveProperty('st_only');
  });
  it('applies [source::] aliases when the whole source matches; * does not cross /', () => {
    expect(run(spec, { a: 1 }, { source: '/data/x/logs/a.json' })).toHaveProperty('src_only', 1);
    expect(run(spec, { a: 1 }, { source: '/data/logs/sub/a.json' })).not.toHaveProperty('src_only');
    expect(run(spec, { a: 1 }, { source: '/data/logs/a.json.gz' })).not.toHaveProperty('src_only');
  });
  it('lets a source stanza override a sourcetype stanza for the same FIELDALIAS class', () => {
    const classed: FieldMappingSpec = {
      aliases: [
        alias('x', 'user', { sourcetype: 'st', className: 'user' }),
        alias('y', 'user', { sourceGlob: '*.log', className: 'user' }),
      ],
      sets: [],
    };
    expect(run(classed, { x: 'X', y: 'Y' }, { sourcetype: 'st', source: 'a.log' })['user']).toBe('Y');
    expect(run(classed, { x: 'X', y: 'Y' }, { sourcetype: 'st', source: 'a.txt' })['user']).toBe('X');
  });
});

describe('compileStanzaPattern', () => {
  it('translates ..., * and . and keeps PCRE alternation', () => {
    const re = compileStanzaPattern('....(?<!tar.)(gz|bz2)');
    expect(re.test('/var/log/a.gz')).toBe(true);
    expect(re.test('/var/log/a.tar.gz')).toBe(false);
    expect(re.test('/var/log/agz')).toBe(false);
    expect(compileStanzaPattern('c:\\\\logs\\\\*.txt').test('c:\\logs\\a.txt')).toBe(true);
  });
  it('rejects an invalid pattern with input-error', () => {
    expect(() => compileStanzaPattern('(unclosed')).toThrow(expect.objectContaining({ code: 'input-error' }));
  });
});

describe('needed fields and --set', () => {
  const spec: FieldMappingSpec = {
    aliases: [alias('Hostname', 'ComputerName'), alias('ComputerName', 'dest'), alias('EventID', 'EventCode'), alias('ch', 'sourcetype')],
    sets: [{ field: 'index', value: 'main' }, { field: 'team', value: 'blue' }, { field: 'unused', value: 'x' }],
  };
  it('applies only aliases producing needed fields (following alias chains) and metadata', () => {
    const out = run(spec, { Hostname: 'h', EventID: 4, ch: 'st' }, {}, new Set(['dest', 'team']));
    expect(out).toEqual({ Hostname: 'h', EventID: 4, ch: 'st', index: 'main', team: 'blue', ComputerName: 'h', dest: 'h', sourcetype: 'st' });
  });
  it('applies everything when needed is null', () => {
    const out = run(spec, { Hostname: 'h', EventID: 4 }, {}, null);
    expect(out).toMatchObject({ EventCode: 4, unused: 'x', dest: 'h' });
  });
  it('lets --set override an event value and scope aliases through a set sourcetype', () => {
    const scoped = { aliases: [alias('a', 'b', { sourcetype: 'mine' })], sets: [{ field: 'sourcetype', value: 'mine' }] };
    expect(run(scoped, { a: 1, sourcetype: 'other' })).toEqual({ a: 1, sourcetype: 'mine', b: 1 });
  });
  it('reports the fields a decoder must materialise', () => {
    expect(fieldsNeededForMapping(spec, new Set(['dest']))).toEqual(
      new Set(['dest', 'ComputerName', 'Hostname', 'sourcetype', 'ch', 'source', 'host', 'index']),
    );
    expect(fieldsNeededForMapping(spec, null)).toBeNull();
  });
});
