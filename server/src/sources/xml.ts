// Parsing the XML parts of a .docx with htmlparser2 in XML mode, keeping each node's position
// in the source so that a fix can replace the text of one w:t element and nothing else.

import type { ChildNode, Document, Element } from 'domhandler';
import { parseBounded, type Budget } from './bounded.js';
import { DEFAULT_LIMITS } from './types.js';

export type { ChildNode, Element };

/** An XML part's tree, within the budget of elements and nesting (`part` names it in the error). */
export function parseXml(text: string, part: string, budget: Budget = DEFAULT_LIMITS): Document {
  return parseBounded(text, { xmlMode: true, withStartIndices: true, withEndIndices: true }, budget, { zh: `${part} `, en: part });
}

/** An element's name without its namespace prefix (w:tbl → tbl). */
export function local(e: Element): string {
  const i = e.name.indexOf(':');
  return i < 0 ? e.name : e.name.slice(i + 1);
}

export function isElement(n: ChildNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

export function childElements(e: { children: ChildNode[] }): Element[] {
  return e.children.filter(isElement);
}

export function attr(e: Element, name: string): string | undefined {
  return e.attribs[name] ?? e.attribs[`w:${name}`];
}

/** Decodes an XML part: UTF-8 (a BOM is dropped) or UTF-16 with a BOM. */
export function decodeXml(bytes: Uint8Array): { text: string; bom: 'utf-8' | 'utf-16le' | 'utf-16be' | null } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), bom: 'utf-8' };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), bom: 'utf-16le' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), bom: 'utf-16be' };
  return { text: new TextDecoder('utf-8').decode(bytes), bom: null };
}

export function escapeXmlText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
