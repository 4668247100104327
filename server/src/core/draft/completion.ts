// Completions while drafting, as a pure function of the analysis, the lines and a position:
// - at the start of a line inside a table (or the line right after one, a row being added), the
//   official rows of that table that it does not have yet, in the format's order, the next
//   expected one (the first missing row after the last row above the cursor) first; each inserts
//   its label and a 0 in every cell, in the table's own layout (` | ` or tabs), with tab stops on
//   the cells; on a line that already has cells only the label is replaced;
// - at a heading position (a short line outside the tables), the official headings the report
//   does not have yet, in order, the next expected one first; in section 二, 三 or 四 without its
//   table, that whole table first (as the new draft writes it);
// - in table 三, in the second cell after a group label (`（三）不予公开 | `), that group's missing rows;
// - nothing inside any other later cell (numbers), nor in a first cell that holds a number (table 四).
// The language server maps the items onto LSP (lsp/features/completion.ts).

import type { Analysis } from '../analysis.js';
import { HEADING_PUNCTUATION, SECTIONS, t2ItemTitle, TABLE2_2019, TABLE2_2021, TABLE3, TABLE_NAMES, TABLE_SECTION, TABLE_SHORT, t3Rows, type SectionSpec, type T3RowSpec } from '../format/index.js';
import type { Localized } from '../i18n.js';
import { classifyLine } from '../lines.js';
import { normalizeLabel } from '../text.js';
import { draftText } from './messages.js';
import { newDraft } from './template.js';
import type { Position, Range, Table, Table2, Table3 } from '../model.js';

export type DraftCompletionKind = 'row' | 'item' | 'table' | 'heading';

export interface DraftCompletion {
  kind: DraftCompletionKind;
  /** What the list shows: the official label (`2.重复申请`, `第二十条第（五）项`, `三、收到和…情况`). */
  label: string;
  /** A line of context: the table and the row's English name, or the section. */
  detail: Localized;
  /** The inserted text as a snippet (`${1:0}` tab stops on the cells; `$`, `}` and `\` escaped). */
  snippet: string;
  /** The same text without tab stops, for clients without snippets. */
  text: string;
  /** What the insertion replaces: on the cursor's line, from the line's first character. */
  range: Range;
  /** The text the client filters on (the label, the label without its ordinal, a group label). */
  filterText: string;
  /** Sorts the next expected item first, the others in the format's order. */
  sortText: string;
  /** The next expected item. */
  preselect: boolean;
}

/** The lines as the model holds them: an array, or anything with `line(i)`. */
export type LineSource = readonly string[] | { line(i: number): string };

type Layout = 'pipes' | 'tabs';

/** One thing the table (or the report) can have, in the format's order. */
interface Entry {
  kind: DraftCompletionKind;
  label: string;
  detail: Localized;
  /** The line it is on in the report (not counting the cursor's line), or null when it is missing. */
  at: number | null;
  /** The lines it inserts: cells per line; a cell `0` in a value position becomes a tab stop. */
  rows: { cells: string[]; values: number }[];
  filter: string[];
}

const SEP = /[\t|｜]/;
/** A number as a cell holds one; `2.` (an ordinal being typed) is not. */
const NUMBER = /^[-−－+]?[0-9０-９](?:[0-9０-９,，.．]*[0-9０-９])?$/;
const lineOf = (lines: LineSource, i: number): string | undefined => ('line' in lines && typeof lines.line === 'function' ? lines.line(i) : (lines as readonly string[])[i]);
const escapeSnippet = (s: string) => s.replace(/[\\$}]/g, (c) => '\\' + c);

