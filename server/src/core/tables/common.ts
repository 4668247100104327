// What the three table recognisers share: lines with their cells, turning raw cells into
// value cells, trimming merged-cell debris from a row, and the label-wording diagnostic.

import { isValueText, parseValue, type ValueRules } from '../cells.js';
import { diag, type Finding } from '../diagnostics.js';
import type { CellKey } from '../format/index.js';
import type { Localized } from '../i18n.js';
import { msg } from '../messages.js';
import type { Cell, LabelCell, RawCell, Range } from '../model.js';
import { normalizeLabel } from '../text.js';

export interface LineCells {
  line: number;
  text: string;
  cells: RawCell[];
}

export function isLabel(c: RawCell): boolean {
  return !isValueText(c.text);
}

export function cellRange(c: RawCell): Range {
  return { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } };
}

export function spanRange(first: RawCell, last: RawCell): Range {
  return { start: { line: first.line, character: first.start }, end: { line: last.line, character: last.end } };
}

export function lineRange(l: LineCells): Range {
  return { start: { line: l.line, character: 0 }, end: { line: l.line, character: l.text.length } };
}

export function toCell(raw: RawCell, rules: ValueRules, derived: boolean, label: Localized, key: CellKey): Cell {
  const { value, problem } = parseValue(raw.text, rules);
  return { line: raw.line, start: raw.start, end: raw.end, text: raw.text, key, value, problem, derived, label: label.zh, labelEn: label.en };
}

/**
 * The value cells of a row, as many as the format wants: merged-cell debris (empty cells
 * beyond the count) is dropped from the end, then from the start.
 */
export function fitRow(values: RawCell[], want: number): { kept: RawCell[]; extra: RawCell[] } {
  const v = values.slice();
  while (v.length > want && v[v.length - 1].text === '') v.pop();
  while (v.length > want && v[0].text === '') v.shift();
  return { kept: v.slice(0, want), extra: v.slice(want) };
}

/** A label cell standing for `official` (fields written out: spreading is slow in hot paths). */
export function asLabel(raw: RawCell, official: string): LabelCell {
  return { line: raw.line, start: raw.start, end: raw.end, text: raw.text, official };
}

/** A label cell that stands for `official`; reports and offers a fix when the wording differs. */
export function labelCell(raw: RawCell, official: string, out: Finding[], row?: string): LabelCell {
  if (normalizeLabel(raw.text) !== normalizeLabel(official)) {
    const d = diag('label-wording', cellRange(raw), msg.labelWording(raw.text, official), {
      fix: { title: msg.fixWording(official), edits: [{ range: cellRange(raw), newText: official }] },
    });
    if (row) d.row = row;
    out.push(d);
  }
  return asLabel(raw, official);
}

export function rowShapeDiagnostics(label: RawCell, labelText: string, kept: RawCell[], extra: RawCell[], want: number, out: Finding[], row: string): void {
  if (kept.length < want) {
    out.push(diag('cells-missing', cellRange(label), msg.cellsMissing(labelText, want, kept.length), { row }));
  }
  const nonEmpty = extra.filter((c) => c.text !== '');
  if (nonEmpty.length) {
    out.push(diag('cells-extra', spanRange(nonEmpty[0], nonEmpty[nonEmpty.length - 1]), msg.cellsExtra(labelText, want, want + nonEmpty.length), { row }));
  }
}

/** Header cells: label cells whose wording is checked against the official list, in order when the counts agree. */
export function checkHeaders(headers: RawCell[], official: readonly string[], out: Finding[], similar: (a: string, b: string) => number): LabelCell[] {
  const result: LabelCell[] = [];
  if (headers.length === official.length) {
    headers.forEach((h, i) => result.push(labelCell(h, official[i], out)));
    return result;
  }
  const set = new Set(official.map(normalizeLabel));
  for (const h of headers) {
    const n = normalizeLabel(h.text);
    if (set.has(n)) {
      result.push(asLabel(h, official.find((o) => normalizeLabel(o) === n)!));
      continue;
    }
    let best = '';
    let score = 0;
    for (const o of official) {
      const s = similar(n, normalizeLabel(o));
      if (s > score) [best, score] = [o, s];
    }
    if (score >= 0.6) result.push(labelCell(h, best, out));
  }
  return result;
}
