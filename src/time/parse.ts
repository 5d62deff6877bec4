// Timestamp auto-detection for _time: epoch numbers (s/ms/µs) and ISO 8601-like text, by a hand-written parser.

import { daysInMonth } from './calendar.js';
import { wallClockMs } from './local-time.js';
import { joinSeconds } from './seconds.js';
import type { TimeZone } from './zone.js';

const NUMERIC_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)$/;

/**
 * Epoch seconds (with fraction) of a value, or undefined when it is not a recognizable time.
 * Numbers and numeric strings are epoch seconds, or milliseconds above 1e11, or microseconds above 1e14.
 * Text: `YYYY-MM-DD`, then optionally `T` or space, `HH:MM[:SS[.fraction]]`, then optionally `Z`, `UTC`, `GMT`
 * or an offset `±HH[:MM]` (a space may precede the zone). Without a zone the text is read in `zone`.
 * A multivalue (array) uses its first value.
 */
export function parseTimestamp(value: unknown, zone: TimeZone): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? scaleEpoch(value) : undefined;
  if (typeof value === 'string') return parseTimestampText(value.trim(), zone);
  if (Array.isArray(value)) return parseTimestamp(value[0], zone);
  return undefined;
}

function scaleEpoch(n: number): number {
  const magnitude = Math.abs(n);
  if (magnitude > 1e14) return n / 1e6;
  if (magnitude > 1e11) return n / 1e3;
  return n;
}

function parseTimestampText(text: string, zone: TimeZone): number | undefined {
  if (NUMERIC_TEXT.test(text)) return scaleEpoch(Number(text));
  return parseIsoLike(text, zone);
}

/** A cursor over the text, with fixed-width digit reading. */
class Cursor {
  pos = 0;
  constructor(readonly text: string) {}

  digits(count: number): number {
    let value = 0;
    for (let i = 0; i < count; i++) {
      const code = this.text.charCodeAt(this.pos + i) - 48;
      if (!(code >= 0 && code <= 9)) return -1;
      value = value * 10 + code;
    }
    this.pos += count;
    return value;
  }

  take(chars: string): boolean {
    if (this.pos < this.text.length && chars.includes(this.text[this.pos]!)) {
      this.pos++;
      return true;
    }
    return false;
  }

  get done(): boolean {
    return this.pos >= this.text.length;
  }
}

function parseIsoLike(text: string, zone: TimeZone): number | undefined {
  const c = new Cursor(text);
  const year = c.digits(4);
  if (year < 0 || !c.take('-/')) return undefined;
  const month = c.digits(2);
  if (month < 1 || month > 12 || !c.take('-/')) return undefined;
  const day = c.digits(2);
  if (day < 1 || day > daysInMonth(year, month)) return undefined;
  let hour = 0, minute = 0, second = 0, fraction = '';
  if (c.take('Tt ')) {
    hour = c.digits(2);
    if (hour < 0 || hour > 23 || !c.take(':')) return undefined;
    minute = c.digits(2);
    if (minute < 0 || minute > 59) return undefined;
    if (c.take(':')) {
      second = c.digits(2);
      if (second < 0 || second > 59) return undefined;
      if (c.take('.,')) {
        fraction = readFractionDigits(c);
        if (fraction === '') return undefined;
      }
    }
  }
  const offsetMinutes = c.done ? undefined : readZone(c);
  if (offsetMinutes === null || !c.done) return undefined;
  const ms = offsetMinutes === undefined
    ? zone.localToEpochMs(year, month, day, hour, minute, second, 0)
    : wallClockMs(year, month, day, hour, minute, second, 0) - offsetMinutes * 60000;
  return joinSeconds(ms / 1000, fraction);
}

function readFractionDigits(c: Cursor): string {
  const start = c.pos;
  while (c.digits(1) >= 0);
  return c.text.slice(start, c.pos);
}

/** Reads a zone suffix; null when there is one but it is malformed. */
function readZone(c: Cursor): number | null {
  if (c.text[c.pos] === ' ') c.pos++;
  const rest = c.text.slice(c.pos);
  if (rest === 'Z' || rest === 'z' || rest === 'UTC' || rest === 'GMT') {
    c.pos = c.text.length;
    return 0;
  }
  const sign = c.text[c.pos] === '-' ? -1 : 1;
  if (!c.take('+-')) return null;
  const hours = c.digits(2);
  if (hours < 0) return null;
  c.take(':');
  const minutes = c.done ? 0 : c.digits(2);
  if (minutes < 0 || minutes > 59) return null;
  return sign * (hours * 60 + minutes);
}
