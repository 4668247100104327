// Rule thresholds: `"thresholds": { "prose-copied": 50 }` in `.disclosure-report.json`, and the
// editor setting `disclosureReport.thresholds` of the same shape — a percentage (0–100) for each
// rule that reports a share above a threshold. The config file wins over the setting, as for
// severities; neither: the rule's default.

import { COPIED_DEFAULTS, type Localized } from '../core/index.js';

/** The rules with a threshold, and its default (a share in [0, 1]). */
export const THRESHOLD_DEFAULTS = { 'prose-copied': COPIED_DEFAULTS.threshold } as const;
export type ThresholdRule = keyof typeof THRESHOLD_DEFAULTS;
export type Thresholds = Partial<Record<ThresholdRule, number>>;

const isThresholdRule = (k: string): k is ThresholdRule => Object.prototype.hasOwnProperty.call(THRESHOLD_DEFAULTS, k);
export const isPercent = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 100;

/** Reads a `thresholds` object; each entry that is wrong is said (`problem`, at its key) and dropped. */
export function readThresholds(raw: unknown, problem: (key: string | null, message: Localized) => void): Thresholds {
  const out: Thresholds = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
    problem(null, { zh: 'thresholds 应为对象：规则 → 百分比（0–100）', en: 'thresholds must be an object: rule → percentage (0–100)' });
    return out;
  }
  const known = Object.keys(THRESHOLD_DEFAULTS).join('、');
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (!isThresholdRule(k)) problem(k, { zh: `规则 "${k}" 没有阈值，已忽略（有阈值的规则：${known}）`, en: `the rule "${k}" has no threshold, ignored (rules with one: ${known.replaceAll('、', ', ')})` });
    else if (!isPercent(v)) problem(k, { zh: `${k} 的阈值应为 0 到 100 之间的百分比`, en: `the threshold of ${k} must be a percentage from 0 to 100` });
    else out[k] = v;
  }
  return out;
}

/** A rule's threshold as a share in [0, 1]: the config file's, else the setting's, else the default. */
export function thresholdOf(rule: ThresholdRule, config?: Thresholds, setting?: Thresholds): number {
  const pct = config?.[rule] ?? setting?.[rule];
  return pct === undefined ? THRESHOLD_DEFAULTS[rule] : pct / 100;
}
