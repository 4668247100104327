// Table 三 (收到和处理政府信息公开申请情况): 25 rows x 7 columns, or 23 rows where （六）其他处理
// is printed as one row. Rows are found by their labels in the stream of cells, so the same
// code reads ` | `, tab, one-cell-per-line and space-separated layouts, and a long row label
// that a PDF viewer or Word wrapped onto the next line (before or after the row's numbers).

import { COUNTS } from '../cells.js';
import { diag, type Finding } from '../diagnostics.js';
import { t3Rows, T3_START, TABLE3, TABLE_SHORT, type T3GroupSpec, type T3RowSpec } from '../format/index.js';
import { msg } from '../messages.js';
import type { Cell, LabelCell, Range, RawCell, Table3, Table3Row } from '../model.js';
import { containment, normalizeLabel, ordinalOf, parseOrdinal, similarity } from '../text.js';
import { LineMemo } from '../lineMemo.js';
import { t3RowKey, t3RowLabel } from '../keys.js';
import { asLabel, cellRange, edgeBlank, edgeBlanks, fitRow, joinWrapped, spanRange, isLabel, labelCell, lineRange, loneTail, markdownSoFar, officeOfTitle, pageNumberAt, pipeBlanks, rowShapeDiagnostics, splitHeaders, splitKnown, toCell, unplaceable, withoutBorder, wrappedBlanks, type LineCells } from './common.js';

const norm = (s: string) => normalizeLabel(s);
const { columns: COLUMNS, groups: T3_GROUPS, rows: T3_ROWS, otherSingle: T3_OTHER_SINGLE, otherGroup: OTHER } = TABLE3;
const WIDTH = COLUMNS.length;
const GROUPS = T3_GROUPS.map((g) => ({ g, ord: ordinalOf(g.ordinal)!, text: norm(g.text), variants: (g.variants ?? []).map(norm) }));
const ROWS = T3_ROWS.map((r) => ({ r, ord: ordinalOf(r.ordinal)!, text: norm(r.text), variants: (r.variants ?? []).map(norm) }));
const START_CONTAINS = T3_START.contains.map(norm);
const START_EQUALS = T3_START.equals.map(norm);

/** The header labels of table 三 (its columns and the cells above them): never a row, even where a row shares the word (其他, 总计). */
const HEADER_WORDS = new Set([...COLUMNS.map((c) => norm(c.label)), ...TABLE3.headerExtras.map(norm), ...COLUMNS.flatMap((c) => (c.variants ?? []).map(norm))]);

/**
 * Labels that are a row or group heading of table 三 and nothing else: each row's and group's
 * ordinal with its wording (official or a variant), and the wording alone where it is long enough
 * to be unmistakable. Any of them starts the table, so that a table whose header and first rows
 * were lost is still read (and its missing rows named).
 */
const ROW_STARTS = (() => {
  const out = new Set<string>();
  const add = (s: { ordinal: string; text: string; variants?: string[] }) => {
    for (const t of [s.text, ...(s.variants ?? [])]) {
      out.add(norm(s.ordinal + t));
      if (norm(t).length >= 6) out.add(norm(t));
    }
  };
  for (const r of [...T3_ROWS, T3_OTHER_SINGLE]) add(r);
  for (const g of T3_GROUPS) add(g);
  for (const h of HEADER_WORDS) out.delete(h);
  return out;
})();

export function isT3Start(cells: RawCell[]): boolean {
  return cells.some((c) => {
    const n = norm(c.text);
    return START_CONTAINS.some((x) => n.includes(x)) || START_EQUALS.includes(n) || ROW_STARTS.has(n);
  });
}

/**
 * Header words that are also a row's or group's wording (总计 of （七）总计, 其他 of 3.其他 and of
 * （六）其他): a line of only these is a header repeated inside the table only after another header line.
 */
const SHARED_WORDS = new Set([...HEADER_WORDS].filter((h) => [...T3_ROWS, T3_OTHER_SINGLE, ...T3_GROUPS].some((x) => [x.text, ...(x.variants ?? [])].some((t) => norm(t) === h))));

