// Every macro the ESCU corpus defines for a Windows event log source, over one event of that source from
// ../shared/datasets with --preset windows: each must select it (issue 16 point 8). Also the WMI detection on the
// EVTX-flat recordings, which carry no rendered Message (issue 16 point 9).
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedDir } from '../../src/corpus.js';
import { splq } from '../helpers/cli.js';
import { ndjsonRows, REFERENCE_DETECTION, WINDOWS_DATA } from './shared-data.js';

const shared = sharedDir();
const MACROS = shared === undefined ? undefined : join(shared, 'corpus', 'security_content', 'macros');
const ready = WINDOWS_DATA !== undefined && MACROS !== undefined && existsSync(MACROS);
if (!ready) console.warn('skipping the corpus Windows macro tests: ../shared/corpus or ../shared/datasets/windows is not present (set SPLQ_SHARED to its parent)');

/** The channel each Windows macro of the corpus selects (a macro missing here fails the coverage test). */
const CHANNEL_OF: Record<string, string> = {
  sysmon: 'Microsoft-Windows-Sysmon/Operational',
  wineventlog_security: 'Security',
  wineventlog_system: 'System',
  wineventlog_application: 'Application',
  wineventlog_task_scheduler: 'Security',
  powershell: 'Microsoft-Windows-PowerShell/Operational',
  wmi: 'Microsoft-Windows-WMI-Activity/Operational',
  applocker: 'Microsoft-Windows-AppLocker/MSI and Script',
  capi2_operational: 'Microsoft-Windows-CAPI2/Operational',
  certificateservices_lifecycle: 'Microsoft-Windows-CertificateServicesClient-Lifecycle-System/Operational',
  ms_defender: 'Microsoft-Windows-Windows Defender/Operational',
  ntlm_audit: 'Microsoft-Windows-NTLM/Operational',
  printservice: 'Microsoft-Windows-PrintService/Admin',
  remoteconnectionmanager: 'Microsoft-Windows-TerminalServices-RemoteConnectionManager/Operational',
};

/** Corpus macros whose definition names a Windows event log source or eventtype. */
function windowsMacros(): string[] {
  return readdirSync(MACROS!).filter((f) => f.endsWith('.yml')).flatMap((f) => {
    // Read line by line: a few corpus macro files are not valid YAML further down.
    const text = readFileSync(join(MACROS!, f), 'utf8');
    const name = /^name:\s*(\S+)/m.exec(text)?.[1];
    const definition = /^definition:(.*)$/m.exec(text)?.[1] ?? '';
    return /wineventlog/i.test(definition) && name !== undefined ? [name] : [];
  });
}

/** Every JSON record of the datasets (NDJSON lines and SD2 arrays), lazily. */
function* records(): Generator<Record<string, unknown>> {
  const files = readdirSync(WINDOWS_DATA!, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(json|ndjson)$/.test(f)).sort();
  for (const file of files) {
    const text = readFileSync(join(WINDOWS_DATA!, file), 'utf8');
    const list = text.trimStart().startsWith('[') ? (JSON.parse(text) as Array<Record<string, unknown>>) : text.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Record<string, unknown>);
    yield* list;
  }
}

let byChannel: Map<string, Record<string, unknown>> | undefined;
let template: Record<string, unknown> | undefined;

/** One recorded event of the channel; a channel no dataset holds gets a recorded EVTX-flat event relabelled. */
function eventOf(channel: string): Record<string, unknown> {
  if (byChannel === undefined) {
    byChannel = new Map();
    for (const r of records()) {
      const key = String(r['Channel'] ?? '').toLowerCase();
      if (!byChannel.has(key)) byChannel.set(key, r);
      if (template === undefined && typeof r['TimeCreated'] === 'string' && r['Computer'] !== undefined && r['TimeGenerated'] === undefined) template = r;
    }
  }
  return byChannel.get(channel.toLowerCase()) ?? { ...template!, Channel: channel };
}

describe.skipIf(!ready)('corpus Windows macros over recorded events, --preset windows', () => {
  it('the channel table covers every Windows macro the corpus defines', () => {
    expect(windowsMacros().sort()).toEqual(Object.keys(CHANNEL_OF).sort());
  });

  const dir = ready ? mkdtempSync(join(tmpdir(), 'splq-macros-')) : '';
  for (const [macro, channel] of Object.entries(CHANNEL_OF)) {
    it(`\`${macro}\` selects an event of ${channel}`, async () => {
      const record = eventOf(channel);
      const file = join(dir, `${macro}.ndjson`);
      writeFileSync(file, `${JSON.stringify(record)}\n`);
      const result = await splq(['run', `search \`${macro}\` | stats count`, '-m', MACROS!, '--preset', 'windows', '-i', file, '-o', 'ndjson']);
      expect(ndjsonRows(result)).toEqual([{ count: 1 }]);
    });
  }

  it('the WMI detection finds the KillProcess and LaunchBeaconingBackdoor consumers in the EVTX-flat recordings (Message rendered)', async () => {
    const museum = join(WINDOWS_DATA!, 'dfir_artifact_museum');
    const files = ['APTSimulatorVM_EventLogs_Server2022__WMI-Activity_Operational.ndjson', 'APTSimulatorVM_EventLogs__WMI-Activity_Operational.ndjson'].map((f) => join(museum, f));
    const rows = ndjsonRows(await splq(['run', ...REFERENCE_DETECTION, '--preset', 'windows', '-i', ...files, '-o', 'ndjson']));
    expect(rows.map((r) => [r.dest, r.consumer])).toEqual([
      ['DESKTOP-TMKU40H', 'ActiveScriptEventConsumer="KillProcess"'],
      ['WIN-FUDU2CKJOE8', 'ActiveScriptEventConsumer="KillProcess"'],
      ['WIN-FUDU2CKJOE8', 'ActiveScriptEventConsumer="LaunchBeaconingBackdoor"'],
    ]);
    expect(String(rows[0]!.Message)).toMatch(/^Namespace = \/\/\.\/root\/subscription; Eventfilter = ProcessStartTrigger \(refer to its activate eventid:5859\); Consumer = ActiveScriptEventConsumer="KillProcess"; PossibleCause = /);
  });
});
