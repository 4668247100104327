// Reading a .docx: the paragraphs and tables of its main document part (word/document.xml),
// in the order Word shows them. Table cells merged with w:gridSpan or w:vMerge are expanded to
// the table's grid (the merged text in the first cell, the covered cells empty), numbers come
// out as the runs show them, and the origin of every w:t is kept for writing fixes back.

import { decodeXml, childElements, local, attr, parseXml, isElement, type ChildNode, type Element } from './xml.js';
import { Draft, DraftTooLong, type CellParas, type Piece } from './draft.js';
import { unzip } from './zip.js';
import { Numbering } from './numbering.js';
import { SourceError, type Limits, type SourceResult } from './types.js';
import type { Localized } from '../core/index.js';

const MAIN_REL = /officeDocument$/;
/** Containers whose content Word shows inline. */
const TRANSPARENT = new Set(['hyperlink', 'ins', 'smartTag', 'fldSimple', 'sdt', 'sdtContent', 'customXml', 'moveTo', 'dir', 'bdo', 'AlternateContent', 'Choice']);
/** Content not shown, or not part of the text flow. */
const SKIPPED = new Set(['del', 'moveFrom', 'delText', 'instrText', 'rPr', 'pPr', 'tblPr', 'trPr', 'tcPr', 'sectPr', 'drawing', 'pict', 'object', 'Fallback', 'footnoteReference', 'commentReference', 'bookmarkStart', 'bookmarkEnd', 'proofErr']);

