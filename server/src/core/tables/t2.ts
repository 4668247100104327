// Table 二 (主动公开政府信息情况): the items of 第二十条, each a small table of its own.
// Reads the 2021 format and the superseded 2019 one (other columns and an item （九）).

import { isPlainCount } from '../cells.js';
import { diag, type Finding } from '../diagnostics.js';
import { T2_ITEM_RE, t2ItemTitle, TABLE2_2019, TABLE2_2019_ITEM, TABLE2_2019_MARKERS, TABLE2_2021, type CellKey, type ColumnSpec, type ItemSpec, type RowSpec, type Table2Spec } from '../format/index.js';
import type { Localized } from '../i18n.js';
import { msg } from '../messages.js';
import type { Cell, LabelCell, RawCell, Table2, Table2Item, Table2Row } from '../model.js';
import { normalizeLabel, similarity } from '../text.js';
import { perObject } from '../recent.js';
import { asLabel, cellRange, checkHeaders, fitRow, isLabel, labelCell, lineRange, markdownSoFar, pageNumberAt, rowShapeDiagnostics, toCell, unplaceable, withoutBorder, type LineCells } from './common.js';

export function itemOf(c: RawCell): string | null {
  return itemIn(normalizeLabel(c.text));
}

/** The item a normalised title names (`第二十条第(一)项` → 一). */
function itemIn(normalized: string): string | null {
  const m = T2_ITEM_RE.exec(normalized);
  return m ? m[1] : null;
}

/** Row labels of table 二 in either format, and the header word its items share, normalised. */
const ROW_WORDS = new Set([TABLE2_2021, TABLE2_2019].flatMap((f) => f.items.flatMap((it) => [it.columns[0], ...it.rows.flatMap((r) => [r.label, ...(r.variants ?? [])])])).map(normalizeLabel));

/**
 * A line opens table 二 with an item title (第二十条第（一）项), or, where the titles were lost,
 * with an item's header (信息内容) or one of its row labels written out in full, as its first cell.
 */
export function isT2Start(cells: RawCell[]): boolean {
  const first = cells.find((c) => c.text !== '');
  return !!first && (itemOf(first) !== null || (isLabel(first) && ROW_WORDS.has(normalizeLabel(first.text))));
}

const MARKERS = TABLE2_2019_MARKERS.map(normalizeLabel);

function detectFormat(lines: LineCells[], from: number, to: number): Table2Spec {
  for (let i = from; i < to; i++) {
    for (const c of lines[i].cells) {
      if (c.text === '' || isPlainCount(c.text)) continue; // a count: no marker, no item title
      const n = normalizeLabel(c.text);
      if (MARKERS.includes(n) || itemIn(n) === TABLE2_2019_ITEM) return TABLE2_2019;
    }
  }
  return TABLE2_2021;
}

type RowMatch = { spec: RowSpec; exact: boolean };
/** Each item's rows by their normalised wording (the official one exact, a variant not), first row first: made once per item. */
const wordingsOf = perObject((item: ItemSpec): Map<string, RowMatch> => {
  const x = new Map<string, RowMatch>();
  for (const r of item.rows) {
    const official = normalizeLabel(r.label);
    if (!x.has(official)) x.set(official, { spec: r, exact: true });
    for (const v of r.variants ?? []) {
      const n = normalizeLabel(v);
      if (!x.has(n)) x.set(n, { spec: r, exact: false });
    }
  }
  return x;
});

/** The row a label (normalised) stands for in `item`. */
function matchRow(n: string, item: ItemSpec, seen: Set<string>): { spec: RowSpec; exact: boolean } | null {
  const hit = wordingsOf(item).get(n);
  if (hit) return { spec: hit.spec, exact: hit.exact };
  let best: RowSpec | undefined;
  let score = 0;
  for (const r of item.rows) {
    if (seen.has(r.key)) continue;
    const s = similarity(n, normalizeLabel(r.label));
    if (s > score) [best, score] = [r, s];
  }
  return best && score >= 0.6 ? { spec: best, exact: false } : null;
}

export interface T2Result {
  table: Table2;
  endLine: number;
  diagnostics: Finding[];
}

