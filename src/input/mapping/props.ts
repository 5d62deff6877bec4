// Reads the FIELDALIAS settings of a Splunk props.conf into a FieldMappingSpec; other settings are ignored.
import { SplError } from '../../errors.js';
import { compileStanzaPattern, type AliasMode, type FieldAlias, type FieldMappingSpec } from './aliases.js';

/** A setting line after joining `\`-continued lines: where it starts, for error messages. */
interface LogicalLine {
  text: string;
  line: number;
  start: number;
  end: number;
}

/** Where FIELDALIAS settings of a stanza apply; null for stanzas whose aliases this engine ignores. */
type StanzaScope = Pick<FieldAlias, 'sourcetype' | 'sourceGlob'> | null;

const FIELDALIAS_KEY = /^FIELDALIAS-(.+)$/i;
const IGNORED_STANZA_KINDS = ['host::', 'rule::', 'delayedrule::'];

/**
 * Parse props.conf text. `[<sourcetype>]` and `[source::<pattern>]` stanzas (and `[default]` or settings before
 * any stanza, which apply everywhere) contribute `FIELDALIAS-<class> = a AS b c ASNEW d ...`. Within one stanza
 * a repeated class keeps its last definition. Syntax errors throw `SplError('input-error')` naming file and line.
 */
export function parseProps(text: string, file: string): FieldMappingSpec {
  const stanzas = new Map<string, { scope: StanzaScope; classes: Map<string, FieldAlias[]> }>();
  let current = stanzaEntry(stanzas, 'default', {});
  for (const logical of logicalLines(text)) {
    const fail = (message: string): never => {
      const err = new SplError('input-error', `${file}:${logical.line}: ${message}`, { start: logical.start, end: logical.end });
      err.source = text;
      throw err;
    };
    const trimmed = logical.text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (trimmed.startsWith('[')) {
      if (!trimmed.endsWith(']')) fail(`unterminated stanza header ${trimmed} (missing "]")`);
      const name = trimmed.slice(1, -1).trim();
      current = stanzaEntry(stanzas, name, stanzaScope(name, fail));
      continue;
    }
    const equals = trimmed.indexOf('=');
    if (equals < 0) fail(`expected "<setting> = <value>" or a [stanza], got: ${trimmed}`);
    const key = FIELDALIAS_KEY.exec(trimmed.slice(0, equals).trim());
    if (!key || current.scope === null) continue;
    const className = key[1]!.trim();
    current.classes.set(className, parseAliasList(trimmed.slice(equals + 1), className, current.scope, fail));
  }
  const aliases: FieldAlias[] = [];
  for (const { classes } of stanzas.values()) for (const list of classes.values()) aliases.push(...list);
  return { aliases, sets: [] };
}

function stanzaEntry(
  stanzas: Map<string, { scope: StanzaScope; classes: Map<string, FieldAlias[]> }>,
  name: string,
  scope: StanzaScope,
): { scope: StanzaScope; classes: Map<string, FieldAlias[]> } {
  let entry = stanzas.get(name);
  if (!entry) {
    entry = { scope, classes: new Map() };
    stanzas.set(name, entry);
  }
  return entry;
}

function stanzaScope(name: string, fail: (message: string) => never): StanzaScope {
  if (name === 'default' || name === '') return {};
  if (name.startsWith('source::')) {
    const pattern = name.slice('source::'.length);
    try {
      compileStanzaPattern(pattern);
    } catch (err) {
      fail((err as Error).message);
    }
    return { sourceGlob: pattern };
  }
  if (IGNORED_STANZA_KINDS.some((kind) => name.startsWith(kind))) return null;
  return { sourcetype: name };
}

/** One FIELDALIAS value (`a AS b c ASNEW d`) as alias pairs, unscoped (`--ta` scopes them itself). */
export function parseFieldAliasValue(value: string, className: string, fail: (m: string) => never): FieldAlias[] {
  return parseAliasList(value, className, {}, fail);
}

/** `a AS b c ASNEW d`, field names optionally in double quotes. */
function parseAliasList(value: string, className: string, scope: StanzaScope, fail: (m: string) => never): FieldAlias[] {
  const tokens = tokenize(value, fail);
  if (tokens.length === 0) fail(`FIELDALIAS-${className} has no "<field> AS <alias>"`);
  const aliases: FieldAlias[] = [];
  for (let i = 0; i < tokens.length; i += 3) {
    const [src, keyword, dest] = [tokens[i]!, tokens[i + 1], tokens[i + 2]];
    const mode = keyword?.toUpperCase();
    if (mode !== 'AS' && mode !== 'ASNEW') {
      fail(`FIELDALIAS-${className}: expected AS or ASNEW after "${src}"${keyword === undefined ? '' : `, got "${keyword}"`}`);
    }
    if (dest === undefined) fail(`FIELDALIAS-${className}: "${src} ${keyword}" needs a new field name`);
    aliases.push({ src, dest, mode: mode as AliasMode, className, ...scope });
  }
  return aliases;
}

function tokenize(value: string, fail: (m: string) => never): string[] {
  const tokens: string[] = [];
  const pattern = /"((?:[^"\\]|\\.)*)("?)|(\S+)/g;
  for (let m = pattern.exec(value); m !== null; m = pattern.exec(value)) {
    if (m[3] !== undefined) tokens.push(m[3]);
    else if (m[2] === '"') tokens.push(m[1]!.replace(/\\(.)/g, '$1'));
    else fail(`unterminated quoted field name ${m[0]}`);
  }
  return tokens;
}

/** Lines with trailing-backslash continuations joined (not for comments); `line` is where each setting starts (1-based). */
function* logicalLines(text: string): Generator<LogicalLine> {
  const physical = text.split('\n');
  let offset = 0;
  for (let i = 0; i < physical.length; i++) {
    const first = { line: i + 1, start: offset };
    let joined = '';
    let line = physical[i]!.replace(/\r$/, '');
    offset += physical[i]!.length + 1;
    const isComment = line.trimStart().startsWith('#');
    while (!isComment && line.endsWith('\\') && i + 1 < physical.length) {
      joined += line.slice(0, -1) + ' ';
      line = physical[++i]!.replace(/\r$/, '');
      offset += physical[i]!.length + 1;
    }
    joined += line;
    yield { text: joined, line: first.line, start: first.start, end: Math.min(offset - 1, text.length) };
  }
}
