// The shipped data models and mappings: they load and compile, define every dataset and field the ESCU corpus names,
// and malformed files are rejected with the file and the place.
import { describe, expect, it } from 'vitest';
import { builtinMappings, builtinModels, compileDataset, compileEventMapper, getDataModel, resolveDataset } from '../../src/datamodels/index.js';
import { datasetFieldResolver, UNDEFINED_FIELD_PREFIX } from '../../src/datamodels/dataset.js';
import { checkDataModel, checkSourceMapping } from '../../src/datamodels/validate.js';
import { SplError } from '../../src/errors.js';
import { getZone } from '../../src/time/zone.js';

const CTX = { zone: getZone('UTC'), now: 0 };
const SPAN = { start: 0, end: 0 };

/** Dataset fields the corpus names (spec tstats-cim.md 1.2 and "Fields the corpus uses"), per `from datamodel=` value. */
const CORPUS_FIELDS: Record<string, string> = {
  'Endpoint.Processes': 'Processes.action Processes.dest Processes.dest_category Processes.os Processes.original_file_name Processes.parent_process Processes.parent_process_exec Processes.parent_process_guid Processes.parent_process_id Processes.parent_process_name Processes.parent_process_path Processes.process Processes.process_current_directory Processes.process_exec Processes.process_guid Processes.process_hash Processes.process_id Processes.process_integrity_level Processes.process_name Processes.process_path Processes.user Processes.user_bunit Processes.user_category Processes.vendor_product',
  'Endpoint.Registry': 'Registry.action Registry.dest Registry.process_guid Registry.process_id Registry.registry_hive Registry.registry_key_name Registry.registry_path Registry.registry_value_data Registry.registry_value_name Registry.registry_value_type Registry.status Registry.user',
  'Endpoint.Filesystem': 'Filesystem.action Filesystem.dest Filesystem.file_create_time Filesystem.file_hash Filesystem.file_name Filesystem.file_path Filesystem.process_guid Filesystem.process_id Filesystem.process_name Filesystem.user',
  Web: 'Web.action Web.app Web.bytes_out Web.category Web.dest Web.dest_category Web.dest_port Web.http_method Web.http_user_agent Web.http_user_agent_length Web.src Web.status Web.uri_path Web.uri_query Web.url Web.url_domain Web.url_length Web.user Web.vendor_product',
  Network_Traffic: 'All_Traffic.action All_Traffic.app All_Traffic.bytes All_Traffic.bytes_in All_Traffic.bytes_out All_Traffic.dest All_Traffic.dest_category All_Traffic.dest_ip All_Traffic.dest_port All_Traffic.dest_zone All_Traffic.direction All_Traffic.flow_id All_Traffic.process_id All_Traffic.protocol All_Traffic.src All_Traffic.src_category All_Traffic.src_ip All_Traffic.src_zone All_Traffic.transport All_Traffic.user',
  Change: 'All_Changes.action All_Changes.change_type All_Changes.command All_Changes.dest All_Changes.object All_Changes.object_category All_Changes.object_id All_Changes.result All_Changes.result_id All_Changes.src All_Changes.status All_Changes.user All_Changes.user_agent All_Changes.user_type All_Changes.vendor_region All_Changes.Instance_Changes.image_id All_Changes.Instance_Changes.instance_type',
  Authentication: 'Authentication.action Authentication.app Authentication.authentication_method Authentication.dest Authentication.dest_category Authentication.reason Authentication.signature Authentication.signature_id Authentication.src Authentication.src_category Authentication.user Authentication.user_category Authentication.user_id Authentication.user_role Authentication.vendor_account',
  'Risk.All_Risk': 'All_Risk.analyticstories All_Risk.annotations.mitre_attack.mitre_tactic All_Risk.annotations.mitre_attack.mitre_tactic_id All_Risk.annotations.mitre_attack.mitre_technique_id All_Risk.calculated_risk_score All_Risk.risk_message All_Risk.risk_object All_Risk.risk_object_type All_Risk.tag',
  // DNS.flow_id (1 detection) is not a field of the CIM DNS dataset, so it reads nothing, as in Splunk.
  Network_Resolution: 'DNS.answer DNS.dest DNS.message_type DNS.query DNS.query_type DNS.record_type DNS.reply_code DNS.src',
  Email: 'All_Email.file_name All_Email.message_id All_Email.recipient All_Email.src_user',
  Updates: 'Updates.dest Updates.status Updates.vendor_product',
  Alerts: 'Alerts.app Alerts.description Alerts.dest Alerts.id Alerts.severity Alerts.signature',
  Network_Sessions: 'All_Sessions.dest_ip All_Sessions.dest_mac All_Sessions.signature All_Sessions.src_ip All_Sessions.tag',
  'Intrusion_Detection.IDS_Attacks': 'IDS_Attacks.action IDS_Attacks.dest IDS_Attacks.dest_category IDS_Attacks.dest_port IDS_Attacks.severity IDS_Attacks.signature IDS_Attacks.src IDS_Attacks.src_category IDS_Attacks.transport',
  'Certificates.All_Certificates': 'All_Certificates.SSL.dest All_Certificates.SSL.src All_Certificates.SSL.ssl_issuer All_Certificates.SSL.ssl_issuer_email_domain All_Certificates.SSL.ssl_subject_email All_Certificates.SSL.ssl_subject_email_domain',
};

