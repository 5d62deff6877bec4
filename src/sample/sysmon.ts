// Templates for Sysmon events 1 (process create), 3 (network connection) and 11 (file create).
import { envelope, SYSMON_CHANNEL, utcTimeText, type EventContext, type GeneratedEvent } from './envelope.js';
import { residentProcess, startProcess, type Account, type Host, type RunningProcess } from './hosts.js';
import { EXPLORER, RESIDENT_IMAGES, SERVICES, TRANSIENT_IMAGES } from './process-catalog.js';
import { WeightedTable, type Prng } from './prng.js';

const transientImages = new WeightedTable(TRANSIENT_IMAGES);
const residentSlots = new WeightedTable(RESIDENT_IMAGES.map(([, weight], slot) => [slot, weight] as const));
const REMOTE_ENDPOINTS: ReadonlyArray<readonly [string, string, number, string]> = [
  ['142.250.74.46', 'fra16s52-in-f14.1e100.net', 443, 'https'],
  ['13.107.42.14', 'onedrive.live.com', 443, 'https'],
  ['20.190.160.20', 'login.microsoftonline.com', 443, 'https'],
  ['52.109.32.31', 'officeclient.microsoft.com', 443, 'https'],
  ['10.0.0.10', 'DC01.corp.example.com', 389, 'ldap'],
  ['10.0.0.10', 'DC01.corp.example.com', 88, 'kerberos'],
  ['10.0.0.11', 'FS01.corp.example.com', 445, 'microsoft-ds'],
  ['23.55.124.91', '-', 80, 'http'],
];

function userText(account: Account): string {
  return `${account.domain}\\${account.name}`;
}

type SysmonFields = Record<string, string | number>;

function lines(header: string, fields: SysmonFields): string {
  let text = header;
  for (const name in fields) text += `\r\n${name}: ${fields[name]}`;
  return text;
}

/** The fields the add-on's search-time extraction is commonly left with in exports (the Message has them all). */
function extracted(fields: SysmonFields, names: readonly string[]): SysmonFields {
  const out: SysmonFields = {};
  for (const name of names) out[name] = fields[name] as string | number;
  return out;
}

const PROCESS_CREATE_FIELDS = ['ProcessGuid', 'ProcessId', 'Image', 'CommandLine', 'User', 'LogonId', 'ParentProcessGuid', 'ParentImage'];
const NETWORK_FIELDS = ['ProcessGuid', 'Image', 'DestinationIp', 'DestinationPort'];
const FILE_CREATE_FIELDS = ['ProcessGuid', 'Image', 'TargetFilename'];

/** A running process to attribute activity to: mostly long-running ones, sometimes a recent one. */
function activeProcess(host: Host, prng: Prng): RunningProcess {
  if (host.recent.length > 0 && prng.chance(0.35)) return prng.pick(host.recent);
  return host.residents[residentSlots.draw(prng)] as RunningProcess;
}

/** Sysmon 1: a new process started (it becomes a target for later network and file events). */
export function processCreated(ctx: EventContext): GeneratedEvent {
  const { host, prng } = ctx;
  const image = transientImages.draw(prng);
  const parent = residentProcess(host, image.runsAs === 'user' ? EXPLORER : SERVICES);
  const process = startProcess(host, prng, ctx.ids, image);
  const account = process.account;
  const fields = {
    UtcTime: utcTimeText(ctx.timeMs),
    ProcessGuid: process.guid,
    ProcessId: process.pid,
    Image: image.path,
    FileVersion: image.fileVersion,
    Description: image.description,
    Product: image.product,
    Company: image.company,
    OriginalFileName: image.fileName,
    CommandLine: process.commandLine,
    CurrentDirectory: account === host.system ? 'C:\\Windows\\system32\\' : `C:\\Users\\${account.name}\\`,
    User: userText(account),
    LogonGuid: account.logonGuid,
    LogonId: account.logonId,
    TerminalSessionId: account === host.system ? 0 : 1,
    IntegrityLevel: account === host.system ? 'System' : 'Medium',
    Hashes: image.hashes,
    ParentProcessGuid: parent.guid,
    ParentProcessId: parent.pid,
    ParentImage: parent.image.path,
    ParentCommandLine: parent.commandLine,
    ParentUser: userText(parent.account),
  };
  const message = lines('Process Create:\r\nRuleName: -', fields);
  return envelope(ctx, SYSMON_CHANNEL, { eventCode: 1, taskCategory: 'Process Create (rule: ProcessCreate)', message }, extracted(fields, PROCESS_CREATE_FIELDS));
}