interface ItemState {
  spec: ItemSpec | null;
  /** The item's title, null where the item was recognised from its header or rows. */
  title: RawCell | null;
  /** Where its findings go: the title, else its first cell. */
  anchor: RawCell;
  headers: RawCell[];
  rows: Table2Row[];
  seen: Set<string>;
}

/** A cell's key and label by its row and column: made once, shared by every report (as t3.ts's slots). */
const slotsOf = perObject((spec: RowSpec) =>
  perObject((col: ColumnSpec): { key: CellKey; label: Localized } => ({ key: `t2.${spec.key}.${col.key}`, label: { zh: `${spec.label} / ${col.label}`, en: `${spec.en} / ${col.en}` } })),
);

/** The items each normalised row wording (official or a variant) belongs to: made once per format. */
const itemsByRow = perObject((format: Table2Spec): Map<string, ItemSpec[]> => {
  const x = new Map<string, ItemSpec[]>();
  for (const it of format.items) {
    for (const n of wordingsOf(it).keys()) {
      const list = x.get(n) ?? [];
      if (!list.includes(it)) list.push(it);
      x.set(n, list);
    }
  }
  return x;
});

export function readT2(lines: LineCells[], from: number, stop: (l: LineCells) => boolean): T2Result {
  let to = from + 1;
  while (to < lines.length && !stop(lines[to])) to++;
  const r = new T2Reader(detectFormat(lines, from, to), lines.slice(from, to));
  let end = from;
  /** Every line with a label and another cell so far opened with a pipe (common.ts markdownSoFar). */
  let markdown: boolean | null = null;
  for (let i = from; i < to; i++) {
    const l = lines[i];
    // A page footer's number between two rows (`5`): no cell of either.
    if (r.pageNumberAt(lines, i, stop)) continue;
    // A Markdown row wrapped onto this line: its opening pipe is the border, no blank cell.
    markdown = markdownSoFar(markdown, l);
    for (const c of withoutBorder(l, markdown)) r.cell(c);
    if (l.cells.length) end = i + 1;
  }
  r.finishItem();
  return r.result(lines, from, end);
}

type PendingRow = { spec: RowSpec; label: RawCell; values: RawCell[] };

/** Table 二's cells read in order: the item each belongs to (its title, or its header and rows where the title was lost), its rows and their values. */
class T2Reader {
  private readonly out: Finding[] = [];
  private readonly items: Table2Item[] = [];
  private item: ItemState | null = null;
  private pending: PendingRow | null = null;
  /** Header cells read before any item (its title lost): they go to the item its rows reveal. */
  private loose: RawCell[] = [];
  /** The items' shared header word (信息内容), normalised. */
  private readonly header: string;

  constructor(
    private readonly format: Table2Spec,
    /** The table's lines (unplaceable looks at how a row's cells were parted). */
    private readonly lines: readonly LineCells[],
  ) {
    this.header = normalizeLabel(format.items[0].columns[0]);
  }

  cell(c: RawCell): void {
    // A label's normalised text, found once for every use below.
    const n = isLabel(c) ? normalizeLabel(c.text) : null;
    const it = n === null ? null : itemIn(n);
    if (it) {
      this.finishItem();
      this.loose = [];
      const spec = this.format.items.find((x) => x.item === it) ?? null;
      if (!spec) this.out.push(diag('row-unknown', cellRange(c), msg.rowUnknown(c.text)));
      this.item = { spec, title: c, anchor: c, headers: [], rows: [], seen: new Set() };
      return;
    }
    if (n !== null && this.opensOrWaits(n, c)) return;
    const item = this.item;
    if (!item || !item.spec) return;
    if (n === null) {
      if (this.pending) this.pending.values.push(c);
      return;
    }
    const m = matchRow(n, item.spec, item.seen);
    if (m && !item.seen.has(m.spec.key)) {
      this.finishRow();
      item.seen.add(m.spec.key);
      if (!m.exact) labelCell(c, m.spec.label, this.out, `t2.${m.spec.key}`);
      this.pending = { spec: m.spec, label: c, values: [] };
    } else if (!item.rows.length && !this.pending) {
      item.headers.push(c);
    } else {
      this.finishRow();
    }
  }

