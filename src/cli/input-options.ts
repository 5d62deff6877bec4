// CLI input options that shape events: --alias, --set, --props, and time bounds (--earliest/--latest/--now).
import { readFileSync } from 'node:fs';
import type { FieldMappingSpec } from '../input/mapping/aliases.js';
import { parseProps } from '../input/mapping/props.js';
import { SplError } from '../errors.js';
import { compileTimeModifier } from '../time/relative.js';
import type { TimeZone } from '../time/zone.js';

export interface MappingCliOptions {
  alias: string[];
  set: string[];
  props?: string;
  preset?: string;
  format?: string;
}

function splitPair(text: string, flag: string): [string, string] {
  const at = text.indexOf('=');
  if (at <= 0) throw new SplError('usage', `${flag} expects NAME=VALUE, got "${text}"`);
  return [text.slice(0, at), text.slice(at + 1)];
}

/** The user's field mapping, or undefined when no flag asks for one. */
export function buildMapping(opts: MappingCliOptions): FieldMappingSpec | undefined {
  if (!opts.alias.length && !opts.set.length && !opts.props) return undefined;
  const spec: FieldMappingSpec = { aliases: [], sets: [] };
  if (opts.props) {
    let text: string;
    try {
      text = readFileSync(opts.props, 'utf8');
    } catch (e) {
      throw new SplError('input-error', `cannot read ${opts.props}: ${(e as Error).message}`);
    }
    const fromProps = parseProps(text, opts.props);
    spec.aliases.push(...fromProps.aliases);
    spec.sets.push(...fromProps.sets);
  }
  for (const a of opts.alias) {
    const [src, dest] = splitPair(a, '--alias');
    spec.aliases.push({ src, dest, mode: 'ASNEW' });
  }
  for (const s of opts.set) {
    const [field, value] = splitPair(s, '--set');
    spec.sets.push({ field, value });
  }
  return spec;
}

/** An absolute or relative time (`-70m@m`, `2024-01-01T00:00:00Z`, epoch) against `now`. */
export function parseWindow(text: string, now: number, zone: TimeZone): number {
  return compileTimeModifier(text)(now, zone);
}