/** Sysmon 3: an outbound TCP connection by a running process. */
export function networkConnection(ctx: EventContext): GeneratedEvent {
  const { host, prng } = ctx;
  const process = activeProcess(host, prng);
  const [destinationIp, destinationHostname, destinationPort, portName] = prng.pick(REMOTE_ENDPOINTS);
  const fields = {
    UtcTime: utcTimeText(ctx.timeMs),
    ProcessGuid: process.guid,
    ProcessId: process.pid,
    Image: process.image.path,
    User: userText(process.account),
    Protocol: 'tcp',
    Initiated: 'true',
    SourceIsIpv6: 'false',
    SourceIp: host.ip,
    SourceHostname: host.fqdn,
    SourcePort: prng.between(49152, 65535),
    SourcePortName: '-',
    DestinationIsIpv6: 'false',
    DestinationIp: destinationIp,
    DestinationHostname: destinationHostname,
    DestinationPort: destinationPort,
    DestinationPortName: portName,
  };
  const message = lines('Network connection detected:\r\nRuleName: -', fields);
  return envelope(ctx, SYSMON_CHANNEL, { eventCode: 3, taskCategory: 'Network connection detected (rule: NetworkConnect)', message }, extracted(fields, NETWORK_FIELDS));
}

function createdFileName(process: RunningProcess, prng: Prng): string {
  const home = `C:\\Users\\${process.account.name}`;
  switch (process.image.fileName) {
    case 'chrome.exe':
      return `${home}\\AppData\\Local\\Google\\Chrome\\User Data\\Default\\Cache\\Cache_Data\\f_${prng.hex(6).toLowerCase()}`;
    case 'MsMpEng.exe':
      return `C:\\ProgramData\\Microsoft\\Windows Defender\\Scans\\History\\CacheManager\\${prng.hex(8)}-0.bin`;
    case 'svchost.exe':
      return `C:\\Windows\\Prefetch\\${prng.pick(['CONHOST.EXE', 'TASKHOSTW.EXE', 'RUNTIMEBROKER.EXE', 'CMD.EXE'])}-${prng.hex(8)}.pf`;
    case 'explorer.exe':
      return `${home}\\AppData\\Roaming\\Microsoft\\Windows\\Recent\\${prng.pick(['Q3 report', 'budget', 'notes', 'invoice'])}.lnk`;
    default:
      return `${home}\\AppData\\Local\\Temp\\${prng.hex(8).toLowerCase()}.tmp`;
  }
}

/** Sysmon 11: a running process created a file. */
export function fileCreated(ctx: EventContext): GeneratedEvent {
  const { host, prng } = ctx;
  const process = activeProcess(host, prng);
  const fields = {
    UtcTime: utcTimeText(ctx.timeMs),
    ProcessGuid: process.guid,
    ProcessId: process.pid,
    Image: process.image.path,
    TargetFilename: createdFileName(process, prng),
    CreationUtcTime: utcTimeText(ctx.timeMs - prng.int(5)),
    User: userText(process.account),
  };
  const message = lines('File created:\r\nRuleName: -', fields);
  return envelope(ctx, SYSMON_CHANNEL, { eventCode: 11, taskCategory: 'File created (rule: FileCreate)', message }, extracted(fields, FILE_CREATE_FIELDS));
}
