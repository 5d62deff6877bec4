// Time zones by name: UTC, fixed offsets like +05:30, and IANA names via Intl; instances are cached.

import { closestNames, SplError } from '../errors.js';
import { numericAbbreviation, offsetText } from './offset-text.js';
import { wallClockMs } from './local-time.js';
import { IanaTimeZone } from './zone-iana.js';
import type { TimeZone } from './zone-type.js';

export type { TimeZone } from './zone-type.js';

/** A zone with a constant offset. */
class FixedOffsetZone implements TimeZone {
  readonly name: string;
  private readonly offset: number;
  private readonly abbreviationText: string;

  constructor(name: string, offsetMinutes: number, abbreviation: string) {
    this.name = name;
    this.offset = offsetMinutes;
    this.abbreviationText = abbreviation;
  }

  offsetMinutes(): number {
    return this.offset;
  }

  abbreviation(): string {
    return this.abbreviationText;
  }

  localToEpochMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
    return wallClockMs(y, mo, d, h, mi, s, ms) - this.offset * 60000;
  }
}

export const UTC: TimeZone = new FixedOffsetZone('UTC', 0, 'UTC');

const UTC_ALIASES = new Set([
  'utc', 'gmt', 'z', 'zulu', 'uct', 'universal', 'etc/utc', 'etc/gmt', 'etc/uct', 'etc/zulu',
]);
const FIXED_OFFSET = /^(?:UTC|GMT)?([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const zoneCache = new Map<string, TimeZone>();

/** The zone with this name; throws SplError('bad-option') for an unknown name. */
export function getZone(name: string): TimeZone {
  let zone = zoneCache.get(name);
  if (zone === undefined) {
    zone = createZone(name);
    zoneCache.set(name, zone);
  }
  return zone;
}

function createZone(name: string): TimeZone {
  if (UTC_ALIASES.has(name.toLowerCase())) return UTC;
  const fixed = FIXED_OFFSET.exec(name);
  if (fixed) return fixedOffsetZone(name, fixed[1]!, Number(fixed[2]), Number(fixed[3] ?? 0));
  try {
    return new IanaTimeZone(name);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    const suggestions = closestNames(name, Intl.supportedValuesOf('timeZone'));
    const hints = suggestions.length > 0 ? [`did you mean ${suggestions.join(', ')}?`] : [];
    throw new SplError('bad-option', `unknown time zone "${name}"`, undefined, [
      ...hints, 'use an IANA name like America/New_York, UTC, or an offset like +05:30',
    ]);
  }
}

function fixedOffsetZone(text: string, sign: string, hours: number, minutes: number): TimeZone {
  if (hours > 23 || minutes > 59) throw new SplError('bad-option', `time zone offset "${text}" is out of range`);
  const offset = (sign === '-' ? -1 : 1) * (hours * 60 + minutes);
  if (offset === 0) return UTC;
  return new FixedOffsetZone(offsetText(offset, 1), offset, numericAbbreviation(offset));
}