/** A header label of table 三 (normalised): a column's, a word above them, or the note on the 勾稽关系. */
const isHeaderWord = (n: string) => HEADER_WORDS.has(n) || n.includes(NOTE);

/** What a line is to the rows: a header line whose words are all table 三's header's ('sure' where one of them is no row's wording), or not. */
function headerLine(l: LineCells): 'sure' | 'shared' | null {
  let kind: 'sure' | 'shared' | null = null;
  for (const c of l.cells) {
    if (c.text === '') continue;
    const n = norm(c.text);
    if (isHeaderWord(n)) {
      if (!SHARED_WORDS.has(n)) kind = 'sure';
      else kind ??= 'shared';
      continue;
    }
    // Header labels parted by one space (PDF text): all of them header words, one of them no row's.
    const parts = splitKnown(c, isHeaderWord);
    if (!parts) return null;
    if (parts.some((x) => !SHARED_WORDS.has(norm(x.text)))) kind = 'sure';
    else kind ??= 'shared';
  }
  return kind;
}

/**
 * A group heading and a row label in one cell, parted by white space or by nothing at all
 * (`三、本年度办理结果 （一）予以公开`, `（三）不予公开　1.属于国家秘密`: a row copied from a PDF
 * viewer with one space between its cells, which reads as one label): the two as cells of their
 * own, or null. The group's wording must be the format's (or a variant), the row's a row's.
 */
function splitGroupRow(c: RawCell, group: string | undefined): [RawCell, RawCell] | null {
  const t = c.text;
  for (let i = 1; i < t.length - 1; i++) {
    const ch = t.charCodeAt(i);
    // A piece starts after white space, or where an ordinal opens: （一）, (一), 1.
    const afterSpace = isBlank(t.charCodeAt(i - 1)) && !isBlank(ch);
    if (!afterSpace && !(ch === 0xff08 || ch === 0x28 || (ch >= 48 && ch <= 57 && !(t.charCodeAt(i - 1) >= 48 && t.charCodeAt(i - 1) <= 57)))) continue;
    let leftEnd = i;
    while (leftEnd > 0 && isBlank(t.charCodeAt(leftEnd - 1))) leftEnd--;
    const left = t.slice(0, leftEnd);
    const g = matchByWording(left, group);
    if (g === 'unknown' || g.kind !== 'group' || !parseOrdinal(norm(left))) continue;
    const right = t.slice(i);
    if (!parseOrdinal(norm(right))) continue;
    const r = matchByWording(right, g.spec.key);
    if (r === 'unknown' || r.kind !== 'row' || (r.spec.group && r.spec.group !== g.spec.key)) continue;
    return [
      { line: c.line, start: c.start, end: c.start + leftEnd, text: left },
      { line: c.line, start: c.start + i, end: c.end, text: right },
    ];
  }
  return null;
}
const isBlank = (c: number) => c === 32 || c === 9 || c === 0x3000 || c === 0xa0;

/** Whether a label opens the rows (a row or group heading of table 三, not a header word). */
function opensRows(text: string, group: string | undefined): boolean {
  if (HEADER_WORDS.has(norm(text))) return false;
  return matchLabel(text, group, null) !== null;
}

type Match = { kind: 'row'; spec: T3RowSpec; exact: boolean } | { kind: 'group'; spec: T3GroupSpec; exact: boolean };

function sameOrd(a: { kind: string; value: string } | null, b: { kind: string; value: string }): boolean {
  return !!a && a.kind === b.kind && a.value === b.value;
}

