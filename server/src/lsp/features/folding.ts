// Folding ranges: each section (heading to its last non-blank line) and each table.

import { FoldingRangeKind, type FoldingRange } from 'vscode-languageserver';
import type { Analysis } from '../../core/index.js';
import type { Lines, ServerContext } from '../context.js';
import { guard, requireUri } from '../guard.js';

export function foldingRanges(lines: Lines, a: Analysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  for (const s of a.sections) {
    let end = s.endLine;
    while (end > s.heading.line && lines.line(end).trim() === '') end--;
    if (end > s.heading.line) out.push({ startLine: s.heading.line, endLine: end, kind: FoldingRangeKind.Region });
  }
  for (const t of a.tables) {
    if (t.endLine > t.startLine) out.push({ startLine: t.startLine, endLine: t.endLine, kind: FoldingRangeKind.Region });
  }
  return out.sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine);
}

export function register(ctx: ServerContext): void {
  ctx.capabilities(() => ({ foldingRangeProvider: true }));
  ctx.connection.onFoldingRanges(
    guard(ctx, 'textDocument/foldingRange', (params): FoldingRange[] => {
      const doc = ctx.documents.get(requireUri(params));
      if (!doc) return [];
      return foldingRanges(doc.model, ctx.documents.analyzeSafely(doc));
    }),
  );
}
