// The time zone contract: offsets over time and local wall-clock to UTC conversion.
/** A time zone: UTC offsets over time and local wall-clock → UTC conversion. */
export interface TimeZone {
  /** Canonical name: `UTC`, `+05:30`, or an IANA name like `America/New_York`. */
  readonly name: string;
  /** Offset from UTC in minutes at an instant, east positive (New York winter: -300). */
  offsetMinutes(epochMs: number): number;
  /** Abbreviation for %Z at an instant: `EST`, `CEST`, `UTC`, or numeric like `+0530` where none exists. */
  abbreviation(epochMs: number): string;
  /**
   * UTC epoch milliseconds of a local wall-clock time (month 1..12; fields may overflow, e.g. day 32).
   * Ambiguous times take the earlier instant; times in a DST gap are shifted forward by the gap.
   */
  localToEpochMs(y: number, mo: number, d: number, h: number, mi: number, s: number, ms: number): number;
}
