// Reading an ESCU detection YAML file: its search, observables, attack-data tests and default schedule.
import fs from 'node:fs';
import YAML from 'yaml';
import { SplError } from './errors.js';

export interface DetectionObservable {
  name: string;
  type: string;
  /** e.g. `['Victim']`; ESCU writes a list, a single string is accepted too. */
  role?: string[];
}

export interface DetectionTags {
  observable?: DetectionObservable[];
  [key: string]: unknown;
}

export interface AttackData {
  data: string;
  source: string;
  sourcetype: string;
}

export interface DetectionTest {
  name?: string;
  attack_data: AttackData[];
}

export interface DetectionSchedule {
  earliest_time?: string;
  latest_time?: string;
}

export interface Detection {
  name: string;
  id?: string;
  search: string;
  type?: string;
  tags?: DetectionTags;
  tests?: DetectionTest[];
  defaultSchedule?: DetectionSchedule;
  file: string;
}

/** ESCU's deployment defaults for every detection type (deployments/escu_default_configuration_*.yml). */
const ESCU_DEFAULT_SCHEDULE: DetectionSchedule = { earliest_time: '-70m@m', latest_time: '-10m@m' };

type YamlMap = Record<string, unknown>;

function isMap(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalString(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function listOf<T>(value: unknown, read: (item: YamlMap) => T): T[] {
  return Array.isArray(value) ? value.filter(isMap).map(read) : [];
}

function readObservable(item: YamlMap): DetectionObservable {
  const observable: DetectionObservable = { name: String(item.name ?? ''), type: String(item.type ?? '') };
  if (Array.isArray(item.role)) observable.role = item.role.map(String);
  else if (typeof item.role === 'string') observable.role = [item.role];
  return observable;
}

function readTest(item: YamlMap): DetectionTest {
  const attack_data = listOf(item.attack_data, (d) => ({
    data: String(d.data ?? ''),
    source: String(d.source ?? ''),
    sourcetype: String(d.sourcetype ?? ''),
  }));
  const name = optionalString(item.name);
  return name === undefined ? { attack_data } : { name, attack_data };
}

function readTags(value: YamlMap): DetectionTags {
  const tags: DetectionTags = { ...value };
  if ('observable' in value) tags.observable = listOf(value.observable, readObservable);
  return tags;
}

/** The detection's `deployment.scheduling` times when present, else ESCU's default schedule. */
function readSchedule(doc: YamlMap): DetectionSchedule {
  const scheduling = isMap(doc.deployment) && isMap(doc.deployment.scheduling) ? doc.deployment.scheduling : {};
  return {
    earliest_time: optionalString(scheduling.earliest_time) ?? ESCU_DEFAULT_SCHEDULE.earliest_time,
    latest_time: optionalString(scheduling.latest_time) ?? ESCU_DEFAULT_SCHEDULE.latest_time,
  };
}

function parseYaml(file: string): YamlMap {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new SplError('usage', `cannot read detection file ${file}: ${(e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = YAML.parse(text);
  } catch (e) {
    throw new SplError('usage', `detection file ${file} is not valid YAML: ${(e as Error).message.split('\n')[0]}`);
  }
  if (!isMap(doc)) throw new SplError('usage', `detection file ${file} must be a YAML mapping`);
  return doc;
}

/** Read one ESCU detection. A file without a `search:` string is a `usage` error. */
export function readDetection(file: string): Detection {
  const doc = parseYaml(file);
  if (typeof doc.search !== 'string' || doc.search.trim() === '') {
    throw new SplError('usage', `detection file ${file} has no \`search:\` key`, undefined, [
      'ESCU detections keep their SPL under `search:`',
    ]);
  }
  const detection: Detection = {
    name: optionalString(doc.name) ?? file,
    search: doc.search,
    defaultSchedule: readSchedule(doc),
    file,
  };
  const id = optionalString(doc.id);
  if (id !== undefined) detection.id = id;
  const type = optionalString(doc.type);
  if (type !== undefined) detection.type = type;
  if (isMap(doc.tags)) detection.tags = readTags(doc.tags);
  if (Array.isArray(doc.tests)) detection.tests = listOf(doc.tests, readTest);
  return detection;
}
