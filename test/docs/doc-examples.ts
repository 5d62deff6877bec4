// The examples in the docs that can be checked: `$ splq ...` sessions in ```console blocks, and TypeScript that imports 'splq'.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../../src/corpus.js';

/** Markdown files whose examples are run: README.md and docs/*.md. */
export function docFiles(): string[] {
  const root = repoRoot();
  return ['README.md', ...readdirSync(join(root, 'docs')).filter((name) => name.endsWith('.md')).sort().map((name) => `docs/${name}`)];
}

export interface FencedBlock {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** The info string after the fence: `console`, `ts`, ... */
  info: string;
  body: string;
}

/** Every fenced (```) block of a markdown text, also indented ones (inside a list item), indentation removed. */
export function fencedBlocks(file: string, text: string): FencedBlock[] {
  const blocks: FencedBlock[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^( *)```(.*)$/.exec(lines[i]!);
    if (!open) continue;
    const indent = open[1]!;
    const end = lines.findIndex((line, j) => j > i && line.startsWith(`${indent}\`\`\``));
    if (end < 0) throw new Error(`${file}:${i + 1}: a fenced block is not closed`);
    const body = lines.slice(i + 1, end).map((line) => (line.startsWith(indent) ? line.slice(indent.length) : line.trimStart()));
    blocks.push({ file, line: i + 1, info: open[2]!.trim(), body: body.join('\n') });
    i = end;
  }
  return blocks;
}

export interface SessionStep {
  /** The command's words after `splq`, as a shell would split them. */
  args: string[];
  /** The text written under it: what splq prints (stdout, then stderr). */
  output: string;
  /** The command as written, for messages. */
  command: string;
}

/**
 * A ```console block as a session: `$ ` lines are commands (a trailing `\` continues one), the lines up to the
 * next command are its output. Throws for a command other than splq: only splq sessions are run.
 */
export function sessionSteps(block: FencedBlock): SessionStep[] {
  const steps: SessionStep[] = [];
  const lines = block.body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('$ ')) {
      if (steps.length === 0 && lines[i]!.trim() !== '') throw new Error(`${block.file}:${block.line + 1 + i}: a console block starts with a \`$ splq\` command`);
      if (steps.length) steps[steps.length - 1]!.output += `${lines[i]}\n`;
      continue;
    }
    let command = lines[i]!.slice(2);
    while (command.endsWith('\\') && i + 1 < lines.length) command = `${command.slice(0, -1)} ${lines[++i]!.trim()}`;
    const words = shellWords(command);
    if (words[0] !== 'splq') throw new Error(`${block.file}:${block.line + 1 + i}: only \`$ splq ...\` commands are run in a console block, not: ${command}`);
    steps.push({ args: words.slice(1), output: '', command });
  }
  return steps;
}

/** Split a command line into words as sh does for plain words, '...' and "..." (with \ escapes outside '...'). */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t') {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new Error(`unclosed ' in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (ch === '"') {
      word ??= '';
      for (i++; i < line.length && line[i] !== '"'; i++) {
        if (line[i] === '\\' && /["\\$`]/.test(line[i + 1] ?? '')) i++;
        word += line[i];
      }
      if (i >= line.length) throw new Error(`unclosed " in: ${line}`);
    } else if (ch === '\\' && i + 1 < line.length) {
      word = (word ?? '') + line[++i];
    } else word = (word ?? '') + ch;
  }
  if (word !== undefined) words.push(word);
  return words;
}

/** Output compared without trailing spaces on lines and without blank lines at the end. */
export function normalizeOutput(text: string): string {
  return text.split('\n').map((line) => line.trimEnd()).join('\n').replace(/\n+$/, '');
}

/** Every ```console block that holds a `$ splq` session, and every TypeScript block that imports from 'splq'. */
export function docExamples(): { sessions: FencedBlock[]; typescript: FencedBlock[] } {
  const blocks = docFiles().flatMap((file) => fencedBlocks(file, readFileSync(join(repoRoot(), file), 'utf8')));
  return {
    sessions: blocks.filter((b) => b.info === 'console' || /^\$ splq /m.test(b.body)),
    typescript: blocks.filter((b) => /^(ts|typescript)$/.test(b.info) && /from 'splq'/.test(b.body)),
  };
}

/** A TypeScript example rewritten to import the sources instead of the package (from `dir`, relative to the repo). */
export function exampleSource(block: FencedBlock, depth: number): string {
  const src = `${'../'.repeat(depth)}src/index.js`;
  return `// ${block.file}:${block.line}, extracted by test/docs/doc-examples.ts\n${block.body.replace(/from 'splq'/g, `from '${src}'`)}\n`;
}
