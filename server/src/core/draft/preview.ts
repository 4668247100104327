// The table preview's model: the three tables as grids with the official header structure of
// the printed format (merged cells as rowSpan/colSpan), every value cell with its text, number,
// range in the draft and status (failing identities with the expected value and the formula), and
// the likely mistyped cell (rules/suspect.ts) marked, with the failing totals it explains naming it.
// Plain JSON, so that the language server can send it to a webview unchanged.

import type { Analysis } from '../analyze.js';
import type { Localized, RuleId } from '../diagnostics.js';
import { SECTIONS, t2ItemTitle, TABLE2_2019, TABLE2_2021, TABLE3, TABLE4, TABLE_SECTION, type Format, type T3RowSpec } from '../format/index.js';
import type { Cell, CellProblem, Range, Table, Table2, Table3, Table4 } from '../model.js';
import { holds, identities } from '../rules/identities.js';
import { suspectOf, type TableSuspect } from '../rules/suspect.js';

export type CellStatus = 'ok' | 'failing' | 'blank' | 'not-number';

export interface PreviewFailure {
  rule: RuleId;
  expected: number;
  formula: string;
}

export interface PreviewValueCell {
  kind: 'value';
  /** The contract's cell key, e.g. `t3.new.total`. */
  key: string;
  text: string;
  value: number | null;
  range: Range;
  status: CellStatus;
  /** A total the identities compute. */
  derived: boolean;
  /** What the core found wrong with how the cell is written (full-width digits, a negative count …). */
  problem?: CellProblem;
  /** The first failing identity anchored here: the value it expects and its formula. */
  expected?: number;
  formula?: string;
  /** Every failing identity anchored here (a (七)总计 cell can fail two). */
  failures?: PreviewFailure[];
  /** This cell likely holds a typo: `value` makes all `explains` failing identities of its table hold. */
  suspect?: { value: number; explains: number };
  /** A failing total whose failure the likely mistyped cell explains: that cell (its key and its row and column in words), as written, and its value. */
  likelyTypo?: { key: string; label: { zh: string; en: string }; written: string; value: number };
  rowSpan?: number;
  colSpan?: number;
}

/** A value cell the format has and the draft does not (its row is missing or short). */
export interface PreviewMissingCell {
  kind: 'missing';
  key: string;
  rowSpan?: number;
  colSpan?: number;
}

export interface PreviewTextCell {
  kind: 'header' | 'label';
  text: string;
  rowSpan?: number;
  colSpan?: number;
}

export type PreviewCell = PreviewValueCell | PreviewMissingCell | PreviewTextCell;

export interface PreviewRow {
  /** A header row (rendered as table head). */
  header?: boolean;
  /** A 第二十条 item title spanning the table. */
  title?: boolean;
  cells: PreviewCell[];
}

export interface PreviewTable {
  kind: 't2' | 't3' | 't4';
  title: Localized;
  /** False when the draft has no such table: then `rows` is empty. */
  found: boolean;
  startLine: number | null;
  endLine: number | null;
  /** Grid width in columns. */
  columns: number;
  rows: PreviewRow[];
  counts: { failing: number; blank: number; notNumber: number; missing: number };
}

const sectionTitle = (id: number): Localized => {
  const s = SECTIONS[id - 1];
  return { zh: `${s.numeral}、${s.title}`, en: s.en };
};
const TITLES: Record<PreviewTable['kind'], Localized> = { t2: sectionTitle(TABLE_SECTION.t2), t3: sectionTitle(TABLE_SECTION.t3), t4: sectionTitle(TABLE_SECTION.t4) };

const T3_COLUMN_KEYS = TABLE3.columns.map((c) => c.key);
const T4_GROUP_KEYS = TABLE4.groups.map((g) => g.key);
const T4_RESULT_KEYS = TABLE4.results.map((r) => r.key);

