// Keys naming a command's CIM dataset input (pack mode shares one mapping and one dataset event per key, scan/pack-datasets.ts).
import { builtinMappings } from './source-mapping.js';
import type { SourceMappingDef } from './types.js';

const objectIds = new WeakMap<object, number>();
let objectCount = 0;

/** A number per object (for keys naming shared things: zones). */
function objectId(o: object): number {
  let id = objectIds.get(o);
  if (id === undefined) {
    id = ++objectCount;
    objectIds.set(o, id);
  }
  return id;
}

/** Mappings with the same definitions map alike: the shipped ones by name, a user's by content. */
function mappingsKey(mappings: SourceMappingDef[]): string {
  const shipped = builtinMappings();
  return mappings.map((m) => (shipped.includes(m) ? `builtin:${m.name}` : JSON.stringify(m))).join('\u0001');
}

/** Equal mapper keys: equal mapped events (same mappings, zone and now). */
export function mapperKey(mappings: SourceMappingDef[], zone: object, now: number): string {
  return `${mappingsKey(mappings)}\u0000${String(objectId(zone))}\u0000${now}`;
}

/** Equal dataset keys: equal dataset events (same model and dataset path, and the same mapper key). */
export function datasetInputKey(model: string, path: readonly string[], mappings: SourceMappingDef[], zone: object, now: number): string {
  return `${[model, ...path].join('.')}\u0000${mapperKey(mappings, zone, now)}`;
}
