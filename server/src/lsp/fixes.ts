// The edits behind the code actions and commands, always computed from the server's own copy of
// the document at its current version: one cell (the core's fix of a diagnostic, found again by
// rule and position), one table, or the whole document (the fixer's recompute, as `--fix`).

import type { WorkspaceEdit } from 'vscode-languageserver/node';
import { ARITHMETIC_RULES, recompute, type Diagnostic, type Position, type TextEdit } from '../core/index.js';
import type { ServerContext } from './context.js';
import { tableAt as tableOf } from './tables.js';
import type { ReportDocument } from './documents.js';

/** The core diagnostic of `rule` starting at `at` in the document as it is now. */
export function findDiagnostic(ctx: ServerContext, doc: ReportDocument, rule: string, at: Position): Diagnostic | undefined {
  return ctx.documents.analysis(doc).diagnostics.find((d) => d.rule === rule && d.range.start.line === at.line && d.range.start.character === at.character);
}

const memo = new WeakMap<ReportDocument, { version: number; edits: Map<string, TextEdit[]> }>();

/**
 * Edits that recompute the derived cells of the table at `line`, or of the whole document.
 * Nothing to do when no arithmetic diagnostic is there (checked on the cached analysis, so a
 * cursor moving through a correct report costs nothing); results are kept per version.
 */
export function recomputeEdits(ctx: ServerContext, doc: ReportDocument, tableAt?: number): TextEdit[] {
  const a = ctx.documents.analysis(doc);
  const table = tableAt === undefined ? undefined : tableOf(a, tableAt);
  if (tableAt !== undefined && !table) return [];
  const wrong = a.diagnostics.some((d) => ARITHMETIC_RULES.has(d.rule) && (!table || (d.range.start.line >= table.startLine && d.range.start.line <= table.endLine)));
  if (!wrong) return [];
  let m = memo.get(doc);
  if (!m || m.version !== doc.version) memo.set(doc, (m = { version: doc.version, edits: new Map() }));
  const key = tableAt === undefined ? 'all' : `table@${table!.startLine}`;
  let edits = m.edits.get(key);
  if (!edits) {
    edits = recompute(a, tableAt === undefined ? {} : { tableAt }).edits;
    m.edits.set(key, edits);
  }
  return edits;
}

/** A workspace edit for the document at its current version (versioned when the client can take it). */
export function workspaceEdit(ctx: ServerContext, doc: ReportDocument, edits: TextEdit[]): WorkspaceEdit {
  const copy = edits.map((e) => ({ range: { start: { ...e.range.start }, end: { ...e.range.end } }, newText: e.newText }));
  if (ctx.client.documentChanges) return { documentChanges: [{ textDocument: { uri: doc.uri, version: doc.version }, edits: copy }] };
  return { changes: { [doc.uri]: copy } };
}
