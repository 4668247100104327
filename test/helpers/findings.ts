// Findings of an analysis named by cell key instead of by position, so that the same report
// read from .txt, .docx, .html and .pdf (whose converted lines differ) can be compared.

import { analyzeText, type Analysis, type Diagnostic } from '../../server/src/core/index.ts';
import { cellsByKey } from './keyed.ts';

/** The key of the cell a diagnostic covers, or '' when it is not about one value cell. */
export function keyOf(a: Analysis, d: Diagnostic): string {
  for (const [key, c] of cellsByKey(a)) {
    if (c.line === d.range.start.line && c.start === d.range.start.character && c.end === d.range.end.character && d.range.end.line === c.line) return key;
  }
  return '';
}

/** Every diagnostic as `rule @key expected/actual`, sorted. */
export function findings(text: string): string[] {
  const a = analyzeText(text);
  return a.diagnostics.map((d) => `${d.rule} @${keyOf(a, d)} ${d.expected ?? ''}/${d.actual ?? ''}`).sort();
}