/** Which row or group heading a label stands for, given the group we are in. */
function matchLabel(text: string, group: string | undefined, seen: Set<string> | null): Match | null {
  // By group, then by the label's own text: no key joined per call (a joined key is a new string to hash).
  const g = group ?? '';
  let byText = matched.get(g);
  if (!byText) matched.set(g, (byText = new LineMemo(20000, 120)));
  let m = byText.peek(text);
  if (m === undefined) {
    m = matchByWording(text, group);
    byText.keep(text, m);
  }
  if (m !== 'unknown') return m;
  return seen ? (matchInOtherGroup(norm(text), seen) ?? matchByLikeness(norm(text), seen)) : null;
}

/**
 * A sub-row numbered and worded in short (`1.逾期不补正`) whose group heading was lost (the
 * merged cell dropped in the paste): the one row not yet seen with that number, in any group,
 * whose label holds the words nearly all.
 */
function matchInOtherGroup(n: string, seen: Set<string>): Match | null {
  const ord = parseOrdinal(n);
  if (!ord || ord.kind !== 'arabic') return null;
  const body = n.slice(ord.length);
  if (body.length < 4) return null;
  let hit: (typeof ROWS)[number] | undefined;
  for (const x of ROWS) {
    if (!x.r.group || seen.has(x.r.key) || !sameOrd(ord, x.ord) || containment(body, x.text) < 0.8) continue;
    if (hit) return null; // two rows fit: neither
    hit = x;
  }
  return hit ? { kind: 'row', spec: hit.r, exact: false } : null;
}

/** Memo of matchByWording by group and label: labels repeat across tables, edits and documents. */
const matched = new Map<string, LineMemo<Match | 'unknown'>>();

/** A match by the official wording, a variant, or the ordinal within the group; else 'unknown'. */
function matchByWording(text: string, group: string | undefined): Match | 'unknown' {
  const n = norm(text);
  const ord = parseOrdinal(n);
  const body = ord ? n.slice(ord.length) : n;
  for (const { g, ord: o, text: t, variants } of GROUPS) {
    if ((body === t || variants.includes(body)) && (!ord || sameOrd(ord, o))) return { kind: 'group', spec: g, exact: body === t };
  }
  const exact = ROWS.filter(({ text: t, variants }) => body === t || variants.includes(body));
  if (exact.length) {
    const pick = exact.find((x) => sameOrd(ord, x.ord) && (!x.r.group || x.r.group === group)) ?? exact.find((x) => !x.r.group || x.r.group === group) ?? exact[0];
    return { kind: 'row', spec: pick.r, exact: body === pick.text && (!ord || sameOrd(ord, pick.ord)) };
  }
  // Not the official wording: match by ordinal within the current group, else by likeness.
  if (ord) {
    const byOrd = ROWS.find((x) => sameOrd(ord, x.ord) && (ord.kind === 'arabic' ? x.r.group === group : !x.r.group));
    if (byOrd && body.length >= 2 && containment(body, byOrd.text) >= 0.6) return { kind: 'row', spec: byOrd.r, exact: false };
    const g = GROUPS.find((x) => sameOrd(ord, x.ord));
    if (g && similarity(body, g.text) >= 0.5) return { kind: 'group', spec: g.g, exact: false };
  }
  return 'unknown';
}

/** The closest row not yet seen, if it is close enough. */
function matchByLikeness(n: string, seen: Set<string>): Match | null {
  const ord = parseOrdinal(n);
  const body = ord ? n.slice(ord.length) : n;
  let best: (typeof ROWS)[number] | undefined;
  let score = 0;
  for (const x of ROWS) {
    if (seen.has(x.r.key)) continue;
    const s = similarity(body, x.text);
    if (s > score) [best, score] = [x, s];
  }
  return best && score >= 0.7 ? { kind: 'row', spec: best.r, exact: false } : null;
}

const official = (s: { ordinal: string; text: string }) => s.ordinal + s.text;

