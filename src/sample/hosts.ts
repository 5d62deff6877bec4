// The simulated fleet: machines, their accounts and the processes running on them.
import { Prng } from './prng.js';
import { RESIDENT_IMAGES, type ProcessImage } from './process-catalog.js';

const RESIDENT_SLOTS = new Map(RESIDENT_IMAGES.map(([image], slot) => [image, slot]));

export interface Account {
  name: string;
  domain: string;
  sid: string;
  /** Logon session id, e.g. `0x3E7`. */
  logonId: string;
  logonGuid: string;
}

export interface RunningProcess {
  guid: string;
  pid: number;
  image: ProcessImage;
  commandLine: string;
  account: Account;
}

export interface Host {
  name: string;
  fqdn: string;
  ip: string;
  /** First GUID group Sysmon uses for this machine's process and logon GUIDs. */
  guidPrefix: string;
  system: Account;
  user: Account;
  /** Processes running since boot, in RESIDENT_IMAGES order. */
  residents: RunningProcess[];
  /** Processes started recently (a bounded ring), for follow-up network and file events. */
  recent: RunningProcess[];
  /** Next record number per event log channel. */
  recordNumbers: Map<string, number>;
}

export const DOMAIN = 'CORP';
export const DNS_SUFFIX = 'corp.example.com';
/** SID of the simulated Active Directory domain. */
export const DOMAIN_SID = 'S-1-5-21-3623811015-3361044348-30300820';
const RECENT_LIMIT = 48;
const FIRST_NAMES = ['anna', 'ben', 'carla', 'dev', 'erik', 'fatima', 'gus', 'hana', 'ivan', 'jo', 'kemal', 'lena', 'mo', 'nora', 'omar', 'pia'];
const LAST_NAMES = ['smith', 'garcia', 'mueller', 'rossi', 'tanaka', 'okafor', 'novak', 'silva', 'khan', 'berg', 'dubois', 'lee'];

/** Counts processes across the fleet so that every process GUID is unique. */
export class ProcessIds {
  private started = 0;

  /** A fresh, fleet-unique Sysmon-style process GUID on `host`. */
  nextGuid(host: Host, prng: Prng): string {
    this.started += 1;
    const sequence = this.started.toString(16).toUpperCase().padStart(8, '0');
    return `{${host.guidPrefix}-${prng.hex(4)}-${prng.hex(4)}-0000-0010${sequence}}`;
  }
}

function systemAccount(): Account {
  return { name: 'SYSTEM', domain: 'NT AUTHORITY', sid: 'S-1-5-18', logonId: '0x3E7', logonGuid: '{00000000-0000-0000-0000-000000000000}' };
}

function userAccount(prng: Prng, guidPrefix: string, index: number): Account {
  const name = `${prng.pick(FIRST_NAMES)}.${prng.pick(LAST_NAMES)}`;
  return {
    name,
    domain: DOMAIN,
    sid: `${DOMAIN_SID}-${1104 + index}`,
    logonId: `0x${prng.hex(6).replace(/^0+/, '')}`,
    logonGuid: `{${guidPrefix}-${prng.hex(4)}-${prng.hex(4)}-0000-0020${prng.hex(8)}}`,
  };
}

function newProcess(host: Host, prng: Prng, ids: ProcessIds, image: ProcessImage): RunningProcess {
  return {
    guid: ids.nextGuid(host, prng),
    pid: 4 * prng.between(100, 16000),
    image,
    commandLine: prng.pick(image.commandLines),
    account: image.runsAs === 'system' ? host.system : host.user,
  };
}

/** Start a process on `host` (it becomes a target for later network and file events). */
export function startProcess(host: Host, prng: Prng, ids: ProcessIds, image: ProcessImage): RunningProcess {
  const process = newProcess(host, prng, ids, image);
  if (host.recent.length < RECENT_LIMIT) host.recent.push(process);
  else host.recent[prng.int(RECENT_LIMIT)] = process;
  return process;
}

function createHost(prng: Prng, ids: ProcessIds, index: number): Host {
  const isServer = index % 10 === 0;
  const name = isServer ? `SRV-${String(index / 10 + 1).padStart(3, '0')}` : `WKS-${String(index + 1).padStart(4, '0')}`;
  const guidPrefix = prng.hex(8);
  const host: Host = {
    name,
    fqdn: `${name}.${DNS_SUFFIX}`,
    ip: `10.${20 + Math.floor(index / 250)}.${index % 250}.${prng.between(10, 250)}`,
    guidPrefix,
    system: systemAccount(),
    user: userAccount(prng, guidPrefix, index),
    residents: [],
    recent: [],
    recordNumbers: new Map(),
  };
  host.residents = RESIDENT_IMAGES.map(([image]) => newProcess(host, prng, ids, image));
  return host;
}

/** The process running `image` since boot on `host` (every host runs every resident image). */
export function residentProcess(host: Host, image: ProcessImage): RunningProcess {
  const slot = RESIDENT_SLOTS.get(image);
  if (slot === undefined) throw new Error(`${image.fileName} is not a resident image`);
  return host.residents[slot] as RunningProcess;
}

/** `count` machines: every tenth is a server, the rest workstations. */
export function createHosts(prng: Prng, ids: ProcessIds, count: number): Host[] {
  return Array.from({ length: count }, (_, index) => createHost(prng, ids, index));
}

/** The next record number in `channel` on `host`. */
export function nextRecordNumber(host: Host, channel: string): number {
  const next = (host.recordNumbers.get(channel) ?? 1000) + 1;
  host.recordNumbers.set(channel, next);
  return next;
}
