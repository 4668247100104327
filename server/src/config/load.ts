// The workspace configuration file `.disclosure-report.json`, shared by the CLI and the language
// server: rule severities, rule thresholds and reviewed findings. Plain JSON (no comments: the
// file is what `JSON.parse` reads, and VS Code validates it against
// schemas/disclosure-report.schema.json); every problem is reported with its 0-based line and character, and a problem in one entry
// drops only that entry. Pure: no file system here (find.ts reads the file through the runtime).

import { parse, printParseErrorCode, visit as visitTree, type ParseError } from 'jsonc-parser';
import { RULE_BY_ID, type Localized } from '../core/index.js';
import { readThresholds, type Thresholds } from './thresholds.js';

/** The file's name; found from a checked file's folder upward (find.ts). */
export const CONFIG_FILE = '.disclosure-report.json';

/** The largest config file read (20,000 reviewed entries take about 3 MB). */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/** At most this many problems are listed for one file; one more says how many were left out. */
export const MAX_CONFIG_PROBLEMS = 100;

export type ConfigSeverity = 'error' | 'warning' | 'information' | 'hint' | 'off';
const SEVERITIES = new Set<string>(['error', 'warning', 'information', 'hint', 'off']);

/**
 * What the reviewer decided: `confirmed` (a real error, to be corrected: still reported, as
 * information), `accepted` (right as it stands) or `false-alarm` (the checker is wrong here): the
 * last two are no longer reported. An entry written before statuses existed reads as `accepted`.
 */
export type ReviewStatus = 'confirmed' | 'accepted' | 'false-alarm';
export const REVIEW_STATUSES: readonly ReviewStatus[] = ['confirmed', 'accepted', 'false-alarm'];

/** One finding someone reviewed: its status, why, who and when. */
export interface ReviewedEntry {
  rule: string;
  /** The report's path relative to the config file's folder, with `/`. */
  file: string;
  /** The cell key of a finding about one cell (`t3.new.total`). */
  cell?: string;
  /** The row key of a finding about a whole row (`t3.denied2`). */
  row?: string;
  /** For a finding without a cell or row: a short hash of the rule and the text it covers (see apply.ts). */
  fingerprint?: string;
  /** Absent in the file: `accepted` (what every entry meant before statuses). Always set once read. */
  status?: ReviewStatus;
  reason: string;
  /** Who reviewed (git user.name or the OS user), when the file says. */
  reviewer?: string;
  /** When (ISO 8601, `2026-03-01`), when the file says. */
  date?: string;
}

export interface ProjectConfig {
  severity: Record<string, ConfigSeverity>;
  reviewed: ReviewedEntry[];
  /** Percentages (0–100) by rule (thresholds.ts), when the file gives any. */
  thresholds?: Thresholds;
}

export interface ConfigProblem {
  /** 0-based, UTF-16 (as LSP counts). */
  line: number;
  character: number;
  message: Localized;
  /** A syntax error: nothing of the file was used. */
  fatal: boolean;
}

export interface LoadedConfig {
  config: ProjectConfig;
  problems: ConfigProblem[];
  /** Where each entry of `config.reviewed` starts in the file (0-based), in the same order. */
  reviewedAt: { line: number; character: number }[];
}

const noEntries: ReviewedEntry[] = [];
const noSeverities: Record<string, ConfigSeverity> = {};
// Frozen in place (Object.freeze's result type would be readonly): the one empty config is shared.
Object.freeze(noEntries);
Object.freeze(noSeverities);
export const EMPTY_CONFIG: ProjectConfig = Object.freeze({ severity: noSeverities, reviewed: noEntries });

/** Is `id` a rule the checker knows (the core's rules and the cross-year ones)? */
export function knownRule(id: string): boolean {
  return RULE_BY_ID.has(id as never);
}

/**
 * Positions of many offsets in one text in linear time: the line starts found once, each offset's
 * line by binary search (positionAt per entry, from the start each time, made 20,000 reviewed
 * entries cost 70 s).
 */
export function positionsIn(text: string): (offset: number) => { line: number; character: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13 || c === 10) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return (offset) => {
    const o = Math.max(0, Math.min(offset, text.length));
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - starts[lo] };
  };
}

