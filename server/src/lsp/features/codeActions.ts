// Code actions. A quick fix per diagnostic that has one right answer (a wrong total, a label or
// heading off the official wording, full-width digits) or that rewrites a prose number to the
// table's (quick fix only, not preferred); first of all, where one cell likely holds a typo, the
// change of that cell (on the diagnostics it explains and on the cell itself; the total's fix
// comes second, not preferred, as it would fit the total to the typo); `recompute every total of
// this table`, `source.fixAll.disclosure-report` for the whole document (the recompute of `--fix`
// and every fix that cannot change a number a person typed: wording, full-width digits,
// placeholders, units; with the list of changes for a client that shows it), and "Mark as
// reviewed" on every finding: for a client that declared the command `disclosureReport.markReviewed`,
// an action that runs it (the client asks for a status and a reason, then
// `disclosureReport/reviewEdit`, features/review.ts); for any other, the entry (status accepted, no
// reason, today's date) added to `.disclosure-report.json` as the action's edit (the file created
// when there is none). On a `reviewed-stale` note, removing its entry from that file. Cells
// reviewed as accepted are left alone by the recompute and fix-all (their findings are not
// reported, so no quick fix either).
//
// The client's diagnostics only say which fixes are wanted: every edit is rebuilt from the
// server's copy, the diagnostic found again by rule and position. A request whose diagnostics
// were computed for an older version than the server's gets no actions (the fix-all the client
// asks for explicitly, as on save, depends on nothing the client sent and is still answered).

import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Command,
  type Diagnostic as LspDiagnostic,
  type Range,
} from 'vscode-languageserver';
import { ARITHMETIC_RULES, pick, type Diagnostic as CoreDiagnostic, type Locale, type RuleId } from '../../core/index.js';
import { CLIENT_COMMANDS, DIAGNOSTIC_SOURCE, FIX_ALL_KIND, SERVER_COMMANDS, type FixReport, type ReviewTarget } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import type { ReportDocument } from '../documents.js';
import { readData } from '../convert.js';
import { guard, requireRange, requireUri } from '../guard.js';
import { text } from '../messages.js';
import { tableAt } from '../tables.js';
import { workspaceText } from '../workspaceMessages.js';
import { isoDate, REVIEWED_STALE, statusOf } from '../../config/index.js';
import { changeInfos } from '../fixes.js';
import { coreDiagnostics, documentFindings } from '../reportDiagnostics.js';
import { reviewText } from '../reviewMessages.js';


/** Does the client's `only` filter let a kind through (a kind matches itself and its prefixes)? */
export function wants(only: string[] | undefined, kind: string): boolean {
  return !only || only.length === 0 || only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** What one code action request's parts share: the document at the version asked about, and how actions are handed back. */
interface Request {
  ctx: ServerContext;
  doc: ReportDocument;
  uri: string;
  version: number;
  locale: Locale;
  /** Whether the client takes CodeAction literals (else Commands). */
  literals: boolean;
  /** The client's diagnostics that are ours. */
  ours: LspDiagnostic[];
  findings: Findings;
  actions: (CodeAction | Command)[];
  /** A CodeAction, or the Command doing the same for a client without literals. */
  add(a: CodeAction, command: Command): void;
}

type Findings = Awaited<ReturnType<typeof documentFindings>>;

export function register(ctx: ServerContext): void {
  ctx.capabilities(() => ({
    codeActionProvider: {
      codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND],
      resolveProvider: false,
    },
  }));

  ctx.connection.onCodeAction(
    guard(ctx, 'textDocument/codeAction', async (params: CodeActionParams, token) => {
      const uri = requireUri(params);
      const range = requireRange(params);
      const doc = ctx.documents.get(uri);
      if (!doc) return [];
      const version = doc.version;
      const only = Array.isArray(params.context?.only) ? params.context.only : undefined;
      const sent: LspDiagnostic[] = Array.isArray(params.context?.diagnostics) ? params.context.diagnostics : [];
      const ours = sent.filter((d) => d && d.source === DIAGNOSTIC_SOURCE);
      const stale = ours.some((d) => readData(d)?.version !== undefined && readData(d)!.version !== version);
      const explicitFixAll = !!only && only.some((o) => o.startsWith(CodeActionKind.Source));
      if (stale && !explicitFixAll) return [];

      const settings = await ctx.settings.get(uri);
      if (token.isCancellationRequested || ctx.documents.get(uri) !== doc || doc.version !== version) return [];
      const literals = !!ctx.client.capabilities.textDocument?.codeAction?.codeActionLiteralSupport;
      const findings = await documentFindings(ctx, doc, settings);
      if (token.isCancellationRequested || ctx.documents.get(uri) !== doc || doc.version !== version) return [];
      const actions: (CodeAction | Command)[] = [];
      const q: Request = { ctx, doc, uri, version, locale: ctx.settings.locale(settings), literals, ours, findings, actions, add: (a, command) => actions.push(literals ? a : command) };

      if (!stale && wants(only, CodeActionKind.QuickFix)) {
        quickFixes(q, range);
        await reviewActions(q);
      }
      if (wants(only, FIX_ALL_KIND)) fixAll(q);
      if (token.isCancellationRequested || doc.version !== version) return [];
      return actions;
    }),
  );
}

