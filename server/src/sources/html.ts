// Reading a saved web page of a government site: the charset from the BOM or <meta>, the
// report's article found in the page (navigation, scripts and styles left out), prose as
// paragraphs and tables expanded over rowspan/colspan, every row one line.

import { iconv } from './iconv.js';
import { parseBounded } from './bounded.js';
import type { ChildNode, Element } from 'domhandler';
import { Draft, DraftTooLong, type CellParas, type Piece } from './draft.js';
import { SourceError, type Limits, type SourceResult } from './types.js';
import type { Localized } from '../core/index.js';

const DROPPED = new Set(['script', 'style', 'noscript', 'template', 'nav', 'iframe', 'form', 'select', 'button', 'svg', 'canvas', 'object', 'embed', 'audio', 'video', 'head', 'title', 'input', 'textarea', 'map']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'center', 'address', 'figure', 'figcaption', 'hr', 'caption', 'body', 'html', 'font-block']);
const CHROME = /(^|[\s_-])(nav|menu|breadcrumb|crumb|footer|foot|header|head|share|sidebar|side|toolbar|search|login|copyright|related|xgxx|dqwz|weizhi)([\s_-]|$)/i;
const TITLE = /政府信息公开.{0,8}年度报告/;
const REPORT_TABLE = /本年新收|本年制发|行政复议|信息内容|政府信息公开申请|申请人情况/;

const isUtf8 = (bytes: Uint8Array) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
};
const hasHighBytes = (bytes: Uint8Array) => bytes.some((b) => b >= 0x80);

const UTF16_LABELS = new Set(['utf-16', 'utf-16le', 'utf-16be', 'utf16', 'unicode', 'unicodefeff', 'unicodefffe', 'ucs-2', 'csunicode', 'iso-10646-ucs-2']);

/** The charset a page declares: the BOM, then <meta charset> or <meta http-equiv content="…charset=…">; null when none. */
export function declaredCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  if (m) {
    const cs = m[1].toLowerCase();
    if (/^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/.test(cs)) return 'gb18030';
    if (cs === 'utf8') return 'utf-8';
    // A <meta> read in ASCII bytes is no UTF-16 page's: browsers take it as UTF-8 (the HTML standard's prescan).
    if (UTF16_LABELS.has(cs)) return 'utf-8';
    if (iconv().encodingExists(cs)) return cs;
  }
  return null;
}

/**
 * The charset to read a page in, and a problem when the page's declaration lies (a page saved
 * again as UTF-8 keeps its old `<meta charset=gb2312>`, or the other way round): the content
 * decides — text that decodes as UTF-8 with non-ASCII in it is UTF-8 (GB text almost never is),
 * a "UTF-8" page that does not decode as such is GB18030 if that reads cleanly. Undeclared:
 * UTF-8 if it decodes, else GB18030 (the usual legacy charset here).
 */
export function chooseCharset(bytes: Uint8Array): { charset: string; problem?: Localized } {
  const declared = declaredCharset(bytes);
  const bom = (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) || (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (declared && bom) return { charset: declared };
  const utf8 = isUtf8(bytes);
  if (!declared) return { charset: utf8 ? 'utf-8' : 'gb18030' };
  const lie = (used: string, shown: string) => ({
    charset: used,
    problem: { zh: `网页声明的编码是 ${declared}，但内容是 ${shown}，已按 ${shown} 读取`, en: `The page declares the charset ${declared}, but its content is ${shown}; read as ${shown}` },
  });
  if (declared !== 'utf-8' && utf8 && hasHighBytes(bytes)) return lie('utf-8', 'UTF-8');
  if (declared === 'utf-8' && !utf8 && !iconv().decode(Buffer.from(bytes), 'gb18030').includes('\ufffd')) return lie('gb18030', 'GB18030');
  return { charset: declared };
}

export function readHtml(bytes: Uint8Array, limits: Limits): SourceResult {
  const { charset, problem } = chooseCharset(bytes);
  const source = iconv().decode(Buffer.from(bytes), charset).replace(/^\ufeff/, '');
  const doc = parseBounded(source, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true }, limits, { zh: '网页', en: 'The page' });
  const problems: Localized[] = problem ? [problem] : [];
  const root = findArticle(doc.children) ?? doc;
  const draft = new Draft(limits.maxChars);
  try {
    new Walker(draft).blocks(root.children);
  } catch (e) {
    if (e instanceof DraftTooLong) throw new SourceError('too-large', { zh: `转换后的文字超过 ${limits.maxChars} 个字符，不予读取`, en: `The converted text is over ${limits.maxChars} characters; not read` });
    throw e;
  }
  const text = draft.text();
  if (!text.trim()) problems.push({ zh: '网页中没有找到正文', en: 'No article text found in the page' });
  return { kind: 'html', text, writable: false, problems };
}

function isEl(n: ChildNode): n is Element {
  return n.type === 'tag' || n.type === 'script' || n.type === 'style';
}

const texts = new WeakMap<Element, string>();

/** The text under a node (dropped elements left out), kept per element: the article search asks often. */
function textOf(n: ChildNode): string {
  if (n.type === 'text') return n.data;
  if (!isEl(n) || DROPPED.has(n.name)) return '';
  let s = texts.get(n);
  if (s === undefined) {
    s = '';
    for (const c of n.children) s += textOf(c);
    texts.set(n, s);
  }
  return s;
}

function* elements(nodes: ChildNode[]): Generator<Element> {
  for (const n of nodes) {
    if (!isEl(n) || DROPPED.has(n.name)) continue;
    yield n;
    yield* elements(n.children);
  }
}

