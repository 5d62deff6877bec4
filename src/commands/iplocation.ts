// `iplocation [prefix=<string>] [allfields=<bool>] [lang=<string>] <ip-field>`: City, Country, Region, lat, lon
// (allfields adds Continent, MetroCode, Timezone) from the shipped DB-IP City Lite database; see docs/lookups.md.
import type { GenericCommand } from '../ast.js';
import type { CommandDef } from '../engine/types.js';
import { SplError } from '../errors.js';
import { GeoDatabase, type GeoRecord } from '../geo/geo-database.js';
import { scalarToString, valuesOf, type Event } from '../runtime/event.js';
import { parseIPv4, parseIPv6 } from '../search/cidr.js';
import { clauseArgs, readOptions, singleField } from './generic-args.js';

const BASIC = ['City', 'Country', 'Region', 'lat', 'lon'] as const;
const ALL = ['City', 'Continent', 'Country', 'MetroCode', 'Region', 'Timezone', 'lat', 'lon'] as const;
type GeoField = (typeof ALL)[number];

/** Country names in `lang` from the ISO code (the database has codes only). */
function countryNamer(lang: string, span: GenericCommand['span']): (code: string) => string {
  let names: Intl.DisplayNames;
  try {
    names = new Intl.DisplayNames([lang], { type: 'region', fallback: 'code' });
  } catch {
    throw new SplError('bad-argument', `iplocation: lang must be a language code such as en or es, not "${lang}"`, span);
  }
  return (code) => (code === '' ? '' : names.of(code.toUpperCase()) ?? code);
}

/** Degrees to 4 decimals (about 10 m), as MaxMind's data has them; the file stores 32-bit floats. */
const degrees = (v: number | undefined): number | string => (v === undefined ? '' : Math.round(v * 1e4) / 1e4);

function fieldValue(field: GeoField, rec: GeoRecord, country: (code: string) => string): string | number {
  switch (field) {
    case 'City': return rec.city;
    case 'Country': return country(rec.countryCode);
    case 'Region': return rec.region;
    case 'lat': return degrees(rec.latitude);
    case 'lon': return degrees(rec.longitude);
    case 'Timezone': return rec.timezone;
    default: return ''; // Continent and MetroCode: not in DB-IP City Lite
  }
}

/** The address family of a text, or undefined when it is not an IP address. */
function familyOf(text: string): 4 | 6 | undefined {
  if (parseIPv4(text)) return 4;
  return parseIPv6(text) ? 6 : undefined;
}

export const iplocationCommand: CommandDef<GenericCommand> = {
  names: ['iplocation'],
  kind: 'streaming',
  threads: 'per-event',
  notes: 'DB-IP City Lite (shipped); `Continent`/`MetroCode` empty ([lookups](lookups.md))',
  compile(node) {
    const { options, rest } = readOptions('iplocation', clauseArgs(node).get(null) ?? [], ['prefix', 'allfields', 'lang']);
    const source = singleField('iplocation', node, rest).name;
    const prefix = options.text('prefix', '');
    const fields = options.bool('allfields', false) ? ALL : BASIC;
    const country = countryNamer(options.text('lang', 'en'), options.get('lang')?.valueSpan ?? node.span);
    const db = GeoDatabase.shipped();
    const setAll = (ev: Event, rec: GeoRecord | null) => {
      for (const f of fields) ev.set(prefix + f, rec ? fieldValue(f, rec, country) : '');
    };
    return {
      kind: 'streaming',
      reads: [source],
      factory: (next) => ({
        push(ev) {
          const first = valuesOf(ev.get(source))[0];
          if (first !== undefined) {
            const text = scalarToString(first).trim();
            const family = familyOf(text);
            // Private, reserved and unknown addresses (and non-addresses) get the fields, empty.
            setAll(ev, family ? db.find(text, family) : null);
          }
          next.push(ev);
        },
        end: () => next.end(),
      }),
    };
  },
};
