// spath: documented JSON and XML paths, {} and {N}, extract-all naming, input/output, corpus shapes, errors.
import { describe, expect, it } from 'vitest';
import { Event } from '../../src/runtime/event.js';
import { compileError, runEvents, runQuery } from '../helpers/run.js';

const onRaw = (query: string, raw: string) => runEvents(query, [new Event(undefined, raw)])[0]!.toObject();

const VENDOR = JSON.stringify({
  vendorProductSet: { product: { desc: 'Splunk', name: 'splunk' } },
  ids: [3, 5],
  items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 2 }],
  flag: true,
});

describe('spath: JSON', () => {
  it('extracts one path into a field named by the path, or by output=', () => {
    expect(onRaw('* | spath vendorProductSet.product.desc', VENDOR)['vendorProductSet.product.desc']).toBe('Splunk');
    expect(onRaw('* | spath output=myfield path=vendorProductSet.product.desc', VENDOR).myfield).toBe('Splunk');
  });

  it('{} selects every element (a multivalue); {N} selects one, 0-based', () => {
    expect(onRaw('* | spath output=s path=items{}.sku', VENDOR).s).toEqual(['a', 'b']);
    expect(onRaw('* | spath output=s path=items{1}.sku', VENDOR).s).toBe('b');
    expect(onRaw('* | spath output=i path=ids{}', VENDOR).i).toEqual([3, 5]);
  });

  it('an object or array at the path comes back as JSON text', () => {
    expect(onRaw('* | spath output=p path=vendorProductSet.product', VENDOR).p).toBe('{"desc":"Splunk","name":"splunk"}');
  });

  it('without a path extracts every field with Splunk names', () => {
    const out = onRaw('* | spath', VENDOR);
    expect(out).toMatchObject({
      'vendorProductSet.product.desc': 'Splunk',
      'ids{}': [3, 5],
      'items{}.sku': ['a', 'b'],
      'items{}.qty': [1, 2],
      flag: true,
    });
  });

  it('a top-level array names its fields with a leading {} (corpus `spath input=newvalue`)', () => {
    const newvalue = JSON.stringify([{ RequiredAppPermissions: [{ EntitlementId: 'e1' }, { EntitlementId: 'e2' }] }]);
    const [out] = runQuery('* | spath input=newvalue', [{ newvalue }]);
    expect(out!['{}.RequiredAppPermissions{}.EntitlementId']).toEqual(['e1', 'e2']);
  });

  it('path={} with output= takes the elements of a top-level array', () => {
    const [out] = runQuery('* | spath input=a output=b path={}', [{ a: '[{"x":1},{"x":2}]' }]);
    expect(out!.b).toEqual(['{"x":1}', '{"x":2}']);
  });

  it('chains: extract an array, expand it, extract from each element (corpus findings pattern)', () => {
    const raw = JSON.stringify({ responseElements: { imageScanFindings: { findings: [{ name: 'CVE-1', severity: 'HIGH' }, { name: 'CVE-2', severity: 'LOW' }] } } });
    const out = runEvents('* | spath path=responseElements.imageScanFindings.findings{} output=findings | mvexpand findings | spath input=findings', [
      new Event(undefined, raw),
    ]).map((e) => [e.get('name'), e.get('severity')]);
    expect(out).toEqual([['CVE-1', 'HIGH'], ['CVE-2', 'LOW']]);
  });

  it('invalid JSON, a missing input field and a path that reaches nothing change nothing', () => {
    expect(onRaw('* | spath', '{not json')).toEqual({});
    expect(runQuery('* | spath input=nope', [{ a: 1 }])).toEqual([{ a: 1 }]);
    expect(runQuery('* | spath input=j output=o path=zz', [{ j: '{"a":1}', o: 'kept' }])[0]!.o).toBe('kept');
  });
});

const BOOKS = '<purchases><book><title yearPublished="1997">Harry Potter</title><author>J.K.</author></book><book><title yearPublished="2005">Twilight</title></book></purchases>';

describe('spath: XML', () => {
  it('extracts element text by path, attributes with {@name}, and positions 1-based', () => {
    expect(onRaw('* | spath output=t path=purchases.book.title', BOOKS).t).toEqual(['Harry Potter', 'Twilight']);
    expect(onRaw('* | spath output=y path=purchases.book.title{@yearPublished}', BOOKS).y).toEqual(['1997', '2005']);
    expect(onRaw('* | spath output=t path=purchases.book{2}.title', BOOKS).t).toBe('Twilight');
  });

  it('without a path extracts every element and attribute (corpus `spath input=UserData_Xml`)', () => {
    const xml = '<RuleAndFileData xmlns="urn:x"><PolicyName>EXE</PolicyName><FilePath>%SYSTEM32%\\a.exe</FilePath></RuleAndFileData>';
    const [out] = runQuery('* | spath input=UserData_Xml | rename RuleAndFileData.* as *', [{ UserData_Xml: xml }]);
    expect(out).toMatchObject({ PolicyName: 'EXE', FilePath: '%SYSTEM32%\\a.exe', 'RuleAndFileData{@xmlns}': 'urn:x' });
  });
});

describe('spath: errors', () => {
  it('rejects two paths and unknown options', () => {
    expect(compileError('* | spath path=a b').code).toBe('bad-argument');
    expect(compileError('* | spath inptu=a').code).toBe('bad-option');
  });
});