/** The completions at `position` (0-based line, UTF-16 character); empty where there are none. */
export function completionsAt(analysis: Analysis, lines: LineSource, position: Position): DraftCompletion[] {
  const L = position.line;
  const text = lineOf(lines, L);
  if (text === undefined) return [];
  const ch = Math.max(0, Math.min(position.character, text.length));
  const before = text.slice(0, ch);
  if (SEP.test(before)) return groupCell(analysis, lines, L, text, ch); // a later cell: numbers, or a row after its group's label
  const lead = text.length - text.trimStart().length;
  const sep = text.slice(ch).search(SEP);
  const cellEnd = sep < 0 ? text.length : ch + sep;
  const firstCell = text.slice(lead, cellEnd).trim();
  if (NUMBER.test(firstCell)) return [];
  const start = Math.min(lead, ch);
  const hasCells = sep >= 0;
  const end = hasCells ? Math.max(ch, lead + text.slice(lead, cellEnd).trimEnd().length) : text.length;
  const range: Range = { start: { line: L, character: start }, end: { line: L, character: end } };

  const inside = analysis.tables.find((t) => t.startLine <= L && L <= t.endLine);
  const after = inside ? undefined : analysis.tables.find((t) => t.endLine + 1 === L);
  const table = inside ?? after;
  const out: DraftCompletion[] = [];
  if (table) {
    const layout = layoutOf(table, lines, L);
    out.push(...items(tableEntries(table, L), L, range, 0, (rows) => render(rows, layout, hasCells)));
    if (inside) return out;
  }
  // A heading position: a short line with no cells that does not read as prose.
  if (hasCells || firstCell.length > 40 || classifyLine(text) === 'prose') return out;
  const sectionRange: Range = { start: range.start, end: { line: L, character: Math.max(ch, text.trimEnd().length) } };
  // In a section whose table is missing, the whole table first (the next thing it expects).
  const section = analysis.headings.filter((h) => h.line < L).at(-1)?.spec.id;
  const kind = TABLE_KINDS.find((k) => TABLE_SECTION[k] === section);
  if (!out.length && kind && !analysis.tables.some((t) => t.kind === kind)) {
    const layout = analysis.tables.length ? layoutOf(analysis.tables[0], lines, L) : 'pipes';
    const block = tableBlock(kind, layout);
    const label = TABLE_NAMES[kind].zh;
    out.push({ kind: 'table', label, detail: draftText.wholeTable, snippet: escapeSnippet(block) + '$0', text: block, range: sectionRange, filterText: [label, TABLE_SHORT[kind].zh].join(' '), sortText: '00000', preselect: true });
  }
  out.push(...items(headingEntries(analysis, L), L, sectionRange, out.length ? 1 : 0, (rows) => ({ snippet: escapeSnippet(rows[0].cells[0]), text: rows[0].cells[0] })));
  return out;
}

/**
 * The second cell of a table 三 line whose first cell is a group label (`（三）不予公开 | `): the
 * group's missing rows. Any other later cell holds numbers: nothing.
 */
function groupCell(analysis: Analysis, lines: LineSource, L: number, text: string, ch: number): DraftCompletion[] {
  const table = analysis.tables.find((t): t is Table3 => t.kind === 't3' && t.startLine <= L && L <= t.endLine);
  if (!table) return [];
  const before = text.slice(0, ch);
  const first = before.search(SEP);
  if (SEP.test(before.slice(first + 1))) return [];
  const label = normalizeLabel(text.slice(0, first).trim());
  const group = TABLE3.groups.find((g) => normalizeLabel(g.ordinal + g.text) === label);
  if (!group) return [];
  const sep = text.slice(ch).search(SEP);
  const cellEnd = sep < 0 ? text.length : ch + sep;
  const cell = text.slice(first + 1, cellEnd);
  if (NUMBER.test(cell.trim())) return [];
  const lead = first + 1 + (cell.length - cell.trimStart().length);
  const hasCells = sep >= 0;
  const end = hasCells ? Math.max(ch, lead + text.slice(lead, cellEnd).trimEnd().length) : text.length;
  const range: Range = { start: { line: L, character: Math.min(lead, ch) }, end: { line: L, character: end } };
  const inGroup = (spec: T3RowSpec) => (group.key === 'results' ? spec.role === 'outcome' && !spec.group : spec.group === group.key);
  const specs = t3Rows(table.singleOther);
  const entries = t3Entries(table, L)
    .map((e, i) => ({ e, spec: specs[i] }))
    .filter(({ spec }) => inGroup(spec))
    .map(({ e }) => ({ ...e, rows: [{ cells: [e.label, ...zeros(TABLE3.columns.length)], values: TABLE3.columns.length }], filter: e.filter.slice(0, 2) }));
  return items(entries, L, range, 0, (rows) => render(rows, layoutOf(table, lines, L), hasCells));
}

