// Whose figures a prose sentence states. The report's office (kind and level) and year are read from
// the title, the signature or the preamble; then each prose line is scanned for words that switch to
// another body or year (persistent until the line says the report's own again) and each clause for
// words that name another body or compare with another time. Conservative: when unsure, not own.

import * as P from '../format/prose.js';
import { SIGNATURE_LINES } from '../windows.js';
import { matcher, type Hit } from './matcher.js';

export interface ReportContext {
  office: string | null;
  /** A people's government (全市 is its own area), its office (市政府 is its own), or a department. */
  kind: 'government' | 'government-office' | 'department' | null;
  /** 市 / 区 / 县 … of a government or its office. */
  level: string | null;
  year: number | null;
}

export interface ContextOptions {
  office?: string | null;
  year?: number | null;
}

const CJK = /[\u4e00-\u9fff]/;
const YEAR_RE = new RegExp(`((?:19|20)\\d\\d)\\s*${P.YEAR_SUFFIX}`);
const YEAR_RE_G = new RegExp(YEAR_RE.source, 'g');
const YEAR_STRIP_RE = new RegExp(`(?:19|20)\\d\\d(?:${P.YEAR_WORDS.join('|')})?`, 'g');
const isCjk = (c: string | undefined) => !!c && CJK.test(c);

