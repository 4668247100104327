// Word's automatic numbering (numbering.xml, list styles): the numbers Word shows before a
// paragraph — a heading numbered 一、 by a list, a row label numbered （一） — are not in the
// runs, so they are generated here from the paragraph's w:numPr (or its style's), the level's
// format (decimal, chineseCounting, …) and lvlText (%1、), counting as Word counts.

import { attr, childElements, local, parseXml, decodeXml, type Element } from './xml.js';
import type { Budget } from './bounded.js';

interface Level {
  start: number;
  fmt: string;
  text: string;
  suffix: string;
}

const CN = '〇一二三四五六七八九';

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 105 → 一百零五 (Word's chineseCounting). */
function chinese(n: number): string {
  if (n <= 0 || n >= 10000) return String(n);
  if (n < 10) return CN[n];
  if (n < 20) return '十' + (n % 10 ? CN[n % 10] : '');
  if (n < 100) return CN[Math.floor(n / 10)] + '十' + (n % 10 ? CN[n % 10] : '');
  const units: [number, string][] = [[1000, '千'], [100, '百'], [10, '十']];
  let s = '';
  let rest = n;
  let zero = false;
  for (const [u, name] of units) {
    const d = Math.floor(rest / u);
    rest %= u;
    if (d) { if (zero) s += '零'; s += CN[d] + name; zero = false; } else if (s) zero = true;
  }
  if (rest) s += (zero ? '零' : '') + CN[rest];
  return s;
}

function roman(n: number): string {
  const t: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let s = '';
  for (const [v, r] of t) while (n >= v) { s += r; n -= v; }
  return s;
}

function format(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting': case 'chineseCountingThousand': case 'japaneseCounting': case 'ideographTraditional': case 'chineseLegalSimplified':
      return chinese(n);
    case 'upperLetter': return n > 0 ? String.fromCharCode(64 + ((n - 1) % 26) + 1).repeat(Math.floor((n - 1) / 26) + 1) : '';
    case 'lowerLetter': return n > 0 ? String.fromCharCode(96 + ((n - 1) % 26) + 1).repeat(Math.floor((n - 1) / 26) + 1) : '';
    case 'upperRoman': return roman(n);
    case 'lowerRoman': return roman(n).toLowerCase();
    case 'decimalEnclosedCircle': case 'decimalEnclosedCircleChinese': return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'decimalFullWidth': case 'decimalFullWidth2': return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'none': case 'bullet': return '';
    default: return String(n);
  }
}

const val = (e: Element | undefined, name: string) => {
  const c = e && childElements(e).find((x) => local(x) === name);
  return c ? attr(c, 'val') : undefined;
};

/** Numbers paragraphs as Word does; `next(pPr)` gives the prefix of the next paragraph. */
export class Numbering {
  private readonly abstracts = new Map<string, Map<number, Level>>();
  private readonly nums = new Map<string, { abstract: string; starts: Map<number, number> }>();
  private readonly styles = new Map<string, { numId?: string; ilvl?: number; basedOn?: string }>();
  private readonly counters = new Map<string, number[]>();

  constructor(numbering: Uint8Array | undefined, styles: Uint8Array | undefined, budget?: Budget) {
    if (numbering) this.readNumbering(parseXml(decodeXml(numbering).text, 'word/numbering.xml', budget).children.filter((n): n is Element => n.type === 'tag'));
    if (styles) this.readStyles(parseXml(decodeXml(styles).text, 'word/styles.xml', budget).children.filter((n): n is Element => n.type === 'tag'));
  }

  private readNumbering(roots: Element[]): void {
    for (const root of roots) {
      for (const e of childElements(root)) {
        if (local(e) === 'abstractNum') {
          const levels = new Map<number, Level>();
          for (const l of childElements(e).filter((x) => local(x) === 'lvl')) {
            levels.set(Number(attr(l, 'ilvl') ?? 0), { start: Number(val(l, 'start') ?? 1) || 0, fmt: val(l, 'numFmt') ?? 'decimal', text: val(l, 'lvlText') ?? '', suffix: val(l, 'suff') ?? 'tab' });
          }
          this.abstracts.set(attr(e, 'abstractNumId') ?? '', levels);
        } else if (local(e) === 'num') {
          const starts = new Map<number, number>();
          for (const o of childElements(e).filter((x) => local(x) === 'lvlOverride')) {
            const s = val(o, 'startOverride');
            if (s !== undefined) starts.set(Number(attr(o, 'ilvl') ?? 0), Number(s));
          }
          this.nums.set(attr(e, 'numId') ?? '', { abstract: val(e, 'abstractNumId') ?? '', starts });
        }
      }
    }
  }

  private readStyles(roots: Element[]): void {
    for (const root of roots) {
      for (const s of childElements(root).filter((x) => local(x) === 'style')) {
        const pPr = childElements(s).find((x) => local(x) === 'pPr');
        const numPr = pPr && childElements(pPr).find((x) => local(x) === 'numPr');
        this.styles.set(attr(s, 'styleId') ?? '', { numId: val(numPr, 'numId'), ilvl: numPr && val(numPr, 'ilvl') !== undefined ? Number(val(numPr, 'ilvl')) : undefined, basedOn: val(s, 'basedOn') });
      }
    }
  }

  /** The paragraph's numId and level: its own w:numPr, else its style's (through basedOn). */
  private numPr(pPr: Element | undefined): { numId: string; ilvl: number } | null {
    const own = pPr && childElements(pPr).find((x) => local(x) === 'numPr');
    let numId = val(own, 'numId');
    let ilvl = own && val(own, 'ilvl') !== undefined ? Number(val(own, 'ilvl')) : undefined;
    let style = val(pPr, 'pStyle');
    for (let depth = 0; style && depth < 20 && (numId === undefined || ilvl === undefined); depth++) {
      const s = this.styles.get(style);
      if (!s) break;
      numId ??= s.numId;
      ilvl ??= s.ilvl;
      style = s.basedOn;
    }
    return numId && numId !== '0' ? { numId, ilvl: ilvl ?? 0 } : null;
  }

  /** The number Word shows before this paragraph ('' when none), counted. */
  next(pPr: Element | undefined): string {
    if (!this.abstracts.size) return '';
    const np = this.numPr(pPr);
    if (!np) return '';
    const num = this.nums.get(np.numId);
    const levels = num && this.abstracts.get(num.abstract);
    const level = levels?.get(np.ilvl);
    // A level that is no whole number 0–8 (`w:ilvl="x"`, "1.5") numbers nothing, as an unknown level.
    if (!num || !levels || !level || !Number.isInteger(np.ilvl) || np.ilvl < 0 || np.ilvl > 8) return '';
    const key = num.abstract;
    let c = this.counters.get(key);
    if (!c) this.counters.set(key, (c = []));
    const startOf = (i: number) => num.starts.get(i) ?? levels.get(i)?.start ?? 1;
    c[np.ilvl] = c[np.ilvl] === undefined ? startOf(np.ilvl) : c[np.ilvl] + 1;
    c.length = np.ilvl + 1;
    const text = level.text.replace(/%([1-9])/g, (_, d: string) => {
      const i = Number(d) - 1;
      const l = levels.get(i);
      return format(c![i] ?? startOf(i), i === np.ilvl ? level.fmt : (l?.fmt ?? 'decimal'));
    });
    return text + (level.suffix === 'space' && text ? ' ' : '');
  }
}