interface Slot {
  key: string;
  label: { zh: string; en: string };
  derived: boolean;
}
const slots = new Map<T3RowSpec, Slot[]>();
/** Key, label (`（七）总计 / 自然人`) and derived-ness of a row's cells: made once per row spec, not per cell. */
function slotsOf(spec: T3RowSpec): Slot[] {
  let x = slots.get(spec);
  if (!x) {
    // Derived: the total column, and every cell of a row that only derived cells define.
    x = COLUMNS.map((col) => ({
      key: `t3.${spec.key}.${col.key}`,
      label: { zh: `${official(spec)} / ${col.label}`, en: `${spec.en} / ${col.en}` },
      derived: col.role === 'total' || spec.role === 'total' || spec.role === 'carryOver',
    }));
    slots.set(spec, x);
  }
  return x;
}

interface Pending {
  spec: T3RowSpec | null;
  labels: RawCell[];
  values: RawCell[];
  /** The row label's pieces: one, or more where the label was wrapped onto the next lines. */
  pieces: RawCell[];
  /** The pieces joined as written. */
  text: string;
  /** Whether the label still owes a label-wording diagnostic (reported when the row is finished). */
  deviates: boolean;
}

/** How many cells a row has from its first that is not empty on (leading empty cells are debris: fitRow). */
function filled(values: readonly RawCell[]): number {
  let i = 0;
  while (i < values.length && values[i].text === '') i++;
  return values.length - i;
}

/** Each row's full labels, normalised: with and without its ordinal, official wording and variants. */
const FULL = new Map<T3RowSpec, string[]>();
function fullLabels(spec: T3RowSpec): string[] {
  let x = FULL.get(spec);
  if (!x) {
    const o = norm(spec.ordinal);
    const texts = [norm(spec.text), ...(spec.variants ?? []).map(norm)];
    x = texts.flatMap((t) => [o + t, t]);
    FULL.set(spec, x);
  }
  return x;
}

/**
 * Whether `piece` continues a row label wrapped onto the next line: the label so far and the
 * piece, joined, are the row's full label ('exact') or the start of it ('prefix').
 */
function continuation(spec: T3RowSpec, soFar: string, piece: string): 'exact' | 'prefix' | null {
  const joined = norm(soFar + piece);
  let prefix = false;
  for (const f of fullLabels(spec)) {
    if (f === joined) return 'exact';
    if (f.startsWith(joined)) prefix = true;
  }
  return prefix ? 'prefix' : null;
}

/**
 * Whether a label wrapped in two pieces, written in other words than the format's, is the row's:
 * joined, within a few characters of its full label, and nearer it than the first piece alone.
 */
function nearLabel(spec: T3RowSpec, soFar: string, piece: string): boolean {
  const joined = norm(soFar + piece);
  const first = norm(soFar);
  return fullLabels(spec).some((f) => similarity(joined, f) >= 0.85 && similarity(joined, f) > similarity(first, f));
}

export interface T3Result {
  table: Table3;
  endLine: number;
  diagnostics: Finding[];
}

/** Reads table 三 from `lines[from]` on; stops at `stop(line)` or where the table plainly ends. */
export function readT3(lines: LineCells[], from: number, stop: (l: LineCells) => boolean): T3Result {
  return new T3Reader(lines, from, stop).read();
}

/** The state of reading one table 三: the rows found so far, the group and the row being read. */
class T3Reader {
  private readonly out: Finding[] = [];
  private readonly headers: RawCell[] = [];
  private readonly rows: Table3Row[] = [];
  private readonly byKey = new Map<string, Table3Row>();
  private readonly seen = new Set<string>();
  private group: string | undefined;
  private inRows = false;
  private pending: Pending | null = null;
  /** A （六）其他处理 label whose sub-rows have not come yet: the one-row variant if they do not. */
  private sixLabel: RawCell | null = null;
  private singleOther = false;
  /** The last row (四) has all its cells. */
  private complete = false;
  /** The line before was a header line met among the rows (the header printed again at a page break). */
  private reheader = false;
  /** A row had empty cells dropped at its edges as merged-cell debris (fitRow), or was short. */
  private debris = false;
  /** Every line with a label and another cell so far opened with a pipe: Markdown rows, a line's opening pipe a border (common.ts markdownSoFar). */
  private markdown: boolean | null = null;
  /** Rows of seven cells with an empty one at an edge, placed: unplaced if the table has debris (unplaceEdgeRows). */
  private readonly edgeRows: { row: Table3Row; label: RawCell; labelText: string; rowKey: string; kept: readonly RawCell[] }[] = [];

