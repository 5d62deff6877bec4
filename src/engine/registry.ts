// Looks up a command definition for an AST node; unknown or not-yet-runnable commands fail with a span.
import type { Command } from '../ast.js';
import { closestNames, SplError } from '../errors.js';
import { COMMANDS, KNOWN_SPL_COMMANDS } from '../commands/index.js';
import type { CommandDef } from './types.js';

const BY_NAME = new Map<string, CommandDef>();
for (const def of COMMANDS) for (const name of def.names) BY_NAME.set(name, def as CommandDef);

/** The name a command node runs under. */
export function commandName(node: Command): string {
  if (node.kind === 'generic') return node.name;
  if (node.kind === 'stats') return node.command;
  return node.kind;
}

export function lookupCommand(node: Command): CommandDef {
  const name = commandName(node);
  const def = BY_NAME.get(name);
  if (def) return def;
  const nameSpan = { start: node.span.start, end: node.span.start + name.length };
  if (KNOWN_SPL_COMMANDS.has(name)) {
    throw new SplError('unsupported-command', `\`${name}\` is not supported yet`, nameSpan);
  }
  const hints = closestNames(name, [...BY_NAME.keys(), ...KNOWN_SPL_COMMANDS]).map((n) => `did you mean \`${n}\`?`);
  throw new SplError('unknown-command', `unknown command \`${name}\``, nameSpan, hints);
}
