// Format Document: aligns the columns of the ` | ` tables by display width (the core's
// formatTables; nothing else changes, and a second run changes nothing). Format on save is the
// editor's own setting (off unless the user turns it on). The custom request
// `disclosureReport/convertTable` ({ uri, line, to: 'pipes' | 'tabs' }) answers the edits that
// rewrite the table at `line` in the other layout, with the version they were made for.

import type { DocumentFormattingParams, TextEdit } from 'vscode-languageserver/node';
import { convertTable, formatTables, type TableLayout } from '../core/draft/index.js';
import { guard, InvalidParams, requireUri, type ServerContext } from './context.js';
import type { DocumentStore } from './documents.js';

export const CONVERT_TABLE_REQUEST = 'disclosureReport/convertTable';

export interface ConvertTableParams {
  uri: string;
  line: number;
  to: TableLayout;
}

export interface ConvertTableResult {
  version: number;
  edits: TextEdit[];
}

export function formattingEdits(documents: DocumentStore, uri: string): TextEdit[] {
  const doc = documents.get(uri);
  if (!doc) return [];
  return formatTables(doc.text.getText(), documents.analysis(doc).tables);
}

export function convertEdits(documents: DocumentStore, params: unknown): ConvertTableResult | null {
  const p = (params ?? {}) as Partial<ConvertTableParams>;
  if (typeof p.uri !== 'string' || !Number.isInteger(p.line) || (p.to !== 'pipes' && p.to !== 'tabs')) throw new InvalidParams("expected { uri, line, to: 'pipes' | 'tabs' }");
  const doc = documents.get(p.uri);
  if (!doc) return null;
  return { version: doc.version, edits: convertTable(doc.text.getText(), p.line as number, p.to) };
}

export function register(ctx: ServerContext): void {
  ctx.capabilities(() => ({ documentFormattingProvider: true }));
  ctx.connection.onDocumentFormatting(guard(ctx, 'textDocument/formatting', (params: DocumentFormattingParams) => formattingEdits(ctx.documents, requireUri(params))));
  ctx.connection.onRequest(CONVERT_TABLE_REQUEST, guard(ctx, CONVERT_TABLE_REQUEST, (params: unknown) => convertEdits(ctx.documents, params)));
}