/** The name of the main document part, from _rels/.rels. */
function mainPart(rels: Uint8Array | undefined, limits: Limits): string {
  if (!rels) return 'word/document.xml';
  const doc = parseXml(decodeXml(rels).text, '_rels/.rels', limits);
  const stack: ChildNode[] = [...doc.children];
  while (stack.length) {
    const n = stack.shift()!;
    if (!isElement(n)) continue;
    if (local(n) === 'Relationship' && MAIN_REL.test(n.attribs.Type ?? '') && n.attribs.Target) return n.attribs.Target.replace(/^\//, '');
    stack.push(...n.children);
  }
  return 'word/document.xml';
}

export function readDocx(bytes: Uint8Array, limits: Limits): SourceResult {
  // The XML parts only: images and embedded files are never inflated.
  const entries = unzip(bytes, limits, (n) => n === '_rels/.rels' || n === '[Content_Types].xml' || (n.startsWith('word/') && /\.(xml|rels)$/i.test(n)));
  const byName = new Map(entries.map((e) => [e.name, e.data]));
  const entry = mainPart(byName.get('_rels/.rels'), limits);
  const xml = byName.get(entry);
  if (!xml) {
    throw new SourceError('corrupt', { zh: `不是 Word 文档：压缩包中没有 ${entry}`, en: `Not a Word document: the package has no ${entry}` });
  }
  const { text } = decodeXml(xml);
  const problems: Localized[] = [];
  const draft = new Draft(limits.maxChars);
  try {
    const doc = parseXml(text, entry, limits);
    const body = findBody(doc.children);
    if (!body) throw new SourceError('corrupt', { zh: `${entry} 中没有正文（w:body）`, en: `${entry} has no body (w:body)` });
    readBlocks(body, draft, new Numbering(byName.get('word/numbering.xml'), byName.get('word/styles.xml'), limits));
  } catch (e) {
    if (e instanceof DraftTooLong) throw new SourceError('too-large', { zh: `转换后的文字超过 ${limits.maxChars} 个字符，不予读取`, en: `The converted text is over ${limits.maxChars} characters; not read` });
    throw e;
  }
  return { kind: 'docx', text: draft.text(), writable: true, problems, docx: { entry, pieces: draft.pieces } };
}

function findBody(nodes: ChildNode[]): Element | null {
  for (const n of nodes) {
    if (!isElement(n)) continue;
    if (local(n) === 'body') return n;
    const inner = findBody(n.children);
    if (inner) return inner;
  }
  return null;
}

/** Paragraphs and tables in document order (through w:sdt and other block containers). */
function readBlocks(parent: Element, draft: Draft, numbering: Numbering): void {
  for (const e of childElements(parent)) {
    const name = local(e);
    if (name === 'p') for (const line of paragraphLines(e, numbering)) draft.paragraph(line);
    else if (name === 'tbl') readTable(e, draft, numbering);
    else if (!SKIPPED.has(name)) readBlocks(e, draft, numbering);
  }
}

/** The lines of one paragraph (w:br and w:cr start a new one) as pieces, its list number first. */
function paragraphLines(p: Element, numbering: Numbering): Piece[][] {
  const number = numbering.next(childElements(p).find((c) => local(c) === 'pPr'));
  const lines: Piece[][] = [number ? [{ text: number }] : []];
  const visit = (e: Element) => {
    for (const c of childElements(e)) {
      const name = local(c);
      if (SKIPPED.has(name)) continue;
      if (name === 'r') {
        if (isHidden(c)) continue;
        visitRun(c);
      } else if (TRANSPARENT.has(name) || name === 'p') visit(c);
    }
  };
  const visitRun = (r: Element) => {
    for (const c of childElements(r)) {
      const name = local(c);
      const line = lines[lines.length - 1];
      if (name === 't') {
        const t = c.children[0];
        if (t && t.type === 'text') line.push({ text: t.data, xml: { start: t.startIndex!, end: t.endIndex! + 1 } });
      } else if (name === 'tab' || name === 'ptab') line.push({ text: '\t' });
      else if (name === 'br' || name === 'cr') lines.push([]);
      else if (name === 'noBreakHyphen') line.push({ text: '-' });
      else if (TRANSPARENT.has(name)) visitRun(c);
    }
  };
  visit(p);
  return lines;
}

function isHidden(r: Element): boolean {
  const rPr = childElements(r).find((c) => local(c) === 'rPr');
  if (!rPr) return false;
  const v = childElements(rPr).find((c) => local(c) === 'vanish');
  return !!v && !/^(0|false|off)$/.test(attr(v, 'val') ?? '');
}

function prop(e: Element, pr: string, name: string): Element | undefined {
  const p = childElements(e).find((c) => local(c) === pr);
  return p && childElements(p).find((c) => local(c) === name);
}

/**
 * One table: every row one line. A cell spanning columns (w:gridSpan) is one cell, as Word
 * copies it (Word and LibreOffice often lay a table on a finer grid than it looks); a cell
 * covered by the one above (w:vMerge continue) is an empty cell, as Word copies it too.
 */
function readTable(tbl: Element, draft: Draft, numbering: Numbering): void {
  for (const tr of rowsOf(tbl)) {
    const cells: CellParas[] = [];
    for (const tc of cellsOf(tr)) {
      const vm = prop(tc, 'tcPr', 'vMerge');
      const continued = !!vm && (attr(vm, 'val') ?? 'continue') === 'continue';
      cells.push(continued ? [] : cellParas(tc, numbering));
    }
    draft.row(cells);
  }
}

function rowsOf(tbl: Element): Element[] {
  const out: Element[] = [];
  for (const c of childElements(tbl)) {
    const n = local(c);
    if (n === 'tr') out.push(c);
    else if (n === 'sdt' || n === 'sdtContent' || n === 'customXml') out.push(...rowsOf(c));
  }
  return out;
}

function cellsOf(tr: Element): Element[] {
  const out: Element[] = [];
  for (const c of childElements(tr)) {
    const n = local(c);
    if (n === 'tc') out.push(c);
    else if (n === 'sdt' || n === 'sdtContent' || n === 'customXml') out.push(...cellsOf(c));
  }
  return out;
}

/** The paragraphs of a cell (a nested table's cells count as paragraphs of it). */
function cellParas(tc: Element, numbering: Numbering): CellParas {
  const out: CellParas = [];
  const visit = (e: Element) => {
    for (const c of childElements(e)) {
      const n = local(c);
      if (n === 'p') out.push(...paragraphLines(c, numbering));
      else if (n === 'tbl' || n === 'tr' || n === 'tc' || n === 'sdt' || n === 'sdtContent' || n === 'customXml') visit(c);
    }
  };
  visit(tc);
  return out;
}
