// Text-to-number readers behind convert's dur2sec, mstime, memk, rmcomma, rmunit, auto and num (undefined = not convertible).
import { scalarToString, toNumber, type Scalar } from '../runtime/event.js';

/** A value converter: the converted value, or undefined when this value cannot be converted. */
export type ValueConverter = (value: Scalar) => Scalar | undefined;

const NUMBER = String.raw`[+-]?(?:\d+(?:\.\d*)?|\.\d+)`;
const DURATION = /^\s*(?:(\d+)\+)?(\d+):(\d+):(\d+(?:\.\d*)?)\s*$/;
const MINUTES_SECONDS = /^\s*(?:(\d+):)?(\d+(?:\.\d*)?|\.\d+)\s*$/;
const MEMORY = new RegExp(String.raw`^\s*(${NUMBER})\s*([kmg])?\s*$`, 'i');
const LEADING_NUMBER = new RegExp(String.raw`^\s*(${NUMBER}(?:[eE][+-]?\d+)?)`);
const GROUPED_NUMBER = /^\s*[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?\s*$/;
const KILOBYTES_PER_UNIT: Record<string, number> = { k: 1, m: 1024, g: 1024 * 1024 };

/** `[D+]HH:MM:SS` → seconds: `00:10:15` → 615, `1+00:00:01` → 86401. */
export const durationToSeconds: ValueConverter = (value) => {
  const m = DURATION.exec(scalarToString(value));
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 86400 + Number(m[2]) * 3600 + Number(m[3]) * 60 + Number(m[4]);
};

/** `[MM:]SS.SSS` → seconds: `01:02.5` → 62.5. */
export const minutesSecondsToSeconds: ValueConverter = (value) => {
  const m = MINUTES_SECONDS.exec(scalarToString(value));
  if (!m) return undefined;
  return Number(m[1] ?? 0) * 60 + Number(m[2]);
};

/** A number with an optional k, m or g suffix → kilobytes (no suffix means kilobytes): `2m` → 2048. */
export const memoryToKilobytes: ValueConverter = (value) => {
  const m = MEMORY.exec(scalarToString(value));
  if (!m) return undefined;
  return Number(m[1]) * KILOBYTES_PER_UNIT[(m[2] ?? 'k').toLowerCase()]!;
};

/** Remove every comma; the result stays text so digits after the point are kept (`1,000.00` → `1000.00`). */
export const removeCommas: ValueConverter = (value) => {
  if (typeof value !== 'string' || !value.includes(',')) return value;
  return value.replaceAll(',', '');
};

/** The number at the start of the value, trailing text dropped: `212 sec` → 212. */
export const removeUnit: ValueConverter = (value) => {
  if (typeof value === 'number') return value;
  const m = LEADING_NUMBER.exec(scalarToString(value));
  return m ? Number(m[1]) : undefined;
};

/** auto/num: a plain number (`42`, ` 1.5e3 `) or one with thousands separators (`1,234.5`). */
export const bestNumber: ValueConverter = (value) => {
  if (typeof value === 'number') return value;
  const n = toNumber(value);
  if (!Number.isNaN(n)) return n;
  if (typeof value === 'string' && GROUPED_NUMBER.test(value)) return Number(value.replaceAll(',', ''));
  return undefined;
};
