// The floor for editor latency: a minimal vscode-languageserver server that keeps the documents
// (incremental sync, as the real server does) and answers the same messages with empty
// diagnostics — pushed for each version, and pulled when the client can pull.
import { createConnection, DocumentDiagnosticReportKind, ProposedFeatures, TextDocuments, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
let pull = false;

connection.onInitialize((params) => {
  pull = !!params.capabilities.textDocument?.diagnostic;
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      ...(pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
    },
  };
});
documents.onDidChangeContent((e) => {
  if (!pull) void connection.sendDiagnostics({ uri: e.document.uri, version: e.document.version, diagnostics: [] });
});
connection.languages.diagnostics.on((p) => {
  documents.get(p.textDocument.uri);
  return { kind: DocumentDiagnosticReportKind.Full, items: [] };
});
documents.listen(connection);
connection.listen();
