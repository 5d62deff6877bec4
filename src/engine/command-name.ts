// The SPL name a command node runs under (`stats`, `eventstats`, `mvexpand`, ...), read off the AST alone.
import type { Command } from '../ast.js';

export function commandName(node: Command): string {
  if (node.kind === 'generic') return node.name;
  if (node.kind === 'stats') return node.command;
  return node.kind;
}