  constructor(
    private readonly lines: LineCells[],
    private readonly from: number,
    private readonly stop: (l: LineCells) => boolean,
  ) {}

  read(): T3Result {
    const { lines, from, stop } = this;
    let end = from;
    outer: for (let i = from; i < lines.length; i++) {
      const l = lines[i];
      if (i > from && stop(l)) break;
      // A page footer's number between two rows (`5`): no cell of either.
      if (this.inRows && this.pending?.spec && pageNumberAt(lines, i, this.pending.values, WIDTH, stop)) { end = i + 1; continue; }
      if (this.inRows && this.headerAgain(l)) { end = i + 1; continue; }
      // The office's line of a running title printed on two lines (洪泽区人民政府 / 2023年…年度报告).
      if (this.inRows && this.officeOfTitle(i)) { end = i + 1; continue; }
      // A Markdown row wrapped onto this line: its opening pipe is the border, no blank cell.
      this.markdown = markdownSoFar(this.markdown, l);
      const cells = this.markdown === true && !l.cells.length ? this.lastBlanks(l) : withoutBorder(l, this.markdown);
      // A tab row wrapped at a blank cell: the tabs that open its next line are its blanks.
      const blanks = this.pending?.spec && fitRow(this.pending.values, WIDTH).kept.length < WIDTH ? wrappedBlanks(lines, l, this.pending.values) : NONE;
      for (const c of blanks.length ? [...blanks, ...cells] : cells) {
        if (!isLabel(c)) {
          this.value(c);
          continue;
        }
        if (this.label(c, l) === 'end') {
          // A line whose first cells were read (the last row's label and numbers, then a label)
          // is this table's: another table must not read it again.
          if (l.cells.some((x) => x.start < c.start && x.text !== '')) end = i + 1;
          // Otherwise only empty cells came before it: the line is not this table's, nor are they.
          else if (this.pending) this.pending.values = this.pending.values.filter((x) => x.line !== l.line);
          break outer;
        }
      }
      end = i + 1;
      if (this.complete) {
        // The last row's label may go on below its numbers.
        const next = lines[end];
        const c = next && !stop(next) ? next.cells.find((x) => x.text !== '') : undefined;
        if (this.pending && c && isLabel(c) && this.continueLabel(this.pending, c, next)) end++;
        break;
      }
    }
    this.finish();
    return this.result(end);
  }

  /**
   * A header line among the rows: the header printed again where a page break cut the table (a
   * PDF's, or Word's repeated header rows). Its words are header labels and no row is read from
   * them; the row being read goes on after it (its numbers may follow the break).
   */
  private headerAgain(l: LineCells): boolean {
    const kind = headerLine(l);
    if (kind === 'sure' || (kind === 'shared' && this.reheader)) {
      for (const c of l.cells) if (c.text !== '') this.headers.push(c);
      this.reheader = true;
      return true;
    }
    if (l.cells.some((c) => c.text !== '')) this.reheader = false;
    return false;
  }

  /**
   * The blanks on a Markdown line of pipes only (common.ts pipeBlanks) that end the pending row:
   * where the row so far ends on the line before and they make its seven cells exactly; none
   * otherwise (a blank row between rows, or a row that lost a cell, stays short: not read).
   */
  private lastBlanks(l: LineCells): readonly RawCell[] {
    const p = this.pending;
    if (!p?.spec || !p.values.length || p.values[p.values.length - 1].line !== l.line - 1) return NONE;
    const blanks = pipeBlanks(l);
    return p.values.length + blanks.length === WIDTH ? blanks : NONE;
  }

