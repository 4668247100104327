// "Check All Reports in Workspace" (SERVER_COMMANDS.checkWorkspace): every report file the
// workspace index lists is analysed (open ones as the editor holds them, the others from disk),
// with work-done progress ($/progress; cancellable through the request or
// window/workDoneProgress/cancel), and the diagnostics of files that are not open are published,
// so that they fill the Problems view. Kept consistent afterwards: a file opened takes over from
// its disk version (its pushed diagnostics are cleared when the editor pulls its own); a file
// closed gets its disk version's diagnostics again; a file changed on disk is checked again, a
// file deleted gets its diagnostics cleared; a change of `.disclosure-report.json` re-checks them.
// Each file's diagnostics come from the one service (reportDiagnostics.ts diagnosticsFor), with last
// year's report found in the workspace as for an open document, so the check finds what the editor
// and `disclosure-report check <folder>` find. As `check` does over many reports, prose-copied is
// found over the reports checked (core/copied, kept in lsp/copiedReports.ts, each report's
// threshold from its config file or settings): after the last file, the reports whose finding
// appeared are published again; later, a report changed on disk is fingerprinted again and the
// findings that changed with it are published (open documents: features/diagnostics.ts).

import type { CancellationToken, Diagnostic as LspDiagnostic, ExecuteCommandParams, WorkDoneProgressReporter } from 'vscode-languageserver';
import { thresholdOf } from '../../config/index.js';
import { pick, proseFingerprint, type Diagnostic, type Locale } from '../../core/index.js';
import { CONVERTED_SOURCE, draftUriOf, SERVER_COMMANDS, type CheckSummary } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { baseName, canonicalUri } from '../files.js';
import type { DocumentConfig } from '../projectConfig.js';
import { diagnosticsFor, documentSubject } from '../reportDiagnostics.js';
import type { Settings } from '../settings.js';
import { workspaceText } from '../workspaceMessages.js';

/** How long the batch step waits for more changes before it runs again (rechecks come file by file). */
const MATCH_DELAY_MS = 50;

/** A report's prose-copied threshold: its config file's (unless the file is broken), else the setting's, else 50 %. */
const copiedThreshold = (settings: Settings, config: DocumentConfig | undefined) =>
  thresholdOf('prose-copied', config && !config.problems.some((p) => p.fatal) ? config.config.thresholds : undefined, settings.thresholds);

/** Lets the connection deliver a cancellation between two files. */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

type Progress = WorkDoneProgressReporter & { token?: CancellationToken };

/** The check's state: what it published and which files it covers. */
class WorkspaceCheck {
  /** Files whose disk version's diagnostics this feature published (canonical URI → the URI sent). */
  readonly published = new Map<string, string>();
  /** Files the workspace check covered: re-published from disk when closed or changed (shared with the Findings view). */
  get tracked(): Set<string> {
    return this.ctx.checkedFiles;
  }

  constructor(private readonly ctx: ServerContext) {}

  clear(c: string): void {
    const sent = this.published.get(c);
    if (sent === undefined) return;
    this.published.delete(c);
    this.ctx.connection.sendDiagnostics({ uri: sent, diagnostics: [] }).catch((err) => this.ctx.log.error(`clearing diagnostics of ${sent} failed`, err));
  }

  /** Checks a file from disk and publishes (only while it is not open); the diagnostics, or undefined when skipped. `batch`: it joins the batch prose-copied runs over. */
  async checkOnDisk(uri: string, batch = false): Promise<LspDiagnostic[] | undefined> {
    const { ctx } = this;
    const c = canonicalUri(uri);
    if (ctx.workspace.openDocument(c)) return undefined;
    const report = await ctx.workspace.report(c);
    if (!report || !report.isReport || report.source !== 'disk') {
      this.clear(c);
      this.leaveBatch(c);
      return undefined;
    }
    const settings = await ctx.settings.get(c);
    const config = await ctx.projectConfig.forDocument(c);
    // Last year's report, as for an open document (and as `check <folder>` pairs them).
    const last = await ctx.workspace.previousFor(c);
    if (ctx.workspace.openDocument(c)) return undefined; // opened meanwhile: the editor's diagnostics hold
    const previous = last && { analysis: last.analysis, lines: last.lines, source: last.uri };
    // A converted source's lines are those of its draft: published where the client can show them
    // (its related cells too; canonicalUri takes the draft URI for the file, for the config file's paths).
    const sent = ctx.client.drafts && CONVERTED_SOURCE.test(c) ? draftUriOf(c) : c;
    let found: Diagnostic[] = [];
    if (batch || ctx.copied.has(c)) {
      const print = proseFingerprint(report.analysis, report.lines, sent);
      if (ctx.copied.put(c, print, copiedThreshold(settings, config)) && !batch) this.matchSoon();
      const d = ctx.copied.finding(c, print, report.lines);
      if (d) found = [d];
    }
    const diagnostics = diagnosticsFor(ctx, { uri: sent, diagnostics: report.analysis.diagnostics, analysis: () => report.analysis, lines: report.lines, lineList: () => report.lines, previous, batch: found }, settings, config);
    this.published.set(c, sent);
    await ctx.connection.sendDiagnostics({ uri: sent, diagnostics });
    return diagnostics;
  }

