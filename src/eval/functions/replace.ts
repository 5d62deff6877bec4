// replace(text, regex, replacement): every match replaced; `\1`..`\9` in the replacement insert capture groups.
import type { CompiledRegex } from '../../regex/pcre.js';
import type { EvalFunction } from '../types.js';
import { mapValues, scalarText } from '../values.js';
import { preparedArg } from './define.js';
import { compiledRegexArg, withRegexBudget } from './regex.js';
import { regexForLength } from '../../regex/budget.js';

/** A replacement template: literal text and group numbers, in order. */
type TemplatePart = string | number;

/** Parse `\N` backreferences (and `\\` for a backslash); everything else is literal text. */
function parseReplacement(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let text = '';
  for (let i = 0; i < template.length; i++) {
    const ch = template[i]!;
    const next = template[i + 1];
    if (ch === '\\' && next !== undefined && /\d/.test(next)) {
      if (text !== '') parts.push(text);
      text = '';
      parts.push(Number(next));
      i++;
    } else if (ch === '\\' && next === '\\') {
      text += '\\';
      i++;
    } else {
      text += ch;
    }
  }
  if (text !== '') parts.push(text);
  return parts;
}

/** A String.replace callback building the replacement; PCRE group n is JS capture `groupIndex[n]`. */
function replacer(parts: TemplatePart[], groupIndex: number[]): (...match: unknown[]) => string {
  return (...match) => {
    const captures = match.slice(0, typeof match[match.length - 1] === 'object' ? -3 : -2) as Array<string | undefined>;
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : (captures[groupIndex[part] ?? -1] ?? '');
    return out;
  };
}

/** What String.replace takes: a callback, or for a template without groups its text (each `$` written `$$`). */
type Replacement = string | ((...match: unknown[]) => string);

/** A template's replacement: its text when it inserts no group (V8 then needs no callback per match). */
function replacement(parts: TemplatePart[], groupIndex: number[]): Replacement {
  if (parts.every((part) => typeof part === 'string')) return parts.join('').replaceAll('$', '$$$$');
  return replacer(parts, groupIndex);
}

/** Builds replacements, reusing the last one while regex and template are unchanged (always, for literals). */
function lastReplacer(): (compiled: CompiledRegex, parts: TemplatePart[]) => Replacement {
  let lastRegex: CompiledRegex | undefined;
  let lastParts: TemplatePart[] | undefined;
  let last: Replacement = '';
  return (compiled, parts) => {
    if (compiled !== lastRegex || parts !== lastParts) {
      last = replacement(parts, compiled.groupIndex);
      lastRegex = compiled;
      lastParts = parts;
    }
    return last;
  };
}

export const replaceFunction: EvalFunction = {
  name: 'replace',
  minArgs: 3,
  maxArgs: 3,
  result: 'string',
  compile([text, pattern, replacement]) {
    const regex = compiledRegexArg(pattern!, true);
    const template = preparedArg(replacement!, parseReplacement);
    const buildFor = lastReplacer();
    return (ev) => {
      const compiled = regex(ev);
      const parts = template(ev);
      if (compiled === null || parts === null) return null;
      const build = buildFor(compiled, parts);
      const value = text!.evaluate(ev);
      return withRegexBudget('replace', text!, pattern!, () =>
        mapValues(value, (v) => {
          const s = scalarText(v);
          // Typed by case: TypeScript's overloads take a string or a callback, not their union.
          if (s === null) return null;
          const regex = regexForLength(compiled.regex, s.length);
          return typeof build === 'string' ? s.replace(regex, build) : s.replace(regex, build);
        }),
      );
    };
  },
};