function ancestors(e: Element): Element[] {
  const out: Element[] = [];
  for (let p: Element | null = e; p; p = p.parent && isEl(p.parent as ChildNode) ? (p.parent as Element) : null) out.push(p);
  return out;
}

/**
 * The element holding the report: the nearest common ancestor of the report's tables (the
 * innermost tables with the format's row labels) and of the title line nearest before them.
 * Without such tables, the element holding the title with the most text.
 */
function findArticle(nodes: ChildNode[]): Element | null {
  const all = [...elements(nodes)];
  const tables = all.filter((e) => e.name === 'table' && REPORT_TABLE.test(textOf(e)) && ![...elements(e.children)].some((d) => d.name === 'table' && REPORT_TABLE.test(textOf(d))));
  const titles = all.filter((e) => e.name !== 'table' && TITLE.test(ownText(e)) && ownText(e).length < 80);
  const order = new Map(all.map((e, i) => [e, i]));
  const marks: Element[] = [...tables];
  if (tables.length) {
    const first = order.get(tables[0])!;
    const before = titles.filter((t) => order.get(t)! < first);
    if (before.length) marks.push(before[before.length - 1]);
  } else if (titles.length) {
    marks.push(titles[titles.length - 1]);
  }
  if (!marks.length) return null;
  let common = ancestors(marks[0]);
  for (const m of marks.slice(1)) {
    const set = new Set(ancestors(m));
    common = common.filter((a) => set.has(a));
  }
  let root = common[0] ?? null;
  // A title alone: widen to the ancestor that holds the article's text.
  if (root && !tables.length) {
    for (const a of common) if (textOf(a).length > 500 || /总体情况|主动公开政府信息/.test(textOf(a))) { root = a; break; }
  }
  return root;
}

function ownText(e: Element): string {
  return textOf(e).replace(/\s+/g, '');
}

class Walker {
  private line: Piece[] = [];
  constructor(private readonly draft: Draft) {}

  blocks(nodes: ChildNode[]): void {
    for (const n of nodes) this.node(n);
    this.flush();
  }

  private flush(): void {
    if (this.line.length) this.draft.paragraph([{ text: collapse(this.line.map((p) => p.text).join('')) }]);
    this.line = [];
  }

  private node(n: ChildNode): void {
    if (n.type === 'text') { this.line.push({ text: n.data }); return; }
    if (!isEl(n) || DROPPED.has(n.name)) return;
    if (isChrome(n)) return;
    if (n.name === 'br') { this.flush(); return; }
    if (n.name === 'table' && !hasTableInside(n)) { this.flush(); this.table(n); return; }
    // A table holding tables lays the page out: its rows and cells are blocks.
    const block = BLOCK.has(n.name) || LAYOUT.has(n.name);
    if (block) this.flush();
    for (const c of n.children) this.node(c);
    if (block) this.flush();
  }

  private table(t: Element): void {
    const rows: Element[] = [];
    const collect = (e: Element) => {
      for (const c of e.children) {
        if (!isEl(c)) continue;
        if (c.name === 'tr') rows.push(c);
        else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') collect(c);
      }
    };
    collect(t);
    // A cell spanning rows leaves an empty cell in each row below it (as a copy from the
    // browser does); a cell spanning columns is one cell.
    const below: { rows: number; width: number }[] = [];
    for (const tr of rows) {
      const cells: CellParas[] = [];
      let col = 0;
      const skipCovered = () => {
        while (below[col]?.rows > 0) { below[col].rows--; cells.push([]); col += below[col].width; }
      };
      for (const td of tr.children) {
        if (!isEl(td) || (td.name !== 'td' && td.name !== 'th')) continue;
        skipCovered();
        const colspan = span(td.attribs.colspan, 1000);
        const rowspan = span(td.attribs.rowspan, 10000);
        cells.push(cellParas(td));
        if (rowspan > 1) below[col] = { rows: rowspan - 1, width: colspan };
        col += colspan;
      }
      skipCovered();
      this.draft.row(cells);
    }
  }
}

const LAYOUT = new Set(['table', 'tbody', 'thead', 'tfoot', 'tr', 'td', 'th']);

function hasTableInside(t: Element): boolean {
  for (const d of elements(t.children)) if (d.name === 'table') return true;
  return false;
}

function isChrome(e: Element): boolean {
  const tag = `${e.attribs.class ?? ''} ${e.attribs.id ?? ''}`;
  if (!CHROME.test(tag)) return false;
  // Never drop what holds the report itself.
  const t = textOf(e);
  return !REPORT_TABLE.test(t) && !TITLE.test(t.replace(/\s+/g, ''));
}

function span(v: string | undefined, max: number): number {
  const n = v === undefined ? 1 : parseInt(v, 10);
  return Number.isFinite(n) && n >= 1 ? Math.min(n, max) : 1;
}

/** The lines of a cell: <p>, <div> and <br> part them; they are joined by the Draft. */
function cellParas(td: Element): CellParas {
  const out: string[] = [];
  let cur = '';
  const end = () => { const t = collapse(cur); if (t) out.push(t); cur = ''; };
  const visit = (n: ChildNode) => {
    if (n.type === 'text') { cur += n.data; return; }
    if (!isEl(n) || DROPPED.has(n.name)) return;
    if (n.name === 'br') { end(); return; }
    const block = BLOCK.has(n.name) || n.name === 'table' || n.name === 'tr';
    if (block) end();
    for (const c of n.children) visit(c);
    if (block) end();
  };
  for (const c of td.children) visit(c);
  end();
  return out.map((t) => [{ text: t }]);
}

/** HTML white space collapsed (a no-break space kept as a space); the ends trimmed. */
function collapse(s: string): string {
  return s.replace(/[ \t\r\n\f]+/g, ' ').replace(/\u00a0/g, ' ').trim();
}

