// strptime: reads a time from text by a format (compiled once), giving epoch seconds in a time zone.

import { daysInMonth } from './calendar.js';
import { fractionWidth, tokenizeFormat, type FormatToken } from './format-tokens.js';
import { wallClockMs } from './local-time.js';
import { joinSeconds } from './seconds.js';
import {
  fractionReader, numberReader, readEpochSeconds, readMeridiem, readMonthName, readOffset, readOffsetMinutes,
  readWeekdayName, readZoneAbbreviation, skippedNumberReader, type FieldReader, type ParsedFields,
} from './strptime-fields.js';
import type { TimeZone } from './zone.js';

/** A successful match: epoch seconds (with fraction) and where the match ended in the text. */
export interface StrptimeMatch {
  seconds: number;
  end: number;
}

const READERS: Record<string, FieldReader> = {
  Y: numberReader(4, 0, 9999, (f, v) => (f.year = v)),
  C: numberReader(2, 0, 99, (f, v) => (f.century = v)),
  y: numberReader(2, 0, 99, (f, v) => (f.yearInCentury = v)),
  m: numberReader(2, 1, 12, (f, v) => (f.month = v)),
  d: numberReader(2, 1, 31, (f, v) => (f.day = v)),
  e: numberReader(2, 1, 31, (f, v) => (f.day = v)),
  j: numberReader(3, 1, 366, (f, v) => (f.yearDay = v)),
  H: numberReader(2, 0, 23, (f, v) => (f.hour = v)),
  k: numberReader(2, 0, 23, (f, v) => (f.hour = v)),
  I: numberReader(2, 1, 12, (f, v) => (f.hour12 = v)),
  l: numberReader(2, 1, 12, (f, v) => (f.hour12 = v)),
  M: numberReader(2, 0, 59, (f, v) => (f.minute = v)),
  S: numberReader(2, 0, 60, (f, v) => (f.second = v)),
  G: skippedNumberReader(4), g: skippedNumberReader(2), U: skippedNumberReader(2), V: skippedNumberReader(2),
  W: skippedNumberReader(2), u: skippedNumberReader(1), w: skippedNumberReader(1),
  a: readWeekdayName, A: readWeekdayName, b: readMonthName, B: readMonthName,
  p: readMeridiem, P: readMeridiem, s: readEpochSeconds, Z: readZoneAbbreviation, Ez: readOffsetMinutes,
  z: readOffset, n: readWhitespace, t: readWhitespace,
};

/**
 * Compiles a strptime format. The result reads `text` (trailing text after the format is ignored, as in C
 * strptime) and returns epoch seconds with fraction, or null when the text does not fit. Times without zone
 * information are read in `zone`; %z, %Z, %Ez and %s in the text override it. Missing date parts default to
 * 1970-01-01, missing time parts to 0.
 */
export function compileStrptime(format: string): (text: string, zone: TimeZone) => number | null {
  const match = compileStrptimeMatcher(format);
  return (text, zone) => match(text, zone)?.seconds ?? null;
}

/** Like compileStrptime, but also reports where the match ended (for callers that require the whole text). */
export function compileStrptimeMatcher(format: string): (text: string, zone: TimeZone) => StrptimeMatch | null {
  const readers = tokenizeFormat(format).map(readerFor);
  return (text, zone) => {
    const fields: ParsedFields = { text, pos: 0, fractionDigits: '' };
    for (const read of readers) if (!read(fields)) return null;
    const seconds = epochSecondsOf(fields, zone);
    return seconds === null ? null : { seconds, end: fields.pos };
  };
}

function readerFor(token: FormatToken): FieldReader {
  if (token.kind === 'literal') return literalReader(token.text);
  const digits = fractionWidth(token);
  if (digits !== undefined) return fractionReader(digits);
  const reader = READERS[token.letter];
  if (reader && (token.colons === 0 || token.letter === 'z')) return reader;
  return literalReader(token.source);
}

/** Whitespace in a format matches any run of whitespace (even none); other characters match exactly. */
function literalReader(literal: string): FieldReader {
  const parts = literal.split(/(\s+)/).filter((part) => part !== '');
  const readers = parts.map((part): FieldReader => (/^\s/.test(part) ? readWhitespace : exactTextReader(part)));
  if (readers.length === 1) return readers[0]!;
  return (f) => readers.every((read) => read(f));
}

function exactTextReader(text: string): FieldReader {
  return (f) => {
    if (!f.text.startsWith(text, f.pos)) return false;
    f.pos += text.length;
    return true;
  };
}

function readWhitespace(f: ParsedFields): boolean {
  while (isWhitespace(f.text.charCodeAt(f.pos))) f.pos++;
  return true;
}

/** Space, tab, newline, vertical tab, form feed, carriage return. */
function isWhitespace(code: number): boolean {
  return code === 32 || (code >= 9 && code <= 13);
}

function epochSecondsOf(f: ParsedFields, zone: TimeZone): number | null {
  if (f.epochSeconds !== undefined) return joinSeconds(f.epochSeconds, f.fractionDigits);
  const year = f.year ?? (f.yearInCentury === undefined ? 1970 : fullYear(f.yearInCentury, f.century));
  let month = f.month ?? 1;
  let day = f.day ?? 1;
  if (f.yearDay !== undefined && f.month === undefined && f.day === undefined) {
    if (f.yearDay > 365 + Number(daysInMonth(year, 2) === 29)) return null;
    [month, day] = [1, f.yearDay];
  } else if (day > daysInMonth(year, month)) return null;
  const hour = f.hour12 === undefined ? (f.hour ?? 0) : (f.hour12 % 12) + (f.pm ? 12 : 0);
  const minute = f.minute ?? 0;
  const second = f.second ?? 0;
  const ms = f.offsetMinutes === undefined
    ? zone.localToEpochMs(year, month, day, hour, minute, second, 0)
    : wallClockMs(year, month, day, hour, minute, second, 0) - Math.round(f.offsetMinutes * 60) * 1000;
  return joinSeconds(ms / 1000, f.fractionDigits);
}

/** POSIX rule for %y: 69..99 → 1969..1999, 00..68 → 2000..2068; with %C the century is explicit. */
function fullYear(yearInCentury: number, century: number | undefined): number {
  if (century !== undefined) return century * 100 + yearInCentury;
  return yearInCentury < 69 ? 2000 + yearInCentury : 1900 + yearInCentury;
}