  recheck(uri: string): void {
    this.checkOnDisk(uri).catch((err) => this.ctx.log.error(`checking ${uri} from disk failed`, err));
  }

  /** A report gone (deleted, no longer listed, no longer a report): out of the batch, the others' findings again. */
  leaveBatch(c: string): void {
    if (!this.ctx.copied.has(c)) return;
    this.ctx.copied.delete(c);
    this.matchSoon();
  }

  private matching: ReturnType<typeof setTimeout> | undefined;
  /** A check is running: it runs the batch step itself, after its last file. */
  private running = false;

  /** prose-copied over the batch again, once after a burst of changes (a config change re-reads every file); the reports whose finding changed published again. */
  matchSoon(): void {
    if (this.running) return; // the check matches after its last file
    if (this.matching) clearTimeout(this.matching);
    this.matching = setTimeout(() => {
      this.matching = undefined;
      if (!this.running) this.publishMatches();
    }, MATCH_DELAY_MS);
  }

  /** Runs the batch step; the files on disk whose finding changed are published again (the open ones follow ctx.copied's event). */
  private publishMatches(): void {
    const { ctx } = this;
    const changed = ctx.copied.match();
    if (!changed.length) return;
    ctx.copied.changed();
    for (const c of changed) if (this.tracked.has(c) && !ctx.workspace.openDocument(c)) this.recheck(c);
  }

  /** An open report of the batch: its threshold read again (the settings or the config file changed). */
  async rethreshold(c: string): Promise<void> {
    if (this.ctx.copied.has(c) && this.ctx.workspace.openDocument(c)) await this.countOpen(c);
  }

  /** An open file: the editor shows its own diagnostics; they are counted as the editor publishes them. */
  private async countOpen(uri: string): Promise<LspDiagnostic[] | undefined> {
    const { ctx } = this;
    const doc = ctx.workspace.openDocument(uri)!;
    const r = await ctx.workspace.report(uri);
    if (!r?.isReport) return undefined;
    this.tracked.add(uri);
    const settings = await ctx.settings.get(doc.uri);
    const config = await ctx.projectConfig.forDocument(doc.uri);
    if (ctx.copied.put(uri, proseFingerprint(r.analysis, r.lines, canonicalUri(uri)), copiedThreshold(settings, config))) this.matchSoon();
    return diagnosticsFor(ctx, documentSubject(ctx.documents, doc, ctx.copied), settings, config);
  }

  /** One file of the check: open ones counted, the others checked from disk and published. */
  private async checkOne(uri: string): Promise<LspDiagnostic[] | undefined> {
    if (this.ctx.workspace.openDocument(uri)) return this.countOpen(uri);
    const diagnostics = await this.checkOnDisk(uri, true);
    if (diagnostics) this.tracked.add(uri);
    else this.tracked.delete(uri);
    return diagnostics;
  }

  /** The work-done progress: the request's token, else one the server creates where the client can show it. */
  private async progress(params: ExecuteCommandParams): Promise<Progress | undefined> {
    const { connection, client } = this.ctx;
    if (params.workDoneToken !== undefined) return connection.window.attachWorkDoneProgress(params.workDoneToken);
    if (client.capabilities.window?.workDoneProgress) return connection.window.createWorkDoneProgress().catch(() => undefined);
    return undefined;
  }

  /** Why the check cannot run here (no file system, no folder), said to the user; else undefined. */
  private cannotRun(locale: Locale): boolean {
    const { workspace, connection } = this.ctx;
    const why = !workspace.canReadDisk ? workspaceText.noDisk() : !workspace.folders.length ? workspaceText.noFolder() : undefined;
    if (why) void connection.window.showInformationMessage(pick(why, locale));
    return !!why;
  }

