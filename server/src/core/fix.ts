// The fixer: recomputes derived cells from the inputs in dependency order (row totals, the
// （七） row, the 四 row; table 四's totals) until every identity holds. It only ever replaces
// the characters of derived cells, and refuses where the answer would be a negative count.

import { formatNumber } from './cells.js';
import type { Localized, RuleId, TextEdit } from './diagnostics.js';
import { analyzeText } from './document.js';
import type { Cell, Range, Table } from './model.js';
import { holds, identities, type Identity } from './rules/arithmetic.js';
import { cellRange } from './tables/common.js';

export interface FixChange {
  range: Range;
  rule: RuleId;
  label: string;
  labelEn: string;
  old: string;
  new: string;
}

export interface Refusal {
  range: Range;
  reason: Localized;
}

export interface FixResult {
  edits: TextEdit[];
  changes: FixChange[];
  refused: Refusal[];
}

const PHASES: RuleId[][] = [['request-row-total', 'review-total', 'litigation-total'], ['request-outcome-total'], ['request-balance']];

/** The table whose lines include `line`. */
export function tableAt(tables: Table[], line: number): Table | undefined {
  return tables.find((t) => t.startLine <= line && line <= t.endLine);
}

/** The tables a fix may touch: all, or the one whose lines include `line`. */
function inScope(tables: Table[], line?: number): Table[] {
  if (line === undefined) return tables;
  const t = tableAt(tables, line);
  return t ? [t] : [];
}

export function recompute(text: string, opts: { tableAt?: number } = {}): FixResult {
  const tables = inScope(analyzeText(text).tables, opts.tableAt);
  const touched = new Map<Cell, RuleId>();
  const original = new Map<Cell, number>();
  const refused = new Map<Cell, Refusal>();
  // Each round fixes the earliest phase that has a failing identity, then starts over, so a
  // later phase always sees totals that the earlier phases already made consistent.
  for (let round = 0; round < 50; round++) {
    let failing: Identity[] = [];
    for (const phase of PHASES) {
      failing = tables.flatMap(identities).filter((id) => phase.includes(id.rule) && !holds(id) && !refused.has(id.anchor));
      if (failing.length) break;
    }
    if (!failing.length) break;
    for (const id of failing) {
      if (id.expected < 0) {
        refused.set(id.anchor, {
          range: cellRange(id.anchor),
          reason: { zh: `未修改 ${id.anchor.label}：按其他单元格计算应为 ${formatNumber(id.expected)}，件数不能为负，请先核对输入数据`, en: `Left ${id.anchor.labelEn} alone: the other cells make it ${formatNumber(id.expected)}, and a count cannot be negative; check the inputs` },
        });
        continue;
      }
      if (!original.has(id.anchor)) original.set(id.anchor, id.anchor.value as number);
      id.anchor.value = id.expected;
      touched.set(id.anchor, id.rule);
    }
  }
  const changes: FixChange[] = [];
  for (const [cell, rule] of touched) {
    if (original.get(cell) === cell.value) continue;
    changes.push({ range: cellRange(cell), rule, label: cell.label, labelEn: cell.labelEn, old: cell.text, new: formatNumber(cell.value as number) });
  }
  changes.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { edits: changes.map((c) => ({ range: c.range, newText: c.new })), changes, refused: [...refused.values()] };
}

/** Applies non-overlapping edits to a text; line ends (`\n`, `\r\n`, `\r`) are left as they were. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  if (!edits.length) return text;
  const starts = [0];
  const re = /\r\n|\r|\n/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) starts.push(m.index + m[0].length);
  const offset = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  const sorted = edits.map((e) => ({ s: offset(e.range.start), e: offset(e.range.end), t: e.newText })).sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}
