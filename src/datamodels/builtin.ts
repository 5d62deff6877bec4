// The data model and mapping files shipped with splq, imported as JSON so both the tsc build and the esbuild bundle carry them.
import alerts from './models/Alerts.json' with { type: 'json' };
import authentication from './models/Authentication.json' with { type: 'json' };
import certificates from './models/Certificates.json' with { type: 'json' };
import change from './models/Change.json' with { type: 'json' };
import email from './models/Email.json' with { type: 'json' };
import endpoint from './models/Endpoint.json' with { type: 'json' };
import intrusionDetection from './models/Intrusion_Detection.json' with { type: 'json' };
import networkResolution from './models/Network_Resolution.json' with { type: 'json' };
import networkSessions from './models/Network_Sessions.json' with { type: 'json' };
import networkTraffic from './models/Network_Traffic.json' with { type: 'json' };
import risk from './models/Risk.json' with { type: 'json' };
import updates from './models/Updates.json' with { type: 'json' };
import web from './models/Web.json' with { type: 'json' };
import sysmon from './mappings/sysmon.json' with { type: 'json' };
import windowsSecurity from './mappings/windows-security.json' with { type: 'json' };
import windowsSystem from './mappings/windows-system.json' with { type: 'json' };

/** Model files as parsed JSON (validated by the catalog before use). */
export const BUILTIN_MODEL_FILES: ReadonlyArray<{ file: string; json: unknown }> = [
  { file: 'Alerts.json', json: alerts },
  { file: 'Authentication.json', json: authentication },
  { file: 'Certificates.json', json: certificates },
  { file: 'Change.json', json: change },
  { file: 'Email.json', json: email },
  { file: 'Endpoint.json', json: endpoint },
  { file: 'Intrusion_Detection.json', json: intrusionDetection },
  { file: 'Network_Resolution.json', json: networkResolution },
  { file: 'Network_Sessions.json', json: networkSessions },
  { file: 'Network_Traffic.json', json: networkTraffic },
  { file: 'Risk.json', json: risk },
  { file: 'Updates.json', json: updates },
  { file: 'Web.json', json: web },
];

/** Mapping files as parsed JSON, in the order they apply (a user's --datamodel-map files come first). */
export const BUILTIN_MAPPING_FILES: ReadonlyArray<{ file: string; json: unknown }> = [
  { file: 'sysmon.json', json: sysmon },
  { file: 'windows-security.json', json: windowsSecurity },
  { file: 'windows-system.json', json: windowsSystem },
];
