// An IANA time zone backed by Intl.DateTimeFormat, with offsets cached per UTC hour.

import { abbreviationFormatter } from './zone-abbreviations.js';
import { resolveWallClock, wallClockMs } from './local-time.js';
import type { TimeZone } from './zone-type.js';

const MS_PER_HOUR = 3_600_000;
/** Intl only formats years 1..9999 faithfully; instants outside use the offset at the nearest end. */
const EARLIEST_MS = -62135596800000;
const LATEST_MS = 253402300799000;

/** An hour bucket in which the offset changes once, at `atMs`. */
interface OffsetChange {
  atMs: number;
  before: number;
  after: number;
}

export class IanaTimeZone implements TimeZone {
  readonly name: string;
  private readonly partsFormat: Intl.DateTimeFormat;
  private readonly offsetByHour = new Map<number, number | OffsetChange>();
  private readonly abbreviationByOffset = new Map<number, string>();
  private readonly formatAbbreviation: (epochMs: number, offsetMinutes: number) => string;
  private readonly offsetAt = (epochMs: number): number => this.offsetMinutes(epochMs);

  /** `name` must be a zone Intl accepts; it is replaced by Intl's canonical spelling. */
  constructor(name: string) {
    this.partsFormat = new Intl.DateTimeFormat('en-US', {
      timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    this.name = this.partsFormat.resolvedOptions().timeZone;
    this.formatAbbreviation = abbreviationFormatter(this.name);
  }

  offsetMinutes(epochMs: number): number {
    const hour = Math.floor(epochMs / MS_PER_HOUR);
    let entry = this.offsetByHour.get(hour);
    if (entry === undefined) {
      entry = this.hourBucket(hour * MS_PER_HOUR);
      this.offsetByHour.set(hour, entry);
    }
    if (typeof entry === 'number') return entry;
    return epochMs < entry.atMs ? entry.before : entry.after;
  }

  abbreviation(epochMs: number): string {
    const offset = this.offsetMinutes(epochMs);
    let abbreviation = this.abbreviationByOffset.get(offset);
    if (abbreviation === undefined) {
      abbreviation = this.formatAbbreviation(Math.min(Math.max(epochMs, EARLIEST_MS), LATEST_MS), offset);
      this.abbreviationByOffset.set(offset, abbreviation);
    }
    return abbreviation;
  }

  localToEpochMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number {
    return resolveWallClock(wallClockMs(y, mo, d, h, mi, s, ms), this.offsetAt);
  }

  /** The offset over one UTC hour: a constant, or the one change inside it found by bisection to the second. */
  private hourBucket(startMs: number): number | OffsetChange {
    const lastSecondMs = startMs + MS_PER_HOUR - 1000;
    const before = this.intlOffset(startMs);
    const after = this.intlOffset(lastSecondMs);
    if (before === after) return before;
    let low = startMs;
    let high = lastSecondMs;
    while (high - low > 1000) {
      const middle = low + Math.floor((high - low) / 2000) * 1000;
      if (this.intlOffset(middle) === before) low = middle;
      else high = middle;
    }
    return { atMs: high, before, after };
  }

  /** The offset in minutes at a whole-second instant, computed by formatting it as wall-clock parts. */
  private intlOffset(epochMs: number): number {
    const instant = Math.min(Math.max(epochMs, EARLIEST_MS), LATEST_MS);
    const fields = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
    for (const part of this.partsFormat.formatToParts(instant)) {
      if (part.type in fields) fields[part.type as keyof typeof fields] = Number(part.value);
    }
    const wall = wallClockMs(fields.year, fields.month, fields.day, fields.hour, fields.minute, fields.second, 0);
    return (wall - instant) / 60000;
  }
}
