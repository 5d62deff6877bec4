// The user's field mapping from scan options: props.conf FIELDALIAS lines, `SRC=DEST` aliases and `field=value` constants.
import { readFileSync } from 'node:fs';
import { SplError } from '../errors.js';
import { parseProps, type FieldMappingSpec } from '../input/index.js';
import type { ScanOptions } from './options.js';

function splitPair(text: string, what: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new SplError('usage', `${what} expects NAME=VALUE, got "${text}"`);
  return [text.slice(0, at), text.slice(at + 1)];
}

function readProps(path: string): FieldMappingSpec {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new SplError('input-error', `cannot read ${path}: ${(e as Error).message}`);
  }
  return parseProps(text, path);
}

/** The mapping the options ask for, or undefined when none does. */
export function scanMapping(opts: ScanOptions): FieldMappingSpec | undefined {
  const aliases = opts.aliases ?? [];
  const sets = opts.sets ?? [];
  if (!aliases.length && !sets.length && !opts.props && !opts.mapping) return undefined;
  const spec: FieldMappingSpec = { aliases: [...(opts.mapping?.aliases ?? [])], sets: [...(opts.mapping?.sets ?? [])] };
  if (opts.props) {
    const fromProps = readProps(opts.props);
    spec.aliases.push(...fromProps.aliases);
    spec.sets.push(...fromProps.sets);
  }
  for (const a of aliases) {
    const [src, dest] = splitPair(a, 'alias');
    spec.aliases.push({ src, dest, mode: 'ASNEW' });
  }
  for (const s of sets) {
    const [field, value] = splitPair(s, 'set');
    spec.sets.push({ field, value });
  }
  return spec;
}
