// A new report from the official template (国办公开办函〔2021〕30号): the title line, the
// statement of the statistical period, the six headings with a line of guidance under the prose
// sections, and the three tables with every official label and 0 in every cell. Every label
// comes from format.ts, so a new draft reads back with no diagnostic at all.

import { DRAFT_TEXT, SECTIONS, TABLE2_2021, TABLE3, TABLE4, type T3RowSpec } from '../format/index.js';
import { formatTables } from './layout.js';
import { applyEdits } from '../fix.js';

export type DraftLayout = 'pipes' | 'tabs';

export interface DraftOptions {
  /** The reporting body as its name is printed in the title, e.g. 青禾县数据资源局. */
  office: string;
  /** The year the report covers (four digits, 1900–2099). */
  year: number;
  layout: DraftLayout;
  /** Line end: '\n' (default), '\r\n' or '\r'. */
  eol?: '\n' | '\r\n' | '\r';
}

const T3_COLUMN_HEADERS = [
  [TABLE3.note, TABLE3.headerExtras[0]],
  [TABLE3.columns[0].label, TABLE3.headerExtras[1], TABLE3.columns[6].label],
  TABLE3.columns.slice(1, 6).map((c) => c.label),
];

/** The office name as one line of a title: no line breaks, tabs or cell separators. */
export function cleanOffice(office: string): string {
  return office.replace(/[\r\n\t|｜\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The label cells of a table 三 row: its group's label before the group's first row. */
function t3Labels(): { spec: T3RowSpec; labels: string[] }[] {
  const out: { spec: T3RowSpec; labels: string[] }[] = [];
  const seenGroups = new Set<string>();
  const results = TABLE3.groups.find((g) => g.key === 'results')!;
  for (const spec of TABLE3.rows) {
    const labels: string[] = [];
    if (spec.role === 'outcome' && !seenGroups.has('results')) {
      seenGroups.add('results');
      labels.push(results.ordinal + results.text);
    }
    if (spec.group && !seenGroups.has(spec.group)) {
      seenGroups.add(spec.group);
      const g = TABLE3.groups.find((x) => x.key === spec.group)!;
      labels.push(g.ordinal + g.text);
    }
    labels.push(spec.ordinal + spec.text);
    out.push({ spec, labels });
  }
  return out;
}

/** The text of a new draft. Throws a RangeError for a year outside 1900–2099. */
export function newDraft(opts: DraftOptions): string {
  const { year, layout } = opts;
  if (!Number.isInteger(year) || year < 1900 || year > 2099) throw new RangeError(`year must be a four-digit year (1900–2099), got ${String(year)}`);
  if (layout !== 'pipes' && layout !== 'tabs') throw new RangeError(`layout must be 'pipes' or 'tabs', got ${String(layout)}`);
  const eol = opts.eol ?? '\n';
  const office = cleanOffice(opts.office ?? '');
  const row = (cells: string[]) => (layout === 'pipes' ? cells.join(' | ') + ' |' : cells.join('\t'));
  const zeros = (n: number) => Array.from({ length: n }, () => '0');
  const heading = (id: number) => `${SECTIONS[id - 1].numeral}、${SECTIONS[id - 1].title}`;

  const L: string[] = [];
  L.push(DRAFT_TEXT.title(office, year), DRAFT_TEXT.preamble(year));
  L.push(heading(1), DRAFT_TEXT.guidance[1]);

  L.push(heading(2));
  for (const item of TABLE2_2021.items) {
    L.push(row([DRAFT_TEXT.itemTitle(item.item)]));
    L.push(row(item.columns));
    for (const r of item.rows) L.push(row([r.label, ...zeros(item.columns.length - 1)]));
  }

  L.push(heading(3));
  for (const h of T3_COLUMN_HEADERS) L.push(row(h));
  for (const { labels } of t3Labels()) L.push(row([...labels, ...zeros(7)]));

  L.push(heading(4));
  L.push(row(TABLE4.header.slice(0, 2)), row(TABLE4.header.slice(2, 9)), row(TABLE4.header.slice(9)));
  L.push(row(zeros(15)));

  L.push(heading(5), DRAFT_TEXT.guidance[5]);
  L.push(heading(6), DRAFT_TEXT.guidance[6]);

  const text = L.join(eol) + eol;
  return layout === 'pipes' ? applyEdits(text, formatTables(text)) : text;
}
