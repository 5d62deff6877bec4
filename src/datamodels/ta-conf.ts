// Reading an add-on folder's .conf files (default/ then local/, key by key) strictly inside the folder, for `--ta`.
import { existsSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, isAbsolute } from 'node:path';
import { SplError } from '../errors.js';

/** A setting and where it was written (for error messages). */
export interface ConfValue {
  value: string;
  /** `default/props.conf:12` */
  at: string;
}

/** One stanza after layering: local/ settings replace default/ ones key by key (Splunk's precedence inside an app). */
export interface ConfStanza {
  name: string;
  at: string;
  keys: Map<string, ConfValue>;
}

/** Where the add-on's files live and which layers it has. */
export interface AddonFolder {
  root: string;
  layers: Array<'default' | 'local'>;
}

export function taError(message: string): SplError {
  return new SplError('bad-ta', message);
}

/** The add-on folder, checked: it exists, is a folder, and has default/ or local/. */
export function openAddonFolder(dir: string): AddonFolder {
  let root: string;
  try {
    root = realpathSync(dir);
    if (!statSync(root).isDirectory()) throw taError(`--ta ${dir}: not a folder`);
  } catch (e) {
    if (e instanceof SplError) throw e;
    throw taError(`--ta ${dir}: no such add-on folder (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  const layers = (['default', 'local'] as const).filter((layer) => existsSync(join(root, layer)));
  if (layers.length === 0) throw taError(`--ta ${dir}: not a Splunk add-on folder (it has neither default/ nor local/)`);
  return { root, layers };
}

/** A file of the add-on, or undefined when absent; a file that resolves outside the folder (a symlink out) is refused. */
function readInside(folder: AddonFolder, path: string, shown: string): string | undefined {
  const full = join(folder.root, path);
  if (!existsSync(full)) return undefined;
  const real = realpathSync(full);
  const rel = relative(folder.root, real);
  if (rel.startsWith('..') || isAbsolute(rel)) throw taError(`${shown}: resolves outside the add-on folder (${real}); --ta reads only inside it`);
  return readFileSync(real, 'utf8');
}

/**
 * `name.conf` of the add-on: stanzas in file order (default/ first), each key taking local/'s value over default/'s.
 * Lines: `[stanza]`, `key = value`, `#` comments, `\` at the end continues a line. Anything else is an error
 * naming file and line.
 */
export function readConf(folder: AddonFolder, name: string): ConfStanza[] {
  const stanzas = new Map<string, ConfStanza>();
  for (const layer of folder.layers) {
    const shown = `${layer}/${name}`;
    const text = readInside(folder, join(layer, name), shown);
    if (text === undefined) continue;
    let current: ConfStanza | null = null;
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
      const at = `${shown}:${i + 1}`;
      let line = lines[i]!;
      while (line.endsWith('\\') && i + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++i]!;
      const trimmed = line.trim();
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      if (trimmed.startsWith('[')) {
        if (!trimmed.endsWith(']')) throw taError(`${at}: unterminated stanza header ${trimmed} (missing "]")`);
        const stanzaName = trimmed.slice(1, -1).trim();
        current = stanzas.get(stanzaName) ?? { name: stanzaName, at, keys: new Map() };
        stanzas.set(stanzaName, current);
        continue;
      }
      const equals = trimmed.indexOf('=');
      if (equals <= 0) throw taError(`${at}: expected "<setting> = <value>" or a [stanza], got: ${trimmed}`);
      // Settings before any stanza belong to [default].
      current ??= stanzas.get('default') ?? { name: 'default', at, keys: new Map() };
      stanzas.set(current.name, current);
      current.keys.set(trimmed.slice(0, equals).trim(), { value: trimmed.slice(equals + 1).trim(), at });
    }
  }
  return [...stanzas.values()];
}
