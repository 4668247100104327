// `check --format text`: compiler-style lines (`path:line:col: severity rule message`), what
// --fix changed and refused, and the closing summary line.

import { pick, type Locale } from '../../core/index.js';
import { cliText } from '../messages.js';
import type { FileReport } from '../report.js';

export function fileText(r: FileReport, locale: Locale): string {
  const t = cliText(locale);
  const lines: string[] = [];
  const at = (p: { line: number; character: number }) => `${r.path}:${p.line + 1}:${p.character + 1}`;
  if (r.previous) lines.push(`${r.path}: ${t.previousTaken(r.previous)}`);
  else if (r.pairing) lines.push(`${r.path}: ${t.noPrevious(pick(r.pairing, locale))}`);
  for (const c of r.fixed) lines.push(`${at(c.range.start)}: ${t.fixed} ${c.rule} ${locale === 'en' ? c.labelEn : c.label}: ${c.old} → ${c.new}`);
  for (const x of r.refused) lines.push(`${at(x.range.start)}: ${t.notFixed}: ${pick(x.reason, locale)}`);
  for (const d of r.diagnostics) lines.push(`${at(d.range.start)}: ${d.severity} ${d.rule} ${pick(d.message, locale)}`);
  return lines.length ? lines.join('\n') + '\n' : '';
}

export interface Tally {
  files: number;
  error: number;
  warning: number;
  /** information and hint */
  notes: number;
  fixes: number;
}

export function summaryText(s: Tally, locale: Locale): string {
  return cliText(locale).summary(s.files, s.error, s.warning, s.notes, s.fixes) + '\n';
}
