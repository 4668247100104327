// Rule tests as report text with inline marks (as rust-analyzer's `//^^ error` and
// markdownlint's `{MD001}` fixtures): ⟦…⟧ around the characters a diagnostic covers (⟦⟧ for the
// point of a blank cell), and `◀ rule-id` at the end of that line (`◀ a, b` for two marked
// ranges on it, in order; `◀ a+b` for two diagnostics on one range, in rule order). `marked()` strips the marks and says what the core must report.

import type { Range } from '../../server/src/core/index.js';

export interface Expected {
  rule: string;
  range: Range;
}

export function marked(fixture: string): { text: string; expected: Expected[] } {
  const expected: Expected[] = [];
  const lines = fixture.split('\n').map((line, n) => {
    const arrow = line.lastIndexOf(' ◀ ');
    if (arrow < 0) {
      if (line.includes('⟦')) throw new Error(`line ${n}: a mark without a rule (◀ rule-id)`);
      return line;
    }
    const rules = line.slice(arrow + 3).split(',').map((s) => s.trim());
    let text = line.slice(0, arrow);
    const ranges: Range[] = [];
    for (let open = text.indexOf('⟦'); open >= 0; open = text.indexOf('⟦')) {
      const close = text.indexOf('⟧', open);
      if (close < 0) throw new Error(`line ${n}: ⟦ without ⟧`);
      ranges.push({ start: { line: n, character: open }, end: { line: n, character: close - 1 } });
      text = text.slice(0, open) + text.slice(open + 1, close) + text.slice(close + 1);
    }
    if (ranges.length !== rules.length) throw new Error(`line ${n}: ${ranges.length} marks for ${rules.length} rules`);
    ranges.forEach((range, i) => { for (const rule of rules[i].split('+')) expected.push({ rule, range }); });
    return text;
  });
  return { text: lines.join('\n'), expected };
}
