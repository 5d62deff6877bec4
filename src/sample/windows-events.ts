// Deterministic generator of realistic Windows events (WMI-Activity, Sysmon, Security) as flat JSON objects.
import type { EventContext, GeneratedEvent } from './envelope.js';
import { createHosts, ProcessIds, type Host } from './hosts.js';
import { Prng, WeightedTable } from './prng.js';
import { accountLoggedOn, processCreationAudited } from './security.js';
import { fileCreated, networkConnection, processCreated } from './sysmon.js';
import { bindingReported, filterActivated, operationFailed, providerStarted, temporarySubscription } from './wmi-activity.js';
import { MALICIOUS_SUBSCRIPTIONS, SCM_SUBSCRIPTION, type WmiSubscription } from './wmi-subscriptions.js';

export { writeNdjson } from './ndjson.js';
export type { GeneratedEvent } from './envelope.js';

export interface WindowsEventOptions {
  seed: number;
  count: number;
  /** Number of machines (default 200). */
  hosts?: number;
  /** Epoch seconds of the first event (default 2023-11-14T22:13:20Z). */
  startTime?: number;
}

export type EventKind =
  | 'wmi-5857' | 'wmi-5858' | 'wmi-5859' | 'wmi-5860' | 'wmi-5861'
  | 'sysmon-1' | 'sysmon-3' | 'sysmon-11' | 'security-4624' | 'security-4688';

/** How often each kind of event occurs and how much WMI persistence the fleet carries. */
export interface FleetProfile {
  mix: ReadonlyArray<readonly [EventKind, number]>;
  /** Share of hosts with a malicious permanent WMI subscription (at least one host when > 0). */
  compromisedShare: number;
  /** On a compromised host, the chance that a 5859/5861 event concerns the malicious subscription. */
  maliciousBindingShare: number;
}

/** A busy enterprise fleet: mostly Sysmon, some Security, a little WMI-Activity; ~1 KB per event. */
export const DEFAULT_PROFILE: FleetProfile = {
  mix: [
    ['sysmon-3', 24], ['sysmon-11', 22], ['sysmon-1', 12], ['security-4624', 5], ['security-4688', 5],
    ['wmi-5857', 18], ['wmi-5858', 5], ['wmi-5859', 2], ['wmi-5860', 5], ['wmi-5861', 2],
  ],
  compromisedShare: 0.04,
  maliciousBindingShare: 0.4,
};

export const DEFAULT_HOSTS = 200;
export const DEFAULT_START_TIME = 1_700_000_000;
/** Largest gap between consecutive events, in milliseconds. */
const MAX_GAP_MS = 170;

/** Produces one event at a time from a seeded fleet; the same options always give the same events. */
export class WindowsEventFactory {
  readonly hosts: readonly Host[];
  private readonly prng: Prng;
  private readonly ids = new ProcessIds();
  private readonly kinds: WeightedTable<EventKind>;
  private readonly persistence = new Map<Host, WmiSubscription>();
  private readonly builders: Record<EventKind, (ctx: EventContext) => GeneratedEvent>;
  private timeMs: number;

  constructor(options: Omit<WindowsEventOptions, 'count'>, private readonly profile: FleetProfile = DEFAULT_PROFILE) {
    const hostCount = options.hosts ?? DEFAULT_HOSTS;
    if (!Number.isInteger(hostCount) || hostCount < 1) throw new RangeError(`hosts must be a positive integer, got ${hostCount}`);
    this.prng = new Prng(options.seed);
    this.hosts = createHosts(this.prng, this.ids, hostCount);
    this.kinds = new WeightedTable(profile.mix);
    this.timeMs = Math.round((options.startTime ?? DEFAULT_START_TIME) * 1000);
    this.plantPersistence();
    this.builders = {
      'wmi-5857': providerStarted,
      'wmi-5858': operationFailed,
      'wmi-5859': (ctx) => filterActivated(ctx, this.subscriptionSeenOn(ctx.host)),
      'wmi-5860': temporarySubscription,
      'wmi-5861': (ctx) => bindingReported(ctx, this.subscriptionSeenOn(ctx.host)),
      'sysmon-1': processCreated,
      'sysmon-3': networkConnection,
      'sysmon-11': fileCreated,
      'security-4624': accountLoggedOn,
      'security-4688': processCreationAudited,
    };
  }

  /** The malicious subscription planted on `host`, if any. */
  persistenceOn(host: Host): WmiSubscription | undefined {
    return this.persistence.get(host);
  }

  /** The next event: a random kind (per the profile's mix) on a random host. */
  next(): GeneratedEvent {
    return this.builders[this.kinds.draw(this.prng)](this.context(this.prng.pick(this.hosts)));
  }

  /** The next event as a given kind on a given host, for scripted scenarios. */
  nextOf(kind: EventKind, host: Host): GeneratedEvent {
    return this.builders[kind](this.context(host));
  }

  private context(host: Host): EventContext {
    this.timeMs += 1 + this.prng.int(MAX_GAP_MS);
    return { host, timeMs: this.timeMs, prng: this.prng, ids: this.ids };
  }

  private subscriptionSeenOn(host: Host): WmiSubscription {
    const planted = this.persistence.get(host);
    return planted !== undefined && this.prng.chance(this.profile.maliciousBindingShare) ? planted : SCM_SUBSCRIPTION;
  }

  /** Picks the compromised hosts at random and gives them the malicious subscriptions in turn. */
  private plantPersistence(): void {
    if (this.profile.compromisedShare <= 0) return;
    const count = Math.max(1, Math.round(this.hosts.length * this.profile.compromisedShare));
    const candidates = [...this.hosts];
    for (let planted = 0; planted < count && candidates.length > 0; planted++) {
      const [host] = candidates.splice(this.prng.int(candidates.length), 1) as [Host];
      this.persistence.set(host, MALICIOUS_SUBSCRIPTIONS[planted % MALICIOUS_SUBSCRIPTIONS.length] as WmiSubscription);
    }
  }
}

/** `count` events in time order from a fleet seeded with `seed`; lazy, so any count streams in constant memory. */
export function* generateWindowsEvents(options: WindowsEventOptions): Iterable<GeneratedEvent> {
  const factory = new WindowsEventFactory(options);
  for (let produced = 0; produced < options.count; produced++) yield factory.next();
}