const span = <T extends { rowSpan?: number; colSpan?: number }>(c: T, rowSpan: number, colSpan: number): T => {
  if (rowSpan > 1) c.rowSpan = rowSpan;
  if (colSpan > 1) c.colSpan = colSpan;
  return c;
};
const head = (text: string, rowSpan = 1, colSpan = 1): PreviewTextCell => span<PreviewTextCell>({ kind: 'header', text }, rowSpan, colSpan);
const label = (text: string, rowSpan = 1, colSpan = 1): PreviewTextCell => span<PreviewTextCell>({ kind: 'label', text }, rowSpan, colSpan);

/** Failing identities by their anchor cell, and the table's likely mistyped cell. */
interface Failing extends Map<Cell, PreviewFailure[]> {
  suspect?: TableSuspect | null;
}

function failuresOf(t: Table, format: Format): Failing {
  const out: Failing = new Map<Cell, PreviewFailure[]>();
  out.suspect = suspectOf(t, format);
  for (const id of identities(t, format)) {
    if (holds(id)) continue;
    const list = out.get(id.anchor) ?? [];
    list.push({ rule: id.rule, expected: id.expected, formula: id.formula });
    out.set(id.anchor, list);
  }
  return out;
}

function valueCell(key: string, c: Cell | null | undefined, failing: Failing, colSpan = 1): PreviewValueCell | PreviewMissingCell {
  if (!c) return span<PreviewMissingCell>({ kind: 'missing', key }, 1, colSpan);
  const failures = failing.get(c);
  const status: CellStatus = failures ? 'failing' : c.problem === 'blank' ? 'blank' : c.problem === 'not-number' ? 'not-number' : 'ok';
  const out: PreviewValueCell = {
    kind: 'value',
    key,
    text: c.text,
    value: c.value,
    range: { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } },
    status,
    derived: c.derived,
  };
  if (c.problem && c.problem !== 'blank' && c.problem !== 'not-number') out.problem = c.problem;
  if (failures) {
    out.expected = failures[0].expected;
    out.formula = failures[0].formula;
    out.failures = failures;
  }
  const s = failing.suspect;
  if (s && s.at === c) out.suspect = { value: s.value, explains: s.explains.length };
  else if (s && failures) out.likelyTypo = { key: s.cell, label: { zh: s.at.label, en: s.at.labelEn }, written: s.at.text, value: s.value };
  return span(out, 1, colSpan);
}

function table2(t: Table2, format: Format): PreviewRow[] {
  const spec = t.format === '2019' ? TABLE2_2019 : TABLE2_2021;
  const width = Math.max(...spec.items.map((i) => i.columns.length));
  const failing = failuresOf(t, format);
  const rows: PreviewRow[] = [];
  for (const item of spec.items) {
    rows.push({ title: true, cells: [head(t2ItemTitle(item.item).zh, 1, width)] });
    const values = item.columns.length - 1;
    const labelSpan = width - values;
    rows.push({ header: true, cells: [head(item.columns[0], 1, labelSpan), ...item.columns.slice(1).map((c) => head(c))] });
    const found = t.items.find((i) => i.item === item.item);
    for (const r of item.rows) {
      const row = found?.rows.find((x) => x.spec.key === r.key);
      const keys = item.values.map((v) => v.key);
      const cells: PreviewCell[] = [label(r.label, 1, labelSpan)];
      for (let i = 0; i < values; i++) cells.push(valueCell(`t2.${r.key}.${keys[i] ?? i}`, row?.cells[i], failing));
      rows.push({ cells });
    }
  }
  return rows;
}

