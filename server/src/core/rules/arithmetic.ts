// The five arithmetic rules of the contract, one check per rule over the table's identities
// (rules/identities.ts). Each failing identity is reported once, at its derived cell, with
// `expected` computed from every other cell as written; an identity with a blank or non-numeric
// cell is not evaluated. Where the expected count would be negative, the inputs contradict
// each other: the message names them and no fix is offered. Related information points at the
// summands that are not zero (a zero adds nothing to the sum, and an outcome total has 21 terms,
// mostly zero); hover shows the whole formula with every term. When one cell explains every
// failing identity of the table (suspect.ts), each of its findings carries `suspect`, and related
// information at that cell comes first ("likely mistyped: should be N").

import { formatNumber } from '../cells.js';
import { diag, type Finding, type RelatedInfo } from '../diagnostics.js';
import type { ArithmeticRule, Format } from '../format/index.js';
import { msg } from '../messages.js';
import type { Cell, Table } from '../model.js';
import { ObjectSlot } from '../recent.js';
import { cellRange } from '../tables/common.js';
import { holds, identities, type Identity } from './identities.js';
import { asSuspect, suspectOf, type TableSuspect } from './suspect.js';
import { extend } from '../shape.js';

const labelOf = (c: Cell) => ({ zh: c.label, en: c.labelEn });

function finding(id: Identity): Finding {
  const actual = id.anchor.value as number;
  const related: RelatedInfo[] = [];
  for (const c of id.summands) if (c.value !== 0) related.push({ range: cellRange(c), message: msg.relatedCell(labelOf(c), c.text) });
  if (id.expected < 0) {
    return diag(id.rule, cellRange(id.anchor), msg.inputsDisagree(labelOf(id.anchor), id.expected, actual, id.summands.map(labelOf)), {
      expected: id.expected, actual, related, cell: id.key,
    });
  }
  const text = formatNumber(id.expected);
  return diag(id.rule, cellRange(id.anchor), id.describe(id.expected, actual), {
    expected: id.expected, actual, related, cell: id.key,
    fix: { title: msg.fixCell(text, id.rule === 'request-balance'), edits: [{ range: cellRange(id.anchor), newText: text }] },
  });
}

/** Findings by identity: an identity carried over to an edited copy of its table keeps its finding (the same object). */
const findings = new ObjectSlot<Identity, Finding>('finding');

/** A finding with its table's suspect: a copy, kept per finding while the suspect stays the same. */
const withSuspects = new ObjectSlot<Finding, { s: TableSuspect; f: Finding }>('with its suspect');

function withSuspect(f: Finding, s: TableSuspect, anchor: Cell): Finding {
  const known = withSuspects.get(f);
  if (known && known.s.at === s.at && known.s.value === s.value && known.s.explains.length === s.explains.length) return known.f;
  const label = labelOf(s.at);
  const value = formatNumber(s.value);
  let related = f.related ?? [];
  if (s.at !== anchor) {
    const at = cellRange(s.at);
    const same = (r: RelatedInfo) => r.range.start.line === at.start.line && r.range.start.character === at.start.character;
    related = [{ range: at, cell: s.cell, message: msg.suspectCell(label, s.at.text, value) }, ...related.filter((r) => !same(r))];
  }
  const out: Finding = extend(f, { related, suspect: asSuspect(s) });
  withSuspects.set(f, { s, f: out });
  return out;
}

/** The check of one arithmetic rule: its failing identities in a table, as the report's format declares them. */
export function arithmeticCheck(rule: ArithmeticRule): (t: Table, format: Format) => Finding[] {
  return (t, format) => {
    const out: Finding[] = [];
    let suspect: TableSuspect | null | undefined;
    for (const id of identities(t, format)) {
      if (id.rule !== rule || holds(id)) continue;
      let f = findings.get(id);
      if (!f) findings.set(id, (f = finding(id)));
      suspect ??= suspectOf(t, format);
      out.push(suspect ? withSuspect(f, suspect, id.anchor) : f);
    }
    return out;
  };
}
