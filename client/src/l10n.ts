// The language of everything the client shows. Strings go through vscode.l10n (package.json
// `l10n`: l10n/bundle.l10n.<language>.json, keyed by the English text), which follows VS Code's
// display language; the setting `disclosureReport.locale` (`zh-CN` / `en`) overrides it, as it
// does for the server's messages: then the client picks from its own bundles. Read at the moment a
// string is shown, so a change of the setting shows at the next message without a reload.
// Contributed strings (command titles, settings) are package.nls.*.json's, which VS Code picks by
// the display language alone.
import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../server/src/protocol';
import { translate, type UiLocale } from './bundle';

export type { UiLocale };

/** `disclosureReport.locale` as set (`auto` unless zh-CN or en). */
function setting(): 'auto' | UiLocale {
  const v = vscode.workspace.getConfiguration(SETTINGS_SECTION).get<string>('locale');
  return v === 'zh-CN' || v === 'en' ? v : 'auto';
}

/** The language the client speaks now: the setting, else VS Code's display language (zh* → Chinese). */
export function uiLocale(): UiLocale {
  const s = setting();
  if (s !== 'auto') return s;
  return vscode.env.language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The translation of an English message (a key of the bundles), with its arguments filled in. */
export function t(message: string, ...args: (string | number | boolean)[]): string {
  const s = setting();
  // Following the display language: VS Code's own bundle when it loaded one for it.
  if (s === 'auto' && vscode.l10n.bundle) return vscode.l10n.t(message, ...args);
  return translate(uiLocale(), message, ...args);
}

/** A message the server sent in both languages, in the client's. */
export function pick(l: { zh: string; en: string }): string {
  return uiLocale() === 'zh-CN' ? l.zh : l.en;
}

/** Runs `listener` when `disclosureReport.locale` changes. */
export function onDidChangeLocale(listener: () => void): vscode.Disposable {
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SETTINGS_SECTION}.locale`)) listener();
  });
}
