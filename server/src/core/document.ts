// The report model an editor keeps: lines, their kinds, and parsed segments. An edit
// re-classifies only the lines it replaced and re-parses only the segments around them;
// `analysis()` then equals what a fresh parse of the same text gives (a property test pins it).

import { assemble, type Analysis } from './analyze.js';
import { classifyLine, type LineKind } from './lines.js';
import type { Range } from './model.js';
import { proseUnaffected } from './rules/carry.js';
import { newMemo } from './rules/memo.js';
import { cutSegments, isNothing, parseSegment, patchCell, segmentResult, shiftDiagnostic, shiftTable, shiftYears, type SegmentResult, type SegmentSpan } from './segment.js';
import { packedMap } from './shape.js';

interface Segment extends SegmentSpan {
  /** The parse, in document lines as they were when the segment started at `at`. */
  result?: SegmentResult;
  at?: number;
}

/** Segments of one shape (every field present from the start), which keeps the per-edit loops fast. */
function segmentsOf(spans: SegmentSpan[]): Segment[] {
  return packedMap(spans, (x) => ({ start: x.start, count: x.count, kind: x.kind, result: undefined, at: undefined }));
}

/** A segment's result moved down by `d` lines (a copy). */
function place(r: SegmentResult, d: number): SegmentResult {
  if (d === 0 || isNothing(r)) return r;
  return segmentResult(
    r.heading && { ...r.heading, line: r.heading.line + d },
    r.tables.map((t) => shiftTable(t, d)),
    r.diagnostics.map((x) => shiftDiagnostic(x, d)),
    shiftYears(r.titleYears, d),
    shiftYears(r.periodYears, d),
    // No `parts`: a shifted copy is not patched (the next cell edit in it parses it again).
    undefined,
  );
}

export interface TextChange {
  /** Absent: the whole text is replaced. */
  range?: Range;
  text: string;
}

export class ReportModel {
  private lines: string[];
  private kinds: LineKind[];
  private segments: Segment[];
  private cached: Analysis | null = null;
  /** The segments' results the last analysis assembled (in line order), while no edit but a patched cell has come since. */
  private placed: SegmentResult[] | null = null;
  /** The document rules' results kept by what each reads (rules/memo.ts). */
  private memo = newMemo();
  /**
   * Whether every edit since the last analysis was a patched cell that left the prose rules'
   * inputs as they were (rules/carry.ts), so that their results are kept.
   */
  private proseKept = false;
  /** The line of the last analysis's first heading (-1: none). */
  private firstHeading = -1;
  /** Segments parsed since construction: lets tests and benchmarks see how much an edit cost. */
  parsedSegments = 0;

  private eols: string[];
  /** The file's name or path (or URI), when known: the report's identity falls back on it. */
  readonly name: string | undefined;

  constructor(text: string, options: { name?: string } = {}) {
    this.name = options.name;
    [this.lines, this.eols] = splitWithEols(text);
    this.kinds = packedMap(this.lines, classifyLine);
    this.segments = segmentsOf(cutSegments(this.kinds, 0, this.lines.length));
  }

  get lineCount(): number {
    return this.lines.length;
  }

  line(i: number): string {
    return this.lines[i] ?? '';
  }

  /** The exact text, line ends as they were. */
  getText(): string {
    let s = '';
    for (let i = 0; i < this.lines.length; i++) s += this.lines[i] + this.eols[i];
    return s;
  }

  /** Applies one LSP content change (positions in UTF-16 code units). */
  apply(change: TextChange): void {
    this.cached = null;
    const placed = this.placed;
    this.placed = null;
    const kept = this.proseKept;
    this.proseKept = false;
    if (!change.range) {
      [this.lines, this.eols] = splitWithEols(change.text);
      this.kinds = packedMap(this.lines, classifyLine);
      this.segments = segmentsOf(cutSegments(this.kinds, 0, this.lines.length));
      return;
    }
    const r = clampRange(change.range, this.lines);
    this.placed = placed;
    if (r.start.line === r.end.line) {
      const before = this.lines[r.start.line];
      if (this.patch(r.start.line, r.start.character, r.end.character, change.text)) {
        this.proseKept = kept && proseUnaffected(this.lines, r.start.line, before, this.lines[r.start.line], this.firstHeading);
        return;
      }
    }
    this.placed = null;
    // Re-split from the line before to the line after: a change next to a line end can join
    // `\r` and `\n` into one line end, or split one.
    const a = Math.max(0, r.start.line - 1);
    const b = Math.min(this.lines.length - 1, r.end.line + 1);
    let region = '';
    let so = 0;
    let eo = 0;
    for (let k = a; k <= b; k++) {
      if (k === r.start.line) so = region.length + r.start.character;
      if (k === r.end.line) eo = region.length + r.end.character;
      region += this.lines[k] + this.eols[k];
    }
    const [inserted, insertedEols] = splitWithEols(region.slice(0, so) + change.text + region.slice(eo));
    if (b < this.lines.length - 1) {
      inserted.pop();
      insertedEols.pop();
    }
    const removed = b - a + 1;
    const delta = inserted.length - removed;
    this.lines.splice(a, removed, ...inserted);
    this.eols.splice(a, removed, ...insertedEols);
    this.kinds.splice(a, removed, ...inserted.map(classifyLine));

    // Re-cut from the segment before the edit to the segment after it: runs may merge or split.
    const segs = this.segments;
    const at = (line: number) => this.segmentAt(line);
    const i0 = at(Math.max(0, a - 1));
    const i1 = at(Math.min(b + 1, segs[segs.length - 1].start + segs[segs.length - 1].count - 1));
    const from = segs[i0].start;
    const oldTo = segs[i1].start + segs[i1].count;
    const fresh: Segment[] = segmentsOf(cutSegments(this.kinds, from, oldTo + delta));
    // Reuse the parse of a neighbour that the edit did not touch.
    for (const f of fresh) {
      for (let k = i0; k <= i1; k++) {
        const o = segs[k];
        if (!o.result || o.kind !== f.kind || o.count !== f.count) continue;
        const oldEnd = o.start + o.count - 1;
        if ((oldEnd < a && o.start === f.start) || (o.start > b && o.start + delta === f.start)) {
          f.result = o.result;
          f.at = o.at;
        }
      }
    }
    if (delta) for (let k = i1 + 1; k < segs.length; k++) segs[k].start += delta;
    segs.splice(i0, i1 - i0 + 1, ...fresh);
  }