  /** Whether line `i` is the office's line of a running title on two lines (common.ts officeOfTitle), and no row, header or group of this table. */
  private officeOfTitle(i: number): boolean {
    return officeOfTitle(this.lines, i, (c) => HEADER_WORDS.has(norm(c.text)) || !!matchLabel(c.text, this.group, this.seen) || (!!this.pending?.spec && !!continuation(this.pending.spec, this.pending.text, c.text)));
  }

  /** A value cell: the pending row's, or the first of a one-row （六）其他处理. */
  private value(c: RawCell): void {
    if (!this.inRows) return;
    if (this.pending) this.pending.values.push(c);
    else if (this.group === OTHER && this.sixLabel) {
      // Values right after （六）其他处理: the one-row variant.
      this.startSingleOther([c]);
    }
    // Empty cells before the first number (a row shifted by a leading empty cell) are not the row's.
    if (this.pending?.spec?.role === 'carryOver' && filled(this.pending.values) >= WIDTH) this.complete = true;
  }

  /** A label cell: a header, a piece of the pending label, a group heading or a new row; 'end' where the table ended before it. */
  private label(c: RawCell, l: LineCells): 'end' | undefined {
    const m0 = matchLabel(c.text, this.group, null);
    if (!(m0 && m0.exact)) {
      // A group heading and its first row read as one label (cells parted by one space): each read in turn.
      const two = splitGroupRow(c, this.group);
      if (two) return this.label(two[0], l) ?? this.label(two[1], l);
    }
    if (!this.inRows) {
      // The header ends at the first row or group heading found by its wording: 一、本年新收…, or
      // whichever comes first where the first rows were lost.
      if (opensRows(c.text, this.group)) this.inRows = true;
      else {
        this.headers.push(c);
        return undefined;
      }
    }
    if (this.pending && this.continueLabel(this.pending, c, l)) return undefined;
    const m = matchLabel(c.text, this.group, this.seen);
    // Any label after the last row's label: the table ended on the line before.
    if (this.pending?.spec?.role === 'carryOver') return 'end';
    if (this.sixLabel && !(m && m.kind === 'row' && m.spec.group === OTHER)) {
      // （六） followed by no numbers and no sub-row: still the one-row variant, left blank.
      this.startSingleOther([]);
    }
    this.finish();
    if (!m) {
      // Reported when the row is finished, unless the next line completes the label.
      this.pending = { spec: null, labels: [c], values: [], pieces: [c], text: c.text, deviates: false };
      return undefined;
    }
    if (m.kind === 'group') {
      this.group = m.spec.key;
      this.sixLabel = m.spec.key === OTHER ? c : null;
      if (m.spec.key !== OTHER && !m.exact) labelCell(c, official(m.spec), this.out);
      return undefined;
    }
    if (this.sixLabel) {
      const g = T3_GROUPS.find((x) => x.key === OTHER)!;
      if (norm(this.sixLabel.text) !== norm(official(g))) labelCell(this.sixLabel, official(g), this.out);
      this.sixLabel = null;
    }
    this.seen.add(m.spec.key);
    if (m.spec.group) this.group = m.spec.group;
    this.pending = { spec: m.spec, labels: [c], values: [], pieces: [c], text: c.text, deviates: !m.exact };
    return undefined;
  }

  /** The one-row （六）其他处理 starts at the （六） label, with these values. */
  private startSingleOther(values: RawCell[]): void {
    const six = this.sixLabel!;
    this.singleOther = true;
    labelCell(six, official(T3_OTHER_SINGLE), this.out);
    this.pending = { spec: T3_OTHER_SINGLE, labels: [six], values, pieces: [six], text: six.text, deviates: false };
    this.sixLabel = null;
  }

