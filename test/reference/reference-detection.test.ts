// The reference detection (WMI Permanent Event Subscription), verbatim from queries/, against expected rows worked out by hand.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDetection } from '../../src/detection.js';
import { MacroLibrary } from '../../src/macros/index.js';
import { compile } from '../../src/query.js';
import { demoEvents } from '../../src/sample/demo.js';
import { Event, type FieldValue } from '../../src/runtime/event.js';
import { REPO } from '../helpers/cli.js';

const detection = readDetection(join(REPO, 'queries/wmi_permanent_event_subscription.yml'));
const macros = MacroLibrary.load([join(REPO, 'queries/macros')]);
const query = compile(detection.search, { macros, now: 1700000000 });
const run = (events: Array<Record<string, FieldValue>>) => query.runSync(events).map((e) => e.toObject());
const summary = (rows: Array<Record<string, FieldValue>>) => rows.map(({ Message: _m, ...rest }) => rest);

describe('reference detection on the project sample (npm start data)', () => {
  // Worked out by hand from the sample (jq over bench/data/demo.ndjson): the 5861 bindings whose consumer is not the
  // SCM one, grouped by host/consumer/message, times as %Y-%m-%dT%H:%M:%S UTC, sorted by ComputerName (then renamed dest).
  it('returns the three malicious bindings with counts and first/last times', () => {
    // As read from the NDJSON file: the fields, and the line itself as _raw.
    const events = demoEvents().map((o) => Event.fromObject(o as Record<string, FieldValue>, JSON.stringify(o)));
    const rows = query.runSync(events).map((e) => e.toObject());
    expect(summary(rows)).toEqual([
      { dest: 'WKS-0003.corp.example.com', consumer: 'CommandLineEventConsumer="WindowsUpdateCheck"', count: 2, firstTime: '2023-11-14T22:13:22', lastTime: '2023-11-14T22:13:36' },
      { dest: 'WKS-0007.corp.example.com', consumer: 'CommandLineEventConsumer="SysHealthMonitor"', count: 3, firstTime: '2023-11-14T22:13:26', lastTime: '2023-11-14T22:13:36' },
      { dest: 'WKS-0008.corp.example.com', consumer: 'ActiveScriptEventConsumer="TelemetryCollector"', count: 2, firstTime: '2023-11-14T22:13:29', lastTime: '2023-11-14T22:13:36' },
    ]);
    expect(Object.keys(rows[0]!)).toEqual(['dest', 'consumer', 'Message', 'count', 'firstTime', 'lastTime']);
    for (const row of rows) expect(row.Message).toContain(`Consumer = ${row.consumer as string};`);
  });
});

describe('reference detection: each semantic step (spec section 0)', () => {
  const ST = 'WinEventLog:Microsoft-Windows-WMI-Activity/Operational';
  const msg = (consumer: string, cause = 'Binding') =>
    `Namespace = //./root/subscription; Eventfilter = F (refer to its activate eventid:5859); Consumer = ${consumer}; PossibleCause = ${cause} EventFilter:\r\ninstance of __EventFilter`;
  const ev = (t: number, host: string | undefined, consumer: string, extra: Record<string, FieldValue> = {}) => {
    const fields: Record<string, FieldValue> = { _time: t, sourcetype: ST, EventCode: 5861, Message: msg(consumer), ...extra };
    if (host !== undefined) fields.ComputerName = host;
    fields._raw = JSON.stringify(fields);
    return fields;
  };
  const EVIL = 'CommandLineEventConsumer="Evil"';
  const SCM = 'NTEventLogEventConsumer="SCM Event Log Consumer"';

  it('matches sourcetype case-insensitively, Binding as a whole term, and drops the SCM consumer', () => {
    const rows = run([
      ev(1619787911, 'b-host', EVIL),
      ev(1619787912, 'a-host', SCM),
      ev(1619787913, 'c-host', EVIL, { sourcetype: ST.toLowerCase() }),
      ev(1619787914, 'd-host', EVIL, { Message: msg(EVIL, 'Bindings'), _raw: msg(EVIL, 'Bindings') }),
      ev(1619787915, 'e-host', EVIL, { EventCode: 5860 }),
      ev(1619787916, 'f-host', EVIL, { sourcetype: 'WinEventLog:Security' }),
    ]);
    expect(rows.map((r) => r.dest)).toEqual(['b-host', 'c-host']);
  });

  it('drops events where rex finds no consumer (!= needs the field) and events without ComputerName', () => {
    const rows = run([
      ev(1619787911, 'a-host', EVIL, { Message: 'PossibleCause = Binding without a consumer' }),
      ev(1619787912, undefined, EVIL),
      ev(1619787913, 'z-host', EVIL),
    ]);
    expect(rows.map((r) => r.dest)).toEqual(['z-host']);
  });

  it('groups repeated bindings, counts them, formats min/max _time with the macro\'s ctime format', () => {
    const rows = run([ev(1619787920.9, 'h', EVIL), ev(1619787911.2, 'h', EVIL), ev(1619787915, 'h', EVIL)]);
    expect(summary(rows)).toEqual([{ dest: 'h', consumer: EVIL, count: 3, firstTime: '2021-04-30T13:05:11', lastTime: '2021-04-30T13:05:20' }]);
  });

  it('sorts groups by ComputerName in byte order (uppercase before lowercase)', () => {
    const rows = run([ev(1, 'beta', EVIL), ev(2, 'Zulu', EVIL), ev(3, 'alpha', EVIL)]);
    expect(rows.map((r) => r.dest)).toEqual(['Zulu', 'alpha', 'beta']);
  });
});