/** The missing entries as completions: the next expected first (sortText), then in order. */
function items(entries: Entry[], L: number, range: Range, group: number, body: (rows: Entry['rows']) => { snippet: string; text: string }): DraftCompletion[] {
  let last = -1;
  entries.forEach((e, i) => {
    if (e.at !== null && e.at < L) last = i;
  });
  const missing = entries.map((e, i) => ({ e, i })).filter(({ e }) => e.at === null);
  const next = missing.find(({ i }) => i > last) ?? missing[0];
  return missing.map(({ e, i }) => ({
    kind: e.kind,
    label: e.label,
    detail: e.detail,
    ...body(e.rows),
    range,
    filterText: [...new Set(e.filter)].join(' '),
    sortText: `${group}${e === next?.e ? '0' : '1'}${String(i).padStart(3, '0')}`,
    preselect: group === 0 && e === next?.e,
  }));
}

function render(rows: Entry['rows'], layout: Layout, labelOnly: boolean): { snippet: string; text: string } {
  if (labelOnly) {
    // The line already has its cells: replace the label (the first row's last label cell) only.
    const r = rows[rows.length - 1];
    const label = r.cells.slice(0, r.cells.length - r.values).join(layout === 'pipes' ? ' | ' : '\t');
    return { snippet: escapeSnippet(label), text: label };
  }
  let stop = 0;
  const snippetRows: string[] = [];
  const textRows: string[] = [];
  for (const r of rows) {
    const labels = r.cells.slice(0, r.cells.length - r.values);
    const values = r.cells.slice(r.cells.length - r.values);
    const s = [...labels.map(escapeSnippet), ...values.map((v) => `\${${++stop}:${v}}`)];
    snippetRows.push(join(s, layout));
    textRows.push(join(r.cells, layout));
  }
  return { snippet: snippetRows.join('\n') + '$0', text: textRows.join('\n') };
}

/** A row as the draft writes it: ` | `-separated with a closing ` |`, or tab-separated. */
const join = (cells: string[], layout: Layout) => (layout === 'pipes' ? cells.join(' | ') + ' |' : cells.join('\t'));

/** The table's layout, from its own lines (other than the cursor's): tabs if any has a tab. */
function layoutOf(t: Table, lines: LineSource, L: number): Layout {
  for (let i = t.startLine; i <= Math.min(t.endLine, t.startLine + 40); i++) {
    if (i === L) continue;
    const s = lineOf(lines, i) ?? '';
    if (s.includes('\t')) return 'tabs';
    if (/[|｜]/.test(s)) return 'pipes';
  }
  return 'pipes';
}

const zeros = (n: number) => Array.from({ length: n }, () => '0');
const notOn = (L: number, line: number | undefined) => (line === undefined || line === L ? null : line);

function tableEntries(t: Table, L: number): Entry[] {
  if (t.kind === 't3') return t3Entries(t, L);
  if (t.kind === 't2') return t2Entries(t, L);
  return []; // table 四 is one row of numbers under its header: no row labels
}

function t3Entries(t: Table3, L: number): Entry[] {
  const specs = t3Rows(t.singleOther);
  const at = (key: string) => notOn(L, t.byKey.get(key)?.labels.at(-1)?.line);
  const present = (pred: (s: (typeof specs)[number]) => boolean) => specs.some((s) => pred(s) && at(s.key) !== null);
  const results = TABLE3.groups.find((g) => g.key === 'results')!;
  const seenGroup = new Set<string>();
  let seenOutcome = false;
  return specs.map((spec) => {
    const label = spec.ordinal + spec.text;
    const prefix: string[] = [];
    // The group labels a row carries when it opens its group and no row of the group is there yet.
    if (spec.role === 'outcome' && !seenOutcome) {
      seenOutcome = true;
      if (!present((s) => s.role === 'outcome')) prefix.push(results.ordinal + results.text);
    }
    if (spec.group && !seenGroup.has(spec.group)) {
      seenGroup.add(spec.group);
      const g = TABLE3.groups.find((x) => x.key === spec.group)!;
      if (!present((s) => s.group === spec.group)) prefix.push(g.ordinal + g.text);
    }
    return {
      kind: 'row',
      label,
      detail: { zh: [TABLE_SHORT.t3.zh, ...groupOf(spec)].join(' · '), en: `${TABLE_SHORT.t3.en}: ${spec.en}` },
      at: at(spec.key),
      rows: [{ cells: [...prefix, label, ...zeros(TABLE3.columns.length)], values: TABLE3.columns.length }],
      filter: [label, spec.text, ...prefix],
    } satisfies Entry;
  });
}