  /**
   * The fast path of an edit within line `i` that leaves it a table line: when the change only
   * rewrites one value cell of a table the segment has parsed, the parse is patched (segment.ts
   * `patchCell`) and nothing else is re-read. False when the general path must run.
   */
  private patch(i: number, from: number, to: number, text: string): boolean {
    if (this.kinds[i] !== 'other' || text.includes('\n') || text.includes('\r')) return false;
    const before = this.lines[i];
    const after = before.slice(0, from) + text + before.slice(to);
    if (classifyLine(after) !== 'other') return false;
    const seg = this.segments[this.segmentAt(i)];
    if (!seg.result || seg.at !== seg.start) return false;
    const patched = patchCell(seg.result, i, before, after);
    if (!patched) return false;
    this.lines[i] = after;
    // The segments' results as the last analysis collected them stay valid, with this one swapped.
    const k = this.placed ? this.placed.indexOf(seg.result) : -1;
    if (k >= 0) this.placed![k] = patched;
    else this.placed = null;
    seg.result = patched;
    return true;
  }

  /** The index of the segment holding `line`. */
  private segmentAt(line: number): number {
    const segs = this.segments;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (segs[mid].start <= line) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** The analysis of the current text when it was made already (no parse), else null. */
  get analysed(): Analysis | null {
    return this.cached;
  }

  /** Whether the parse is held (false after `release`, until the next `analysis`). */
  get parsed(): boolean {
    return this.cached !== null || this.placed !== null || this.segments.some((s) => s.result !== undefined);
  }

  /**
   * Drops the parse (the segments' results, the last analysis, the document rules' memo) and keeps
   * the text: the model is then as a new ReportModel of the same text, and the next `analysis`
   * parses every segment again. An editor releases the reports not used lately (lsp/documents.ts).
   */
  release(): void {
    this.cached = null;
    this.placed = null;
    this.memo = newMemo();
    this.proseKept = false;
    this.firstHeading = -1;
    this.segments = segmentsOf(cutSegments(this.kinds, 0, this.lines.length));
  }

  analysis(): Analysis {
    if (this.cached) return this.cached;
    if (!this.proseKept) this.memo.proseEpoch++;
    if (this.placed) return this.done(assemble(this.placed, this.lines, this.memo, this.name));
    // A segment is parsed in document lines; it is shifted (copied) only when lines above it
    // were added or removed since, so an edit that keeps the line count copies nothing.
    // Segments that found nothing (most prose lines) add nothing to the analysis and are not
    // handed on, so the work per edit stays small in a document of thousands of segments.
    const placed: SegmentResult[] = [];
    for (const s of this.segments) {
      if (!s.result) {
        s.result = parseSegment(this.lines.slice(s.start, s.start + s.count), s.kind, s.start);
        s.at = s.start;
        this.parsedSegments++;
      } else if (s.at !== s.start) {
        s.result = place(s.result, s.start - (s.at as number));
        s.at = s.start;
      }
      const r = s.result;
      if (isNothing(r)) continue;
      placed.push(r);
    }
    this.placed = placed;
    return this.done(assemble(placed, this.lines, this.memo, this.name));
  }

  private done(a: Analysis): Analysis {
    this.cached = a;
    this.proseKept = true;
    this.firstHeading = a.headings[0]?.line ?? -1;
    return a;
  }
}

/** Lines and their line ends (`\n`, `\r\n`, `\r`; the last line's is empty). */
export function splitWithEols(text: string): [string[], string[]] {
  const lines: string[] = [];
  const eols: string[] = [];
  // Scanned, not matched: a match array per line is most of what splitting a batch allocates.
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push(text.slice(from, i));
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      eols.push('\r\n');
      i++;
    } else eols.push(c === 13 ? '\r' : '\n');
    from = i + 1;
  }
  lines.push(text.slice(from));
  eols.push('');
  return [lines, eols];
}

function clampRange(r: Range, lines: string[]): Range {
  const clamp = (p: { line: number; character: number }) => {
    if (p.line < 0) return { line: 0, character: 0 };
    if (p.line >= lines.length) return { line: lines.length - 1, character: lines[lines.length - 1].length };
    return { line: p.line, character: Math.max(0, Math.min(p.character, lines[p.line].length)) };
  };
  let s = clamp(r.start);
  let e = clamp(r.end);
  if (e.line < s.line || (e.line === s.line && e.character < s.character)) [s, e] = [e, s];
  return { start: s, end: e };
}

/** One-shot analysis of a whole text (`name`: its file name or path, for the report's identity). */
export function analyzeText(text: string, options: { name?: string } = {}): Analysis {
  return new ReportModel(text, options).analysis();
}
