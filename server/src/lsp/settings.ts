// The settings a client may send (section `disclosureReport`), and the store that answers "which
// settings hold for this document". A client may push settings (`workspace/didChangeConfiguration`
// with `{ settings: { disclosureReport: {...} } }`) or answer `workspace/configuration` per
// document; neither is required: missing or empty settings mean the defaults, never "all off".
// The message language is the `locale` setting, else `initializationOptions.locale`, else the
// `initialize` params' locale, else Chinese.

import { RULE_BY_ID, resolveLocale, type Locale, type RuleId, type Severity } from '../core/index.js';
import { readThresholds, type Thresholds } from '../config/index.js';
import { SETTINGS_SECTION } from '../protocol.js';
import type { Logger } from './guard.js';

export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Settings {
  /** Per-rule severity override, keyed by rule id. */
  severity: Record<string, SeverityOverride>;
  /** Language of messages: `auto` follows the client's locale. */
  locale: 'auto' | 'zh-CN' | 'en';
  /** Delay before diagnostics after an edit, in ms; 0 switches the debounce off. */
  debounceMs: number;
  /** Last year's report: a path relative to the workspace folder, or absolute; '' finds it by office and year. */
  previousReport?: string;
  /** At most this many diagnostics per document are published (absent: DEFAULT_MAX_DIAGNOSTICS). */
  maxDiagnostics?: number;
  /** Rule thresholds, percentages (config/thresholds.ts); the config file's win. */
  thresholds?: Thresholds;
}

/** The cap on one document's diagnostics: a file of hundreds of reports pasted together stays light. */
export const DEFAULT_MAX_DIAGNOSTICS = 1000;

export const DEFAULT_SETTINGS: Settings = { severity: {}, locale: 'auto', debounceMs: 150, previousReport: '', maxDiagnostics: DEFAULT_MAX_DIAGNOSTICS };

const SEVERITIES = new Set(['error', 'warning', 'information', 'hint', 'off']);

/** Merges whatever a client sent over the defaults, ignoring malformed values. */
export function normalizeSettings(raw: unknown): Settings {
  const s: Settings = { ...DEFAULT_SETTINGS, severity: {} };
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  if (r.severity && typeof r.severity === 'object') {
    for (const [k, v] of Object.entries(r.severity as Record<string, unknown>)) {
      if (typeof v === 'string' && SEVERITIES.has(v)) s.severity[k] = v as SeverityOverride;
    }
  }
  if (r.locale === 'zh-CN' || r.locale === 'en' || r.locale === 'auto') s.locale = r.locale;
  if (typeof r.previousReport === 'string') s.previousReport = r.previousReport.trim();
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) && r.debounceMs >= 0) s.debounceMs = Math.min(r.debounceMs, 5000);
  if (r.thresholds !== undefined) s.thresholds = readThresholds(r.thresholds, () => {});
  if (typeof r.maxDiagnostics === 'number' && Number.isFinite(r.maxDiagnostics) && r.maxDiagnostics >= 1) s.maxDiagnostics = Math.min(Math.floor(r.maxDiagnostics), 100000);
  return s;
}

/** The message language for these settings, given the locale the client announced. */
export function localeFor(s: Settings, clientLocale: string | undefined): Locale {
  if (s.locale === 'zh-CN' || s.locale === 'en') return s.locale;
  return resolveLocale(clientLocale);
}

/**
 * A rule's severity after the user's override; `off` drops its diagnostics. Without an override,
 * `own` (the severity the core gave this diagnostic: enumeration-sum's repeated category is
 * information) or else the rule's default.
 */
export function severityFor(rule: RuleId, s: Settings, own?: Severity): Severity | 'off' {
  return s.severity[rule] ?? own ?? RULE_BY_ID.get(rule)?.severity ?? 'warning';
}

/** What the store needs of the server: whether and how to ask the client, and where to log. */
export interface SettingsSource {
  /** The client answers `workspace/configuration` (read lazily: known after `initialize`). */
  canPull(): boolean;
  pull(uri: string): Promise<unknown>;
  /** `initializationOptions.locale`, then the `initialize` params' `locale`. */
  clientLocale(): string | undefined;
  log: Logger;
}

export class SettingsStore {
  /** Settings pushed by the client (or the defaults). */
  private pushed: Settings = normalizeSettings(undefined);
  private perUri = new Map<string, Promise<Settings>>();
  private listeners: (() => void)[] = [];
  /** Bumped on every configuration change: part of pull-diagnostic result ids. */
  generation = 0;

  constructor(private source: SettingsSource) {}

  /** The settings for one document (pulled per resource when the client can, cached). */
  get(uri: string): Promise<Settings> {
    if (!this.source.canPull()) return Promise.resolve(this.pushed);
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.source
        .pull(uri)
        .then((raw: unknown) => (raw === null || raw === undefined ? this.pushed : normalizeSettings(raw)))
        .catch((err: unknown) => {
          this.source.log.error(`workspace/configuration for ${uri} failed; using the pushed settings or the defaults`, err);
          return this.pushed;
        });
      this.perUri.set(uri, p);
    }
    return p;
  }

  /** The message language for these settings. */
  locale(s: Settings): Locale {
    return localeFor(s, this.source.clientLocale());
  }

  /** A rule's severity after the user's override; `off` drops its diagnostics. */
  severity(rule: RuleId, s: Settings, own?: Severity): Severity | 'off' {
    return severityFor(rule, s, own);
  }

  onDidChange(l: () => void): void {
    this.listeners.push(l);
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  /** `workspace/didChangeConfiguration`'s `settings`: the whole object, section inside. */
  changed(raw: unknown): void {
    const section = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[SETTINGS_SECTION] : undefined;
    // `{ settings: null }` (a client that wants to be asked) keeps what was pushed before.
    if (raw !== null && raw !== undefined) this.pushed = normalizeSettings(section);
    this.perUri.clear();
    this.generation++;
    for (const l of this.listeners) {
      try {
        l();
      } catch (err) {
        this.source.log.error('settings listener failed', err);
      }
    }
  }
}
