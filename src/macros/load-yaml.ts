// ESCU macro YAML files: `name`, optional `arguments` list, `definition`, optional `description`.
import YAML from 'yaml';
import { SplError } from '../errors.js';
import type { MacroDef } from './macro-def.js';

function loadError(file: string, message: string, line?: number): SplError {
  const where = line === undefined ? file : `${file}:${line}`;
  return new SplError('macro-load', `bad macro file ${where}: ${message}`);
}

const TOP_LEVEL_LINE = /^(?:[A-Za-z_][\w-]*:(?:\s|$)|- |#|$)/;

/**
 * ESCU is read with PyYAML, which accepts a multi-line quoted `definition:` whose continuation lines start at
 * column 0 (invalid YAML 1.2; security_content's base64decode.yml does it). Indenting those lines by one space
 * gives the same value under the strict parser.
 */
function indentContinuationLines(text: string): string {
  return text
    .split('\n')
    .map((line) => (TOP_LEVEL_LINE.test(line) ? line : ` ${line}`))
    .join('\n');
}

function parseDocument(text: string, file: string): unknown {
  try {
    return YAML.parse(text);
  } catch (e) {
    try {
      return YAML.parse(indentContinuationLines(text));
    } catch {
      const line = e instanceof YAML.YAMLError ? e.linePos?.[0].line : undefined;
      throw loadError(file, (e as Error).message.split('\n')[0]!, line);
    }
  }
}

function stringList(value: unknown, file: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' && v.trim() !== '')) {
    throw loadError(file, '`arguments` must be a list of argument names');
  }
  return value.map((v: string) => v.trim());
}

/** A definition is text; a plain YAML scalar that parsed as a number or boolean (`definition: true`) counts too. */
function definitionText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Parse one ESCU macro definition file. */
export function parseEscuMacroYaml(text: string, file: string): MacroDef {
  const doc = parseDocument(text, file);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw loadError(file, 'expected a mapping with `name` and `definition`');
  }
  const { name, definition, arguments: args, description } = doc as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') throw loadError(file, 'missing `name`');
  const body = definitionText(definition);
  if (body === undefined) throw loadError(file, 'missing `definition` (must be a string)');
  const def: MacroDef = {
    name: name.trim(),
    args: stringList(args, file),
    definition: body,
    iseval: false,
    origin: file,
  };
  if (typeof description === 'string') def.description = description;
  return def;
}