/** 0-based line and character of `offset` in `text` (lines split at \n, \r\n or \r): for one offset; positionsIn for many. */
export function positionAt(text: string, offset: number): { line: number; character: number } {
  return positionsIn(text)(offset);
}

/** Reads the file's text (a leading BOM is allowed). Never throws. */
export function parseConfig(text: string): LoadedConfig {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const shift = src === text ? 0 : 1;
  const problems: ConfigProblem[] = [];
  const position = positionsIn(text);
  let untold = 0;
  const at = (offset: number, message: Localized, fatal = false) => {
    if (problems.length < MAX_CONFIG_PROBLEMS) problems.push({ ...position(offset + shift), message, fatal });
    else untold++;
  };
  const told = () => {
    if (untold) problems.push({ line: 0, character: 0, message: { zh: `另有 ${untold} 个问题未列出`, en: `${untold} more problems not listed` }, fatal: false });
    return problems;
  };
  const errors: ParseError[] = [];
  const raw: unknown = parse(src, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: true });
  if (errors.length) {
    for (const e of errors.slice(0, 5)) {
      const code = printParseErrorCode(e.error);
      at(e.offset, { zh: `JSON 语法错误（${code}）：整个配置文件未使用`, en: `JSON syntax error (${code}): the configuration file was not used` }, true);
    }
    return { config: { severity: {}, reviewed: [] }, problems: told(), reviewedAt: [] };
  }
  const reviewedAt: { line: number; character: number }[] = [];
  const config: ProjectConfig = { severity: {}, reviewed: [] };
  if (raw === undefined) return { config, problems: told(), reviewedAt };
  // Positions of values, for the messages: found again by a second, tree-building parse.
  const offsets = valueOffsets(src);
  const offsetOf = (path: string) => offsets.get(path) ?? 0;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    at(0, { zh: '配置应为一个 JSON 对象', en: 'the configuration must be a JSON object' }, true);
    return { config, problems: told(), reviewedAt };
  }
  const obj = raw as Record<string, unknown>;
  for (const key of Object.keys(obj)) {
    if (key !== 'severity' && key !== 'reviewed' && key !== 'thresholds' && key !== '$schema') at(offsetOf(`/${key}`), { zh: `未知字段 "${key}"（可用：severity、reviewed、thresholds）`, en: `unknown field "${key}" (known: severity, reviewed, thresholds)` });
  }
  if (obj.thresholds !== undefined) {
    const thresholds = readThresholds(obj.thresholds, (k, message) => at(offsetOf(k === null ? '/thresholds' : `/thresholds/${k}`), message));
    if (Object.keys(thresholds).length) config.thresholds = thresholds;
  }
  if (obj.severity !== undefined) readSeverity(obj.severity, config, at, offsetOf);
  if (obj.reviewed !== undefined) readReviewed(obj.reviewed, config, at, offsetOf, (offset) => reviewedAt.push(position(offset + shift)));
  return { config, problems: told(), reviewedAt };
}

type Tell = (offset: number, message: Localized) => void;

/** `severity`: rule → error|warning|information|hint|off, into `config.severity`; the rest told. */
function readSeverity(value: unknown, config: ProjectConfig, at: Tell, offsetOf: (path: string) => number): void {
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    at(offsetOf('/severity'), { zh: 'severity 应为对象：规则 → error|warning|information|hint|off', en: 'severity must be an object: rule → error|warning|information|hint|off' });
    return;
  }
  for (const [rule, v] of Object.entries(value as Record<string, unknown>)) {
    const where = offsetOf(`/severity/${rule}`);
    if (!knownRule(rule)) at(where, { zh: `未知规则 "${rule}"，已忽略`, en: `unknown rule "${rule}", ignored` });
    else if (typeof v !== 'string' || !SEVERITIES.has(v)) at(where, { zh: `规则 ${rule} 的级别应为 error、warning、information、hint 或 off`, en: `the severity of ${rule} must be error, warning, information, hint or off` });
    else config.severity[rule] = v as ConfigSeverity;
  }
}

