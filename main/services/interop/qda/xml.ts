/**
 * XML for the REFI-QDA files: a small escaping writer and a capped, strict
 * reader (saxes: well-formedness and namespaces checked, no DTD, so no entity
 * is ever expanded beyond the five predefined ones and character references).
 */
import { SaxesParser } from 'saxes';
import { DossierError } from '../../../../shared/errors';

// ---------------------------------------------------------------- writing

/** Characters XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, lone surrogates, U+FFFE/U+FFFF). */
const INVALID_XML_CHARS =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function stripInvalidXmlChars(text: string): string {
  return text.replace(INVALID_XML_CHARS, '');
}

function escapeText(text: string): string {
  return stripInvalidXmlChars(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/** Attribute values also keep their quotes, tabs and line breaks (a parser would turn raw ones into spaces). */
function escapeAttribute(text: string): string {
  return escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}

/** An element to write: attributes (undefined ones left out) and children, or text. */
export interface XmlNode {
  name: string;
  attrs?: Record<string, string | number | boolean | undefined>;
  children?: Array<XmlNode | undefined | false>;
  text?: string;
}

function write(node: XmlNode, indent: string, out: string[]): void {
  let open = `${indent}<${node.name}`;
  for (const [key, value] of Object.entries(node.attrs ?? {})) {
    if (value !== undefined) open += ` ${key}="${escapeAttribute(String(value))}"`;
  }
  const children = (node.children ?? []).filter((c): c is XmlNode => Boolean(c));
  if (node.text !== undefined) {
    out.push(`${open}>${escapeText(node.text)}</${node.name}>`);
  } else if (children.length === 0) {
    out.push(`${open}/>`);
  } else {
    out.push(`${open}>`);
    for (const child of children) write(child, `${indent}  `, out);
    out.push(`${indent}</${node.name}>`);
  }
}

/** The document as UTF-8 text with its XML declaration. */
export function writeXml(root: XmlNode): string {
  const out = ['<?xml version="1.0" encoding="utf-8"?>'];
  write(root, '', out);
  return `${out.join('\n')}\n`;
}

// ---------------------------------------------------------------- reading

/** A parsed element: namespace URI, local name, attributes (by local name, unprefixed ones only) and children. */
export interface XmlElement {
  uri: string;
  name: string;
  attrs: Record<string, string>;
  children: XmlElement[];
  text: string;
}

export interface XmlLimits {
  /** Elements in all. */
  maxElements: number;
  /** Nesting depth. */
  maxDepth: number;
}

export const DEFAULT_XML_LIMITS: XmlLimits = { maxElements: 2_000_000, maxDepth: 64 };

function reject(error: DossierError): never {
  throw error;
}

/**
 * Parses `xml` (named `label` in messages) into a tree. Rejects a DOCTYPE (no
 * entity declarations can expand), ill-formed XML, and files past the limits.
 */
export function parseXml(xml: string, label: string, limits: XmlLimits = DEFAULT_XML_LIMITS): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let elements = 0;
  let failure: DossierError | undefined;
  parser.on('doctype', () => {
    failure ??= DossierError.of('invalid-input', 'exchange.hasDoctypeDeclarationWhich', { label });
  });
  parser.on('error', (err) => {
    failure ??= DossierError.of('invalid-input', 'exchange.wellFormedXml', {
      label,
      message: err.message.replace(/^[^:]*:\d+:\d+: /, ''),
    });
  });
  parser.on('opentag', (tag) => {
    if (failure) return;
    elements++;
    if (elements > limits.maxElements)
      failure = DossierError.of('invalid-input', 'exchange.hasMoreThanElements', {
        label,
        maxElements: limits.maxElements,
      });
    if (stack.length >= limits.maxDepth)
      failure = DossierError.of('invalid-input', 'exchange.nestsElementsDeeperThan', {
        label,
        maxDepth: limits.maxDepth,
      });
    const attrs: Record<string, string> = {};
    for (const attr of Object.values(tag.attributes)) {
      if (typeof attr === 'object' && attr.prefix === '' && attr.local !== 'xmlns') attrs[attr.local] = attr.value;
    }
    const el: XmlElement = { uri: tag.uri ?? '', name: tag.local ?? tag.name, attrs, children: [], text: '' };
    stack.at(-1)?.children.push(el);
    if (!root) root = el;
    stack.push(el);
  });
  parser.on('text', (text) => {
    const top = stack.at(-1);
    if (top && !failure) top.text += text;
  });
  parser.on('cdata', (text) => {
    const top = stack.at(-1);
    if (top && !failure) top.text += text;
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  try {
    // Fed in pieces so a DOCTYPE or a limit stops the work early.
    const CHUNK = 1 << 16;
    for (let i = 0; i < xml.length && !failure; i += CHUNK) parser.write(xml.slice(i, i + CHUNK));
    if (!failure) parser.close();
  } catch (err) {
    failure ??= DossierError.of('invalid-input', 'exchange.wellFormedXml', { label, message: (err as Error).message });
  }
  if (failure) reject(failure);
  if (!root) reject(DossierError.of('invalid-input', 'exchange.hasRootElement', { label }));
  return root;
}

/** The child elements of `el` named `name` in namespace `uri`. */
export function childrenNamed(el: XmlElement | undefined, uri: string, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.uri === uri && c.name === name) : [];
}

export function childNamed(el: XmlElement | undefined, uri: string, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.uri === uri && c.name === name);
}