/** The quick fixes: the likely mistyped cell's, each diagnostic's own, and the recompute of the table under the cursor. */
function quickFixes(q: Request, range: Range): void {
  const { ctx, doc, uri, version, locale, ours, add } = q;
  const keep = q.findings.settled.cells;
  // The likely mistyped cell first, once per cell, with the diagnostics it explains (not when
  // a diagnostic sent is anchored at it: a total that is itself the typo, whose fix follows).
  const suspects = new Map<string, { core: CoreDiagnostic; diagnostics: LspDiagnostic[] }>();
  const anchored = new Set<string>();
  const suspectOf = (core: CoreDiagnostic | undefined, d?: LspDiagnostic) => {
    const s = core && ctx.fixes.suspectFix(core);
    if (!s) return;
    const entry = suspects.get(s.cell) ?? suspects.set(s.cell, { core: core!, diagnostics: [] }).get(s.cell)!;
    if (d) entry.diagnostics.push(d);
  };
  for (const d of ours) {
    const data = readData(d);
    const core = data && ARITHMETIC_RULES.has(data.rule) ? ctx.fixes.findDiagnostic(doc, data.rule, data.at) : undefined;
    if (core?.cell) anchored.add(core.cell);
    suspectOf(core, d);
  }
  for (const core of ctx.fixes.suspectsAt(doc, range)) suspectOf(core);
  for (const [cell, { core, diagnostics }] of suspects) {
    if (anchored.has(cell)) continue;
    const s = ctx.fixes.suspectFix(core)!;
    const title = pick(s.title, locale);
    add(
      { title, kind: CodeActionKind.QuickFix, diagnostics, isPreferred: true, edit: ctx.fixes.workspaceEdit(doc, s.edits) },
      { title, command: SERVER_COMMANDS.fix, arguments: [{ uri, version, rule: core.rule, at: core.range.start, suspect: true }] },
    );
  }
  // One quick fix per diagnostic of ours that has a fix.
  for (const d of ours) {
    const data = readData(d);
    const rule = (data?.rule ?? d.code) as RuleId;
    const at = data?.at ?? d.range?.start;
    if (typeof rule !== 'string' || !at) continue;
    const core = ctx.fixes.findDiagnostic(doc, rule, at);
    if (!core?.fix) continue;
    const title = pick(core.fix.title, locale);
    add(
      // A fix that rewrites prose (the table's value into the prose, a total to its parts'
      // sum) is never preferred: which side is wrong is the author's call, so no auto-fix
      // picks it; recompute and source.fixAll never include it.
      { title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: core.fix.changes !== 'prose' && !ctx.fixes.suspectFix(core), edit: ctx.fixes.workspaceEdit(doc, core.fix.edits) },
      { title, command: SERVER_COMMANDS.fix, arguments: [{ uri, version, rule, at: core.range.start }] },
    );
  }
  // Recompute every total of the table under the cursor, when one is wrong.
  const table = tableAt(ctx.documents.analyzeSafely(doc), range.start.line);
  if (table && table.kind !== 't2') {
    const edits = ctx.fixes.recomputeEdits(doc, table.startLine, keep);
    if (edits.length) {
      const title = pick(text.recomputeTable(text.tableShort(table.kind)), locale);
      const inTable = ours.filter((d) => ARITHMETIC_RULES.has(d.code as RuleId) && d.range && d.range.start.line >= table.startLine && d.range.start.line <= table.endLine);
      add(
        { title, kind: CodeActionKind.QuickFix, diagnostics: inTable, edit: ctx.fixes.workspaceEdit(doc, edits) },
        { title, command: SERVER_COMMANDS.recompute, arguments: [{ uri, version, tableAt: table.startLine }] },
      );
    }
  }
}

