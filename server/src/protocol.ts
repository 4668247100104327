// The names the VS Code client (client/src) and the language server (server/src/lsp) share, in
// one place, so that the two sides cannot drift apart: the language id, the diagnostic source,
// the settings section, the command ids, the fix-all code action kind, and the custom requests
// with the types of what they carry (REQUESTS; rust-analyzer's lsp/ext.rs, json-language-features'
// RequestType namespaces). package.json spells some of them again (contributes.languages,
// commands, configuration); test/protocol.test.ts holds package.json to these values.
// Only type imports (erased): both bundles, the Node ones and the browser ones, take this file as
// it is, and no copy of vscode-jsonrpc is shared between the client's and the server's packages.

import type { Localized } from './core/i18n.js';
import type { DraftOptions } from './core/draft/template.js';
import type { PreviewTable } from './core/draft/preview.js';

/** The language id of a report document (package.json `contributes.languages`). */
export const LANGUAGE_ID = 'disclosure-report';

/** `source` of every diagnostic the server publishes (and the CLI's JSON `rule` ids belong to). */
export const DIAGNOSTIC_SOURCE = 'disclosure-report';

/**
 * Node options the language server is started with (by the VS Code client; other clients are
 * told in the README): a young generation of at most 1 MB per semi-space. Left to grow (16 MB
 * by default), the heap keeps about twice the memory per open report for the garbage of
 * parsing; capped, an edit is as fast (bench d and b measure the server started so). And `gc`
 * exposed, for one full collection when the server goes quiet after its heap grew
 * (lsp/idleCollect.ts).
 */
export const SERVER_NODE_ARGS: readonly string[] = ['--max-semi-space-size=1', '--expose-gc'];

/** The settings section (`disclosureReport.severity`, `.locale`, `.debounceMs`, `.trace.server`). */
export const SETTINGS_SECTION = 'disclosureReport';

/**
 * The URI scheme of a converted draft (a .docx, web page or PDF as the text the checker reads):
 * `disclosure-report-draft:` + the file URI's authority and path + `.txt`. The `.txt` keeps the
 * draft away from editors registered for the file's own extension (a `*.pdf` viewer, this
 * extension's page for .docx/.pdf) and says what it is. The VS Code client shows such a document
 * read-only (a TextDocumentContentProvider asking `convertSource`); a client that says so in
 * `initializationOptions.drafts` gets the workspace check's findings of those files published on
 * the draft's URI, so that a Problems entry opens the text its line and column point into.
 */
export const DRAFT_SCHEME = 'disclosure-report-draft';

/** Sources read through a converter (their findings' lines are those of the converted text). */
export const CONVERTED_SOURCE = /\.(docx|html?|pdf)$/i;

