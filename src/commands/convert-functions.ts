// The convert functions: how each converts one value and what happens to values it cannot convert.
import { scalarToString, toNumber } from '../runtime/event.js';
import { compileStrftime } from '../time/strftime.js';
import { compileStrptime } from '../time/strptime.js';
import type { TimeZone } from '../time/zone.js';
import {
  bestNumber, durationToSeconds, memoryToKilobytes, minutesSecondsToSeconds, removeCommas, removeUnit, type ValueConverter,
} from './convert-numbers.js';

/**
 * What a conversion does with values it cannot convert:
 * - `keep`: the value passes through unchanged;
 * - `remove`: the value is dropped (num);
 * - `skip-field`: if any value of the field fails, the field is left as it is (auto).
 */
export type FailurePolicy = 'keep' | 'remove' | 'skip-field';

export interface ConvertFunction {
  convert: ValueConverter;
  onFailure: FailurePolicy;
}

/** Every function name `convert` accepts (`none` excludes fields from wildcard conversions). */
export const CONVERT_FUNCTION_NAMES = ['auto', 'ctime', 'dur2sec', 'memk', 'mktime', 'mstime', 'none', 'num', 'rmcomma', 'rmunit'];

/** The default `timeformat` (it does not follow the locale). */
export const DEFAULT_TIME_FORMAT = '%m/%d/%Y %H:%M:%S';

/** Build the conversion functions for one convert command (its time format and the search's time zone). */
export function convertFunctions(timeFormat: string, zone: TimeZone): Record<string, ConvertFunction> {
  return {
    ctime: { convert: epochToText(timeFormat, zone), onFailure: 'keep' },
    mktime: { convert: textToEpoch(timeFormat, zone), onFailure: 'keep' },
    dur2sec: { convert: durationToSeconds, onFailure: 'keep' },
    mstime: { convert: minutesSecondsToSeconds, onFailure: 'keep' },
    memk: { convert: memoryToKilobytes, onFailure: 'keep' },
    rmcomma: { convert: removeCommas, onFailure: 'keep' },
    rmunit: { convert: removeUnit, onFailure: 'keep' },
    auto: { convert: bestNumber, onFailure: 'skip-field' },
    num: { convert: bestNumber, onFailure: 'remove' },
  };
}

/** ctime: epoch seconds (number or numeric text) → text in the time format; fractions are truncated by %S. */
function epochToText(timeFormat: string, zone: TimeZone): ValueConverter {
  const format = compileStrftime(timeFormat);
  return (value) => {
    const seconds = toNumber(value);
    return Number.isFinite(seconds) ? format(seconds, zone) : undefined;
  };
}

/** mktime: the value's text read with the time format → epoch seconds (text after the format is ignored, as strptime does). */
function textToEpoch(timeFormat: string, zone: TimeZone): ValueConverter {
  const parse = compileStrptime(timeFormat);
  return (value) => parse(scalarToString(value), zone) ?? undefined;
}