/** "Mark as reviewed": the finding recorded in .disclosure-report.json (created when absent); a stale entry's removal. */
async function reviewActions(q: Request): Promise<void> {
  const { ctx, doc, uri, version, locale, literals, ours, findings, actions } = q;
  const prompt = ctx.client.clientCommands.has(CLIENT_COMMANDS.markReviewed);
  if (!literals && !prompt) return;
  const ops = ctx.client.capabilities.workspace?.workspaceEdit?.resourceOperations ?? [];
  const all = coreDiagnostics(ctx, doc);
  const at = (x: { rule: string; range: { start: { line: number; character: number } } }) => `${x.rule} ${x.range.start.line}:${x.range.start.character}`;
  const confirmed = new Set(findings.reviewed.filter((x) => statusOf(x.entry) === 'confirmed').map((x) => at(x.d)));
  for (const d of ours) {
    const data = readData(d);
    if (!data) continue;
    if ((data.rule as string) === REVIEWED_STALE) {
      // A stale entry: remove it from the config file.
      const index = ((d as { data?: { entry?: unknown } }).data)?.entry;
      const edit = typeof index === 'number' ? await ctx.projectConfig.removeEdit(uri, index, ctx.client.documentChanges) : undefined;
      if (edit && literals) actions.push({ title: pick(workspaceText.removeEntry(), locale), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit });
      continue;
    }
    // Found again in the server's copy (cross-year findings included), by rule and start.
    const core = all.find((x) => x.rule === data.rule && x.range.start.line === data.at.line && x.range.start.character === data.at.character);
    if (!core) continue;
    if (prompt) {
      const isConfirmed = confirmed.has(at(core));
      const target: ReviewTarget = { uri, version, rule: core.rule, at: core.range.start, ...(isConfirmed ? { current: 'confirmed' as const } : {}) };
      const title = pick(isConfirmed ? reviewText.changeReview() : reviewText.markReviewed(), locale);
      const command = { title, command: CLIENT_COMMANDS.markReviewed, arguments: [target] };
      actions.push(literals ? { title, kind: CodeActionKind.QuickFix, diagnostics: [d], command } : command);
      continue;
    }
    // No prompt in this client: recorded as accepted, with the date and no reason.
    const r = await ctx.projectConfig.reviewEdit(uri, core, doc.model, {
      canCreate: ops.includes('create'),
      documentChanges: ctx.client.documentChanges,
      review: { status: 'accepted', reason: '', date: isoDate() },
    });
    if (!r) continue;
    actions.push({ title: pick(workspaceText.markReviewed(), locale), kind: CodeActionKind.QuickFix, diagnostics: [d], edit: r.edit });
  }
}

/** `source.fixAll.disclosure-report`: the recompute and every fix that cannot change a number a person typed, with the list of changes for a client that shows it. */
function fixAll(q: Request): void {
  const { ctx, doc, uri, version, locale, findings, add } = q;
  const keep = findings.settled.cells;
  const result = ctx.fixes.fixAll(doc, findings.kept, keep);
  if (result.edits.length) {
    const title = pick(reviewText.fixAll(result.changes.length), locale);
    const action: CodeAction = { title, kind: FIX_ALL_KIND, diagnostics: [], edit: ctx.fixes.workspaceEdit(doc, result.edits) };
    if (ctx.client.clientCommands.has(CLIENT_COMMANDS.reportFixes)) {
      // After the edit, the client lists what changed (cells and labels, old → new).
      const report: FixReport = { uri, title, changes: changeInfos(result, locale) };
      action.command = { title, command: CLIENT_COMMANDS.reportFixes, arguments: [report] };
    }
    add(action, { title, command: SERVER_COMMANDS.recompute, arguments: [{ uri, version }] });
  }
}
