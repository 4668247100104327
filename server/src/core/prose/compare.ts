// prose-table-mismatch: each recognised prose number against the table figure it states. The table
// is seen through a getter (cell key → number, null when blank or absent), so this works on any
// layout the core reads. A reading with a blank cell is unknown: it never raises anything.

import { claimHover, mismatchFixTitle, mismatchMessage } from './messages.js';
import type { Finding, RelatedInfo } from '../diagnostics.js';
import type { Claim, ClaimReading, Reading } from './types.js';

export type CellValue = (key: string) => number | null;

function readingValue(r: Reading, value: CellValue): number | null {
  let sum = 0;
  for (const k of r.keys) {
    const v = value(k);
    if (v === null || v === undefined || !Number.isFinite(v)) return null;
    sum += v;
  }
  return sum;
}

/** The table's value as the prose writes numbers: with thousands separators when it used them. */
function written(v: number, like: string): string {
  return like.includes(',') ? v.toLocaleString('en-US', { maximumFractionDigits: 0 }) : String(v);
}

const agreesWith = (c: Claim, v: number) => Math.abs(v - c.value) <= c.tolerance;

/** What a claim was compared with, and whether it agrees (for hovers and for the check). */
export function readClaim(claim: Claim, value: CellValue): ClaimReading {
  const all = claim.target.readings.map((reading) => ({ reading, value: readingValue(reading, value) }));
  let readings = all;
  let agrees: boolean | null;
  if (claim.target.mode === 'layout') {
    const first = all.find((r) => r.value !== null);
    readings = first ? [first] : all;
    agrees = first ? agreesWith(claim, first.value!) : null;
  } else if (all.some((r) => r.value !== null && agreesWith(claim, r.value))) {
    agrees = true;
  } else {
    agrees = all.some((r) => r.value === null) ? null : false;
  }
  return { claim, readings, agrees, message: claimHover(claim.text, readings, agrees) };
}

/** Every recognised claim with its cells and their values, even when they agree (hover). */
export function claimReadings(claims: Claim[], value: CellValue): ClaimReading[] {
  return claims.map((c) => readClaim(c, value));
}

/**
 * One finding per prose number that differs from every reading of its figure. `cell` is the first
 * key of the reading compared with (the one nearest the prose number, the first on a tie), `related`
 * what `relatedOf` gives for all its keys; `expected` its value, `actual` the prose number; the fix writes the table's value.
 */
export function proseTableMismatch(claims: Claim[], value: CellValue, relatedOf: (keys: string[]) => RelatedInfo[] = () => []): Finding[] {
  const out: Finding[] = [];
  for (const claim of claims) {
    const r = readClaim(claim, value);
    if (r.agrees !== false) continue;
    const known = r.readings.filter((x): x is { reading: Reading; value: number } => x.value !== null);
    let best = known[0];
    for (const k of known) if (Math.abs(k.value - claim.value) < Math.abs(best.value - claim.value)) best = k;
    const others = known.filter((k) => k !== best && k.value !== best.value);
    const range = { start: { line: claim.line, character: claim.start }, end: { line: claim.line, character: claim.end } };
    const f: Finding = {
      rule: 'prose-table-mismatch',
      range,
      cell: best.reading.keys[0],
      expected: best.value,
      actual: claim.value,
      message: mismatchMessage(claim.text, best.reading, best.value, others),
      fix: { title: mismatchFixTitle(best.value), edits: [{ range, newText: written(best.value, claim.text) }], changes: 'prose' },
    };
    const related = relatedOf(best.reading.keys);
    if (related.length) f.related = related;
    out.push(f);
  }
  return out;
}
