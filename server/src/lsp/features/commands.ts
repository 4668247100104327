// Server commands (`workspace/executeCommand`): what the code lens runs, and what clients without
// code-action literals get instead of a code action. Each command names the document version it
// was made for, recomputes its edits from the server's copy and applies them through
// `workspace/applyEdit`; a command for an older version does nothing. Recompute of the whole
// document is fix-all (the recompute and the safe fixes, as the fix-all code action); cells
// reviewed as accepted are left alone. Registered in
// ctx.commands (server.ts answers `workspace/executeCommand` for every feature's commands).

import type { ExecuteCommandParams } from 'vscode-languageserver';
import { pick } from '../../core/index.js';
import { SERVER_COMMANDS } from '../../protocol.js';
import type { ServerContext } from '../context.js';
import { InvalidParams } from '../guard.js';
import { text } from '../messages.js';
import { tableAt } from '../tables.js';
import { documentFindings } from '../reportDiagnostics.js';
import { reviewText } from '../reviewMessages.js';

const { fix: COMMAND_FIX, recompute: COMMAND_RECOMPUTE } = SERVER_COMMANDS;

interface CommandArgs {
  uri: string;
  version: number;
  /** COMMAND_FIX: the diagnostic's rule and start. */
  rule?: string;
  at?: { line: number; character: number };
  /** COMMAND_FIX: change the cell the diagnostic names as likely mistyped, not the diagnostic's own. */
  suspect?: boolean;
  /** COMMAND_RECOMPUTE: a line of the table to recompute; absent: the whole document. */
  tableAt?: number;
}

function readArgs(p: ExecuteCommandParams): CommandArgs {
  const a = (Array.isArray(p.arguments) ? p.arguments[0] : undefined) as Partial<CommandArgs> | undefined;
  if (!a || typeof a.uri !== 'string' || !Number.isInteger(a.version)) throw new InvalidParams('expected arguments [{ uri, version, … }]');
  return a as CommandArgs;
}

export function register(ctx: ServerContext): void {
  const run = async (params: ExecuteCommandParams) => {
    const args = readArgs(params);
    const doc = ctx.documents.get(args.uri);
    const settings = await ctx.settings.get(args.uri);
    const locale = ctx.settings.locale(settings);
    if (!doc || doc.version !== args.version) {
      void ctx.connection.window.showInformationMessage(pick(text.staleDocument(), locale));
      return { applied: false };
    }
    let edits;
    let label: string;
    if (params.command === COMMAND_FIX) {
      if (typeof args.rule !== 'string' || !args.at) throw new InvalidParams('expected { rule, at }');
      const d = ctx.fixes.findDiagnostic(doc, args.rule, args.at);
      const fix = d && (args.suspect === true ? ctx.fixes.suspectFix(d) : d.fix);
      edits = fix?.edits ?? [];
      label = fix ? pick(fix.title, locale) : '';
    } else {
      const findings = await documentFindings(ctx, doc, settings);
      if (ctx.documents.get(args.uri) !== doc || doc.version !== args.version) return { applied: false };
      if (args.tableAt === undefined) {
        const result = ctx.fixes.fixAll(doc, findings.kept, findings.settled.cells);
        edits = result.edits;
        label = pick(reviewText.fixAll(result.changes.length), locale);
      } else {
        edits = ctx.fixes.recomputeEdits(doc, args.tableAt, findings.settled.cells);
        const table = tableAt(ctx.documents.analyzeSafely(doc), args.tableAt);
        label = pick(table ? text.recomputeTable(text.tableShort(table.kind)) : text.recomputeAll(), locale);
      }
    }
    if (!edits.length) {
      void ctx.connection.window.showInformationMessage(pick(text.nothingToRecompute(), locale));
      return { applied: false };
    }
    const r = await ctx.connection.workspace.applyEdit({ label, edit: ctx.fixes.workspaceEdit(doc, edits) });
    return { applied: r.applied };
  };
  ctx.commands.register(COMMAND_FIX, run);
  ctx.commands.register(COMMAND_RECOMPUTE, run);
}