/** `file:///w/a.pdf` → `disclosure-report-draft:///w/a.pdf.txt`; any other URI as it is. */
export function draftUriOf(fileUri: string): string {
  if (!/^file:/i.test(fileUri)) return fileUri;
  const m = /^([^?#]*)(.*)$/.exec(fileUri.slice(5))!;
  return `${DRAFT_SCHEME}:${m[1]}.txt${m[2]}`;
}

/** `disclosure-report-draft:/w/a.pdf.txt` (however the authority is spelled) → `file:///w/a.pdf`; undefined for other URIs. */
export function sourceUriOfDraft(uri: string): string | undefined {
  if (!uri.startsWith(DRAFT_SCHEME + ':')) return undefined;
  const m = /^([^?#]*?)(?:\.txt)?([?#].*)?$/.exec(uri.slice(DRAFT_SCHEME.length + 1))!;
  const rest = m[1] + (m[2] ?? '');
  return rest.startsWith('//') ? `file:${rest}` : `file://${rest}`;
}

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
  /**
   * "Mark as reviewed" (what the server's code action runs when the client declared it in
   * `initializationOptions.clientCommands`): `[ReviewTarget]`; asks for a status and a reason,
   * then `SERVER_REQUESTS.reviewEdit` for the edit of `.disclosure-report.json`, and applies it.
   */
  markReviewed: 'disclosureReport.markReviewed',
  /** Lists what a fix changed (the fix-all code action's command): `[FixReport]`. */
  reportFixes: 'disclosureReport.reportFixes',
  /** The Findings view: refresh, export as CSV, export as SARIF 2.1.0. */
  refreshFindings: 'disclosureReport.refreshFindings',
  exportFindingsCsv: 'disclosureReport.exportFindingsCsv',
  exportFindingsSarif: 'disclosureReport.exportFindingsSarif',
} as const;

/** The Findings view's id (package.json `contributes.views`). */
export const FINDINGS_VIEW = 'disclosureReport.findings';

/**
 * What a reviewer decided about a finding (`reviewed[].status` in `.disclosure-report.json`):
 * `confirmed` — a real error, to be corrected (still shown, as information); `accepted` — right
 * as it stands; `false-alarm` — the checker is wrong here. An entry without a status is `accepted`.
 */
export const REVIEW_STATUSES = ['confirmed', 'accepted', 'false-alarm'] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/** A finding of an open document, as the "Mark as reviewed" code action names it. */
export interface ReviewTarget {
  uri: string;
  version: number;
  rule: string;
  /** Where the finding starts (with `rule`, it is found again in the server's copy). */
  at: { line: number; character: number };
  /** The finding's review so far ("Change the review…" of a confirmed finding): the prompt starts on it. */
  current?: ReviewStatus;
}

/** `SERVER_REQUESTS.reviewEdit`'s params: the finding, and what the reviewer said. */
export interface ReviewRequest extends ReviewTarget {
  status: ReviewStatus;
  reason: string;
  /** Who reviewed (git user.name, the OS user, or the setting `disclosureReport.reviewer`). */
  reviewer?: string;
  /** ISO 8601 date (`2026-03-01`); the server's today when absent. */
  date?: string;
}

/** One change a fix made (or would make): the cell or label, as the user reads it, old → new. */
export interface FixChangeInfo {
  line: number;
  rule: string;
  /** The cell key (`t3.new.total`) or the row key of a label. */
  key?: string;
  /** What changed, in the user's language (a cell's label, `行标签`, a heading). */
  what: string;
  old: string;
  new: string;
}

/** What `CLIENT_COMMANDS.reportFixes` is given: the document and its changes. */
export interface FixReport {
  uri: string;
  title: string;
  changes: FixChangeInfo[];
  /**
   * false: listed without the channel's own "N change(s) applied" notification, as the caller says
   * what happened itself (the .docx write-back: written, or refused with nothing applied).
   */
  notify?: boolean;
}

/** One finding of the Findings view (`SERVER_REQUESTS.findings`). */
export interface FindingInfo {
  rule: string;
  severity: 'error' | 'warning' | 'information' | 'hint';
  message: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  cell?: string;
  row?: string;
  /** Where in the report: `t2` `t3` `t4` (a table) or `s1`…`s6` (a section), `doc` before the first. */
  place: string;
  /** That place's name in the user's language (`表三 收到和处理政府信息公开申请情况`). */
  placeName: string;
  /** Set on a reviewed finding. */
  review?: { status: ReviewStatus; reason: string; reviewer?: string; date?: string };
}

/** One report of the Findings view. */
export interface FindingsReport {
  uri: string;
  /** The office the report names (its title), or ''. */
  office: string;
  year?: number;
  findings: FindingInfo[];
}


/**
 * A custom request: its method, and in its type alone what the client sends (P) and gets back (R).
 * The client sends it with `sendCustom` (client/src/requests.ts), the server answers it with
 * `onCustom` (lsp/guard.ts); both take P and R from here, so a change of either is a type error
 * on the other side. The server still checks the params it receives (they come off the wire).
 */
export interface CustomRequest<P, R> {
  readonly method: string;
  /** Never set: carries P and R for the compiler. */
  readonly types?: { params: P; result: R };
}

const request = <P, R>(method: string): CustomRequest<P, R> => ({ method });

export interface Position {
  line: number;
  character: number;
}
export interface TextEdit {
  range: { start: Position; end: Position };
  newText: string;
}

export type TableLayout = 'pipes' | 'tabs';
export interface ConvertTableParams {
  uri: string;
  line: number;
  to: TableLayout;
}
/** The edits rewriting the table at `line`, for the document at `version`. */
export interface ConvertTableResult {
  version: number;
  edits: TextEdit[];
}

export type NewDraftParams = DraftOptions;

/** A source converted for the editor, or why it could not be. */
export type ConvertedSource =
  | { text: string; kind: 'text' | 'docx' | 'html' | 'pdf'; writable: boolean; problems: Localized[] }
  | { error: Localized };

/** One derived cell a write-back recomputed (written, or would have been). */
export interface WrittenChange { rule: string; key: string; label: Localized; old: string; new: string; line: number }

/** A derived cell the recompute would change but the write-back could not write into, and why (a .docx cell with no text to replace). */
export interface SkippedChange extends WrittenChange { why: Localized }

/** What writing the recompute fixes back into a source did: `skipped`, the cells it could not write (also when it wrote none). */
export type WrittenFixes =
  | { changes: WrittenChange[]; skipped: SkippedChange[]; text: string }
  /** `unwritten`: what a refused write (a read-only file, one Word holds open) would have changed. */
  | { error: Localized; unwritten?: WrittenChange[] };

/** A workspace edit as LSP spells it (only the shapes the review edit uses; the client converts it). */
export interface WorkspaceEditJson {
  changes?: { [uri: string]: TextEdit[] };
  documentChanges?: unknown[];
}

/** What `REQUESTS.reviewEdit` answers. */
export type ReviewAnswer = { edit: WorkspaceEditJson; configUri: string; entry?: unknown } | { error: Localized };

export type { Localized, PreviewTable };

/** Custom requests the server answers (the drafting features). */
export const REQUESTS = {
  /** `{ uri }` → the core's preview tables of an open document, or null. */
  preview: request<{ uri: string }, PreviewTable[] | null>('disclosureReport/preview'),
  /** `{ office, year, layout: 'pipes' | 'tabs', eol? }` → the text of a new draft. */
  newDraft: request<NewDraftParams, string>('disclosureReport/newDraft'),
  /** `{ uri, line, to }` → the edits rewriting the table at `line`, or null (not open). */
  convertTable: request<ConvertTableParams, ConvertTableResult | null>('disclosureReport/convertTable'),
  /** `{ uri }` (a file) → the converted draft or `{ error }`. */
  convertSource: request<{ uri: string }, ConvertedSource>('disclosureReport/convertSource'),
  /** `{ uri }` (a .docx) → recompute on its converted text written back atomically, or `{ error }`. */
  writeBackSource: request<{ uri: string }, WrittenFixes>('disclosureReport/writeBackSource'),
  /** `ReviewRequest` → the workspace edit recording the review and the config file's URI, or `{ error }` (Localized). */
  reviewEdit: request<ReviewRequest, ReviewAnswer>('disclosureReport/reviewEdit'),
  /** `{}` → `{ reports }`: open reports and the last workspace check's, reviewed findings included. */
  findings: request<Record<string, never>, { reports: FindingsReport[] }>('disclosureReport/findings'),
  /** `{ format: 'csv' | 'sarif' }` → `{ text, count }`: the Findings view's list as the CLI writes it. */
  exportFindings: request<{ format: 'csv' | 'sarif' }, { text: string; count: number }>('disclosureReport/exportFindings'),
  /** `{ uri }` → what was verified in an open document (`CoverageAnswer`), or null when it is not open. */
  coverage: request<{ uri: string }, CoverageAnswer | null>('disclosureReport/coverage'),
} as const;

/**
 * A custom notification: its method, and in its type alone what it carries (P). The server sends
 * it with `sendNotice` (lsp/guard.ts), the client listens with `onNotice` (client/src/requests.ts).
 */
export interface CustomNotification<P> {
  readonly method: string;
  /** Never set: carries P for the compiler. */
  readonly types?: { params: P };
}

const notification = <P>(method: string): CustomNotification<P> => ({ method });

/** Custom notifications the server sends. */
export const NOTIFICATIONS = {
  /**
   * The document symbols' words changed (a switch of `disclosureReport.locale`): LSP has no refresh
   * for symbols, and VS Code keeps a document's outline until its text changes. Sent only to a
   * client that asks for it (`initializationOptions.symbolsRefresh`), after the server has the new
   * settings; the VS Code client then makes VS Code ask for the symbols again.
   */
  symbolsChanged: notification<void>('disclosureReport/symbolsChanged'),
} as const;

/** What `REQUESTS.coverage` answers: whether the report was fully checked, and if not, what could not be (in the server's language). */
export interface CoverageAnswer {
  /** Every row of the three tables found and every identity evaluated. */
  fully: boolean;
  /** '' when fully checked; else the short form, `未完全核对` / `not fully checked`. */
  title: string;
  /** What could not be checked: `表三缺 2 行；9/42 个勾稽关系无法核对（9 个因缺行）` ('' when fully checked). */
  detail: string;
}

/** The methods of REQUESTS by name (the names before the typed descriptors; kept for callers that send a method string). */
export const SERVER_REQUESTS = {
  preview: REQUESTS.preview.method,
  newDraft: REQUESTS.newDraft.method,
  convertTable: REQUESTS.convertTable.method,
  convertSource: REQUESTS.convertSource.method,
  writeBackSource: REQUESTS.writeBackSource.method,
  coverage: REQUESTS.coverage.method,
  reviewEdit: REQUESTS.reviewEdit.method,
  findings: REQUESTS.findings.method,
  exportFindings: REQUESTS.exportFindings.method,
} as const;

// ---- the workspace file system, for the server in a browser worker -----------------------------
// In VS Code for the Web the server runs in a web worker with no file system of its own; it asks
// the client, which answers from vscode.workspace.fs (client/src/workspaceFiles.ts; the server's
// side is host/clientRuntime.ts). Bytes travel as base64 (JSON-RPC carries text).

export type FsKind = 'file' | 'directory' | 'other';
/** A failure, as Node's error codes name it (ENOENT, EISDIR, EACCES, …), for one error→message mapping. */
export interface FsFailure {
  error: string;
}

/** Requests the client answers (only the browser client; the Node server reads the disk itself). */
export const CLIENT_REQUESTS = {
  /** `{ uri }` → the kind, size and modification time (ms), or null when there is nothing there. */
  stat: request<{ uri: string }, { kind: FsKind; size: number; mtime: number } | null>('disclosureReport/fs/stat'),
  /** `{ uri }` (a folder) → its entries, symbolic links as `other`. */
  readDirectory: request<{ uri: string }, [string, FsKind][] | FsFailure>('disclosureReport/fs/readDirectory'),
  /** `{ uri }` → the file's bytes (base64). */
  readFile: request<{ uri: string }, { base64: string } | FsFailure>('disclosureReport/fs/readFile'),
  /** `{ uri, base64, expected }` → writes the bytes unless the file no longer holds `expected` (ECHANGED). */
  writeFile: request<{ uri: string; base64: string; expected: string }, { written: true } | FsFailure>('disclosureReport/fs/writeFile'),
} as const;

/** Bytes as base64 (btoa, in Node and in browsers alike; in chunks, so a large file does not overflow the stack). */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function fromBase64(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
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
