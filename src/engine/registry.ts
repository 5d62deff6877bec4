// Looks up a command definition for an AST node; unknown or not-yet-runnable commands fail with a span.
import type { Command } from '../ast.js';
import { closestNames, SplError } from '../errors.js';
import { COMMANDS, SPLUNK_COMMAND_NAMES } from '../commands/index.js';
import type { CommandDef } from './types.js';
import { commandName } from './command-name.js';

const BY_NAME = new Map<string, CommandDef>();
for (const def of COMMANDS) for (const name of def.names) BY_NAME.set(name, def as CommandDef);

export { commandName };

/** The definition that runs a command node, or undefined when splq has none. */
export function findCommand(node: Command): CommandDef | undefined {
  return BY_NAME.get(commandName(node));
}

/** The definition that runs a command node; unknown or not-yet-runnable commands fail with a span. */
export function lookupCommand(node: Command): CommandDef {
  const name = commandName(node);
  const def = BY_NAME.get(name);
  if (def) return def;
  const nameSpan = { start: node.span.start, end: node.span.start + name.length };
  if (SPLUNK_COMMAND_NAMES.has(name)) {
    throw new SplError('unsupported-command', `\`${name}\` is not supported yet`, nameSpan);
  }
  const hints = closestNames(name, [...BY_NAME.keys(), ...SPLUNK_COMMAND_NAMES]).map((n) => `did you mean \`${n}\`?`);
  throw new SplError('unknown-command', `unknown command \`${name}\``, nameSpan, hints);
}
