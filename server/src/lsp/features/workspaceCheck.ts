// "Check All Reports in Workspace" (SERVER_COMMANDS.checkWorkspace): every report file the
// workspace index lists is analysed (open ones as the editor holds them, the others from disk),
// with work-done progress ($/progress; cancellable through the request or
// window/workDoneProgress/cancel), and the diagnostics of files that are not open are published,
// so that they fill the Problems view. Kept consistent afterwards: a file opened takes over from
// its disk version (its pushed diagnostics are cleared when the editor pulls its own); a file
// closed gets its disk version's diagnostics again; a file changed on disk is checked again, a
// file deleted gets its diagnostics cleared; a change of `.disclosure-report.json` re-checks them.

import type { CancellationToken, ExecuteCommandParams, WorkDoneProgressReporter } from 'vscode-languageserver';
import { pick, type Locale } from '../../core/index.js';
import { SERVER_COMMANDS, type CheckSummary } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { baseName, canonicalUri } from '../files.js';
import { reportDiagnostics } from '../reportDiagnostics.js';
import { workspaceText } from '../workspaceMessages.js';


/** Lets the connection deliver a cancellation between two files. */
const tick = () => new Promise<void>((r) => setTimeout(r, 0));

export function register(ctx: ServerContext): void {
  const { connection, documents, workspace } = ctx;
  /** Files whose disk version's diagnostics this feature published (canonical URI → the URI sent). */
  const published = new Map<string, string>();
  /** Files the workspace check covered: re-published from disk when closed or changed. */
  const tracked = new Set<string>();

  const clear = (c: string) => {
    const sent = published.get(c);
    if (sent === undefined) return;
    published.delete(c);
    connection.sendDiagnostics({ uri: sent, diagnostics: [] }).catch((err) => ctx.log.error(`clearing diagnostics of ${sent} failed`, err));
  };

  /** Checks a file from disk and publishes (only while it is not open); the counts, or undefined when skipped. */
  const checkOnDisk = async (uri: string) => {
    const c = canonicalUri(uri);
    if (workspace.openDocument(c)) return undefined;
    const report = await workspace.report(c);
    if (!report || !report.isReport || report.source !== 'disk') {
      clear(c);
      return undefined;
    }
    const settings = await ctx.settings.get(c);
    const config = await ctx.projectConfig.forDocument(c);
    if (workspace.openDocument(c)) return undefined; // opened meanwhile: the editor's diagnostics hold
    const diagnostics = reportDiagnostics(report.analysis.diagnostics, {
      uri: c,
      version: 0,
      locale: ctx.settings.locale(settings),
      severity: (rule, own) => ctx.settings.severity(rule, settings, own),
      lines: report.lines,
      config,
    });
    for (const d of diagnostics) if (d.data && typeof d.data === 'object') delete (d.data as { version?: number }).version;
    published.set(c, c);
    await connection.sendDiagnostics({ uri: c, diagnostics });
    return diagnostics;
  };

  const recheck = (uri: string) => checkOnDisk(uri).catch((err) => ctx.log.error(`checking ${uri} from disk failed`, err));

  const run = async (params: ExecuteCommandParams, token: CancellationToken): Promise<CheckSummary> => {
    const locale: Locale = ctx.settings.locale(await ctx.settings.get(workspace.folders[0] ?? ''));
    const summary: CheckSummary = { files: 0, reports: 0, skipped: 0, truncated: 0, errors: 0, warnings: 0, notes: 0, cancelled: false };
    let progress: (WorkDoneProgressReporter & { token?: CancellationToken }) | undefined;
    if (params.workDoneToken !== undefined) progress = connection.window.attachWorkDoneProgress(params.workDoneToken);
    else if (ctx.client.capabilities.window?.workDoneProgress) progress = await connection.window.createWorkDoneProgress().catch(() => undefined);
    const isCancelled = () => token.isCancellationRequested || !!progress?.token?.isCancellationRequested;
    progress?.begin(pick(workspaceText.checkTitle(), locale), 0, undefined, true);
    try {
      if (!workspace.canReadDisk) {
        void connection.window.showInformationMessage(pick(workspaceText.noDisk(), locale));
        return summary;
      }
      if (!workspace.folders.length) {
        void connection.window.showInformationMessage(pick(workspaceText.noFolder(), locale));
        return summary;
      }
      const { files, truncated } = await workspace.files();
      summary.files = files.length;
      summary.truncated = truncated;
      const listed = new Set(files);
      // Files checked before that are gone now.
      for (const c of [...tracked]) {
        if (!listed.has(c)) {
          tracked.delete(c);
          clear(c);
        }
      }
      for (let i = 0; i < files.length; i++) {
        if (isCancelled()) {
          summary.cancelled = true;
          break;
        }
        const uri = files[i];
        progress?.report(Math.round((i / Math.max(1, files.length)) * 100), pick(workspaceText.checking(i + 1, files.length, baseName(uri)), locale));
        let diagnostics;
        const doc = workspace.openDocument(uri);
        if (doc) {
          // Open: the editor shows its own diagnostics; count them from the editor's copy.
          const r = await workspace.report(uri);
          if (r?.isReport) {
            tracked.add(uri);
            const settings = await ctx.settings.get(doc.uri);
            diagnostics = reportDiagnostics(r.analysis.diagnostics, {
              uri: doc.uri,
              version: doc.version,
              locale,
              severity: (rule, own) => ctx.settings.severity(rule, settings, own),
              lines: r.lines,
              config: await ctx.projectConfig.forDocument(doc.uri),
            });
          }
        } else {
          diagnostics = await checkOnDisk(uri);
          if (diagnostics) tracked.add(uri);
          else tracked.delete(uri);
        }
        if (!diagnostics) summary.skipped++;
        else {
          summary.reports++;
          for (const d of diagnostics) {
            if (d.severity === 1) summary.errors++;
            else if (d.severity === 2) summary.warnings++;
            else summary.notes++;
          }
        }
        await tick();
      }
      const message = summary.cancelled
        ? workspaceText.cancelled(summary.reports + summary.skipped, files.length)
        : workspaceText.done(summary.reports, summary.errors, summary.warnings, summary.notes);
      ctx.log.info(pick(message, 'en'));
      if (truncated) void connection.window.showWarningMessage(pick(workspaceText.truncated(workspace.limits.maxFiles, truncated), locale));
      return summary;
    } finally {
      progress?.done();
    }
  };
  ctx.commands.register(SERVER_COMMANDS.checkWorkspace, run);

  // An opened file: the editor's diagnostics take over. A pulling client keeps pushed and pulled
  // diagnostics apart, so the pushed ones are cleared (a pushing client replaces them anyway).
  documents.onDidOpen((doc) => {
    const c = canonicalUri(doc.uri);
    if (published.has(c) && (ctx.client.pullDiagnostics || published.get(c) !== doc.uri)) clear(c);
    else published.delete(c);
  });
  // A closed file the check covered: its disk version again (after the editor's diagnostics were cleared).
  documents.onDidClose((uri) => {
    const c = canonicalUri(uri);
    if (tracked.has(c)) setTimeout(() => void recheck(c), 0);
  });
  workspace.onDidChange((e) => {
    if (!tracked.has(e.uri)) return;
    if (e.kind === 'deleted') {
      tracked.delete(e.uri);
      clear(e.uri);
    } else if (e.kind === 'changed' || e.kind === 'created') void recheck(e.uri);
  });
  const recheckAll = () => {
    for (const c of tracked) if (!workspace.openDocument(c)) void recheck(c);
  };
  ctx.projectConfig.onDidChange(recheckAll);
  ctx.settings.onDidChange(recheckAll);
}