  async run(params: ExecuteCommandParams, token: CancellationToken): Promise<CheckSummary> {
    const { ctx } = this;
    const { workspace } = ctx;
    const locale: Locale = ctx.settings.locale(await ctx.settings.get(workspace.folders[0] ?? ''));
    const summary: CheckSummary = { files: 0, reports: 0, skipped: 0, truncated: 0, errors: 0, warnings: 0, notes: 0, cancelled: false };
    const progress = await this.progress(params);
    const isCancelled = () => token.isCancellationRequested || !!progress?.token?.isCancellationRequested;
    progress?.begin(pick(workspaceText.checkTitle(), locale), 0, undefined, true);
    try {
      if (this.cannotRun(locale)) return summary;
      // Listed afresh: the cached listing follows the client's file events, which may come late
      // (or never, on some file systems) for files copied in just before the user asked.
      const { files, truncated } = await workspace.files({ fresh: true });
      summary.files = files.length;
      summary.truncated = truncated;
      this.forgetGone(new Set(files));
      // A new batch: until its last file, no report carries a prose-copied finding.
      this.running = true;
      const hadFindings = ctx.copied.size > 0;
      ctx.copied.clear();
      if (hadFindings) ctx.copied.changed();
      const results = new Map<string, LspDiagnostic[] | undefined>();
      for (let i = 0; i < files.length; i++) {
        if (isCancelled()) {
          summary.cancelled = true;
          break;
        }
        progress?.report(Math.round((i / Math.max(1, files.length)) * 100), pick(workspaceText.checking(i + 1, files.length, baseName(files[i])), locale));
        results.set(files[i], await this.checkOne(files[i]));
        await tick();
      }
      if (summary.cancelled) ctx.copied.clear();
      else {
        // prose-copied over the batch: the reports with a finding counted (and published) again.
        const changed = ctx.copied.match();
        if (changed.length) ctx.copied.changed();
        for (const c of changed) if (results.has(c)) results.set(c, await this.checkOne(c));
      }
      for (const diagnostics of results.values()) tally(summary, diagnostics);
      const message = summary.cancelled
        ? workspaceText.cancelled(summary.reports + summary.skipped, files.length)
        : workspaceText.done(summary.reports, summary.errors, summary.warnings, summary.notes);
      ctx.log.info(pick(message, 'en'));
      if (truncated) void ctx.connection.window.showWarningMessage(pick(workspaceText.truncated(workspace.limits.maxFiles, truncated), locale));
      return summary;
    } finally {
      this.running = false;
      progress?.done();
    }
  }

  /** Files checked before that are no longer listed: their diagnostics cleared. */
  private forgetGone(listed: Set<string>): void {
    for (const c of [...this.tracked]) {
      if (listed.has(c)) continue;
      this.tracked.delete(c);
      this.clear(c);
      this.ctx.copied.delete(c);
    }
  }
}

/** Counts one file's diagnostics into the summary (undefined: the file was skipped). */
function tally(summary: CheckSummary, diagnostics: LspDiagnostic[] | undefined): void {
  if (!diagnostics) {
    summary.skipped++;
    return;
  }
  summary.reports++;
  for (const d of diagnostics) {
    if (d.severity === 1) summary.errors++;
    else if (d.severity === 2) summary.warnings++;
    else summary.notes++;
  }
}

export function register(ctx: ServerContext): void {
  const { documents, workspace } = ctx;
  const check = new WorkspaceCheck(ctx);
  ctx.commands.register(SERVER_COMMANDS.checkWorkspace, (params: ExecuteCommandParams, token: CancellationToken) => check.run(params, token));

  // An opened file: the editor's diagnostics take over. A pulling client keeps pushed and pulled
  // diagnostics apart, so the pushed ones are cleared (a pushing client replaces them anyway).
  documents.onDidOpen((doc) => {
    const c = canonicalUri(doc.uri);
    if (check.published.has(c) && (ctx.client.pullDiagnostics || check.published.get(c) !== doc.uri)) check.clear(c);
    else check.published.delete(c);
  });
  // A closed file the check covered: its disk version again (after the editor's diagnostics were cleared).
  documents.onDidClose((uri) => {
    const c = canonicalUri(uri);
    if (check.tracked.has(c)) setTimeout(() => check.recheck(c), 0);
  });
  workspace.onDidChange((e) => {
    if (!check.tracked.has(e.uri)) return;
    if (e.kind === 'deleted') {
      check.tracked.delete(e.uri);
      check.clear(e.uri);
      check.leaveBatch(e.uri);
    } else if (e.kind === 'changed' || e.kind === 'created') check.recheck(e.uri);
  });
  const recheckAll = () => {
    for (const c of check.tracked) {
      if (!workspace.openDocument(c)) check.recheck(c);
      else check.rethreshold(c).catch((err) => ctx.log.error(`reading the threshold of ${c} failed`, err));
    }
  };
  ctx.projectConfig.onDidChange(recheckAll);
  ctx.settings.onDidChange(recheckAll);
}