function resolve(from: string) {
  const [modelName, datasetName] = from.split('.');
  const model = getDataModel(modelName!, SPAN);
  const dataset = resolveDataset(model, datasetName ?? model.datasets.find((d) => d.parent === null)!.name, SPAN);
  return { model, dataset };
}

describe('shipped data models', () => {
  it('all load, and every dataset compiles (constraints and calculations)', () => {
    expect([...builtinModels().keys()].sort()).toEqual(['Alerts', 'Authentication', 'Certificates', 'Change', 'Email', 'Endpoint', 'Intrusion_Detection', 'Network_Resolution', 'Network_Sessions', 'Network_Traffic', 'Risk', 'Updates', 'Web']);
    for (const model of builtinModels().values()) {
      expect(model.source.length).toBeGreaterThan(0);
      for (const d of model.datasets) expect(() => compileDataset(resolveDataset(model, d.name, SPAN), CTX)).not.toThrow();
    }
  });

  it('define every field the ESCU corpus names in tstats', () => {
    for (const [from, names] of Object.entries(CORPUS_FIELDS)) {
      const { model, dataset } = resolve(from);
      const field = datasetFieldResolver(model, dataset);
      for (const name of names.split(' ')) expect(field(name), `${from}: ${name}`).not.toMatch(UNDEFINED_FIELD_PREFIX);
    }
  });

  it('child datasets inherit constraints, fields and calculations, root first', () => {
    const { dataset } = resolve('Authentication.Failed_Authentication');
    expect(dataset.path).toEqual(['Authentication', 'Failed_Authentication']);
    expect(dataset.constraints).toEqual(['tag=authentication NOT (action=success user=*$)', 'action="failure"']);
    expect(dataset.fields.has('src_user')).toBe(true);
  });

  it('rejects a malformed model file with the file and the place', () => {
    const bad = (json: unknown) => {
      try {
        checkDataModel(json, 'X.json');
      } catch (e) {
        if (e instanceof SplError) return e.message;
      }
      return 'accepted';
    };
    expect(bad({ modelName: 'X', source: [], datasets: [{ name: 'A', parent: 'B', constraint: '', fields: {} }] })).toMatch(/X\.json: dataset A: parent "B"/);
    expect(bad({ modelName: 'X', source: [], datasets: [{ name: 'A', parent: null, constraint: '', fields: { f: 'text' } }] })).toMatch(/datasets\[0\]\.fields\.f: type must be/);
  });
});

describe('shipped mappings', () => {
  it('all load and compile', () => {
    expect(builtinMappings().map((m) => m.name)).toEqual(['sysmon', 'windows-security', 'windows-system']);
    expect(() => compileEventMapper(builtinMappings(), CTX)).not.toThrow();
  });

  it('a malformed mapping is rejected with code bad-datamodel-map', () => {
    expect(() => checkSourceMapping({ name: 'x', match: 1, eventtypes: [] }, 'm.json')).toThrow(/m\.json: match: expected a string/);
    try {
      checkSourceMapping({ name: 'x', match: '*', eventtypes: [{ name: 'e', search: '*', tags: 'process' }] }, 'm.json');
    } catch (e) {
      expect((e as SplError).code).toBe('bad-datamodel-map');
      expect((e as SplError).message).toMatch(/eventtypes\[0\]\.tags: expected a list/);
    }
  });
});
