// Document symbols for the outline and breadcrumbs: the six sections as written, each with its
// tables as children. Clients without hierarchical symbols get a flat list with containers.

import { SymbolKind, type DocumentSymbol, type Range, type SymbolInformation } from 'vscode-languageserver';
import { pick, type Analysis, type Format, type Locale, type Table } from '../../core/index.js';
import { NOTIFICATIONS } from '../../protocol.js';
import type { Lines, ServerContext } from '../context.js';
import { guard, requireUri, sendNotice } from '../guard.js';
import { labels, text } from '../messages.js';
import { tableVerdictTitle } from '../verdict.js';

function linesRange(doc: Lines, from: number, to: number): Range {
  return { start: { line: from, character: 0 }, end: { line: to, character: doc.line(to).length } };
}

function tableSymbol(doc: Lines, t: Table, format: Format, locale: Locale, tables: readonly Table[]): DocumentSymbol {
  const range = linesRange(doc, t.startLine, t.endLine);
  return {
    name: pick(text.tableName(t.kind), locale),
    detail: tableVerdictTitle(t, format, locale, tables),
    kind: SymbolKind.Array,
    range,
    selectionRange: { start: range.start, end: { line: t.startLine, character: doc.line(t.startLine).length } },
  };
}

export function documentSymbols(doc: Lines, a: Analysis, locale: Locale): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const placed = new Set<Table>();
  for (const s of a.sections) {
    const h = s.heading;
    // The core decides what the official heading is and whether this one is (section-title agrees).
    const official = h.official;
    const children = a.tables.filter((t) => t.startLine > h.line && t.endLine <= s.endLine);
    children.forEach((t) => placed.add(t));
    out.push({
      name: h.text || official,
      detail: h.isOfficial ? undefined : pick(text.officialHeading(official), locale),
      kind: SymbolKind.Module,
      range: linesRange(doc, h.line, Math.max(h.line, s.endLine)),
      selectionRange: { start: { line: h.line, character: h.start }, end: { line: h.line, character: h.end } },
      children: children.map((t) => tableSymbol(doc, t, a.format, locale, a.tables)),
    });
  }
  // Tables outside every section (a draft without headings) stand on their own.
  for (const t of a.tables) if (!placed.has(t)) out.push(tableSymbol(doc, t, a.format, locale, a.tables));
  return out.sort((x, y) => x.range.start.line - y.range.start.line);
}

function flatten(uri: string, symbols: DocumentSymbol[], container?: string): SymbolInformation[] {
  return symbols.flatMap((s) => [
    { name: s.name, kind: s.kind, location: { uri, range: s.range }, ...(container ? { containerName: container } : {}) },
    ...flatten(uri, s.children ?? [], s.name),
  ]);
}

export function register(ctx: ServerContext): void {
  ctx.capabilities(() => ({ documentSymbolProvider: { label: labels.symbolProvider } }));
  // The table names and verdicts follow the locale setting; a client that keeps symbols until the
  // text changes (VS Code) is told to ask again.
  ctx.settings.onDidChange(() => {
    if (ctx.client.symbolsRefresh) sendNotice(ctx, NOTIFICATIONS.symbolsChanged);
  });
  ctx.connection.onDocumentSymbol(
    guard(ctx, 'textDocument/documentSymbol', async (params): Promise<DocumentSymbol[] | SymbolInformation[]> => {
      const uri = requireUri(params);
      const doc = ctx.documents.get(uri);
      if (!doc) return [];
      const settings = await ctx.settings.get(uri);
      const symbols = documentSymbols(doc.model, ctx.documents.analyzeSafely(doc), ctx.settings.locale(settings));
      const hierarchical = !!ctx.client.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport;
      return hierarchical ? symbols : flatten(uri, symbols);
    }),
  );
}