function table3(t: Table3, format: Format): PreviewRow[] {
  const failing = failuresOf(t, format);
  const rows: PreviewRow[] = [
    { header: true, cells: [head(TABLE3.note, 3, 3), head(TABLE3.headerExtras[0], 1, 7)] },
    { header: true, cells: [head(TABLE3.columns[0].label, 2), head(TABLE3.headerExtras[1], 1, 5), head(TABLE3.columns[6].label, 2)] },
    { header: true, cells: TABLE3.columns.slice(1, 6).map((c) => head(c.label)) },
  ];
  const specs: T3RowSpec[] = t.singleOther ? TABLE3.rows.filter((r) => r.group !== 'other').flatMap((r) => (r.key === 'notHandled5' ? [r, TABLE3.otherSingle] : [r])) : TABLE3.rows;
  const outcomes = specs.filter((r) => r.role === 'outcome').length;
  const groupSize = (g: string) => specs.filter((r) => r.group === g).length;
  const seen = new Set<string>();
  for (const spec of specs) {
    const cells: PreviewCell[] = [];
    const text = spec.ordinal + spec.text;
    if (spec.role === 'new' || spec.role === 'carried' || spec.role === 'carryOver') cells.push(label(text, 1, 3));
    else {
      if (!seen.has('results')) {
        seen.add('results');
        const g = TABLE3.groups.find((x) => x.key === 'results')!;
        cells.push(label(g.ordinal + g.text, outcomes + 1)); // through （七）总计
      }
      if (spec.group) {
        if (!seen.has(spec.group)) {
          seen.add(spec.group);
          const g = TABLE3.groups.find((x) => x.key === spec.group)!;
          cells.push(label(g.ordinal + g.text, groupSize(spec.group)));
        }
        cells.push(label(text));
      } else cells.push(label(text, 1, 2));
    }
    const row = t.byKey.get(spec.key);
    for (let c = 0; c < 7; c++) cells.push(valueCell(`t3.${spec.key}.${T3_COLUMN_KEYS[c]}`, row?.cells[c], failing));
    rows.push({ cells });
  }
  return rows;
}

function table4(t: Table4, format: Format): PreviewRow[] {
  const failing = failuresOf(t, format);
  const results = TABLE4.header.slice(2, 7);
  return [
    { header: true, cells: [head(TABLE4.header[0], 1, 5), head(TABLE4.header[1], 1, 10)] },
    { header: true, cells: [...results.map((r) => head(r, 2)), head(TABLE4.header[7], 1, 5), head(TABLE4.header[8], 1, 5)] },
    { header: true, cells: [...results, ...results].map((r) => head(r)) },
    { cells: t.cells.map((c, i) => valueCell(`t4.${T4_GROUP_KEYS[Math.floor(i / 5)]}.${T4_RESULT_KEYS[i % 5]}`, c, failing)) },
  ];
}

function count(rows: PreviewRow[]): PreviewTable['counts'] {
  const counts = { failing: 0, blank: 0, notNumber: 0, missing: 0 };
  for (const r of rows) {
    for (const c of r.cells) {
      if (c.kind === 'missing') counts.missing++;
      else if (c.kind === 'value') {
        if (c.status === 'failing') counts.failing++;
        else if (c.status === 'blank') counts.blank++;
        else if (c.status === 'not-number') counts.notNumber++;
      }
    }
  }
  return counts;
}

/** The three tables of a draft (the first of each kind), in the order of the format. */
export function previewModel(analysis: Analysis): PreviewTable[] {
  const kinds: PreviewTable['kind'][] = ['t2', 't3', 't4'];
  return kinds.map((kind) => {
    const t = analysis.tables.find((x) => x.kind === kind);
    const columns = kind === 't2' ? 4 : kind === 't3' ? 10 : 15; // both formats' table 二 are 4 wide
    if (!t) return { kind, title: TITLES[kind], found: false, startLine: null, endLine: null, columns, rows: [], counts: { failing: 0, blank: 0, notNumber: 0, missing: 0 } };
    const rows = t.kind === 't2' ? table2(t, analysis.format) : t.kind === 't3' ? table3(t, analysis.format) : table4(t, analysis.format);
    return { kind, title: TITLES[kind], found: true, startLine: t.startLine, endLine: t.endLine, columns, rows, counts: count(rows) };
  });
}
