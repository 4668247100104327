// Localised text: every user-facing sentence of the core is a `Localized` pair, and the locale
// (from the editor or a flag) picks one half at the edge.

export type Locale = 'zh-CN' | 'en';

export interface Localized {
  zh: string;
  en: string;
}

export function pick(text: Localized, locale: Locale): string {
  return locale === 'en' ? text.en : text.zh;
}

/** Any locale string from an editor or a flag → one we have ('zh*' → Chinese, else English). */
export function resolveLocale(raw: string | undefined | null, fallback: Locale = 'zh-CN'): Locale {
  if (!raw) return fallback;
  const l = raw.toLowerCase();
  if (l.startsWith('zh')) return 'zh-CN';
  return 'en';
}

/** A path's or URI's file name, as a message names another report (a URI's name decoded). */
export function fileName(path: string): string {
  const last = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1) || path;
  try {
    return /^[a-z][a-z0-9+.-]+:/i.test(path) ? decodeURIComponent(last) : last;
  } catch {
    return last;
  }
}

/** A passage of prose quoted in a message, cut at `max` characters. */
export const quote = (s: string, max = 40): string => (s.length > max ? s.slice(0, max) + '……' : s);
