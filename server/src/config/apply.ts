// Applying `.disclosure-report.json` to one report's diagnostics: the file's rule severities
// override the defaults, reviewed findings are dropped (status accepted or false-alarm; an entry
// without a status is accepted) or kept as information with the review in their message
// (confirmed: to be corrected), every reviewed finding is listed with its entry (the outputs show
// them with status and reason instead of dropping them silently), and a reviewed entry for this report that
// matches no finding any more comes back as a `reviewed-stale` information diagnostic at the top
// of the report (the entry can be deleted). A finding is recognised by its rule and its cell key
// (`cell`), else its row key (`row`), else the fingerprint of the text it covers: the rule and the
// covered lines with white space removed, hashed (FNV-1a, 8 hex digits). So a reviewed prose
// finding comes back when that prose changes, and a reviewed cell stays silenced whatever the
// cell holds. Pure; used by the CLI and the language server alike.

import { RULE_BY_ID, type Diagnostic, type Localized, type Range, type Severity } from '../core/index.js';
import type { ProjectConfig, ReviewedEntry, ReviewStatus } from './load.js';

/** The rule id of the diagnostic a stale reviewed entry gives. */
export const REVIEWED_STALE = 'reviewed-stale' as const;

/** What the matcher reads of a diagnostic (the core's; `cell` and `row` once they carry them). */
export interface Checkable {
  rule: string;
  severity: Severity;
  range: Range;
  cell?: string;
  row?: string;
  /** The message, when the caller wants a confirmed finding's to say so (see reviewMessage). */
  message?: Localized;
}

/** The report being checked: its path relative to the config file's folder, and its lines. */
export interface ReportTarget {
  file: string;
  lines: readonly string[] | { line(i: number): string; readonly lineCount: number };
}

export interface Applied<T> {
  /** Still reported: unreviewed findings, and confirmed ones (as information, their message saying so). */
  kept: T[];
  /** Findings that are no longer reported (accepted or false alarm). */
  silencedCount: number;
  /** Every finding an entry matched (confirmed ones too), as it was before the config, with its entry. */
  reviewed: { d: T; entry: ReviewedEntry; index: number }[];
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
  const reviewed: Applied<T>['reviewed'] = [];
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
      reviewed.push({ d, entry: hit.entry, index: hit.index });
      if (statusOf(hit.entry) === 'confirmed') {
        kept.push({ ...d, severity: 'information', ...(d.message ? { message: reviewMessage(d.message, hit.entry) } : {}) });
        continue;
      }
      silencedCount++;
      continue;
    }
    kept.push(severity && severity !== d.severity ? { ...d, severity } : d);
  }
  // An entry whose rule is switched off is not stale: its finding is not looked for.
  // An entry whose rule is switched off, or with reviewed-stale itself off, is not reported stale.
  const staleReviewed = config.severity[REVIEWED_STALE] === 'off' ? [] : mine.filter((x) => !used.has(x.index) && config.severity[x.entry.rule] !== 'off');
  return { kept, silencedCount, reviewed, staleReviewed };
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

/** An entry's status (`accepted` when the file gives none). */
export function statusOf(e: ReviewedEntry): ReviewStatus {
  return e.status ?? 'accepted';
}

/** Does this entry settle its finding (accepted or false alarm: no longer reported, not to be fixed)? */
export function settles(e: ReviewedEntry): boolean {
  return statusOf(e) !== 'confirmed';
}

const STATUS_TEXT: Record<ReviewStatus, Localized> = {
  confirmed: { zh: '已确认，待改正', en: 'confirmed, to be corrected' },
  accepted: { zh: '已审核，按原样接受', en: 'reviewed, accepted as is' },
  'false-alarm': { zh: '已审核，误报', en: 'reviewed, a false alarm' },
};

/** A status in words, in both languages. */
export function statusText(status: ReviewStatus): Localized {
  return STATUS_TEXT[status];
}

/** A finding's message with its review after it: `…（已确认，待改正：原因）`. */
export function reviewMessage(message: Localized, e: ReviewedEntry): Localized {
  const st = statusText(statusOf(e));
  return {
    zh: `${message.zh}（${st.zh}${e.reason ? `：${e.reason}` : ''}）`,
    en: `${message.en} (${st.en}${e.reason ? `: ${e.reason}` : ''})`,
  };
}

/**
 * What the fixes must leave alone in one report: the cell keys of its findings settled as accepted
 * or false alarm (a derived cell someone accepted as written is never recomputed), and whether a
 * finding of `rule` at `cell` is settled (its inlay hint and recompute offer are not shown).
 */
export interface Settled {
  cells: ReadonlySet<string>;
  has(rule: string, cell: string | undefined): boolean;
}

export const NOTHING_SETTLED: Settled = { cells: new Set(), has: () => false };

export function settledIn(config: ProjectConfig, file: string): Settled {
  const f = normalizePath(file);
  const mine = (entriesByFile(config).get(f) ?? []).map((x) => x.entry).filter((e) => e.cell && settles(e));
  if (!mine.length) return NOTHING_SETTLED;
  const pairs = new Set(mine.map((e) => `${e.rule} ${e.cell}`));
  return { cells: new Set(mine.map((e) => e.cell!)), has: (rule, cell) => !!cell && pairs.has(`${rule} ${cell}`) };
}

/** What a review says besides the finding: status, reason, who and when. */
export interface Review {
  status: ReviewStatus;
  reason: string;
  reviewer?: string;
  date?: string;
}

/** The entry that records `d` as reviewed (cell, else row, else fingerprint), in the file's key order. */
export function reviewedEntry(d: Checkable, target: ReportTarget, review: Review | string = ''): ReviewedEntry {
  const r: Review = typeof review === 'string' ? { status: 'accepted', reason: review } : review;
  const e: ReviewedEntry = { rule: d.rule, file: normalizePath(target.file) } as ReviewedEntry;
  if (d.cell) e.cell = d.cell;
  else if (d.row) e.row = d.row;
  else e.fingerprint = fingerprint(d, target.lines);
  e.status = r.status;
  e.reason = r.reason;
  if (r.reviewer) e.reviewer = r.reviewer;
  if (r.date) e.date = r.date;
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
