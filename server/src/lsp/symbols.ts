// Document symbols for the outline and breadcrumbs: the six sections as written, each with its
// tables as children. Clients without hierarchical symbols get a flat list with containers.

import { SymbolKind, type DocumentSymbol, type Range, type SymbolInformation } from 'vscode-languageserver/node';
import { pick, type Analysis, type Locale, type Table } from '../core/index.js';
import { guard, requireUri, type ServerContext } from './context.js';
import type { ReportDocument } from './documents.js';
import { labels, text } from './messages.js';
import { verdict } from './tables.js';
import { verdictTitle } from './codeLens.js';

function linesRange(doc: ReportDocument, from: number, to: number): Range {
  return { start: { line: from, character: 0 }, end: { line: to, character: doc.model.line(to).length } };
}

export function tableDetail(t: Table, locale: Locale): string {
  return t.kind === 't2' ? '' : verdictTitle(verdict(t), t.kind, locale);
}

function tableSymbol(doc: ReportDocument, t: Table, locale: Locale): DocumentSymbol {
  const range = linesRange(doc, t.startLine, t.endLine);
  return {
    name: pick(text.tableName(t.kind), locale),
    detail: tableDetail(t, locale),
    kind: SymbolKind.Array,
    range,
    selectionRange: { start: range.start, end: { line: t.startLine, character: doc.model.line(t.startLine).length } },
  };
}

export function documentSymbols(doc: ReportDocument, a: Analysis, locale: Locale): DocumentSymbol[] {
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
      children: children.map((t) => tableSymbol(doc, t, locale)),
    });
  }
  // Tables outside every section (a draft without headings) stand on their own.
  for (const t of a.tables) if (!placed.has(t)) out.push(tableSymbol(doc, t, locale));
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
  ctx.connection.onDocumentSymbol(
    guard(ctx, 'textDocument/documentSymbol', async (params): Promise<DocumentSymbol[] | SymbolInformation[]> => {
      const uri = requireUri(params);
      const doc = ctx.documents.get(uri);
      if (!doc) return [];
      const settings = await ctx.settings.get(uri);
      const symbols = documentSymbols(doc, ctx.documents.analysis(doc), ctx.settings.locale(settings));
      const hierarchical = !!ctx.client.capabilities.textDocument?.documentSymbol?.hierarchicalDocumentSymbolSupport;
      return hierarchical ? symbols : flatten(uri, symbols);
    }),
  );
}
