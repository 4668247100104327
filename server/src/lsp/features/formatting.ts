// Format Document (and Format Selection / format on paste, for the tables the range meets):
// aligns the columns of the ` | ` tables by display width (the core's formatTables; nothing else
// changes, and a second run changes nothing). Format on save is the
// editor's own setting (off unless the user turns it on). The custom request
// `disclosureReport/convertTable` ({ uri, line, to: 'pipes' | 'tabs' }) answers the edits that
// rewrite the table at `line` in the other layout, with the version they were made for.

import type { DocumentFormattingParams, DocumentRangeFormattingParams, TextEdit } from 'vscode-languageserver';
import { convertTable, formatTables } from '../../core/draft/index.js';
import { REQUESTS, type ConvertTableParams, type ConvertTableResult } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { guard, InvalidParams, onCustom, requireRange, requireUri } from '../guard.js';
import type { DocumentStore } from '../documents.js';


export type { ConvertTableParams, ConvertTableResult };

/** The alignment edits of a document, or of the tables that meet lines `[from, to]` (Format Selection, format on paste). */
export function formattingEdits(documents: DocumentStore, uri: string, lines?: { from: number; to: number }): TextEdit[] {
  const doc = documents.get(uri);
  if (!doc) return [];
  const tables = documents.analyzeSafely(doc).tables.filter((t) => !lines || (t.startLine <= lines.to && t.endLine >= lines.from));
  return tables.length ? formatTables(doc.model.getText(), tables) : [];
}

export function convertEdits(documents: DocumentStore, params: unknown): ConvertTableResult | null {
  const p = (params ?? {}) as Partial<ConvertTableParams>;
  if (typeof p.uri !== 'string' || !Number.isInteger(p.line) || (p.to !== 'pipes' && p.to !== 'tabs')) throw new InvalidParams("expected { uri, line, to: 'pipes' | 'tabs' }");
  const doc = documents.get(p.uri);
  if (!doc) return null;
  return { version: doc.version, edits: convertTable(doc.model.getText(), p.line as number, p.to) };
}

export function register(ctx: ServerContext): void {
  ctx.capabilities(() => ({ documentFormattingProvider: true, documentRangeFormattingProvider: true }));
  ctx.connection.onDocumentFormatting(guard(ctx, 'textDocument/formatting', (params: DocumentFormattingParams) => formattingEdits(ctx.documents, requireUri(params))));
  ctx.connection.onDocumentRangeFormatting(
    guard(ctx, 'textDocument/rangeFormatting', (params: DocumentRangeFormattingParams) => {
      const r = requireRange(params);
      return formattingEdits(ctx.documents, requireUri(params), { from: r.start.line, to: r.end.line });
    }),
  );
  onCustom(ctx, REQUESTS.convertTable, (params) => convertEdits(ctx.documents, params));
}
