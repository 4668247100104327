// textDocument/completion while drafting: at the start of a line in a table, the official rows
// the table lacks (the next expected one first and preselected), inserted with a 0 in every cell
// in the table's layout — as a snippet with a tab stop per cell where the client takes snippets;
// at a heading position, the official headings the report lacks; nothing in numeric cells. The
// choice is the core's (core/draft/completion.ts); this maps it onto LSP items.

import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type CompletionParams } from 'vscode-languageserver';
import { completionsAt, type DraftCompletion } from '../../core/draft/index.js';
import { pick, type Locale } from '../../core/index.js';
import type { ServerContext } from '../context.js';
import { guard, requirePosition, requireUri } from '../guard.js';

/** Typed at a label's start: `（一）`, `(一)`, `三、`, `1.` — they open the list without Control+Space. */
export const TRIGGER_CHARACTERS = ['（', '(', '、', '.'];

const KIND: Record<DraftCompletion['kind'], CompletionItemKind> = {
  row: CompletionItemKind.Field,
  item: CompletionItemKind.Struct,
  table: CompletionItemKind.Class,
  heading: CompletionItemKind.Module,
};

/** The core's completions as LSP items: snippets when the client takes them, else plain text. */
export function toLspItems(items: DraftCompletion[], locale: Locale, snippets: boolean): CompletionItem[] {
  return items.map((c) => ({
    label: c.label,
    kind: KIND[c.kind],
    detail: pick(c.detail, locale),
    sortText: c.sortText,
    filterText: c.filterText,
    preselect: c.preselect || undefined,
    insertTextFormat: snippets ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: c.range, newText: snippets ? c.snippet : c.text },
  }));
}

export function register(ctx: ServerContext): void {
  ctx.capabilities(() => ({ completionProvider: { triggerCharacters: TRIGGER_CHARACTERS, resolveProvider: false } }));
  ctx.connection.onCompletion(
    guard(ctx, 'textDocument/completion', async (params: CompletionParams): Promise<CompletionList | null> => {
      const uri = requireUri(params);
      const position = requirePosition(params);
      const doc = ctx.documents.get(uri);
      if (!doc) return null;
      const items = completionsAt(ctx.documents.analyzeSafely(doc), doc.model, position);
      if (!items.length) return { isIncomplete: false, items: [] };
      const locale = ctx.settings.locale(await ctx.settings.get(uri));
      const snippets = !!ctx.client.capabilities.textDocument?.completion?.completionItem?.snippetSupport;
      return { isIncomplete: false, items: toLspItems(items, locale, snippets) };
    }),
  );
}