/** The group labels above a table 三 row: 三、本年度办理结果 for an outcome, its （三）… group. */
function groupOf(spec: T3RowSpec): string[] {
  const out: string[] = [];
  const results = TABLE3.groups.find((g) => g.key === 'results')!;
  if (spec.role === 'outcome') out.push(results.ordinal + results.text);
  const g = spec.group && TABLE3.groups.find((x) => x.key === spec.group);
  if (g) out.push(g.ordinal + g.text);
  return out;
}

function t2Entries(t: Table2, L: number): Entry[] {
  const spec = t.format === '2019' ? TABLE2_2019 : TABLE2_2021;
  const out: Entry[] = [];
  for (const item of spec.items) {
    const found = t.items.find((x) => x.item === item.item);
    const title = t2ItemTitle(item.item).zh;
    const rowAt = (key: string) => notOn(L, found?.rows.find((r) => r.spec.key === key)?.label.line);
    const missingRows = item.rows.filter((r) => rowAt(r.key) === null);
    out.push({
      kind: 'item',
      label: title,
      detail: { zh: `${TABLE_SHORT.t2.zh} · ${item.columns.slice(1).join(' · ')}`, en: `${TABLE_SHORT.t2.en}: item (${item.item})` },
      at: notOn(L, found?.title?.line),
      rows: [
        { cells: [title], values: 0 },
        { cells: item.columns, values: 0 },
        ...missingRows.map((r) => ({ cells: [r.label, ...zeros(item.values.length)], values: item.values.length })),
      ],
      filter: [title, item.item],
    });
    for (const r of item.rows) {
      out.push({
        kind: 'row',
        label: r.label,
        detail: { zh: `${TABLE_SHORT.t2.zh} · ${title}`, en: `${TABLE_SHORT.t2.en}: ${r.en}` },
        at: rowAt(r.key),
        rows: [{ cells: [r.label, ...zeros(item.values.length)], values: item.values.length }],
        filter: [r.label],
      });
    }
  }
  return out;
}

const TABLE_KINDS = ['t2', 't3', 't4'] as const;
const blocks = new Map<string, string>();
/** A table as the new draft writes it (every label, 0 in every cell, aligned when ` | `), without a line end after it. */
function tableBlock(kind: (typeof TABLE_KINDS)[number], layout: Layout): string {
  const key = kind + layout;
  let b = blocks.get(key);
  if (b === undefined) {
    const draft = newDraft({ office: '', year: 2000, layout }).split('\n');
    const id = TABLE_SECTION[kind];
    const heading = (n: number) => draft.indexOf(SECTIONS[n - 1].numeral + HEADING_PUNCTUATION + SECTIONS[n - 1].title);
    b = draft.slice(heading(id) + 1, heading(id + 1)).join('\n');
    blocks.set(key, b);
  }
  return b;
}

function headingEntries(a: Analysis, L: number): Entry[] {
  return SECTIONS.map((s: SectionSpec) => {
    const official = s.numeral + HEADING_PUNCTUATION + s.title;
    const h = a.headings.find((x) => x.spec.id === s.id && x.line !== L);
    return { kind: 'heading', label: official, detail: draftText.section(s.numeral, s.id, s.en), at: h ? h.line : null, rows: [{ cells: [official], values: 0 }], filter: [official, s.title] } satisfies Entry;
  });
}
