// The bench's "dense" data shape: the generator with 5-10% of lines holding `Binding`, shuffled keys, mixed-case and decoy sourcetypes.
import type { GeneratedEvent } from './envelope.js';
import { Prng } from './prng.js';
import { WindowsEventFactory, type FleetProfile, type WindowsEventOptions } from './windows-events.js';

/**
 * Many more WMI bindings (5861, the only template whose text says `Binding`) than the default fleet: 8 of 106
 * weights, so about 7.5% of lines hold the reference query's literal (the default profile: under 2%).
 */
export const DENSE_PROFILE: FleetProfile = {
  mix: [
    ['sysmon-3', 22], ['sysmon-11', 20], ['sysmon-1', 12], ['security-4624', 5], ['security-4688', 5],
    ['wmi-5857', 16], ['wmi-5858', 5], ['wmi-5859', 5], ['wmi-5860', 8], ['wmi-5861', 8],
  ],
  compromisedShare: 0.04,
  maliciousBindingShare: 0.4,
};

/** Sourcetypes that look like the WMI one but are not it (another add-on version, another channel). */
export const DECOY_WMI_SOURCETYPES = [
  'XmlWinEventLog:Microsoft-Windows-WMI-Activity/Operational',
  'WinEventLog:Microsoft-Windows-WMI-Activity/Trace',
];
/** Share of WMI events whose sourcetype is a decoy (the event's text, `Binding` included, is unchanged). */
const DECOY_SHARE = 0.25;
/** Share of events whose sourcetype is written in another letter case (Splunk compares sourcetypes ignoring case). */
const RECASED_SHARE = 0.3;

/** `text` in one of three other letter cases: all lower, all upper, or each letter flipped at random. */
function recased(text: string, prng: Prng): string {
  const form = prng.int(3);
  if (form === 0) return text.toLowerCase();
  if (form === 1) return text.toUpperCase();
  let out = '';
  for (const ch of text) out += prng.chance(0.5) ? ch.toUpperCase() : ch.toLowerCase();
  return out;
}

/** The same fields in a random order (Fisher-Yates over the keys). */
function shuffledKeys(event: GeneratedEvent, prng: Prng): GeneratedEvent {
  const keys = Object.keys(event);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = prng.int(i + 1);
    [keys[i], keys[j]] = [keys[j] as string, keys[i] as string];
  }
  const out: GeneratedEvent = {};
  for (const key of keys) out[key] = event[key];
  return out;
}

/** One generated event in the dense shape: a decoy or re-cased sourcetype sometimes, its keys always shuffled. */
function denseEvent(event: GeneratedEvent, prng: Prng): GeneratedEvent {
  const sourcetype = event.sourcetype as string;
  if (sourcetype.includes('WMI-Activity') && prng.chance(DECOY_SHARE)) event.sourcetype = prng.pick(DECOY_WMI_SOURCETYPES);
  else if (prng.chance(RECASED_SHARE)) event.sourcetype = recased(sourcetype, prng);
  return shuffledKeys(event, prng);
}

/** `count` events of the dense shape, deterministic per seed (its own PRNG for the reshaping); lazy. */
export function* generateDenseEvents(options: WindowsEventOptions): Iterable<GeneratedEvent> {
  const factory = new WindowsEventFactory(options, DENSE_PROFILE);
  const prng = new Prng(options.seed ^ 0x5eed);
  for (let produced = 0; produced < options.count; produced++) yield denseEvent(factory.next(), prng);
}
