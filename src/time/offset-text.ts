// Text forms of UTC offsets: %z variants and tz-database-style numeric abbreviations.

/** Sign, hours, minutes and seconds of an offset given in (possibly fractional) minutes. */
function offsetParts(offsetMinutes: number): { sign: string; hours: string; minutes: string; seconds: string } {
  const totalSeconds = Math.round(Math.abs(offsetMinutes) * 60);
  return {
    sign: offsetMinutes < 0 ? '-' : '+',
    hours: pad2(Math.floor(totalSeconds / 3600)),
    minutes: pad2(Math.floor((totalSeconds % 3600) / 60)),
    seconds: pad2(totalSeconds % 60),
  };
}

/** %z (colons 0) `+hhmm`, %:z `+hh:mm`, %::z `+hh:mm:ss`, %:::z `+hh` (plus `:mm` when not whole hours). */
export function offsetText(offsetMinutes: number, colons: number): string {
  const { sign, hours, minutes, seconds } = offsetParts(offsetMinutes);
  if (colons === 0) return `${sign}${hours}${minutes}`;
  if (colons === 1) return `${sign}${hours}:${minutes}`;
  if (colons === 2) return `${sign}${hours}:${minutes}:${seconds}`;
  return minutes === '00' ? `${sign}${hours}` : `${sign}${hours}:${minutes}`;
}

/** A numeric abbreviation in tz database style: `+04`, `-0330`, `+053028` for odd historical offsets. */
export function numericAbbreviation(offsetMinutes: number): string {
  const { sign, hours, minutes, seconds } = offsetParts(offsetMinutes);
  if (seconds !== '00') return `${sign}${hours}${minutes}${seconds}`;
  return minutes === '00' ? `${sign}${hours}` : `${sign}${hours}${minutes}`;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}
