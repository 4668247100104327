// Every runtime string of the client, each through t() (client/src/l10n.ts): the English text is
// the key, its Chinese is in l10n/bundle.l10n.zh-cn.json (test/client-l10n.test.ts holds the two
// together and finds any user-visible string that does not come from here). Functions, not
// values: each is looked up when shown, so a change of `disclosureReport.locale` shows at once.
// Contributed strings (command titles, setting descriptions) live in package.nls*.json instead.
import { webviewStrings } from './bundle';
import { t } from './l10n';

export const msg = {
  clientName: () => t('Disclosure Report Language Server'),
  statusName: () => t('Disclosure Report Problems'),
  noActiveEditor: () => t('Open a report first: there is no active text editor.'),
  switchedTo: (name: string) => t('{0} is now checked as a disclosure report.', name),
  switchedAway: (name: string) => t('{0} is now plain text; it will not be switched back automatically this session.', name),
  notAReport: () => t('The active document is not a disclosure report. Use “Toggle Disclosure Report language” first.'),
  nothingToFix: () => t('No automatic fixes available for this report.'),
  fixApplied: () => t('Applied the automatic fixes.'),
  fixFailed: (reason: string) => t('Could not apply the fixes: {0}', reason),
  editRefused: () => t('the editor refused the edit'),
  restarting: () => t('Restarting the disclosure report language server…'),
  restarted: () => t('The disclosure report language server has restarted.'),
  restartFailed: (reason: string) => t('Could not restart the language server: {0}', reason),
  startFailed: (reason: string) => t('The disclosure report language server failed to start: {0}', reason),
  serverNotRunning: () => t('The disclosure report language server is not running.'),
  noWorkspace: () => t('Open a folder first: there is no workspace to check.'),
  checkingWorkspace: () => t('Checking the disclosure reports in the workspace'),
  checkCancelled: () => t('The workspace check was cancelled.'),
  workspaceChecked: (reports: number, errors: number, warnings: number, notes: number) =>
    t('Checked {0} report(s): {1} error(s), {2} warning(s), {3} note(s). See the Problems panel.', reports, errors, warnings, notes),
  checkFailed: (reason: string) => t('Could not check the workspace: {0}', reason),

  // The table preview.
  previewTitle: (name: string) => t('Tables: {0}', name),
  previewNoReport: () => t('Open a disclosure report to preview its tables.'),
  previewFailed: (reason: string) => t('Could not compute the table preview: {0}', reason),

  // New Disclosure Report.
  newOfficePrompt: () => t('Reporting body (as printed in the title)'),
  newOfficePlaceholder: () => t('e.g. 青禾县数据资源局'),
  newYearPrompt: () => t('Year the report covers'),
  newYearInvalid: () => t('Enter a four-digit year, e.g. 2025'),
  newLayoutPlaceholder: () => t('Table layout'),
  layoutPipes: () => t('Cells separated by “ | ” (aligned)'),
  layoutPipesDetail: () => t('Readable in any editor; Format Document keeps the columns aligned.'),
  layoutTabs: () => t('Cells separated by tabs'),
  layoutTabsDetail: () => t('Pastes into Word, WPS or Excel as table cells.'),
  newFailed: (reason: string) => t('Could not create the draft: {0}', reason),

  // Table layout conversion.
  convertNoTable: () => t('Place the cursor inside a table first.'),
  convertStale: () => t('The document changed meanwhile; run the command again.'),
  convertNothing: () => t('The table is already in that layout.'),
  convertFailed: (reason: string) => t('Could not convert the table: {0}', reason),

  // Drafts of Word documents, web pages and PDFs.
  draftPick: () => t('Choose a Word document, web page or PDF to open as a draft'),
  draftFilters: () => t('Reports'),
  draftFailed: (name: string, why: string) => t('Could not open {0} as a draft: {1}', name, why),
  draftOpened: (name: string) => t('{0} opened as a read-only draft: the text the checker reads, where the findings’ lines and columns point.', name),
  draftReadOnly: (name: string) => t('{0}: fixes cannot be written back into a web page or PDF; fix the document it was made from.', name),
  draftNotDocx: () => t('Open a .docx as a draft first (Open as Disclosure Report draft).'),
  showChanges: () => t('Show changes'),
  draftOnlyFiles: () => t('Only files on disk can be opened as drafts.'),
  draftEditHint: () => t('This draft is read-only. To change the report, edit the Word document (or write the recomputed totals back with “Write fixes back to the .docx”).'),
  // The page shown when a .docx or .pdf is opened in the editor (double-click).
  sourcePageTitle: (name: string) => t('{0} — disclosure report', name),
  sourcePageHeading: (name: string, pdf: boolean) => (pdf ? t('{0} is a PDF, which VS Code cannot show as text.', name) : t('{0} is a Word document, which VS Code cannot show as text.', name)),
  sourcePageBody: () => t('The checker reads its text: open that text as a read-only draft to see the findings of Check All Reports at their lines, with hover, outline and the table preview.'),
  sourcePageButton: () => t('Open as draft'),
  sourcePageOther: () => t('To open the file with another editor, use “Reopen Editor With…”.'),
};

/** The strings the preview webview draws with (media/preview.js), in the client's language now. */
export const previewStrings = (): Record<string, unknown> => webviewStrings(t);
