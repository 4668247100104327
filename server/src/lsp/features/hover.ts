// Hover on any table cell: its row and column label and value; on a derived cell each identity
// that computes it, with the numbers (`总计 = 8 + 0 + 0 + 0 + 0 + 0 = 8`), and whether it holds
// (✓) or what the cell should be (✗ 应为 N). On an input cell, the identities it takes part in.

import { MarkupKind, type Hover } from 'vscode-languageserver';
import { holds, identities, pick, type Identity, type Locale } from '../../core/index.js';
import type { ServerContext } from '../context.js';
import { guard, requirePosition, requireUri } from '../guard.js';
import { text } from '../messages.js';
import { cellAt, sameCell, type PlacedCell } from '../tables.js';

function verdictOf(id: Identity, locale: Locale): string {
  return holds(id) ? pick(text.holds(), locale) : pick(text.fails(id.expected, id.anchor.value as number), locale);
}

/** `总计 = 8 + 0 + 0 = 8`: the derived cell's name, then the core's formula with its numbers. */
export function formulaLine(id: Identity, locale: Locale): string {
  return `${pick(text.anchorName(id.rule), locale)} = ${id.formula}`;
}

export function hoverText(placed: PlacedCell, locale: Locale, markdown: boolean): string {
  const { cell, table, row, column } = placed;
  const code = (s: string) => (markdown ? `\`${s}\`` : s);
  const bold = (s: string) => (markdown ? `**${s}**` : s);
  const lines: string[] = [];
  lines.push(`${pick(text.row(), locale)}: ${bold(pick(row, locale))}`);
  lines.push(`${pick(text.column(), locale)}: ${bold(pick(column, locale))}`);
  const value = cell.text === '' ? '—' : cell.text;
  lines.push(`${pick(text.value(), locale)}: ${code(value)}${cell.problem ? ` (${pick(text.problem(cell.problem), locale)})` : ''}`);
  const all = identities(table);
  if (cell.derived) {
    lines.push('', pick(text.derivedCell(), locale));
    const mine = all.filter((id) => sameCell(id.anchor, cell));
    if (!mine.length) lines.push(pick(text.notChecked(), locale));
    for (const id of mine) lines.push(`${code(formulaLine(id, locale))} ${verdictOf(id, locale)}`);
  } else {
    const uses = all.filter((id) => id.summands.some((c) => sameCell(c, cell)));
    if (uses.length) {
      lines.push('', `${pick(text.usedIn(), locale)}:`);
      for (const id of uses) lines.push(`${markdown ? '- ' : '  '}${pick(text.ruleName(id.rule), locale)}: ${code(formulaLine(id, locale))} ${verdictOf(id, locale)}`);
    }
  }
  return lines.join(markdown ? '  \n' : '\n').replace(/ {2}\n {2}\n/g, '\n\n');
}

export function register(ctx: ServerContext): void {
  ctx.capabilities(() => ({ hoverProvider: true }));
  ctx.connection.onHover(
    guard(ctx, 'textDocument/hover', async (params): Promise<Hover | null> => {
      const uri = requireUri(params);
      const pos = requirePosition(params);
      const doc = ctx.documents.get(uri);
      if (!doc) return null;
      const settings = await ctx.settings.get(uri);
      const placed = cellAt(ctx.documents.analyzeSafely(doc), pos);
      if (!placed) return null;
      const formats = ctx.client.capabilities.textDocument?.hover?.contentFormat;
      const markdown = !formats || formats.includes(MarkupKind.Markdown);
      const { cell } = placed;
      return {
        contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: hoverText(placed, ctx.settings.locale(settings), markdown) },
        range: { start: { line: cell.line, character: cell.start }, end: { line: cell.line, character: cell.end } },
      };
    }),
  );
}