/** Full-width digits to ASCII (one character for one, so columns stay). */
export function foldDigits(s: string): string {
  return s.replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/** Book titles (《…》) blanked to spaces: their words say nothing about scope or verbs. */
export function blankTitles(s: string): string {
  let out = '';
  let depth = 0;
  for (const c of s) {
    if (c === P.OPEN_TITLE) { depth++; out += c; continue; }
    if (c === P.CLOSE_TITLE && depth > 0) { depth--; out += c; continue; }
    out += depth > 0 ? (c.length === 2 ? '  ' : ' ') : c;
  }
  return out;
}

function classify(office: string): Pick<ReportContext, 'kind' | 'level'> {
  const o = office.replace(/\s+/g, '');
  for (const suffix of P.GOVERNMENT_OFFICES) {
    const i = o.lastIndexOf(suffix);
    if (i > 0 && i + suffix.length === o.length) {
      const level = o[i - 1];
      if (P.LEVELS.includes(level)) return { kind: 'government-office', level };
    }
  }
  if (o.endsWith(P.PEOPLES_GOVERNMENT)) {
    const level = o[o.length - P.PEOPLES_GOVERNMENT.length - 1];
    if (P.LEVELS.includes(level)) return { kind: 'government', level };
  }
  return { kind: 'department', level: null };
}

function stripTitle(line: string): string {
  let t = line.replace(/\s+/g, '');
  t = t.replace(YEAR_STRIP_RE, '');
  for (const w of P.TITLE_WORDS) if (t.includes(w)) t = t.split(w).join('');
  return t;
}

const endsWithBody = (t: string) => P.BODY_NAME_ENDINGS.some((e) => t.endsWith(e));
/** Whether a line is the first heading (总体情况) as readOffice reads it: the preamble ends above it. */
export const namesFirstHeading = (line: string) => line.includes(P.FIRST_HEADING) && line.replace(/\s+/g, '').length <= 12;
const firstHeading = (lines: string[]) => {
  const i = lines.findIndex(namesFirstHeading);
  return i < 0 ? Math.min(lines.length, 5) : i;
};

/** The office as the title (or the line above it), the signature or the preamble names it. */
export function readOffice(lines: string[]): string | null {
  const head = firstHeading(lines);
  for (let i = 0; i < head; i++) {
    const raw = lines[i].replace(/\s+/g, '');
    if (!raw || !P.TITLE_WORDS.some((w) => raw.includes(w)) || raw.length > 60) continue;
    const rest = stripTitle(lines[i]);
    if (rest && endsWithBody(rest) && rest.length <= 30) return rest;
    for (let j = i - 1; j >= 0; j--) {
      const above = lines[j].replace(/\s+/g, '');
      if (!above) continue;
      if (above.length <= 30 && endsWithBody(above)) return above;
      break;
    }
  }
  for (let i = lines.length - 1, seen = 0; i > head && seen < SIGNATURE_LINES; i--) {
    const t = lines[i].replace(/\s+/g, '');
    if (!t) continue;
    seen++;
    if (t.length <= 30 && endsWithBody(t) && isCjk(t[0])) return t;
  }
  const pre = lines.slice(0, head).join('');
  for (const suffix of P.OFFICE_SUFFIXES) {
    const m = new RegExp(`([\\u4e00-\\u9fff]{2,12}?)${suffix}`).exec(pre);
    if (!m) continue;
    let name = m[1];
    for (const lead of P.OFFICE_LEAD_WORDS) {
      const k = name.lastIndexOf(lead);
      if (k >= 0 && name.length - k - lead.length >= 2) name = name.slice(k + lead.length);
    }
    return name + suffix;
  }
  return null;
}

/** The report's year: the title, else the statistical period, else the most frequent year in the prose. */
export function readYear(lines: string[]): number | null {
  const head = firstHeading(lines);
  const yearIn = (s: string) => {
    const m = YEAR_RE.exec(foldDigits(s));
    return m ? Number(m[1]) : null;
  };
  for (let i = 0; i < head; i++) {
    if (P.TITLE_WORDS.some((w) => lines[i].replace(/\s+/g, '').includes(w)) && lines[i].length <= 60) {
      const y = yearIn(lines[i]);
      if (y) return y;
    }
  }
  for (const l of lines) {
    for (const w of P.PERIOD_WORDS) {
      const i = l.indexOf(w);
      if (i >= 0) {
        const y = yearIn(l.slice(i));
        if (y) return y;
      }
    }
  }
  const counts = new Map<number, number>();
  for (const l of lines) for (const m of foldDigits(l).matchAll(YEAR_RE_G)) counts.set(Number(m[1]), (counts.get(Number(m[1])) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && y < best)) best = y;
  return best;
}

export function reportContext(lines: string[], prose: (i: number) => boolean, opts: ContextOptions = {}): ReportContext {
  const office = opts.office ?? readOffice(lines);
  const year = opts.year ?? readYear(lines);
  if (office) return { office, year, ...classify(office) };
  // No name: a report that says 我市 and never 我局 / 本机关 … is its government's.
  let level: string | null = null;
  let dept = false;
  for (let i = 0; i < lines.length; i++) {
    if (!prose(i)) continue;
    const l = lines[i];
    if (P.SELF_WORDS.some((w) => l.includes(w))) dept = true;
    for (const p of P.SELF_PREFIXES) for (const lv of P.LEVELS) if (!level && l.includes(p + lv)) level = lv;
  }
  if (level && !dept) return { office: null, year, kind: 'government', level };
  return { office: null, year, kind: dept ? 'department' : null, level: null };
}

// ---------------------------------------------------------------------------------------------

/** Occurrences of any of `words` in `s`, longest first at each position (one matcher per list, built once). */
function occurrences(s: string, words: readonly string[]): Hit[] {
  return matcher(words).all(s);
}

function inside(at: number, len: number, spans: Hit[]): boolean {
  return spans.some((e) => at >= e.at && at + len <= e.at + e.word.length);
}

/** Parenthesis depth before each column. */
export function parenDepths(s: string): number[] {
  const out: number[] = [];
  let d = 0;
  for (let i = 0; i < s.length; i++) {
    out.push(d);
    if (P.OPEN_PARENS.includes(s[i])) d++;
    else if (P.CLOSE_PARENS.includes(s[i]) && d > 0) d--;
  }
  out.push(d);
  return out;
}

const DEPARTMENT = [P.DEPARTMENT_WORD];

interface ScopeEvent { at: number; own: boolean; axis: 'body' | 'time' }

/** The words of a line that switch to another body or year, or back to the report's own. */
export class LineScope {
  private events: ScopeEvent[] = [];

  constructor(text: string, private readonly ctx: ReportContext, depth: number[] = parenDepths(text)) {
    const top = (at: number) => depth[at] === 0;
    const exceptions = occurrences(text, P.FOREIGN_EXCEPTIONS);
    for (const o of occurrences(text, P.FOREIGN_PERSISTENT)) {
      if (top(o.at) && !inside(o.at, o.word.length, exceptions)) this.events.push({ at: o.at, own: false, axis: 'body' });
    }
    const selfExceptions = occurrences(text, P.SELF_EXCEPTIONS);
    for (const o of occurrences(text, P.SELF_WORDS)) {
      if (top(o.at) && !inside(o.at, o.word.length, selfExceptions)) this.events.push({ at: o.at, own: true, axis: 'body' });
    }
    for (let i = 0; i + 1 < text.length; i++) {
      if (!top(i) || !P.LEVELS.includes(text[i + 1])) continue;
      const lv = text[i + 1];
      if (text[i] === P.WHOLE_PREFIX) this.events.push({ at: i, own: this.ownArea(lv), axis: 'body' });
      else if (P.SELF_PREFIXES.includes(text[i]) && !isCjkLevelWord(text, i + 1)) this.events.push({ at: i, own: this.ownSelfLevel(lv), axis: 'body' });
    }
    const comparatives = occurrences(text, P.COMPARATIVE);
    for (const o of occurrences(text, P.OTHER_TIME)) {
      if (!top(o.at) || P.OTHER_TIME_OK_AFTER.some((w) => text.startsWith(w, o.at + o.word.length))) continue;
      if (comparatives.some((c) => c.at <= o.at && o.at <= c.at + c.word.length)) continue;
      this.events.push({ at: o.at, own: false, axis: 'time' });
    }
    for (const o of occurrences(text, P.OWN_TIME)) if (top(o.at)) this.events.push({ at: o.at, own: true, axis: 'time' });
    for (const m of text.matchAll(YEAR_RE_G)) {
      if (top(m.index!)) this.events.push({ at: m.index!, own: ctx.year === null || Number(m[1]) === ctx.year, axis: 'time' });
    }
    this.events.sort((a, b) => a.at - b.at);
  }

  private ownArea(level: string): boolean {
    return this.ctx.kind === 'government' && this.ctx.level === level;
  }
  private ownSelfLevel(level: string): boolean {
    if (this.ctx.kind === 'department') return false;
    return this.ctx.level === null || this.ctx.level === level;
  }

  /** Whether the line, up to `at`, speaks of the report's own body and year. */
  ownAt(at: number): boolean {
    let body = true;
    let time = true;
    for (const e of this.events) {
      if (e.at >= at) break;
      if (e.axis === 'body') body = e.own;
      else time = e.own;
    }
    return body && time;
  }

  /** Whether a clause (its text before the number) names another body or compares with another time. */
  clauseForeign(clause: string): boolean {
    if (matcher(P.COMPARATIVE).test(clause)) return true;
    const own = occurrences(clause, P.DEPARTMENT_OWN);
    for (const o of occurrences(clause, DEPARTMENT)) if (!inside(o.at, o.word.length, own)) return true;
    const exceptions = occurrences(clause, P.FOREIGN_EXCEPTIONS);
    for (const o of occurrences(clause, P.FOREIGN_PERSISTENT)) if (!inside(o.at, o.word.length, exceptions)) return true;
    for (const o of occurrences(clause, P.BODY_SUFFIXES)) if (!this.ownBody(clause, o.at, o.word)) return true;
    const places = matcher(P.PLACE_SUFFIXES);
    for (let i = 0; i < clause.length; i++) {
      const suffix = places.at(clause, i);
      if (!suffix) continue;
      if (!this.ownPlace(clause, i, suffix)) return true;
      i += suffix.length - 1;
    }
    return false;
  }

  private ownBody(clause: string, at: number, suffix: string): boolean {
    const before = clause[at - 1];
    if (!isCjk(before)) return true; // a bare word (中心工作 at the clause start) names no body
    if (P.SELF_PREFIXES.includes(before)) return true;
    const word = runBefore(clause, at) + suffix;
    // The government's office speaks for itself in its own report, not in the government's.
    if (this.ctx.kind === 'government-office') {
      for (const g of P.GOVERNMENT_OFFICES) {
        if (word.endsWith(g) && word[word.length - g.length - 1] === this.ctx.level) return true;
      }
    }
    return this.inOffice(word, suffix);
  }

  private ownPlace(clause: string, at: number, suffix: string): boolean {
    const before = clause[at - 1];
    if (before === P.WHOLE_PREFIX || P.SELF_PREFIXES.includes(before) || before === P.EACH_PREFIX) return true; // handled by the line scan
    const follower = P.PLACE_GOVERNMENT_FOLLOWERS.find((f) => clause.startsWith(f, at + suffix.length));
    const gov = this.ctx.kind === 'government' || this.ctx.kind === 'government-office';
    if (follower) {
      if (gov && suffix === this.ctx.level && (follower === P.GOVERNMENT || follower === P.PEOPLES_GOVERNMENT)) return true;
      return this.inOffice(runBefore(clause, at) + suffix, suffix);
    }
    if (!isCjk(before)) return true; // 区 / 市 standing alone (市政府 handled above)
    const run = runBefore(clause, at);
    if (run.length < 2) return true; // 城区, 社区 … too short to be a place name we can tell
    return this.inOffice(run + suffix, suffix);
  }

  /** A body named like the report's own office (its last two characters before the suffix). */
  private inOffice(word: string, suffix: string): boolean {
    if (!this.ctx.office || word.length < suffix.length + 2) return false;
    const core = word.slice(word.length - suffix.length - 2);
    return this.ctx.office.includes(core);
  }
}

function runBefore(s: string, at: number): string {
  let i = at;
  while (i > 0 && isCjk(s[i - 1]) && at - i < 12) i--;
  return s.slice(i, at);
}

/** 我区域: a level character that starts a longer word is no level. */
function isCjkLevelWord(s: string, at: number): boolean {
  return P.LEVEL_WORD_EXCEPTIONS.some((w) => s.startsWith(w, at));
}
