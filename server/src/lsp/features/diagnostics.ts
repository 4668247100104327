// Diagnostics: the same ones the CLI prints, in the user's language, after per-rule severity
// overrides and `.disclosure-report.json` (lsp/reportDiagnostics.ts). Pushed (`textDocument/publishDiagnostics` with the version they are for) unless the
// client pulls (`textDocument/diagnostic`), then never pushed. After an edit a short debounce
// lets a burst of keystrokes through first; it is shorter for small documents, where analysis is
// cheap. Results for a version that has been superseded are dropped. At most
// `maxDiagnostics` (1,000) are published per document, then one that says how many more there are.
// A report Check All Reports covered carries its prose-copied finding (lsp/copiedReports.ts).

import { LSPErrorCodes, ResponseError, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import { DIAGNOSTIC_SOURCE } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { cancelled, guard, requireUri } from '../guard.js';
import type { ReportDocument } from '../documents.js';
import type { DocumentConfig } from '../projectConfig.js';
import { coreDiagnostics, diagnosticsFor, documentSubject } from '../reportDiagnostics.js';
import type { Settings } from '../settings.js';

export { capped, LIMIT_CODE, toLspDiagnostics } from '../reportDiagnostics.js';

export { coreDiagnostics };

/** The diagnostics of a document at its current version, as LSP diagnostics (the one service: reportDiagnostics.ts). */
function lspDiagnostics(ctx: ServerContext, doc: ReportDocument, settings: Settings, config: DocumentConfig | undefined): LspDiagnostic[] {
  return diagnosticsFor(ctx, documentSubject(ctx.documents, doc, ctx.copied), settings, config);
}

/**
 * How long to wait after an edit: the configured delay for large documents, down to a quarter of
 * it for small ones, but never less than twice what the last analysis of the document cost.
 */
export function debounceFor(doc: ReportDocument, settings: Settings): number {
  const base = settings.debounceMs;
  if (base <= 0) return 0;
  const size = Math.min(1, doc.model.lineCount / 2000);
  const scaled = base * (0.25 + 0.75 * size);
  return Math.round(Math.min(base, Math.max(scaled, doc.lastCost * 2)));
}

export function register(ctx: ServerContext): void {
  ctx.capabilities((_params, client) =>
    client.pullDiagnostics ? { diagnosticProvider: { identifier: DIAGNOSTIC_SOURCE, interFileDependencies: true, workspaceDiagnostics: false } } : {},
  );
  registerPull(ctx);
  registerPush(ctx);
}

/** `textDocument/diagnostic`: answered for the version current when it arrived, after the debounce. */
function registerPull(ctx: ServerContext): void {
  const { connection, documents } = ctx;
  connection.languages.diagnostics.on(
    guard(ctx, 'textDocument/diagnostic', async (params, token) => {
      const uri = requireUri(params);
      const doc = documents.get(uri);
      if (!doc) return { kind: 'full', items: [] };
      const version = doc.version;
      const settings = await ctx.settings.get(uri);
      const config = await ctx.projectConfig.forDocument(uri);
      const wait = debounceFor(doc, settings) - (performance.now() - doc.changedAt);
      if (wait > 0) await documents.quiet(uri, wait, token);
      if (token.isCancellationRequested) throw cancelled();
      if (documents.get(uri) !== doc || doc.version !== version) {
        throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
      }
      const resultId = `${doc.epoch}:${version}:${ctx.settings.generation}:${ctx.projectConfig.generation}:${documents.previousGeneration}:${ctx.copied.generation}`;
      if (params.previousResultId === resultId) return { kind: 'unchanged', resultId };
      return { kind: 'full', resultId, items: lspDiagnostics(ctx, doc, settings, config) };
    }),
  );

}

/** `publishDiagnostics` (for clients that do not pull): on open at once, after an edit debounced. */
function registerPush(ctx: ServerContext): void {
  const { connection, documents } = ctx;
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  const push = () => !ctx.client.pullDiagnostics;

  const publish = async (doc: ReportDocument, version: number, known?: Settings) => {
    const settings = known ?? (await ctx.settings.get(doc.uri));
    const config = await ctx.projectConfig.forDocument(doc.uri);
    if (documents.get(doc.uri) !== doc || doc.version !== version) return; // superseded
    const diagnostics = lspDiagnostics(ctx, doc, settings, config);
    await connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  };

  const schedule = (doc: ReportDocument, immediate: boolean) => {
    if (!push()) return;
    const version = doc.version;
    const run = (settings?: Settings) => {
      timers.delete(doc.uri);
      publish(doc, version, settings).catch((err) => ctx.log.error(`diagnostics of ${doc.uri} (version ${version}) failed`, err));
    };
    const old = timers.get(doc.uri);
    if (old) clearTimeout(old);
    timers.delete(doc.uri);
    if (immediate) {
      run();
      return;
    }
    ctx.settings
      .get(doc.uri)
      .then((settings) => {
        if (documents.get(doc.uri) !== doc || doc.version !== version) return; // a newer change scheduled its own
        const ms = debounceFor(doc, settings);
        if (ms <= 0) run(settings);
        else timers.set(doc.uri, setTimeout(run, ms));
      })
      .catch((err) => ctx.log.error(`scheduling diagnostics of ${doc.uri} failed`, err));
  };

  documents.onDidOpen((doc) => schedule(doc, true));
  documents.onDidChange((doc) => schedule(doc, false));
  documents.onDidClose((uri) => {
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.delete(uri);
    if (push()) connection.sendDiagnostics({ uri, diagnostics: [] }).catch((err) => ctx.log.error(`clearing diagnostics of ${uri} failed`, err));
  });

  // Settings, or last year's report of a document (interFileDependencies), changed: check again.
  const again = () => {
    if (push()) {
      for (const doc of documents.all()) schedule(doc, true);
    } else if (ctx.client.capabilities.workspace?.diagnostics?.refreshSupport) {
      connection.languages.diagnostics.refresh().catch((err) => ctx.log.error('diagnostic refresh failed', err));
    }
  };
  ctx.settings.onDidChange(again);
  documents.onDidChangePrevious(again);
  // `.disclosure-report.json` created, changed or deleted: every open report again.
  ctx.projectConfig.onDidChange(again);
  // Check All Reports found other findings over the batch (prose-copied).
  ctx.copied.onDidChange(again);
}
