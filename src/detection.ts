// Reading an ESCU detection YAML file: its search, observables, attack-data tests and default schedule.
import fs from 'node:fs';
import YAML from 'yaml';
import { SplError } from './errors.js';
import { isObject } from './util/is-object.js';

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

type YamlMap = Record<string, unknown>;

const isMap: (value: unknown) => value is YamlMap = isObject;

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

/** `default_schedule:` (splq's queries/) or ESCU's older `deployment: scheduling:`; undefined when neither is there. */
function readSchedule(doc: YamlMap): DetectionSchedule | undefined {
  const deployment = isMap(doc.deployment) ? doc.deployment.scheduling : undefined;
  const schedule = isMap(doc.default_schedule) ? doc.default_schedule : isMap(deployment) ? deployment : undefined;
  if (!schedule) return undefined;
  const result: DetectionSchedule = {};
  const earliest = optionalString(schedule.earliest_time);
  const latest = optionalString(schedule.latest_time);
  if (earliest !== undefined) result.earliest_time = earliest;
  if (latest !== undefined) result.latest_time = latest;
  return result;
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
    file,
  };
  const schedule = readSchedule(doc);
  if (schedule) detection.defaultSchedule = schedule;
  const id = optionalString(doc.id);
  if (id !== undefined) detection.id = id;
  const type = optionalString(doc.type);
  if (type !== undefined) detection.type = type;
  if (isMap(doc.tags)) detection.tags = readTags(doc.tags);
  if (Array.isArray(doc.tests)) detection.tests = listOf(doc.tests, readTest);
  return detection;
}
