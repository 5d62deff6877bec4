// rex on a real WMI-Activity 5861 event from the shared datasets (skipped with a notice when /work/shared is absent).
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runQuery, type PlainEvent } from '../helpers/run.js';

const SHARED = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
const WMI_FILE = path.join(SHARED, 'datasets/windows/sd2_190518-WMISubscriptionCreation-Elevated',
  'WORKSTATION6_Windows_MicrosoftWindowsWMIActivityOperational_2022-09-22T03001327.json');
const present = existsSync(WMI_FILE);
if (!present) console.warn(`rex dataset test skipped: ${WMI_FILE} not found`);

describe.skipIf(!present)('rex on a recorded WMI 5861 event', () => {
  it('extracts the permanent consumer and stops at the ";"', () => {
    const records = JSON.parse(readFileSync(WMI_FILE, 'utf8')) as Array<{ EventID: number; Message: string }>;
    const events: PlainEvent[] = records.filter((r) => r.EventID === 5861).map((r) => ({ Message: r.Message }));
    expect(events).toHaveLength(1);
    const [out] = runQuery(String.raw`* | rex field=Message "Consumer =\s+(?<consumer>[^;|^$]+)"`, events);
    expect(out!.consumer).toBe('CommandLineEventConsumer="Updater"');
  });
});
