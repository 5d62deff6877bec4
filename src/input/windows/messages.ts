// `Message` as Windows renders it, for the events ESCU reads it from, when an export (EVTX-flat, XML) has none.
import type { Event } from '../../runtime/event.js';

/** One message template: literal text and `{Field}` insertions, in the order of the provider's manifest. */
interface MessageTemplate {
  /** Event log channel (lower case) and event id. */
  channel: string;
  eventId: string;
  /** The rendered text, with each insertion named by the field (first present name wins) that holds it. */
  parts: Array<string | string[]>;
}

const WMI = 'microsoft-windows-wmi-activity/operational';

/**
 * Microsoft-Windows-WMI-Activity's manifest messages, as the Mordor/SD2 recordings (rendered by Windows) show them:
 * 5861 (permanent subscription binding; ESCU "WMI Permanent Event Subscription" reads `Consumer = ...`) and 5860
 * (temporary subscription; ESCU "WMI Temporary Event Subscription" reads `NotificationQuery = ...`).
 */
const TEMPLATES: MessageTemplate[] = [
  {
    channel: WMI, eventId: '5861',
    parts: ['Namespace = ', ['Namespace'], '; Eventfilter = ', ['ESS'], ' (refer to its activate eventid:5859); Consumer = ', ['CONSUMER'],
      '; PossibleCause = ', ['PossibleCause']],
  },
  {
    channel: WMI, eventId: '5860',
    parts: ['Namespace = ', ['NamespaceName'], '; NotificationQuery = ', ['Query'], '; UserName = ', ['User'],
      '; ClientProcessID = ', ['Processid', 'ClientProcessID'], ', ClientMachine = ', ['ClientMachine'], '; PossibleCause = ', ['PossibleCause']],
  },
];

const byKey = new Map(TEMPLATES.map((t) => [`${t.channel}|${t.eventId}`, t]));

function text(ev: Event, names: string[]): string {
  for (const name of names) {
    const value = ev.get(name);
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== null) return String(first);
  }
  return '';
}

/** Set `Message` from the event's fields when it has none and a template is known for its channel and id. */
export function renderMessage(ev: Event, channel: string, eventId: string): void {
  if (ev.has('Message') || ev.has('message')) return;
  const template = byKey.get(`${channel.toLowerCase()}|${eventId}`);
  if (template === undefined) return;
  ev.set('Message', template.parts.map((p) => (typeof p === 'string' ? p : text(ev, p))).join(''));
}
