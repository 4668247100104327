// Settings handling. A client may push settings (`workspace/didChangeConfiguration` with
// `{ settings: { disclosureReport: {...} } }`) or answer `workspace/configuration` per document;
// neither is required: missing or empty settings mean the defaults. The message language is the
// `locale` setting, else `initializationOptions.locale`, else the `initialize` params' locale,
// else Chinese.

import { DidChangeConfigurationNotification } from 'vscode-languageserver/node';
import { RULE_BY_ID, resolveLocale, type Locale, type RuleId, type Severity } from '../core/index.js';
import { guardNotification, type ServerContext } from './context.js';
import { CONFIG_SECTION, normalizeSettings, type Settings } from './settings.js';

export class SettingsStore {
  /** Settings pushed by the client (or the defaults). */
  private pushed: Settings = normalizeSettings(undefined);
  private perUri = new Map<string, Promise<Settings>>();
  private listeners: (() => void)[] = [];
  /** Bumped on every configuration change: part of pull-diagnostic result ids. */
  generation = 0;

  constructor(private ctx: ServerContext) {}

  /** The settings for one document (pulled per resource when the client can, cached). */
  get(uri: string): Promise<Settings> {
    if (!this.ctx.client.configuration) return Promise.resolve(this.pushed);
    let p = this.perUri.get(uri);
    if (!p) {
      p = this.ctx.connection.workspace
        .getConfiguration({ scopeUri: uri, section: CONFIG_SECTION })
        .then((raw: unknown) => (raw === null || raw === undefined ? this.pushed : normalizeSettings(raw)))
        .catch((err: unknown) => {
          this.ctx.log.error(`workspace/configuration for ${uri} failed; using the pushed settings or the defaults`, err);
          return this.pushed;
        });
      this.perUri.set(uri, p);
    }
    return p;
  }

  /** The message language for these settings. */
  locale(s: Settings): Locale {
    if (s.locale === 'zh-CN' || s.locale === 'en') return s.locale;
    return resolveLocale(this.ctx.client.initLocale);
  }

  /** A rule's severity after the user's override; `off` drops its diagnostics. */
  severity(rule: RuleId, s: Settings): Severity | 'off' {
    return s.severity[rule] ?? RULE_BY_ID.get(rule)?.severity ?? 'warning';
  }

  onDidChange(l: () => void): void {
    this.listeners.push(l);
  }

  forget(uri: string): void {
    this.perUri.delete(uri);
  }

  changed(raw: unknown): void {
    const section = raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[CONFIG_SECTION] : undefined;
    // `{ settings: null }` (a client that wants to be asked) keeps what was pushed before.
    if (raw !== null && raw !== undefined) this.pushed = normalizeSettings(section);
    this.perUri.clear();
    this.generation++;
    for (const l of this.listeners) {
      try {
        l();
      } catch (err) {
        this.ctx.log.error('settings listener failed', err);
      }
    }
  }
}

export function register(ctx: ServerContext): void {
  ctx.connection.onDidChangeConfiguration(guardNotification(ctx, 'didChangeConfiguration', (p) => ctx.settings.changed(p?.settings)));
  ctx.documents.onDidClose((uri) => ctx.settings.forget(uri));
  ctx.onInitialized(async () => {
    // A client that pulls settings learns of changes only if the server asks to be told.
    if (ctx.client.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration) {
      await ctx.connection.client.register(DidChangeConfigurationNotification.type, { section: CONFIG_SECTION });
    }
  });
}
