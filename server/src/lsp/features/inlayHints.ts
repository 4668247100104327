// Inlay hints: right after a derived cell that is wrong, what it should be (`应为 12` /
// `should be 12`). A rule switched off in the settings shows no hints either.

import { InlayHint } from 'vscode-languageserver';
import { holds, identities, pick } from '../../core/index.js';
import type { ServerContext } from '../context.js';
import { guard, requireRange, requireUri } from '../guard.js';
import { text } from '../messages.js';

export function register(ctx: ServerContext): void {
  ctx.capabilities(() => ({ inlayHintProvider: { resolveProvider: false } }));
  ctx.settings.onDidChange(() => {
    if (ctx.client.capabilities.workspace?.inlayHint?.refreshSupport) ctx.connection.languages.inlayHint.refresh().catch((err) => ctx.log.error('inlay hint refresh failed', err));
  });
  ctx.connection.languages.inlayHint.on(
    guard(ctx, 'textDocument/inlayHint', async (params): Promise<InlayHint[]> => {
      const uri = requireUri(params);
      const range = requireRange(params);
      const doc = ctx.documents.get(uri);
      if (!doc) return [];
      const settings = await ctx.settings.get(uri);
      const locale = ctx.settings.locale(settings);
      const hints: InlayHint[] = [];
      for (const table of ctx.documents.analyzeSafely(doc).tables) {
        if (table.endLine < range.start.line || table.startLine > range.end.line) continue;
        const shown = new Set<string>();
        for (const id of identities(table)) {
          if (holds(id) || ctx.settings.severity(id.rule, settings) === 'off') continue;
          const c = id.anchor;
          if (c.line < range.start.line || c.line > range.end.line) continue;
          const key = `${c.line}:${c.end}:${id.expected}`;
          if (shown.has(key)) continue;
          shown.add(key);
          hints.push({
            position: { line: c.line, character: c.end },
            label: pick(text.shouldBe(id.expected), locale),
            paddingLeft: true,
            paddingRight: true,
            tooltip: pick(id.describe(id.expected, c.value as number), locale),
          });
        }
      }
      return hints;
    }),
  );
}
