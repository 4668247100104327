// The fixer: recomputes derived cells from the inputs until every identity holds, working on
// an analysis as it is (no re-parse) and on values of its own (the cells are never changed).
// The order comes from the identities: an identity is fixed after those whose derived cells it
// sums (row totals and the （七） row before the 四 row; table 四's totals). It only ever
// replaces the characters of derived cells, and refuses where the answer would be a negative count.

import type { Analysis } from './analysis.js';
import { formatNumber } from './cells.js';
import type { Localized, RuleId, Suspect, TextEdit } from './diagnostics.js';
import { msg } from './messages.js';
import type { Cell, Range, Table } from './model.js';
import { evaluate, identities, round, type Identity } from './rules/identities.js';
import { asSuspect, suspectOf } from './rules/suspect.js';
import { tableAt } from './keys.js';
import { cellRange } from './tables/common.js';

export interface FixChange {
  range: Range;
  rule: RuleId;
  /** The cell's key, `t3.total.total`. */
  key: string;
  label: string;
  labelEn: string;
  old: string;
  new: string;
  /**
   * The cell of this table that likely holds a typo (rules/suspect.ts): the recompute fits the
   * totals to it, so `--fix` says so beside the change instead of hiding it.
   */
  suspect?: Suspect;
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

/** The tables a fix may touch: all, or the one whose lines include `line`. */
function inScope(tables: Table[], line?: number): Table[] {
  if (line === undefined) return tables;
  const t = tableAt(tables, line);
  return t ? [t] : [];
}

/**
 * Each identity's phase: 0 when it sums only inputs, else one more than the latest phase of an
 * identity whose derived cell it sums. The identity graph has no cycle (a derived cell is never
 * its own summand), so this ends; the guard only keeps a malformed format from looping.
 */
export function phases(ids: Identity[]): Map<Identity, number> {
  const byAnchor = new Map<Cell, Identity[]>();
  for (const id of ids) {
    const list = byAnchor.get(id.anchor);
    if (list) list.push(id);
    else byAnchor.set(id.anchor, [id]);
  }
  const phase = new Map<Identity, number>();
  const visiting = new Set<Identity>();
  const of = (id: Identity): number => {
    const known = phase.get(id);
    if (known !== undefined) return known;
    if (visiting.has(id)) return 0;
    visiting.add(id);
    let p = 0;
    for (const c of id.summands) for (const dep of byAnchor.get(c) ?? []) p = Math.max(p, of(dep) + 1);
    visiting.delete(id);
    phase.set(id, p);
    return p;
  };
  for (const id of ids) of(id);
  return phase;
}

export interface RecomputeOptions {
  /** Only the table whose lines include this line. */
  tableAt?: number;
  /**
   * Cell keys never rewritten: derived cells a reviewer accepted as written (`.disclosure-report.json`
   * entries with status accepted or false-alarm). An identity anchored there is left failing and
   * said as refused; the identities that sum it take it as written.
   */
  keep?: ReadonlySet<string>;
}

/** The edits that make every evaluated identity of the analysis (or of the table at `tableAt`) hold. */
export function recompute(analysis: Analysis, opts: RecomputeOptions = {}): FixResult {
  const tables = inScope(analysis.tables, opts.tableAt);
  const ids = tables.flatMap((t) => identities(t, analysis.format));
  const phase = phases(ids);
  const byPhase: Identity[][] = [];
  for (const id of ids) (byPhase[phase.get(id)!] ??= []).push(id);
  const values = new Map<Cell, number>();
  const value = (c: Cell) => values.get(c) ?? (c.value as number);
  const touched = new Map<Cell, RuleId>();
  const refused = new Map<Cell, Refusal>();
  // Each round fixes the earliest phase that has a failing identity, then starts over, so a
  // later phase always sees totals that the earlier phases already made consistent.
  for (let round_ = 0; round_ < 50; round_++) {
    let failing: { id: Identity; expected: number }[] = [];
    for (const list of byPhase) {
      if (!list) continue;
      for (const id of list) {
        if (refused.has(id.anchor)) continue;
        if (opts.keep?.has(id.anchor.key) && round(value(id.anchor)) !== evaluate(id, value)) {
          refused.set(id.anchor, { range: cellRange(id.anchor), reason: msg.refusedReviewed({ zh: id.anchor.label, en: id.anchor.labelEn }) });
          continue;
        }
        const expected = evaluate(id, value);
        if (round(value(id.anchor)) !== expected) failing.push({ id, expected });
      }
      if (failing.length) break;
    }
    if (!failing.length) break;
    for (const { id, expected } of failing) {
      if (expected < 0) {
        refused.set(id.anchor, { range: cellRange(id.anchor), reason: msg.refusedNegative({ zh: id.anchor.label, en: id.anchor.labelEn }, formatNumber(expected)) });
        continue;
      }
      values.set(id.anchor, expected);
      touched.set(id.anchor, id.rule);
    }
    failing = [];
  }
  const suspects = new Map<Cell, Suspect>();
  for (const t of tables) {
    const s = suspectOf(t, analysis.format);
    if (!s) continue;
    const suspect = asSuspect(s);
    for (const id of identities(t, analysis.format)) suspects.set(id.anchor, suspect);
  }
  const changes: FixChange[] = [];
  for (const [cell, rule] of touched) {
    if (values.get(cell) === cell.value) continue;
    const change: FixChange = { range: cellRange(cell), rule, key: cell.key, label: cell.label, labelEn: cell.labelEn, old: cell.text, new: formatNumber(values.get(cell)!) };
    const suspect = suspects.get(cell);
    if (suspect) change.suspect = suspect;
    changes.push(change);
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
