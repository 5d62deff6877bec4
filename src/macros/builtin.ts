// Macros that ESCU detections use but that ship with other Splunk apps, so offline runs still expand them.
import type { MacroDef } from './macro-def.js';

const SPLUNK_SA_CIM = 'builtin (Splunk_SA_CIM macros.conf)';
const SPLUNK_ES = 'builtin (Enterprise Security asset correlation, simplified)';

/** Added before any loaded file, so a user's own definition of the same name and arity wins. */
export const BUILTIN_MACROS: readonly MacroDef[] = [
  // Strips the data-model object prefix from tstats output fields: Processes.dest -> dest.
  {
    name: 'drop_dm_object_name',
    args: ['object'],
    definition: 'rename $object$.* AS *',
    iseval: false,
    origin: SPLUNK_SA_CIM,
  },
  // Enterprise Security's asset lookup for a field. Simplified: one string-keyed asset lookup, outputs prefixed by the field.
  {
    name: 'get_asset',
    args: ['field'],
    definition: 'lookup asset_lookup_by_str key AS $field$ OUTPUTNEW asset AS $field$_asset, priority AS $field$_priority, category AS $field$_category',
    iseval: false,
    origin: SPLUNK_ES,
  },
];
