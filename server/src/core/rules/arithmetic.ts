// The five arithmetic rules of the contract, one check per rule over the table's identities
// (rules/identities.ts). Each failing identity is reported once, at its derived cell, with
// `expected` computed from every other cell as written; an identity with a blank or non-numeric
// cell is not evaluated. Where the expected count would be negative, the inputs contradict
// each other: the message names them and no fix is offered. Related information points at the
// summands that are not zero (a zero adds nothing to the sum, and an outcome total has 21 terms,
// mostly zero); hover shows the whole formula with every term.

import { formatNumber } from '../cells.js';
import { diag, type Finding, type RelatedInfo } from '../diagnostics.js';
import type { ArithmeticRule } from '../format/index.js';
import { msg } from '../messages.js';
import type { Cell, Table } from '../model.js';
import { cellRange } from '../tables/common.js';
import { holds, identities, type Identity } from './identities.js';

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
const findings = new WeakMap<Identity, Finding>();

/** The check of one arithmetic rule: its failing identities in a table. */
export function arithmeticCheck(rule: ArithmeticRule): (t: Table) => Finding[] {
  return (t) => {
    const out: Finding[] = [];
    for (const id of identities(t)) {
      if (id.rule !== rule || holds(id)) continue;
      let f = findings.get(id);
      if (!f) findings.set(id, (f = finding(id)));
      out.push(f);
    }
    return out;
  };
}
