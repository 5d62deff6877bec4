// Compiled macro definitions: the definition split once into literal text and argument slots.
import { escapeRegExp } from '../util/escape-regexp.js';

/** Literal strings interleaved with argument indexes: `[text, argIndex, text, argIndex, text]`. */
export interface MacroTemplate {
  literals: string[];
  slots: number[];
}


/** Split `definition` at every `$arg$` placeholder of a declared argument (also inside quotes). */
export function compileTemplate(definition: string, args: string[]): MacroTemplate {
  if (args.length === 0) return { literals: [definition], slots: [] };
  const pattern = new RegExp(`\\$(${args.map(escapeRegExp).join('|')})\\$`, 'g');
  const literals: string[] = [];
  const slots: number[] = [];
  let last = 0;
  for (const match of definition.matchAll(pattern)) {
    literals.push(definition.slice(last, match.index));
    slots.push(args.indexOf(match[1]!));
    last = match.index + match[0].length;
  }
  literals.push(definition.slice(last));
  return { literals, slots };
}

/** Fill the template's slots with the call's argument values. */
export function applyTemplate(template: MacroTemplate, values: string[]): string {
  let out = template.literals[0]!;
  for (let i = 0; i < template.slots.length; i++) out += values[template.slots[i]!]! + template.literals[i + 1]!;
  return out;
}
