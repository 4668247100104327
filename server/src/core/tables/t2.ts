// Table 二 (主动公开政府信息情况): the items of 第二十条, each a small table of its own.
// Reads the 2021 format and the superseded 2019 one (other columns and an item （九）).

import { diag, type Finding } from '../diagnostics.js';
import { T2_ITEM_RE, t2ItemTitle, TABLE2_2019, TABLE2_2019_ITEM, TABLE2_2019_MARKERS, TABLE2_2021, type ItemSpec, type RowSpec, type Table2Spec } from '../format/index.js';
import { msg } from '../messages.js';
import type { Cell, LabelCell, RawCell, Table2, Table2Item, Table2Row } from '../model.js';
import { normalizeLabel, similarity } from '../text.js';
import { asLabel, cellRange, checkHeaders, fitRow, isLabel, labelCell, lineRange, rowShapeDiagnostics, toCell, type LineCells } from './common.js';

export function itemOf(c: RawCell): string | null {
  const m = T2_ITEM_RE.exec(normalizeLabel(c.text));
  return m ? m[1] : null;
}

export function isT2Start(cells: RawCell[]): boolean {
  const first = cells.find((c) => c.text !== '');
  return !!first && itemOf(first) !== null;
}

const MARKERS = TABLE2_2019_MARKERS.map(normalizeLabel);

function detectFormat(lines: LineCells[], from: number, to: number): Table2Spec {
  for (let i = from; i < to; i++) {
    for (const c of lines[i].cells) {
      const n = normalizeLabel(c.text);
      if (MARKERS.includes(n) || itemOf(c) === TABLE2_2019_ITEM) return TABLE2_2019;
    }
  }
  return TABLE2_2021;
}

function matchRow(text: string, item: ItemSpec, seen: Set<string>): { spec: RowSpec; exact: boolean } | null {
  const n = normalizeLabel(text);
  for (const r of item.rows) {
    if (normalizeLabel(r.label) === n) return { spec: r, exact: true };
    if ((r.variants ?? []).some((v) => normalizeLabel(v) === n)) return { spec: r, exact: false };
  }
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
  title: RawCell;
  headers: RawCell[];
  rows: Table2Row[];
  seen: Set<string>;
}

export function readT2(lines: LineCells[], from: number, stop: (l: LineCells) => boolean): T2Result {
  const out: Finding[] = [];
  let to = from + 1;
  while (to < lines.length && !stop(lines[to])) to++;
  const format = detectFormat(lines, from, to);
  const items: Table2Item[] = [];
  let item: ItemState | null = null;
  let pending: { spec: RowSpec; label: RawCell; values: RawCell[] } | null = null;
  let end = from;

  const finishRow = () => {
    if (!pending || !item) return;
    const { spec, label, values } = pending;
    pending = null;
    const want = item.spec!.columns.length - 1;
    const { kept, extra } = fitRow(values, want);
    const row = `t2.${spec.key}`;
    rowShapeDiagnostics(label, spec.label, kept, extra, want, out, row);
    const cells: (Cell | null)[] = [];
    for (let c = 0; c < want; c++) {
      const col = item.spec!.values[c];
      cells.push(kept[c] ? toCell(kept[c], spec, false, { zh: `${spec.label} / ${col.label}`, en: `${spec.en} / ${col.en}` }, `${row}.${col.key}`) : null);
    }
    item.rows.push({ spec, label: asLabel(label, spec.label), cells });
  };
  const finishItem = () => {
    finishRow();
    if (!item || !item.spec) return;
    const columns: LabelCell[] = checkHeaders(item.headers, item.spec.columns, out, similarity);
    for (const r of item.spec.rows) {
      if (!item.seen.has(r.key)) out.push(diag('row-missing', cellRange(item.title), msg.rowMissing(t2ItemTitle(item.spec.item), r.label), { row: `t2.${r.key}` }));
    }
    items.push({ item: item.spec.item, spec: item.spec, title: item.title, columns, rows: item.rows });
  };

  for (let i = from; i < to; i++) {
    const l = lines[i];
    for (const c of l.cells) {
      const it = isLabel(c) ? itemOf(c) : null;
      if (it) {
        finishItem();
        const spec = format.items.find((x) => x.item === it) ?? null;
        if (!spec) out.push(diag('row-unknown', cellRange(c), msg.rowUnknown(c.text)));
        item = { spec, title: c, headers: [], rows: [], seen: new Set() };
        continue;
      }
      if (!item || !item.spec) continue;
      if (!isLabel(c)) {
        if (pending) pending.values.push(c);
        continue;
      }
      const m = matchRow(c.text, item.spec, item.seen);
      if (m && !item.seen.has(m.spec.key)) {
        finishRow();
        item.seen.add(m.spec.key);
        if (!m.exact) labelCell(c, m.spec.label, out, `t2.${m.spec.key}`);
        pending = { spec: m.spec, label: c, values: [] };
      } else if (!item.rows.length && !pending) {
        item.headers.push(c);
      } else {
        finishRow();
      }
    }
    if (l.cells.length) end = i + 1;
  }
  finishItem();

  const found = new Set(items.map((x) => x.item));
  for (const spec of format.items) {
    if (!found.has(spec.item)) out.push(diag('row-missing', lineRange(lines[from]), msg.itemMissing(t2ItemTitle(spec.item))));
  }
  if (format.format === '2019') out.push(diag('format-2019', lineRange(lines[from]), msg.format2019()));
  const table: Table2 = { kind: 't2', format: format.format, startLine: lines[from].line, endLine: lines[Math.max(from, end - 1)].line, items };
  return { table, endLine: Math.max(end, from + 1), diagnostics: out };
}