/** `reviewed`: each usable entry into `config.reviewed` (`kept` told where it starts), the rest told. */
function readReviewed(value: unknown, config: ProjectConfig, at: Tell, offsetOf: (path: string) => number, kept: (offset: number) => void): void {
  if (!Array.isArray(value)) {
    at(offsetOf('/reviewed'), { zh: 'reviewed 应为数组', en: 'reviewed must be an array' });
    return;
  }
  value.forEach((e, i) => {
    const where = offsetOf(`/reviewed/${i}`);
    const entry = readEntry(e);
    if (typeof entry === 'string') at(where, { zh: `reviewed 第 ${i + 1} 条已忽略：${entry}`, en: `reviewed entry ${i + 1} ignored: ${ENTRY_PROBLEMS_EN[entry] ?? entry}` });
    else {
      config.reviewed.push(entry);
      kept(where);
    }
  });
}

/** Where every element of `reviewed` starts (valid or not), in file order. */
export function reviewedPositions(text: string): { line: number; character: number }[] {
  const shift = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const offsets = valueOffsets(text.slice(shift));
  const position = positionsIn(text);
  const out: { line: number; character: number }[] = [];
  for (let i = 0; offsets.has(`/reviewed/${i}`); i++) out.push(position(offsets.get(`/reviewed/${i}`)! + shift));
  return out;
}

const ENTRY_PROBLEMS_EN: Record<string, string> = {
  '应为对象': 'not an object',
  '缺少 rule': 'rule is missing',
  '缺少 file': 'file is missing',
  '需要 cell、row 或 fingerprint 之一': 'needs one of cell, row or fingerprint',
  'cell、row、fingerprint、reason 应为字符串': 'cell, row, fingerprint and reason must be strings',
  'status 应为 confirmed、accepted 或 false-alarm': 'status must be confirmed, accepted or false-alarm',
  'reviewer、date 应为字符串': 'reviewer and date must be strings',
};

function readEntry(e: unknown): ReviewedEntry | string {
  if (!e || typeof e !== 'object' || Array.isArray(e)) return '应为对象';
  const x = e as Record<string, unknown>;
  if (typeof x.rule !== 'string' || !x.rule) return '缺少 rule';
  if (typeof x.file !== 'string' || !x.file) return '缺少 file';
  for (const k of ['cell', 'row', 'fingerprint', 'reason'] as const) if (x[k] !== undefined && typeof x[k] !== 'string') return 'cell、row、fingerprint、reason 应为字符串';
  if (!x.cell && !x.row && !x.fingerprint) return '需要 cell、row 或 fingerprint 之一';
  if (x.status !== undefined && !REVIEW_STATUSES.includes(x.status as ReviewStatus)) return 'status 应为 confirmed、accepted 或 false-alarm';
  for (const k of ['reviewer', 'date'] as const) if (x[k] !== undefined && typeof x[k] !== 'string') return 'reviewer、date 应为字符串';
  const out: ReviewedEntry = { rule: x.rule, file: x.file, status: (x.status as ReviewStatus | undefined) ?? 'accepted', reason: (x.reason as string | undefined) ?? '' };
  if (x.cell) out.cell = x.cell as string;
  if (x.row) out.row = x.row as string;
  if (x.fingerprint) out.fingerprint = x.fingerprint as string;
  if (x.reviewer) out.reviewer = x.reviewer as string;
  if (x.date) out.date = x.date as string;
  return out;
}

/** JSON-pointer-like paths (`/reviewed/0`, `/severity/cell-blank`) → the offset of their key or value. */
function valueOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  const stack: (string | number)[] = [];
  const arrayIndex: number[] = [];
  const path = () => '/' + stack.join('/');
  const element = (offset: number) => {
    // A value inside an array: its index is the next one.
    if (arrayIndex.length && stack.length && typeof stack[stack.length - 1] === 'number') {
      const i = arrayIndex[arrayIndex.length - 1]++;
      stack[stack.length - 1] = i;
      if (!out.has(path())) out.set(path(), offset);
    }
  };
  visitTree(text, {
    onObjectBegin: (offset) => {
      element(offset);
      stack.push('');
    },
    onObjectProperty: (name, offset) => {
      stack[stack.length - 1] = name;
      out.set(path(), offset);
    },
    onObjectEnd: () => void stack.pop(),
    onArrayBegin: (offset) => {
      element(offset);
      stack.push(-1);
      arrayIndex.push(0);
    },
    onArrayEnd: () => {
      stack.pop();
      arrayIndex.pop();
    },
    onLiteralValue: (_v, offset) => element(offset),
  });
  return out;
}
