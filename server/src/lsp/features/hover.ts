// Hover on any table cell: its row and column label and value; on a derived cell each identity
// that computes it, with the numbers (`总计 = 8 + 0 + 0 + 0 + 0 + 0 = 8`), and whether it holds
// (✓) or what the cell should be (✗ 应为 N). On an input cell, the identities it takes part in.
// Where one cell likely holds a typo (core suspectOf), that cell says what it should be, and each
// derived cell whose identity fails says which cell is likely the typo.
// On a prose number the core recognised (analysis.claims), the table cell(s) it states and their value.

import { MarkupKind, type Hover } from 'vscode-languageserver';
import { asSuspect, claimAt, holds, identities, pick, suspectNote, suspectOf, type ClaimReading, type Format, type Identity, type Locale } from '../../core/index.js';
import type { ServerContext } from '../context.js';
import { guard, requirePosition, requireUri } from '../guard.js';
import { text } from '../messages.js';
import { cellAt, sameCell, type PlacedCell } from '../tables.js';

function verdictOf(id: Identity, locale: Locale): string {
  return holds(id) ? pick(text.holds(), locale) : pick(text.fails(id.expected, id.anchor.value as number), locale);
}

/** `总计 = 8 + 0 + 0 = 8`: the derived cell's name, then the core's formula with its numbers. */
export function formulaLine(id: Identity, locale: Locale): string {
  return `${pick(id.anchorName, locale)} = ${id.formula}`;
}

export function hoverText(placed: PlacedCell, format: Format, locale: Locale, markdown: boolean): string {
  const { cell, table, row, column } = placed;
  const code = (s: string) => (markdown ? `\`${s}\`` : s);
  const bold = (s: string) => (markdown ? `**${s}**` : s);
  const lines: string[] = [];
  lines.push(`${pick(text.row(), locale)}: ${bold(pick(row, locale))}`);
  lines.push(`${pick(text.column(), locale)}: ${bold(pick(column, locale))}`);
  const value = cell.text === '' ? '—' : cell.text;
  lines.push(`${pick(text.value(), locale)}: ${code(value)}${cell.problem ? ` (${pick(text.problem(cell.problem), locale)})` : ''}`);
  const all = identities(table, format);
  if (cell.derived) {
    lines.push('', pick(text.derivedCell(), locale));
    const mine = all.filter((id) => sameCell(id.anchor, cell));
    if (!mine.length) lines.push(pick(text.notChecked(), locale));
    // The formula as text, not a code span: a code span does not wrap, and a long one (a column of
    // table 三, fifteen summands) was cut off at the hover's edge.
    for (const id of mine) lines.push(`${formulaLine(id, locale)} ${verdictOf(id, locale)}`);
  } else {
    const uses = all.filter((id) => id.summands.some((c) => sameCell(c, cell)));
    if (uses.length) {
      lines.push('', `${pick(text.usedIn(), locale)}:`);
      for (const id of uses) lines.push(`${markdown ? '- ' : '  '}${pick(text.ruleName(id.rule), locale)}: ${formulaLine(id, locale)} ${verdictOf(id, locale)}`);
    }
  }
  const s = suspectOf(table, format);
  if (s && sameCell(s.at, cell)) lines.push('', bold(pick(text.suspectHere(s.value, s.explains.length), locale)));
  else if (s && cell.derived && s.explains.some((id) => sameCell(id.anchor, cell))) {
    lines.push('', pick(text.suspectElsewhere(suspectNote(asSuspect(s))), locale));
  }
  return lines.join(markdown ? '  \n' : '\n').replace(/ {2}\n {2}\n/g, '\n\n');
}

/**
 * Hover on a recognised prose number: the table figure it states (the cell or cells, their keys)
 * and its value, and whether the prose agrees, even when it does.
 */
export function claimHoverText(r: ClaimReading, locale: Locale, markdown: boolean): string {
  const code = (s: string) => (markdown ? `\`${s}\`` : s);
  const lines = [pick(r.message, locale), ...(markdown ? [''] : [])];
  for (const { reading, value } of r.readings) {
    const keys = reading.keys.length > 3 ? `${reading.keys[0]} … ${reading.keys[reading.keys.length - 1]}` : reading.keys.join(' + ');
    lines.push(`${markdown ? '- ' : '  '}${pick(reading.label, locale)}: ${code(value === null ? '—' : String(value))} (${code(keys)})`);
  }
  return lines.join('\n');
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
      const analysis = ctx.documents.analyzeSafely(doc);
      const placed = cellAt(analysis, pos);
      const formats = ctx.client.capabilities.textDocument?.hover?.contentFormat;
      const markdown = !formats || formats.includes(MarkupKind.Markdown);
      if (!placed) {
        const claim = claimAt(analysis.claims, pos);
        if (!claim) return null;
        const c = claim.claim;
        return {
          contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: claimHoverText(claim, ctx.settings.locale(settings), markdown) },
          range: { start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } },
        };
      }
      const { cell } = placed;
      return {
        contents: { kind: markdown ? MarkupKind.Markdown : MarkupKind.PlainText, value: hoverText(placed, analysis.format, ctx.settings.locale(settings), markdown) },
        range: { start: { line: cell.line, character: cell.start }, end: { line: cell.line, character: cell.end } },
      };
    }),
  );
}