  /** The pending row done: its label checked, its cells made, kept (or reported when unknown or twice). */
  private finish(): void {
    if (!this.pending) return;
    const p = this.pending;
    this.pending = null;
    const out = this.out;
    if (!p.spec) {
      out.push(diag('row-unknown', cellRange(p.pieces[0]), msg.rowUnknown(p.pieces[0].text)));
      return;
    }
    const spec = p.spec;
    // The row's official label and key: made once per row spec (keys.ts), not per row read.
    const labelText = t3RowLabel(spec).zh;
    const rowKey = t3RowKey(spec);
    const fit = fitRow(p.values, WIDTH);
    const { kept, extra } = fit;
    const lastLabel = p.labels[p.labels.length - 1];
    if (p.deviates) {
      if (p.pieces.length === 1) labelCell(p.pieces[0], labelText, out, rowKey);
      else out.push(diag('label-wording', spanRange(p.pieces[0], p.pieces[p.pieces.length - 1]), msg.labelWording(p.text, labelText), { row: rowKey }));
    }
    rowShapeDiagnostics(lastLabel, labelText, kept, extra, WIDTH, out, rowKey);
    // Its last number alone on a line after the others (PDF text): a page number after a row whose blank
    // printed as nothing, or its last cell wrapped; which is not known.
    const lone = kept.length === WIDTH && loneTail(this.lines, fit);
    // Its debris guessed (a cell lost beside an empty edge cell): short, as a row with fewer cells is.
    if (fit.guessed) out.push(edgeMissing(lastLabel, labelText, kept, rowKey));
    else if (lone) out.push(diag('cells-missing', cellRange(lastLabel), msg.cellsMissing(labelText, WIDTH, WIDTH - 1), { row: rowKey }));
    const labels: LabelCell[] = p.labels.map((l, i) => asLabel(l, i === p.labels.length - 1 ? labelText : l.text));
    const cells: (Cell | null)[] = [];
    const rowSlots = slotsOf(spec);
    // Numbers whose columns cannot be told are put in none: the row reads short, never a number in the wrong column.
    const placed = lone || unplaceable(this.lines, fit, WIDTH) ? NONE : kept;
    for (let c = 0; c < WIDTH; c++) {
      const raw = placed[c];
      if (!raw) { cells.push(null); continue; }
      const x = rowSlots[c];
      cells.push(toCell(raw, COUNTS, x.derived, x.label, x.key));
    }
    const row: Table3Row = { spec, labels, cells };
    if (this.byKey.has(spec.key)) {
      out.push(diag('row-unknown', cellRange(lastLabel), msg.rowTwice(labelText), { row: rowKey }));
      return;
    }
    this.byKey.set(spec.key, row);
    this.rows.push(row);
    // Debris dropped, or cells lost (a row short, or its debris guessed): an empty edge cell is no sure blank here.
    if (fit.trimmed || kept.length < WIDTH) this.debris = true;
    if (fit.trimmed) return;
    if (placed === kept && kept.length === WIDTH && edgeBlank(kept)) this.edgeRows.push({ row, label: lastLabel, labelText, rowKey, kept });
  }

  /**
   * Rows of exactly seven cells with an empty first or last one, in a table whose rows carry
   * merged-cell debris at their edges (seed 004) or lost cells (a row short): the empty cell may
   * be debris and a cell lost, the numbers then one column off. Put in no column and reported
   * short (cells-missing), as a row whose debris was guessed is; in a table of whole rows without
   * debris (r09's blank last cell) they stay blanks.
   */
  private unplaceEdgeRows(): void {
    if (!this.debris) return;
    for (const e of this.edgeRows) {
      e.row.cells.fill(null);
      this.out.push(edgeMissing(e.label, e.labelText, e.kept, e.rowKey));
    }
  }

