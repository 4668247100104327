// The edits behind the code actions and commands, always computed from the server's own copy of
// the document at its current version: one cell (the core's fix of a diagnostic, found again by
// rule and position), one table, or the whole document (the fixer's recompute, as `--fix`).

import type { WorkspaceEdit } from 'vscode-languageserver/node';
import { recompute, type Diagnostic, type Position, type TextEdit } from '../core/index.js';
import type { ServerContext } from './context.js';
import type { ReportDocument } from './documents.js';

/** The core diagnostic of `rule` starting at `at` in the document as it is now. */
export function findDiagnostic(ctx: ServerContext, doc: ReportDocument, rule: string, at: Position): Diagnostic | undefined {
  return ctx.documents.analysis(doc).diagnostics.find((d) => d.rule === rule && d.range.start.line === at.line && d.range.start.character === at.character);
}

/** Edits that recompute the derived cells of the table at `line`, or of the whole document. */
export function recomputeEdits(doc: ReportDocument, tableAt?: number): TextEdit[] {
  return recompute(doc.text.getText(), tableAt === undefined ? {} : { tableAt }).edits;
}

/** A workspace edit for the document at its current version (versioned when the client can take it). */
export function workspaceEdit(ctx: ServerContext, doc: ReportDocument, edits: TextEdit[]): WorkspaceEdit {
  const copy = edits.map((e) => ({ range: { start: { ...e.range.start }, end: { ...e.range.end } }, newText: e.newText }));
  if (ctx.client.documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: copy }] };
  return { changes: { [doc.uri]: copy } };
}
