// Runtime strings of the review loop (Mark as reviewed, the Findings view, its export, the list of
// what fixes changed), each through t() (client/src/l10n.ts: vscode.l10n, or the bundles
// themselves when `disclosureReport.locale` overrides the display language; the Chinese is in
// l10n/bundle.l10n.zh-cn.json). Getters: each string is looked up when it is shown.
import type { ReviewStatus } from '../../server/src/protocol';
import { t } from './l10n';

const reviewMessages = {
  get statusTitle() {
    return t('Mark as reviewed: what is this finding?');
  },
  get status(): Record<ReviewStatus, { label: string; detail: string }> {
    return {
      confirmed: { label: t('Confirmed — to be corrected'), detail: t('A real error: the office must correct it. It stays in Problems, as information, with your reason.') },
      accepted: { label: t('Accepted as is'), detail: t('Right as written (e.g. the original table says so). No longer reported; its hint and recompute are gone.') },
      'false-alarm': { label: t('False alarm'), detail: t('The checker is wrong here. No longer reported; its hint and recompute are gone.') },
    };
  },
  get statusShort(): Record<ReviewStatus, string> {
    return { confirmed: t('confirmed, to be corrected'), accepted: t('accepted as is'), 'false-alarm': t('false alarm') };
  },
  get reasonTitle() {
    return t('Mark as reviewed: the reason');
  },
  reasonPrompt: (status: string) => t('Why is it “{0}”? (recorded in .disclosure-report.json; may be empty)', status),
  get reasonPlaceholder() {
    return t('e.g. the published table says 19; corrected by the office on 3 March');
  },
  reviewed: (status: string, file: string) => t('Recorded as “{0}” in {1}.', status, file),
  reviewFailed: (why: string) => t('Could not record the review: {0}', why),
  get editRefused() {
    return t('the editor refused the edit');
  },
  get notChecked() {
    return t('The report was opened, but its findings are not in yet; try again in a moment.');
  },
  get fixesChannel() {
    return t('Disclosure Report Fixes');
  },
  fixesApplied: (n: number, file: string) => t('{0}: {1} change(s) applied.', file, n),
  get showChanges() {
    return t('Show changes');
  },
  get noFindings() {
    return t('No findings. Open a report, or run “Check All Reports in Workspace”.');
  },
  reportLabel: (office: string, year: number | undefined, file: string) => (office ? (year ? t('{0} {1}', office, year) : office) : file),
  counts: (errors: number, warnings: number, notes: number, reviewed: number) =>
    [errors && t('{0} error(s)', errors), warnings && t('{0} warning(s)', warnings), notes && t('{0} note(s)', notes), reviewed && t('{0} reviewed', reviewed)].filter(Boolean).join(t(', ')) || t('no findings'),
  reviewedBy: (who: string, date: string) => [who, date].filter(Boolean).join(t(', ')),
  exportTitle: (format: string) => t('Export the findings as {0}', format),
  exported: (n: number, file: string) => t('Exported {0} finding(s) to {1}.', n, file),
  get open() {
    return t('Open');
  },
  exportFailed: (why: string) => t('Could not export the findings: {0}', why),
  get serverNotRunning() {
    return t('The disclosure report language server is not running.');
  },
  get csvFilter() {
    return t('CSV (Excel, WPS)');
  },
  get sarifFilter() {
    return t('SARIF 2.1.0');
  },
};

export type ReviewMessages = typeof reviewMessages;

/** The review strings, in the client's language at the moment each is read (the argument is kept for callers; the language is l10n.ts's). */
export function reviewMessagesFor(_language?: string | undefined): ReviewMessages {
  return reviewMessages;
}
