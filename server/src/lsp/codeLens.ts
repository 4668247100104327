// Code lens above each table with identities: its verdict, counting the identities evaluated
// (every cell they need is a number) and how many hold — `勾稽关系 39/39 成立（行 25/25，列 7/7）`
// for table 三, `勾稽关系 3/3 成立` for table 四 — and, when some fail, a lens that recomputes
// the table's totals.

import type { CodeLens } from 'vscode-languageserver/node';
import { pick, type Locale, type Table } from '../core/index.js';
import { COMMAND_RECOMPUTE } from './commands.js';
import { guard, requireUri, type ServerContext } from './context.js';
import { text } from './messages.js';
import { verdict, type Verdict } from './tables.js';

/** A table's verdict in words: `勾稽关系 39/39 成立（行 25/25，列 7/7）`, `identities: 3/3 hold`. */
export function verdictTitle(v: Verdict, kind: Table['kind'], locale: Locale): string {
  if (v.evaluated === 0) return pick(text.noneEvaluated(v.possible), locale);
  let title = kind === 't3' && v.rows && v.columns ? pick(text.verdictT3(v.hold, v.evaluated, v.rows, v.columns), locale) : pick(text.verdict(v.hold, v.evaluated), locale);
  if (v.possible > v.evaluated) title += pick(text.notEvaluated(v.possible - v.evaluated), locale);
  return title;
}

export function register(ctx: ServerContext): void {
  ctx.capabilities(() => ({ codeLensProvider: { resolveProvider: false } }));
  ctx.settings.onDidChange(() => {
    if (ctx.client.capabilities.workspace?.codeLens?.refreshSupport) ctx.connection.sendRequest('workspace/codeLens/refresh').catch((err) => ctx.log.error('code lens refresh failed', err));
  });
  ctx.connection.onCodeLens(
    guard(ctx, 'textDocument/codeLens', async (params): Promise<CodeLens[]> => {
      const uri = requireUri(params);
      const doc = ctx.documents.get(uri);
      if (!doc) return [];
      const settings = await ctx.settings.get(uri);
      const locale = ctx.settings.locale(settings);
      const lenses: CodeLens[] = [];
      for (const t of ctx.documents.analysis(doc).tables) {
        if (t.kind === 't2') continue;
        const v = verdict(t);
        const title = verdictTitle(v, t.kind, locale);
        const range = { start: { line: t.startLine, character: 0 }, end: { line: t.startLine, character: 0 } };
        lenses.push({ range, command: { title, command: '' } });
        if (v.failing.some((id) => id.expected >= 0)) {
          lenses.push({ range, command: { title: pick(text.lensRecompute(), locale), command: COMMAND_RECOMPUTE, arguments: [{ uri, version: doc.version, tableAt: t.startLine }] } });
        }
      }
      return lenses;
    }),
  );
}
