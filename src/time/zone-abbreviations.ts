// Time zone abbreviations (%Z) as the tz database prints them, derived from ICU's English zone names.

import { numericAbbreviation } from './offset-text.js';

/**
 * ICU long zone names whose tz database abbreviation is alphabetic. ICU's en-US short names already cover the
 * US zones (EST, PDT, AKST, HST, AST...) and UTC/GMT; zones not listed here print a numeric abbreviation
 * (`+04`, `+0530`), which is what the tz database itself uses for them.
 */
const ABBREVIATION_BY_LONG_NAME: Record<string, string> = {
  'Central European Standard Time': 'CET',
  'Central European Summer Time': 'CEST',
  'Eastern European Standard Time': 'EET',
  'Eastern European Summer Time': 'EEST',
  'Western European Standard Time': 'WET',
  'Western European Summer Time': 'WEST',
  'British Summer Time': 'BST',
  'Irish Standard Time': 'IST',
  'Greenwich Mean Time': 'GMT',
  'Moscow Standard Time': 'MSK',
  'India Standard Time': 'IST',
  'Israel Standard Time': 'IST',
  'Israel Daylight Time': 'IDT',
  'Pakistan Standard Time': 'PKT',
  'China Standard Time': 'CST',
  'Hong Kong Standard Time': 'HKT',
  'Japan Standard Time': 'JST',
  'Korean Standard Time': 'KST',
  'Philippine Standard Time': 'PST',
  'Western Indonesia Time': 'WIB',
  'Central Indonesia Time': 'WITA',
  'Eastern Indonesia Time': 'WIT',
  'Chamorro Standard Time': 'ChST',
  'American Samoa Standard Time': 'SST',
  'Australian Eastern Standard Time': 'AEST',
  'Australian Eastern Daylight Time': 'AEDT',
  'Australian Central Standard Time': 'ACST',
  'Australian Central Daylight Time': 'ACDT',
  'Australian Western Standard Time': 'AWST',
  'New Zealand Standard Time': 'NZST',
  'New Zealand Daylight Time': 'NZDT',
  'Newfoundland Standard Time': 'NST',
  'Newfoundland Daylight Time': 'NDT',
  'Mexican Pacific Standard Time': 'MST',
  'Cuba Standard Time': 'CST',
  'Cuba Daylight Time': 'CDT',
  'South Africa Standard Time': 'SAST',
  'Central Africa Time': 'CAT',
  'East Africa Time': 'EAT',
  'West Africa Time': 'WAT',
};

/** Builds the abbreviation lookup of one IANA zone. */
export function abbreviationFormatter(zoneName: string): (epochMs: number, offsetMinutes: number) => string {
  const shortFormat = new Intl.DateTimeFormat('en-US', { timeZone: zoneName, timeZoneName: 'short' });
  const longFormat = new Intl.DateTimeFormat('en-US', { timeZone: zoneName, timeZoneName: 'long' });
  return (epochMs, offsetMinutes) => {
    const shortName = zoneNamePart(shortFormat, epochMs);
    if (!/^GMT[+-]/.test(shortName)) return shortName;
    return ABBREVIATION_BY_LONG_NAME[zoneNamePart(longFormat, epochMs)] ?? numericAbbreviation(offsetMinutes);
  };
}

function zoneNamePart(format: Intl.DateTimeFormat, epochMs: number): string {
  for (const part of format.formatToParts(epochMs)) if (part.type === 'timeZoneName') return part.value;
  return '';
}
