// Applying `.disclosure-report.json` to one report's diagnostics: the file's rule severities
// override the defaults, reviewed findings are dropped, and a reviewed entry for this report that
// matches no finding any more comes back as a `reviewed-stale` information diagnostic at the top
// of the report (the entry can be deleted). A finding is recognised by its rule and its cell key
// (`cell`), else its row key (`row`), else the fingerprint of the text it covers: the rule and the
// covered lines with white space removed, hashed (FNV-1a, 8 hex digits). So a reviewed prose
// finding comes back when that prose changes, and a reviewed cell stays silenced whatever the
// cell holds. Pure; used by the CLI and the language server alike.

import { RULE_BY_ID, type Diagnostic, type Range, type Severity } from '../core/index.js';
import type { ProjectConfig, ReviewedEntry } from './load.js';

/** The rule id of the diagnostic a stale reviewed entry gives. */
export const REVIEWED_STALE = 'reviewed-stale' as const;

/** What the matcher reads of a diagnostic (the core's; `cell` and `row` once they carry them). */
export interface Checkable {
  rule: string;
  severity: Severity;
  range: Range;
  cell?: string;
  row?: string;
}

/** The report being checked: its path relative to the config file's folder, and its lines. */
export interface ReportTarget {
  file: string;
  lines: readonly string[] | { line(i: number): string; readonly lineCount: number };
}

export interface Applied<T> {
  kept: T[];
  silencedCount: number;
  /** Reviewed entries for this report that matched no diagnostic (with their index in `reviewed`). */
  staleReviewed: { entry: ReviewedEntry; index: number }[];
}

/** A path as entries spell it: `/` separators, no leading `./`. */
export function normalizePath(p: string): string {
  return p.replace(/\\/g, '/').replace(/^(\.\/)+/, '').replace(/\/{2,}/g, '/');
}

function lineOf(lines: ReportTarget['lines'], i: number): string {
  if (Array.isArray(lines)) return (lines as readonly string[])[i] ?? '';
  const l = lines as { line(i: number): string; readonly lineCount: number };
  return i >= 0 && i < l.lineCount ? l.line(i) : '';
}

/** FNV-1a over UTF-16 code units, 8 hex digits. */
function fnv1a(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The fingerprint of a finding: its rule and the lines its range covers, white space removed. */
export function fingerprint(d: Pick<Checkable, 'rule' | 'range'>, lines: ReportTarget['lines']): string {
  const { start, end } = d.range;
  const last = end.line > start.line && end.character === 0 ? end.line - 1 : end.line;
  const parts: string[] = [];
  for (let i = start.line; i <= Math.max(start.line, last) && i - start.line < 200; i++) parts.push(lineOf(lines, i));
  const text = parts.join('\n').replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');
  return fnv1a(`${d.rule}\n${text}`);
}

function matches(e: ReviewedEntry, d: Checkable, fp: () => string): boolean {
  if (e.rule !== d.rule) return false;
  if (e.cell) return d.cell === e.cell;
  if (e.row) return d.row === e.row;
  return !!e.fingerprint && e.fingerprint === fp();
}

/**
 * The diagnostics that remain after the config: severity overrides (`off` drops a rule) and
 * reviewed findings dropped; and the reviewed entries of this report that no longer occur.
 */
export function applyConfig<T extends Checkable>(diagnostics: readonly T[], target: ReportTarget, config: ProjectConfig): Applied<T> {
  const file = normalizePath(target.file);
  const mine = entriesByFile(config).get(file) ?? [];
  const used = new Set<number>();
  const kept: T[] = [];
  let silencedCount = 0;
  for (const d of diagnostics) {
    const severity = config.severity[d.rule];
    if (severity === 'off') continue;
    let fp: string | undefined;
    const fpOf = () => (fp ??= fingerprint(d, target.lines));
    const hit = mine.find((x) => matches(x.entry, d, fpOf));
    if (hit) {
      used.add(hit.index);
      // Every finding an entry matches is silenced (a fingerprint may cover repeated text).
      for (const x of mine) if (x !== hit && matches(x.entry, d, fpOf)) used.add(x.index);
      silencedCount++;
      continue;
    }
    kept.push(severity && severity !== d.severity ? { ...d, severity } : d);
  }
  // An entry whose rule is switched off is not stale: its finding is not looked for.
  // An entry whose rule is switched off, or with reviewed-stale itself off, is not reported stale.
  const staleReviewed = config.severity[REVIEWED_STALE] === 'off' ? [] : mine.filter((x) => !used.has(x.index) && config.severity[x.entry.rule] !== 'off');
  return { kept, silencedCount, staleReviewed };
}

const byFile = new WeakMap<readonly ReviewedEntry[], Map<string, { entry: ReviewedEntry; index: number }[]>>();

/** The reviewed entries grouped by file, once per config (not once per report: 20,000 entries × 3,000 reports). */
function entriesByFile(config: ProjectConfig): Map<string, { entry: ReviewedEntry; index: number }[]> {
  let m = byFile.get(config.reviewed);
  if (!m) {
    m = new Map();
    config.reviewed.forEach((entry, index) => {
      const f = normalizePath(entry.file);
      const list = m!.get(f);
      if (list) list.push({ entry, index });
      else m!.set(f, [{ entry, index }]);
    });
    byFile.set(config.reviewed, m);
  }
  return m;
}

/** The entry that records `d` as reviewed (cell, else row, else fingerprint). */
export function reviewedEntry(d: Checkable, target: ReportTarget, reason = ''): ReviewedEntry {
  const e: ReviewedEntry = { rule: d.rule, file: normalizePath(target.file) } as ReviewedEntry;
  if (d.cell) e.cell = d.cell;
  else if (d.row) e.row = d.row;
  else e.fingerprint = fingerprint(d, target.lines);
  e.reason = reason;
  return e;
}

/** What identifies an entry in a message: its cell, row or fingerprint. */
function what(e: ReviewedEntry): string {
  return e.cell ?? e.row ?? `#${e.fingerprint}`;
}

/** A stale entry's diagnostic: a core Diagnostic of the registry's `reviewed-stale` rule. */
export type StaleDiagnostic = Diagnostic & { rule: typeof REVIEWED_STALE };

/** The information diagnostic for a reviewed entry that no longer occurs: at the top of the report. */
export function staleDiagnostic(entry: ReviewedEntry, configName: string, config?: ProjectConfig): StaleDiagnostic {
  // The config file's severity for reviewed-stale (applyConfig reports none when it is off), else the registry's.
  const own = config?.severity[REVIEWED_STALE];
  const reason = entry.reason ? `（${entry.reason}）` : '';
  const reasonEn = entry.reason ? ` (${entry.reason})` : '';
  return {
    rule: REVIEWED_STALE,
    severity: own && own !== 'off' ? own : RULE_BY_ID.get(REVIEWED_STALE)!.severity,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    message: {
      zh: `${configName} 中记录为已审核的 ${entry.rule} ${what(entry)}${reason}已不再出现，可删除该条记录`,
      en: `the finding ${entry.rule} ${what(entry)} recorded as reviewed in ${configName}${reasonEn} no longer occurs; the entry can be removed`,
    },
  };
}
