// Test helpers: build a macro library from a compact `{ 'name(a,b)': definition }` table.
import { MacroLibrary } from '../../src/macros/index.js';

/** Keys are `name` or `name(arg1,arg2)`; values are definitions. No built-ins, so tests see only these. */
export function libraryOf(table: Record<string, string>, iseval: string[] = []): MacroLibrary {
  const lib = new MacroLibrary();
  for (const [signature, definition] of Object.entries(table)) {
    const match = /^([^(]+)(?:\((.*)\))?$/.exec(signature)!;
    const name = match[1]!;
    const args = match[2] ? match[2].split(',').map((a) => a.trim()) : [];
    lib.add({ name, args, definition, iseval: iseval.includes(name), origin: 'test' });
  }
  return lib;
}

/** The reference detection's SPL, exactly as in the brief (single backslashes). */
export const REFERENCE_QUERY =
  '`wmi` EventCode=5861 Binding | rex field=Message "Consumer =\\s+(?<consumer>[^;|^$]+)" | search consumer!="NTEventLogEventConsumer=\\"SCM Event Log Consumer\\"" | stats count min(_time) as firstTime max(_time) as lastTime by ComputerName, consumer, Message | `security_content_ctime(firstTime)`| `security_content_ctime(lastTime)` | rename ComputerName as dest | `wmi_permanent_event_subscription_filter`';

export const REFERENCE_MACROS = {
  wmi: 'sourcetype="wineventlog:microsoft-windows-wmi-activity/operational"',
  'security_content_ctime(field)': 'convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$)',
};