  /**
   * A label (normalised `n`) where an item's title was lost: its first row label opens the item,
   * a header before it waits (true: the label is used up).
   */
  private opensOrWaits(n: string, c: RawCell): boolean {
    const implicit = this.itemOfRow(n);
    if (implicit) {
      this.finishItem();
      this.item = { spec: implicit, title: null, anchor: this.loose[0] ?? c, headers: this.loose, rows: [], seen: new Set() };
      this.loose = [];
      return false;
    }
    if (n === this.header && (!this.item || this.item.rows.length || this.pending)) {
      this.finishItem();
      this.item = null;
      this.loose = [c];
      return true;
    }
    if (!this.item && this.loose.length) {
      this.loose.push(c);
      return true;
    }
    return false;
  }

  /** The item a row label belongs to, where it is not the current item's (its title lost). */
  private itemOfRow(n: string): ItemSpec | null {
    const hits = itemsByRow(this.format).get(n);
    const it = hits && hits.length === 1 ? hits[0] : null;
    return it && it !== this.item?.spec && !this.items.some((x) => x.spec === it) ? it : null;
  }

  /** Whether line `i` is a page number after the pending row, complete (common.ts pageNumberAt). */
  pageNumberAt(lines: LineCells[], i: number, stop: (l: LineCells) => boolean): boolean {
    const p = this.pending;
    return !!p && !!this.item?.spec && pageNumberAt(lines, i, p.values, this.item.spec.columns.length - 1, stop);
  }

  /** The pending row done: its shape checked, its cells made. */
  private finishRow(): void {
    const item = this.item;
    if (!this.pending || !item) return;
    const { spec, label, values } = this.pending;
    this.pending = null;
    const want = item.spec!.columns.length - 1;
    const fit = fitRow(values, want);
    const { kept, extra } = fit;
    const row = `t2.${spec.key}`;
    rowShapeDiagnostics(label, spec.label, kept, extra, want, this.out, row);
    const cells: (Cell | null)[] = [];
    // A row of 规章 with two numbers of three (`规章 | 22 | 235 |`) lost one that could have been any:
    // none is put in a column (as in tables 三 and 四), never 235 as the 本年废止件数.
    const placed = unplaceable(this.lines, fit, want) ? NONE : kept;
    for (let c = 0; c < want; c++) {
      const col = item.spec!.values[c];
      if (!placed[c]) { cells.push(null); continue; }
      const slot = slotsOf(spec)(col);
      cells.push(toCell(placed[c], spec, false, slot.label, slot.key));
    }
    item.rows.push({ spec, label: asLabel(label, spec.label), cells });
  }

  /** The current item done: its headers checked, its missing rows named. */
  finishItem(): void {
    this.finishRow();
    const item = this.item;
    if (!item || !item.spec) return;
    const columns: LabelCell[] = checkHeaders(item.headers, item.spec.columns, this.out, similarity);
    for (const r of item.spec.rows) {
      if (!item.seen.has(r.key)) this.out.push(diag('row-missing', cellRange(item.anchor), msg.rowMissing(t2ItemTitle(item.spec.item), r.label), { row: `t2.${r.key}` }));
    }
    this.items.push({ item: item.spec.item, spec: item.spec, title: item.title, columns, rows: item.rows });
  }

  /** The table read from line `from` to before `end`, and the items of the format it lacks. */
  result(lines: LineCells[], from: number, end: number): T2Result {
    const out = this.out;
    // An item not found at all: each of its rows is missing (named by its key).
    const found = new Set(this.items.map((x) => x.item));
    for (const spec of this.format.items) {
      if (found.has(spec.item)) continue;
      for (const r of spec.rows) out.push(diag('row-missing', lineRange(lines[from]), msg.rowMissing(t2ItemTitle(spec.item), r.label), { row: `t2.${r.key}` }));
    }
    if (this.format.format === '2019') out.push(diag('format-2019', lineRange(lines[from]), msg.format2019()));
    const table: Table2 = { kind: 't2', format: this.format.format, startLine: lines[from].line, endLine: lines[Math.max(from, end - 1)].line, items: this.items };
    return { table, endLine: Math.max(end, from + 1), diagnostics: out };
  }
}

const NONE: readonly RawCell[] = Object.freeze([]);
