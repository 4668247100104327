// Code lens above each table with identities: its verdict, counting the identities evaluated
// (every cell they need is a number) and how many hold — `勾稽关系 39/39 成立（行 25/25，列 7/7）`
// for table 三, `勾稽关系 3/3 成立` for table 四 — and, when some fail, a lens that recomputes
// the table's totals — unless every failing identity there is anchored at a cell reviewed as accepted
// or a false alarm (recompute would leave it as it is); where the table was not fully checked (rows
// missing, identities not evaluable), the title says so: `…；未完全核对：表三缺 2 行；…`. Above table 二
// (no identities) a lens only where a row of it is missing or a cell was not read as a number:
// `未完全核对：表二 1 处未读入数字（1 个因单元格空白）`. Above the title, when last year's report is
// known (documents.previousOf), which file was taken as last year's.

import { CodeLensRefreshRequest, type CodeLens } from 'vscode-languageserver';
import { pick, tableCoverage, type Analysis, type Locale } from '../../core/index.js';
import { SERVER_COMMANDS } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { fileNameOf } from '../documents.js';
import { guard, requireUri } from '../guard.js';
import { text } from '../messages.js';
import { verdict } from '../tables.js';
import { t2Title, verdictTitle } from '../verdict.js';

/** The lenses of a document at `version`: a verdict per table 三/四, and a recompute lens where one fails; above table 二, what of it was not read, if anything. */
export function codeLenses(uri: string, version: number, a: Analysis, locale: Locale, settled?: (rule: string, cell: string) => boolean): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const t of a.tables) {
    const range = { start: { line: t.startLine, character: 0 }, end: { line: t.startLine, character: 0 } };
    if (t.kind === 't2') {
      // No identities: a lens only where not every row was found or a cell was not read as a number.
      const title = t2Title(t, a.format, locale, a.tables);
      if (title) lenses.push({ range, command: { title, command: '' } });
      continue;
    }
    const v = verdict(t, a.format);
    lenses.push({ range, command: { title: verdictTitle(v, t.kind, locale, tableCoverage(t, a.format, a.tables)), command: '' } });
    if (v.failing.some((id) => id.expected >= 0 && !settled?.(id.rule, id.anchor.key))) {
      lenses.push({ range, command: { title: pick(text.lensRecompute(), locale), command: SERVER_COMMANDS.recompute, arguments: [{ uri, version, tableAt: t.startLine }] } });
    }
  }
  return lenses;
}

/** The lens that names last year's report, above the title (or the first line). */
export function previousLens(a: Analysis, previousSource: string, locale: Locale): CodeLens {
  const line = a.identity.titleRange?.start.line ?? 0;
  const name = fileNameOf(previousSource);
  return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, command: { title: pick(text.lensPrevious(name), locale), command: '' } };
}

export function register(ctx: ServerContext): void {
  ctx.capabilities(() => ({ codeLensProvider: { resolveProvider: false } }));
  const refresh = () => {
    if (ctx.client.capabilities.workspace?.codeLens?.refreshSupport) ctx.connection.sendRequest(CodeLensRefreshRequest.type).catch((err) => ctx.log.error('code lens refresh failed', err));
  };
  ctx.settings.onDidChange(refresh);
  ctx.documents.onDidChangePrevious(refresh);
  ctx.projectConfig.onDidChange(refresh);
  ctx.connection.onCodeLens(
    guard(ctx, 'textDocument/codeLens', async (params): Promise<CodeLens[]> => {
      const uri = requireUri(params);
      const doc = ctx.documents.get(uri);
      if (!doc) return [];
      const settings = await ctx.settings.get(uri);
      const a = ctx.documents.analyzeSafely(doc);
      const locale = ctx.settings.locale(settings);
      const settled = await ctx.projectConfig.settled(uri);
      if (ctx.documents.get(uri) !== doc) return [];
      const lenses = codeLenses(uri, doc.version, a, locale, settled.has);
      const previous = ctx.documents.previousOf(doc);
      if (previous) lenses.unshift(previousLens(a, previous.source, locale));
      return lenses;
    }),
  );
}
