// The small fixed sample behind `npm start`: ~200 events with WMI persistence for the detection to find.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { GeneratedEvent } from './envelope.js';
import type { Host } from './hosts.js';
import { writeNdjson } from './ndjson.js';
import { WindowsEventFactory, type EventKind, type FleetProfile } from './windows-events.js';

export const DEFAULT_DEMO_DIR = 'bench/data';
export const DEMO_FILE_NAME = 'demo.ndjson';
const DEMO_SEED = 5861;
const DEMO_COUNT = 200;
const DEMO_HOSTS = 8;

/** More WMI-Activity than a real fleet, and every binding on a compromised host is the malicious one. */
const DEMO_PROFILE: FleetProfile = {
  mix: [
    ['sysmon-3', 20], ['sysmon-11', 15], ['sysmon-1', 12], ['security-4624', 6], ['security-4688', 6],
    ['wmi-5857', 15], ['wmi-5858', 6], ['wmi-5859', 6], ['wmi-5860', 6], ['wmi-5861', 8],
  ],
  compromisedShare: 3 / DEMO_HOSTS,
  maliciousBindingShare: 1,
};

/**
 * Random background activity plus a fixed story: a clean host reports the built-in SCM binding, and each
 * compromised host activates its malicious filter, reports the binding, and reports it again near the end.
 */
export function demoEvents(): GeneratedEvent[] {
  const factory = new WindowsEventFactory({ seed: DEMO_SEED, hosts: DEMO_HOSTS }, DEMO_PROFILE);
  const compromised = factory.hosts.filter((host) => factory.persistenceOn(host) !== undefined);
  const clean = factory.hosts.filter((host) => factory.persistenceOn(host) === undefined);
  const script = new Map<number, readonly [EventKind, Host]>();
  clean.forEach((host, k) => script.set(10 + k, ['wmi-5861', host]));
  compromised.forEach((host, k) => {
    script.set(30 + 40 * k, ['wmi-5859', host]);
    script.set(31 + 40 * k, ['wmi-5861', host]);
    script.set(190 + k, ['wmi-5861', host]);
  });
  return Array.from({ length: DEMO_COUNT }, (_, index) => {
    const scripted = script.get(index);
    return scripted === undefined ? factory.next() : factory.nextOf(...scripted);
  });
}

/** Write the demo sample as NDJSON into `dir` (created if missing) and return the file's path. */
export function writeDemoSample(dir: string = DEFAULT_DEMO_DIR): string {
  mkdirSync(dir, { recursive: true });
  const path = join(dir, DEMO_FILE_NAME);
  writeNdjson(path, demoEvents());
  return path;
}
