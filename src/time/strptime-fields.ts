// The per-specifier readers of strptime: each consumes text at the cursor and records what it read.

import { MONTH_NAMES, WEEKDAY_NAMES } from './calendar.js';

/** What has been read so far from the text; undefined fields were not in the format. */
export interface ParsedFields {
  text: string;
  pos: number;
  year?: number;
  century?: number;
  yearInCentury?: number;
  month?: number;
  day?: number;
  yearDay?: number;
  hour?: number;
  hour12?: number;
  pm?: boolean;
  minute?: number;
  second?: number;
  fractionDigits: string;
  offsetMinutes?: number;
  epochSeconds?: number;
}

/** Reads one specifier; returns false when the text does not fit. */
export type FieldReader = (fields: ParsedFields) => boolean;

/** Offsets (minutes) of zone abbreviations accepted by %Z when reading text. */
const ABBREVIATION_OFFSETS: Record<string, number> = {
  UTC: 0, UT: 0, GMT: 0, Z: 0, WET: 0, BST: 60, CET: 60, WEST: 60, CEST: 120, EET: 120, EEST: 180, MSK: 180,
  IST: 330, PKT: 300, HKT: 480, JST: 540, KST: 540, AWST: 480, ACST: 570, ACDT: 630, AEST: 600, AEDT: 660,
  NZST: 720, NZDT: 780, SAST: 120, EAT: 180, CAT: 120, WAT: 60, HST: -600, AKST: -540, AKDT: -480,
  PST: -480, PDT: -420, MST: -420, MDT: -360, CST: -360, CDT: -300, EST: -300, EDT: -240, AST: -240, ADT: -180,
  NST: -210, NDT: -150,
};

/** Reads 1..maxDigits digits (after optional spaces) and records them, if within [min, max]. */
export function numberReader(
  maxDigits: number, min: number, max: number, record: (f: ParsedFields, value: number) => void,
): FieldReader {
  return (f) => {
    const value = readDigits(f, maxDigits);
    if (value === undefined || value < min || value > max) return false;
    record(f, value);
    return true;
  };
}

/** Reads up to `maxDigits` digits without recording them (week numbers, weekday numbers). */
export function skippedNumberReader(maxDigits: number): FieldReader {
  return (f) => readDigits(f, maxDigits) !== undefined;
}

function readDigits(f: ParsedFields, maxDigits: number): number | undefined {
  while (f.text.charCodeAt(f.pos) === 32) f.pos++;
  const start = f.pos;
  while (f.pos - start < maxDigits && isDigit(f.text.charCodeAt(f.pos))) f.pos++;
  return f.pos === start ? undefined : Number(f.text.slice(start, f.pos));
}

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** Reads sub-second digits, at most `maxDigits`. */
export function fractionReader(maxDigits: number): FieldReader {
  return (f) => {
    const start = f.pos;
    while (f.pos - start < maxDigits && isDigit(f.text.charCodeAt(f.pos))) f.pos++;
    f.fractionDigits = f.text.slice(start, f.pos);
    return f.pos > start;
  };
}

/** Reads %s: optionally signed whole epoch seconds. */
export const readEpochSeconds: FieldReader = (f) => {
  const match = /^[+-]?\d+/.exec(f.text.slice(f.pos, f.pos + 24));
  if (!match) return false;
  f.epochSeconds = Number(match[0]);
  f.pos += match[0].length;
  return true;
};

/** Reads a full or three-letter name from `names` (case-insensitive); `record` gets its index. */
function nameReader(names: string[], record: (f: ParsedFields, index: number) => void): FieldReader {
  const lowerNames = names.map((n) => n.toLowerCase());
  return (f) => {
    const rest = f.text.slice(f.pos, f.pos + 12).toLowerCase();
    for (let i = 0; i < lowerNames.length; i++) {
      const full = lowerNames[i]!;
      const length = rest.startsWith(full) ? full.length : rest.startsWith(full.slice(0, 3)) ? 3 : 0;
      if (length > 0) {
        record(f, i);
        f.pos += length;
        return true;
      }
    }
    return false;
  };
}

export const readMonthName = nameReader(MONTH_NAMES, (f, i) => (f.month = i + 1));
export const readWeekdayName = nameReader(WEEKDAY_NAMES, () => undefined);

/** Reads AM/PM (either case). */
export const readMeridiem: FieldReader = (f) => {
  const word = f.text.slice(f.pos, f.pos + 2).toUpperCase();
  if (word !== 'AM' && word !== 'PM') return false;
  f.pm = word === 'PM';
  f.pos += 2;
  return true;
};

/** Reads %z: `Z`, `+hh`, `+hhmm`, `+hh:mm`, `+hh:mm:ss`. */
export const readOffset: FieldReader = (f) => {
  const match = /^(?:Z|([+-])(\d\d)(?::?(\d\d)(?::?(\d\d))?)?)/i.exec(f.text.slice(f.pos, f.pos + 9));
  if (!match) return false;
  const [text, sign, hours, minutes, seconds] = match;
  const magnitude = Number(hours ?? 0) * 60 + Number(minutes ?? 0) + Number(seconds ?? 0) / 60;
  f.offsetMinutes = sign === '-' ? -magnitude : magnitude;
  f.pos += text.length;
  return true;
};

/** Reads %Ez: signed offset in minutes. */
export const readOffsetMinutes: FieldReader = (f) => {
  const match = /^[+-]?\d{1,4}/.exec(f.text.slice(f.pos, f.pos + 5));
  if (!match) return false;
  f.offsetMinutes = Number(match[0]);
  f.pos += match[0].length;
  return true;
};

/** Reads %Z: a known abbreviation (EST, CEST, UTC...); unknown words do not fit. */
export const readZoneAbbreviation: FieldReader = (f) => {
  const match = /^[A-Za-z]+/.exec(f.text.slice(f.pos, f.pos + 6));
  const offset = match ? ABBREVIATION_OFFSETS[match[0].toUpperCase()] : undefined;
  if (offset === undefined) return false;
  f.offsetMinutes = offset;
  f.pos += match![0].length;
  return true;
};