  /**
   * A label piece on a later line that completes the pending row's label: the label wrapped
   * before its numbers (the pending row has none yet), or after them (the piece alone on its
   * line). A piece that is a row label of its own never continues another.
   */
  private continueLabel(p: Pending, c: RawCell, l: LineCells): boolean {
    const last = p.pieces[p.pieces.length - 1];
    if (c.line <= last.line || p.labels[p.labels.length - 1] !== last) return false;
    if (p.values.length) {
      if (p.values[p.values.length - 1].line >= c.line) return false;
      for (const x of l.cells) if (x !== c && x.text !== '') return false;
    }
    const alone = matchLabel(c.text, this.group, null);
    if (alone && alone.exact) return false;
    if (p.spec) {
      // Word for word the row's label (or the start of it); or, where the piece is nothing of its
      // own, near it as a whole: a label written in other words and wrapped (`1. 申请人无正` /
      // `当理由逾期不补正, 行政机关…`, OCR's comma for 、).
      const k = continuation(p.spec, p.text, c.text) ?? (!alone && nearLabel(p.spec, p.text, c.text) ? 'near' : null);
      if (!k) return false;
      p.deviates = k !== 'exact';
    } else {
      // The first piece matched no row: the joined label must be one, word for word.
      const m = matchLabel(p.text + c.text, this.group, null);
      if (!m || m.kind !== 'row' || !m.exact || this.seen.has(m.spec.key)) return false;
      p.spec = m.spec;
      this.seen.add(m.spec.key);
      if (m.spec.group) this.group = m.spec.group;
      p.deviates = false;
    }
    p.pieces.push(c);
    p.labels.push(c);
    p.text += c.text;
    return true;
  }

  /** The table read, and the rows of the format it lacks. */
  private result(end: number): T3Result {
    this.unplaceEdgeRows();
    const { lines, from, rows, byKey, singleOther, out } = this;
    const table: Table3 = { kind: 't3', startLine: lines[from].line, endLine: lines[Math.max(from, end - 1)].line, rows, byKey, singleOther, headers: checkT3Headers(this.headers, out) };
    // Every row the format has and the table lacks, named where it belongs: at the next row
    // found (the last one found for rows after it, the table's first line when none was).
    const order = t3Rows(singleOther);
    let after: Table3Row | undefined;
    const at: Range[] = new Array(order.length);
    for (let k = order.length - 1; k >= 0; k--) {
      const row = byKey.get(order[k].key);
      if (row) after = row;
      at[k] = after ? cellRange(after.labels[0]) : rows.length ? cellRange(rows[rows.length - 1].labels[0]) : lineRange(lines[from]);
    }
    order.forEach((r, k) => {
      if (!byKey.has(r.key)) out.push(diag('row-missing', at[k], msg.rowMissing(TABLE_SHORT.t3, official(r)), { row: `t3.${r.key}` }));
    });
    return { table, endLine: end, diagnostics: out };
  }
}

const NOTE = norm(T3_START.note);

/** cells-missing for a row whose empty edge cell may be debris: the cells it has besides that one. */
function edgeMissing(label: RawCell, labelText: string, kept: readonly RawCell[], row: string): Finding {
  return diag('cells-missing', cellRange(label), msg.cellsMissing(labelText, WIDTH, kept.length - edgeBlanks(kept)), { row });
}
const NONE: readonly RawCell[] = Object.freeze([]);

const KNOWN_HEADERS = [...COLUMNS.map((c) => c.label), ...TABLE3.headerExtras].map((t) => ({ t, n: norm(t) }));
const KNOWN_SET = new Set(KNOWN_HEADERS.map((k) => k.n));

function checkT3Headers(headers: RawCell[], out: Finding[]): LabelCell[] {
  const result: LabelCell[] = [];
  for (const p of joinWrapped(splitHeaders(headers, isHeaderWord), KNOWN_SET)) {
    const n = norm(p.text);
    if (n.includes(NOTE)) { for (const c of p.cells) result.push(asLabel(c, TABLE3.note)); continue; }
    const hit = KNOWN_HEADERS.find((k) => k.n === n);
    if (hit) { for (const c of p.cells) result.push(asLabel(c, hit.t)); continue; }
    const variant = COLUMNS.find((c) => (c.variants ?? []).some((v) => norm(v) === n));
    if (variant && p.cells.length === 1) result.push(labelCell(p.cells[0], variant.label, out));
  }
  return result;
}
