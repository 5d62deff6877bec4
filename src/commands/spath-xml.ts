// XML for spath: parse a document into a small element tree, flatten it Splunk-style, and walk `a.b{2}.c{@id}` paths.
import { SaxesParser } from 'saxes';
import type { FieldValue, Scalar } from '../runtime/event.js';

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

/** The root element of an XML document, or undefined when the text is not well-formed XML. */
export function parseXml(text: string): XmlElement | undefined {
  const parser = new SaxesParser<{ xmlns: false }>({ xmlns: false });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failed = false;
  parser.on('opentag', (tag) => {
    const el: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: '' };
    stack[stack.length - 1]?.children.push(el);
    root ??= el;
    stack.push(el);
  });
  const addText = (t: string) => {
    const top = stack[stack.length - 1];
    if (top) top.text += t;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', () => void stack.pop());
  parser.on('error', () => {
    failed = true;
  });
  try {
    parser.write(text).close();
  } catch {
    return undefined;
  }
  return failed ? undefined : root;
}

function append(out: Map<string, FieldValue>, name: string, value: Scalar): void {
  const prev = out.get(name);
  if (prev === undefined) out.set(name, value);
  else out.set(name, Array.isArray(prev) ? [...prev, value] : [prev, value]);
}

/** Every element's trimmed text under its dotted path (`Event.System.EventID`) and attributes as `path{@name}`. */
export function flattenXml(root: XmlElement): Map<string, FieldValue> {
  const out = new Map<string, FieldValue>();
  const walk = (el: XmlElement, path: string): void => {
    for (const [attr, value] of Object.entries(el.attributes)) append(out, `${path}{@${attr}}`, value);
    const text = el.text.trim();
    if (text !== '' && el.children.length === 0) append(out, path, text);
    for (const child of el.children) walk(child, `${path}.${child.name}`);
  };
  walk(root, root.name);
  return out;
}

/** A step of an XML path: an element name, a 1-based position among same-named siblings, or an attribute. */
export type XmlStep = { type: 'element'; name: string } | { type: 'position'; index: number } | { type: 'attribute'; name: string };

/** Parse `a.b{2}.c{@id}`; undefined when malformed. */
export function parseXmlPath(path: string): XmlStep[] | undefined {
  const steps: XmlStep[] = [];
  for (const m of path.matchAll(/([^.{}]+)|\{(\d+)\}|\{@([^}]+)\}|(\.)|(.)/g)) {
    if (m[1] !== undefined) steps.push({ type: 'element', name: m[1] });
    else if (m[2] !== undefined) steps.push({ type: 'position', index: Number(m[2]) });
    else if (m[3] !== undefined) steps.push({ type: 'attribute', name: m[3] });
    else if (m[5] !== undefined) return undefined;
  }
  return steps;
}

function serialize(el: XmlElement): string {
  const attrs = Object.entries(el.attributes).map(([k, v]) => ` ${k}="${escapeXml(v)}"`).join('');
  return `<${el.name}${attrs}>${escapeXml(el.text.trim())}${el.children.map(serialize).join('')}</${el.name}>`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Values at a path: leaf text, an element's XML when it has children, or attribute values. The root name comes first. */
export function selectXml(root: XmlElement, steps: XmlStep[]): string[] {
  let current: XmlElement[] = [{ name: '', attributes: {}, children: [root], text: '' }];
  let groups: XmlElement[][] = [];
  for (const step of steps) {
    if (step.type === 'element') {
      groups = current.map((parent) => parent.children.filter((c) => c.name === step.name));
      current = groups.flat();
    } else if (step.type === 'position') {
      current = groups.flatMap((g) => (g[step.index - 1] ? [g[step.index - 1]!] : []));
    } else {
      return current.flatMap((el) => (el.attributes[step.name] !== undefined ? [el.attributes[step.name]!] : []));
    }
  }
  return current.map((el) => (el.children.length ? el.children.map(serialize).join('') : el.text.trim()));
}
