// `check --format text`: compiler-style lines (`path:line:col: severity rule message`; a finding
// reviewed as accepted or a false alarm as `path:line:col: reviewed rule message (status: reason;
// who date)`, which the problem matcher does not take for a problem), what
// --fix changed and refused, over several files the tally (for each rule, how many reports fail
// it), and the closing summary line. Each report ends with its verdict line: its errors, fully
// verified, or nothing wrong found but not fully verifiable (what could not be checked).

import { coverageText, fullyChecked, pick, RULES, suspectNote, type Coverage, type FixChange, type Locale, type Suspect } from '../../core/index.js';
import { statusOf } from '../../config/index.js';
import { cliText } from '../messages.js';
import { shown } from '../shown.js';
import type { FileReport } from '../report.js';

export function fileText(r: FileReport, locale: Locale): string {
  const t = cliText(locale);
  const lines: string[] = [];
  const path = shown(r.path);
  const at = (p: { line: number; character: number }) => `${path}:${p.line + 1}:${p.character + 1}`;
  if (r.previous) lines.push(`${path}: ${t.previousTaken(r.previous)}`);
  else if (r.pairing) lines.push(`${path}: ${t.noPrevious(pick(r.pairing, locale))}`);
  // A typo the recompute fitted the totals to is named beside each change (never hidden silently).
  const note = (s: Suspect | undefined) => (s ? t.note(pick(suspectNote(s), locale)) : '');
  const change = (c: FixChange) => `${c.rule} ${locale === 'en' ? c.labelEn : c.label}: ${c.old} → ${c.new}${note(c.suspect)}`;
  for (const c of r.fixed) lines.push(`${at(c.range.start)}: ${t.fixed} ${change(c)}`);
  for (const c of r.unwritten ?? []) lines.push(`${at(c.range.start)}: ${t.unwritten} ${change(c)}`);
  for (const x of r.refused) lines.push(`${at(x.range.start)}: ${t.notFixed}: ${pick(x.reason, locale)}`);
  if (r.notice) lines.push(`${path}: ${r.notice}`);
  for (const d of r.diagnostics) lines.push(`${at(d.range.start)}: ${d.severity} ${d.rule} ${pick(d.message, locale)}${note(d.suspect)}`);
  // Reviewed findings no longer reported (accepted, false alarm): said, with the review, not dropped silently.
  const reported = new Set(r.diagnostics.map((d) => `${d.rule} ${d.range.start.line}:${d.range.start.character}`));
  for (const { d, entry } of r.reviewed ?? []) {
    if (reported.has(`${d.rule} ${d.range.start.line}:${d.range.start.character}`)) continue;
    // The reason and reviewer come from the config file: escaped like names (no forged lines).
    const who = shown([entry.reviewer, entry.date].filter(Boolean).join(' '));
    lines.push(`${at(d.range.start)}: reviewed ${d.rule} ${pick(d.message, locale)}${t.reviewed(t.statusWords[statusOf(entry)], shown(entry.reason), who)}`);
  }
  if (r.coverage) lines.push(`${path}: ${pick(verdictLine(r.coverage, r.diagnostics.filter((d) => d.severity === 'error').length), locale)}`);
  return lines.length ? lines.join('\n') + '\n' : '';
}

/** The report's verdict: errors; fully verified; or nothing wrong found but not fully verifiable (saying what could not be checked). */
export function verdictLine(c: Coverage, errors: number) {
  return errors ? coverageText.errors(errors, c) : fullyChecked(c) ? coverageText.full(c) : coverageText.partial(c);
}

export interface Tally {
  files: number;
  error: number;
  warning: number;
  /** information and hint */
  notes: number;
  fixes: number;
  /** Reports with no error that could not be fully verified. */
  partial: number;
}

export function summaryText(s: Tally, locale: Locale): string {
  return cliText(locale).summary(s.files, s.error, s.warning, s.notes, s.fixes, s.partial) + '\n';
}

/** For each rule that any report fails (raises at least one diagnostic), how many reports fail it: most first, then in the registry's order. */
/** For each rule, how many reports fail it, most first: from the rule ids each report raised. */
export function ruleTally(failing: Iterable<Iterable<string>>): [string, number][] {
  const counts = new Map<string, number>();
  for (const rules of failing) for (const rule of new Set(rules)) counts.set(rule, (counts.get(rule) ?? 0) + 1);
  const order = new Map<string, number>(RULES.map((x, i) => [x.id, i]));
  return [...counts].sort((a, b) => b[1] - a[1] || (order.get(a[0]) ?? 1e9) - (order.get(b[0]) ?? 1e9) || a[0].localeCompare(b[0]));
}

export function tallyText(rules: [string, number][], reports: number, locale: Locale): string {
  const t = cliText(locale);
  if (!rules.length) return '';
  const width = Math.max(...rules.map(([r]) => r.length));
  return t.tallyHead(reports) + '\n' + rules.map(([rule, n]) => `  ${rule.padEnd(width)}  ${String(n).padStart(4)}`).join('\n') + '\n';
}
