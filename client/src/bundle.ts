// The client's message bundles as data (no VS Code here, so tests read them too): English is the
// key itself, Chinese is l10n/bundle.l10n.zh-cn.json (the bundle package.json's `l10n` names).
import zhBundle from '../../l10n/bundle.l10n.zh-cn.json';
import type { Localized } from '../../server/src/protocol';
import type { WriteBackWords } from './writeBackNotice';

export type UiLocale = 'zh-CN' | 'en';
export type Translate = (message: string, ...args: (string | number | boolean)[]) => string;

const ZH: Record<string, string> = zhBundle;

/** `{0}`, `{1}` … replaced by the arguments (vscode.l10n.t's format). */
export function format(template: string, args: readonly (string | number | boolean)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (Number(i) < args.length ? String(args[Number(i)]) : m));
}

/** An English message in `locale`, with its arguments filled in. */
export function translate(locale: UiLocale, message: string, ...args: (string | number | boolean)[]): string {
  return format(locale === 'zh-CN' ? (ZH[message] ?? message) : message, args);
}

/** The strings the preview webview draws with (media/preview.js). */
export function webviewStrings(t: Translate): Record<string, unknown> {
  return {
    expected: t('Should be'),
    formula: t('Formula'),
    blank: t('Blank cell'),
    notNumber: t('Not a number'),
    missing: t('Cell missing in the draft'),
    notFound: t('This table was not found in the draft.'),
    failing: t('{0} failing', '{n}'),
    blanks: t('{0} blank', '{n}'),
    notNumbers: t('{0} not a number', '{n}'),
    missings: t('{0} missing', '{n}'),
    allGood: t('All identities hold'),
    suspect: t('Likely mistyped: should be {0} (that makes the failing totals hold)', '{n}'),
    likelyTypo: t('Likely cause: {0} ({1}) mistyped; {2} would make the totals hold', '{key}', '{written}', '{n}'),
    click: t('Click a cell to show it in the editor.'),
    problem: {
      fullwidth: t('Full-width digits'),
      negative: t('Negative count'),
      fractional: t('Count with decimals'),
      placeholder: t('Placeholder, read as 0'),
      unit: t('Unit or separators, read as the number'),
    },
  };
}

/** The status bar entry's counts and "not fully checked" (client/src/statusView.ts draws with them). */
export function statusStrings(t: Translate) {
  return {
    tooltip: (errors: number, warnings: number) => t('Disclosure report: {0} error(s), {1} warning(s). Click to open the Problems panel.', errors, warnings),
    tooltipClean: () => t('Disclosure report: no problems found. Click to open the Problems panel.'),
    notFully: () => t('not fully checked'),
    tooltipPartial: (detail: string) => t('Disclosure report: no problems found, but not fully checked: {0}. Click to open the Problems panel.', detail),
    notFullyLine: (detail: string) => t('Not fully checked: {0}.', detail),
    spoken: (errors: number, warnings: number) => t('{0} error(s), {1} warning(s)', errors, warnings),
    spokenPartial: (errors: number, warnings: number) => t('{0} error(s), {1} warning(s), not fully checked', errors, warnings),
  };
}

/**
 * The words of "Write fixes back to the .docx" for the file `name` (client/src/writeBackNotice.ts):
 * the notifications name the file; the fixes' output channel's titles do not, as its heading does.
 */
export function writeBackStrings(t: Translate, name: string, pick: (l: Localized) => string): WriteBackWords {
  return {
    written: (n, skipped, why) =>
      skipped ? t('{0}: {1} cell(s) recomputed and written back; {2} could not be written ({3}).', name, n, skipped, why) : t('{0}: {1} cell(s) recomputed and written back.', name, n),
    nothing: () => t('{0}: no total to recompute; nothing written.', name),
    noneWritten: (n, why, cells) => t('{0}: nothing changed: the {1} cell(s) the recompute would change could not be written ({2}): {3}.', name, n, why, cells),
    failed: (why) => t('Could not write the fixes into {0}: {1}', name, why),
    writtenList: (n) => t('{0} cell(s) recomputed and written back', n),
    notWritten: (n) => t('Not written: the {0} cell(s) the recompute would have changed', n),
    skippedList: (n, why) => t('Not written ({0}): {1} cell(s)', why, n),
    join: (names) => names.join(t(', ')),
    pick,
  };
}
