// What "Fix all auto-fixable problems" (commands.ts fixAll) says, decided apart from the vscode API
// so that the unit tests read it (test/client-fixall.test.ts):
//   - on a draft (read-only: its fixes are filtered out, languageClient.ts readOnlyDrafts) it says
//     the draft is read-only and what to do, not "No automatic fixes available" beside the
//     squiggles and recompute hints of a report that has them;
//   - after the fix-all action it says "Applied the automatic fixes." only when nothing else said
//     what happened: the fixes' output channel's own "N change(s) applied" (the action's
//     `reportFixes` command) says it already, and a server command that applied nothing
//     (`{ applied: false }`: a stale document, nothing to recompute, the edit refused) applied nothing.
import { CLIENT_COMMANDS, DRAFT_SCHEME } from '../../server/src/protocol';

/** Why Fix All does not run on the document at `uri`: the draft of a .docx (its totals can be written back), or of a web page or PDF; undefined for any other document. */
export function fixAllRefusal(uri: { scheme: string; path: string }): 'docx' | 'source' | undefined {
  if (uri.scheme !== DRAFT_SCHEME) return undefined;
  return /\.docx\.txt$/i.test(uri.path) ? 'docx' : 'source';
}

/** Whether Fix All still says "Applied the automatic fixes." once the action ran: its command (if any) and what that answered. */
export function saysApplied(ran?: { command: string; result: unknown }): boolean {
  if (!ran) return true;
  if (ran.command === CLIENT_COMMANDS.reportFixes) return false;
  const r = ran.result as { applied?: unknown } | null | undefined;
  return !(r && typeof r === 'object' && r.applied === false);
}
