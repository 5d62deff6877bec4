// The fields every generated event shares, laid out like a Splunk Windows add-on (WinEventLog) export.
import { nextRecordNumber, type Host, type ProcessIds } from './hosts.js';
import type { Prng } from './prng.js';

/** A Windows event log channel and how Splunk labels events read from it. */
export interface Channel {
  logName: string;
  sourceName: string;
  /** Splunk sourcetype; the add-on also uses it as `source`. */
  sourcetype: string;
}

export const WMI_CHANNEL: Channel = {
  logName: 'Microsoft-Windows-WMI-Activity/Operational',
  sourceName: 'Microsoft-Windows-WMI-Activity',
  sourcetype: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational',
};
export const SYSMON_CHANNEL: Channel = {
  logName: 'Microsoft-Windows-Sysmon/Operational',
  sourceName: 'Microsoft-Windows-Sysmon',
  sourcetype: 'WinEventLog:Microsoft-Windows-Sysmon/Operational',
};
export const SECURITY_CHANNEL: Channel = {
  logName: 'Security',
  sourceName: 'Microsoft Windows security auditing.',
  sourcetype: 'WinEventLog:Security',
};

/** What a template needs to build one event. */
export interface EventContext {
  host: Host;
  /** Event time in epoch milliseconds. */
  timeMs: number;
  prng: Prng;
  ids: ProcessIds;
}

export interface EnvelopeParts {
  eventCode: number;
  taskCategory: string;
  message: string;
  /** `Audit Success` for the Security log; `None` elsewhere. */
  keywords?: string;
  /** `Error` for failed WMI operations; `Information` otherwise. */
  type?: string;
}

export type GeneratedEvent = Record<string, unknown>;

/** `YYYY-MM-DD HH:MM:SS.mmm` in UTC, the way Sysmon writes `UtcTime`. */
export function utcTimeText(timeMs: number): string {
  const iso = new Date(timeMs).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
}

/** The common fields, in the add-on's order, followed by the template's own fields. */
export function envelope(ctx: EventContext, channel: Channel, parts: EnvelopeParts, fields: GeneratedEvent): GeneratedEvent {
  const type = parts.type ?? 'Information';
  return {
    _time: ctx.timeMs / 1000,
    host: ctx.host.name,
    source: channel.sourcetype,
    sourcetype: channel.sourcetype,
    LogName: channel.logName,
    EventCode: parts.eventCode,
    EventType: type === 'Error' ? 2 : 4,
    Type: type,
    ComputerName: ctx.host.fqdn,
    SourceName: channel.sourceName,
    RecordNumber: nextRecordNumber(ctx.host, channel.logName),
    Keywords: parts.keywords ?? 'None',
    TaskCategory: parts.taskCategory,
    OpCode: 'Info',
    Message: parts.message,
    ...fields,
  };
}
