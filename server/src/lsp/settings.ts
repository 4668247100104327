// The settings a client may send (workspace/configuration section `disclosureReport`).
// Missing or empty values mean the defaults: never "everything off".
export type SeverityOverride = 'error' | 'warning' | 'information' | 'hint' | 'off';

export interface Settings {
  /** Per-rule severity override, keyed by rule id. */
  severity: Record<string, SeverityOverride>;
  /** Language of messages: `auto` follows the client's locale. */
  locale: 'auto' | 'zh-CN' | 'en';
  /** Delay before diagnostics after an edit, in ms; 0 switches the debounce off. */
  debounceMs: number;
}

export const CONFIG_SECTION = 'disclosureReport';

export const DEFAULT_SETTINGS: Settings = { severity: {}, locale: 'auto', debounceMs: 150 };

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
  if (typeof r.debounceMs === 'number' && Number.isFinite(r.debounceMs) && r.debounceMs >= 0) s.debounceMs = Math.min(r.debounceMs, 5000);
  return s;
}
