// What spath pulls out of one text: every field (JSON flattening or XML paths), or the values at one path.
import { jsonToScalar, parseJson } from '../eval/functions/json-values.js';
import { parseJsonPath, selectPath, type PathStep } from '../eval/functions/json-path.js';
import type { FieldValue, Scalar } from '../runtime/event.js';
import { flattenInto } from '../runtime/flatten.js';
import { flattenXml, parseXml, parseXmlPath, selectXml, type XmlStep } from './spath-xml.js';

const looksLikeXml = (text: string): boolean => text.trimStart().startsWith('<');

/** Every field of a JSON or XML text, Splunk-named (`a.b`, `a{}.c`, `{}.x` for a top-level array, `a.b{@attr}`). */
export function extractAll(text: string): Map<string, FieldValue> {
  const out = new Map<string, FieldValue>();
  if (looksLikeXml(text)) {
    const root = parseXml(text);
    return root ? flattenXml(root) : out;
  }
  const doc = parseJson(text);
  if (Array.isArray(doc)) flattenInto({ '': doc }, out);
  else if (typeof doc === 'object' && doc !== null) flattenInto(doc as Record<string, unknown>, out);
  return out;
}

/** A path compiled for both document kinds: JSON steps (null when the path only makes sense in XML) and XML steps. */
export interface SpathPath {
  json: PathStep[] | null;
  xml: XmlStep[] | null;
}

export function compileSpathPath(path: string): SpathPath {
  let json: PathStep[] | null;
  try {
    json = parseJsonPath(path);
  } catch {
    json = null;
  }
  return { json, xml: parseXmlPath(path) ?? null };
}

/** The values a path reaches in a text: objects and arrays as JSON text, XML elements with children as XML. */
export function extractPath(text: string, path: SpathPath): Scalar[] {
  if (looksLikeXml(text)) {
    const root = path.xml ? parseXml(text) : undefined;
    return root ? selectXml(root, path.xml!) : [];
  }
  const doc = path.json ? parseJson(text) : undefined;
  if (doc === undefined) return [];
  const out: Scalar[] = [];
  for (const found of selectPath(doc, path.json!)) {
    const value = jsonToScalar(found);
    if (value !== null) out.push(value);
  }
  return out;
}
