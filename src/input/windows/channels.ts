// How Splunk names a Windows event log channel's events (source, sourcetype, eventtype), checked against ESCU's macros.

/** The metadata the preset gives every event of one channel. */
export interface ChannelMetadata {
  source: string;
  sourcetype: string;
  /** Splunk_TA_windows eventtypes.conf: `wineventlog_security` is `source=*WinEventLog:Security`, and so on. */
  eventtype?: string;
}

/**
 * Splunk_TA_windows (5.0 and later) renders events as XML by default: sourcetype `XmlWinEventLog` and source
 * `XmlWinEventLog:<Channel>`; ESCU's macros (`sysmon`, `wineventlog_security`, `powershell`, `applocker`,
 * `ntlm_audit`, `capi2_operational`, ...) and most ESCU test data use that. A few corpus macros still name a channel
 * the way older add-ons did, so those channels keep that name (the macro is quoted beside each).
 */
const LEGACY: Record<string, Omit<ChannelMetadata, 'eventtype'>> = {
  // `wmi`: sourcetype="wineventlog:microsoft-windows-wmi-activity/operational" (the add-on before 5.0).
  'microsoft-windows-wmi-activity/operational': {
    source: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational',
    sourcetype: 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational',
  },
  // `ms_defender`: source="WinEventLog:Microsoft-Windows-Windows Defender/Operational" (ESCU's test data: sourcetype xmlwineventlog).
  'microsoft-windows-windows defender/operational': {
    source: 'WinEventLog:Microsoft-Windows-Windows Defender/Operational',
    sourcetype: 'XmlWinEventLog',
  },
  // `printservice`: source="wineventlog:microsoft-windows-printservice/operational" OR source="WinEventLog:...PrintService/Admin".
  'microsoft-windows-printservice/operational': { source: 'WinEventLog:Microsoft-Windows-PrintService/Operational', sourcetype: 'WinEventLog' },
  'microsoft-windows-printservice/admin': { source: 'WinEventLog:Microsoft-Windows-PrintService/Admin', sourcetype: 'WinEventLog' },
  // `remoteconnectionmanager`: source="WinEventLog:Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational".
  'microsoft-windows-terminalservices-remoteconnectionmanager/operational': {
    source: 'WinEventLog:Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational',
    sourcetype: 'XmlWinEventLog',
  },
};

/** eventtypes.conf of Splunk_TA_windows, for the channels ESCU's `wineventlog_*` macros select by eventtype. */
const EVENTTYPES: Record<string, string> = {
  security: 'wineventlog_security',
  system: 'wineventlog_system',
  application: 'wineventlog_application',
};

/** The source, sourcetype and eventtype of a channel's events (the channel name as written is kept in `source`). */
export function channelMetadata(channel: string): ChannelMetadata {
  const key = channel.toLowerCase();
  const meta: ChannelMetadata = LEGACY[key] ?? { source: `XmlWinEventLog:${channel}`, sourcetype: 'XmlWinEventLog' };
  const eventtype = EVENTTYPES[key];
  return eventtype === undefined ? meta : { ...meta, eventtype };
}
