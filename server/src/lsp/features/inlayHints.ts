// Inlay hints: right after a derived cell that is wrong, what it should be (`应为 12` /
// `should be 12`). A rule switched off in the settings shows no hints either, nor a finding
// reviewed as accepted or a false alarm in `.disclosure-report.json` (a confirmed one keeps its hint).

import type { InlayHint } from 'vscode-languageserver';
import { holds, identities, pick, type Analysis, type Locale, type Range, type RuleId, type Severity } from '../../core/index.js';
import type { ServerContext } from '../context.js';
import { guard, requireRange, requireUri } from '../guard.js';
import { text } from '../messages.js';

/** The hints in `range`: after each wrong derived cell, what it should be (none for a rule that is off). */
export function inlayHints(a: Analysis, range: Range, locale: Locale, severity: (rule: RuleId) => Severity | 'off', settled?: (rule: string, cell: string) => boolean): InlayHint[] {
  const hints: InlayHint[] = [];
  for (const table of a.tables) {
    if (table.endLine < range.start.line || table.startLine > range.end.line) continue;
    const shown = new Set<string>();
    for (const id of identities(table, a.format)) {
      if (holds(id) || severity(id.rule) === 'off' || settled?.(id.rule, id.anchor.key)) continue;
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
}

export function register(ctx: ServerContext): void {
  ctx.capabilities(() => ({ inlayHintProvider: { resolveProvider: false } }));
  const refresh = () => {
    if (ctx.client.capabilities.workspace?.inlayHint?.refreshSupport) ctx.connection.languages.inlayHint.refresh().catch((err) => ctx.log.error('inlay hint refresh failed', err));
  };
  ctx.settings.onDidChange(refresh);
  // A finding reviewed (or its review removed) in .disclosure-report.json: its hint goes (or comes back).
  ctx.projectConfig.onDidChange(refresh);
  ctx.connection.languages.inlayHint.on(
    guard(ctx, 'textDocument/inlayHint', async (params): Promise<InlayHint[]> => {
      const uri = requireUri(params);
      const range = requireRange(params);
      const doc = ctx.documents.get(uri);
      if (!doc) return [];
      const settings = await ctx.settings.get(uri);
      const settled = await ctx.projectConfig.settled(uri);
      return inlayHints(ctx.documents.analyzeSafely(doc), range, ctx.settings.locale(settings), (rule) => ctx.settings.severity(rule, settings), settled.has);
    }),
  );
}
