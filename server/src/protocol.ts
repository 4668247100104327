// The names the VS Code client (client/src) and the language server (server/src/lsp) share, in
// one place, so that the two sides cannot drift apart: the language id, the diagnostic source,
// the settings section, the command ids and the fix-all code action kind. package.json spells
// some of them again (contributes.languages, commands, configuration); test/protocol.test.ts
// holds package.json to these values. No imports: both bundles take this file as it is.

/** The language id of a report document (package.json `contributes.languages`). */
export const LANGUAGE_ID = 'disclosure-report';

/** `source` of every diagnostic the server publishes (and the CLI's JSON `rule` ids belong to). */
export const DIAGNOSTIC_SOURCE = 'disclosure-report';

/**
 * Node options the language server is started with (by the VS Code client; other clients are
 * told in the README): a young generation of at most 1 MB per semi-space. Left to grow (16 MB
 * by default), the heap keeps about twice the memory per open report for the garbage of
 * parsing; capped, an edit is as fast (bench d and b measure the server started so).
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=1'];

/** The settings section (`disclosureReport.severity`, `.locale`, `.debounceMs`, `.trace.server`). */
export const SETTINGS_SECTION = 'disclosureReport';

/** The code action kind of "recompute every total of the document" (what `--fix` does). */
export const FIX_ALL_KIND = 'source.fixAll.disclosure-report';

/** The server's name in `initialize`'s serverInfo, and its bin. */
export const SERVER_NAME = 'disclosure-report-language-server';

/** Commands the server executes (`workspace/executeCommand`); arguments `[{ uri, version, … }]`. */
export const SERVER_COMMANDS = {
  /** The quick fix of one diagnostic: `{ uri, version, rule, at, suspect? }` (suspect: change its likely mistyped cell). */
  fix: 'disclosure-report.server.fix',
  /** Recompute the totals of one table (`tableAt`: a line of it) or of the whole document. */
  recompute: 'disclosure-report.server.recompute',
  /**
   * Check every report of the workspace and publish the diagnostics of the files that are not
   * open: `[{ }]` or no arguments; answers `{ files, reports, skipped, truncated, errors, warnings, notes, cancelled }`.
   * Reports work-done progress (the request's `workDoneToken`, else one it creates), cancellable.
   */
  checkWorkspace: 'disclosure-report.server.checkWorkspace',
} as const;

/** Commands the VS Code client contributes (package.json `contributes.commands`). */
export const CLIENT_COMMANDS = {
  toggleLanguage: 'disclosureReport.toggleLanguage',
  fixAll: 'disclosureReport.fixAll',
  restartServer: 'disclosureReport.restartServer',
  newReport: 'disclosureReport.newReport',
  showPreview: 'disclosureReport.showPreview',
  convertTableToTabs: 'disclosureReport.convertTableToTabs',
  convertTableToPipes: 'disclosureReport.convertTableToPipes',
  checkWorkspace: 'disclosureReport.checkWorkspace',
  /** Opens a .docx, .html/.htm or .pdf converted, as an editable draft with every feature. */
  openAsDraft: 'disclosureReport.openAsDraft',
  /** Writes the recompute fixes back into the .docx a draft was opened from. */
  writeFixesToDocx: 'disclosureReport.writeFixesToDocx',
} as const;

/** Custom requests the server answers (the drafting features). */
export const SERVER_REQUESTS = {
  /** `{ uri }` → the core's preview tables of an open document, or null. */
  preview: 'disclosureReport/preview',
  /** `{ office, year, layout: 'pipes' | 'tabs', eol? }` → the text of a new draft. */
  newDraft: 'disclosureReport/newDraft',
  /** `{ uri, line, to: 'pipes' | 'tabs' }` → `{ version, edits }` rewriting the table at `line`. */
  convertTable: 'disclosureReport/convertTable',
  /** `{ uri }` (a file) → `{ text, kind, writable, problems }` (the converted draft) or `{ error }`, both Localized. */
  convertSource: 'disclosureReport/convertSource',
  /** `{ uri }` (a .docx) → recompute on its converted text written back atomically: `{ changes, skipped, text }` or `{ error }`. */
  writeBackSource: 'disclosureReport/writeBackSource',
  /** `{ uri }` → what was verified in an open document (`CoverageAnswer`), or null when it is not open. */
  coverage: 'disclosureReport/coverage',
} as const;

/** What `SERVER_REQUESTS.coverage` answers: whether the report was fully checked, and if not, what could not be (in the server's language). */
export interface CoverageAnswer {
  /** Every row of the three tables found and every identity evaluated. */
  fully: boolean;
  /** '' when fully checked; else the short form, `未完全核对` / `not fully checked`. */
  title: string;
  /** What could not be checked: `表三缺 2 行；9/42 个勾稽关系无法核对（9 个因缺行）` ('' when fully checked). */
  detail: string;
}

/** What `SERVER_COMMANDS.checkWorkspace` answers: the counts the client's notification reports. */
export interface CheckSummary {
  /** Files listed (report sources in the folders, up to the limit). */
  files: number;
  /** Of them, reports checked (texts that read like a report). */
  reports: number;
  /** Listed but not checked: not a report, unreadable, or a source without its reader yet. */
  skipped: number;
  /** Files beyond the limit, not listed. */
  truncated: number;
  errors: number;
  warnings: number;
  notes: number;
  cancelled: boolean;
}
