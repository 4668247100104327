// What "Fix all auto-fixable problems" says (client/src/fixAllNotice.ts, used by commands.ts fixAll):
// on a read-only draft it said "No automatic fixes available for this report." beside the
// squiggles of totals that can be recomputed (the draft's fixes are filtered out, not absent); after
// the fix-all action it said "Applied the automatic fixes." in the status bar beside the fixes'
// channel's own "r.txt: 3 change(s) applied." (twice), and also when the server's command answered
// that it applied nothing. Run: node test/run.mjs test/client-fixall.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixAllRefusal, saysApplied } from '../client/src/fixAllNotice.ts';
import { translate } from '../client/src/bundle.ts';
import { CLIENT_COMMANDS, DRAFT_SCHEME, SERVER_COMMANDS } from '../server/src/protocol.ts';

test('a draft is read-only: Fix All says so (a .docx’s totals can be written back), instead of "no automatic fixes"', () => {
  assert.equal(fixAllRefusal({ scheme: DRAFT_SCHEME, path: '/w/青禾县 2025.docx.txt' }), 'docx');
  assert.equal(fixAllRefusal({ scheme: DRAFT_SCHEME, path: '/w/r.DOCX.txt' }), 'docx');
  assert.equal(fixAllRefusal({ scheme: DRAFT_SCHEME, path: '/w/r.pdf.txt' }), 'source');
  assert.equal(fixAllRefusal({ scheme: DRAFT_SCHEME, path: '/w/r.html.txt' }), 'source');
  assert.equal(fixAllRefusal({ scheme: 'file', path: '/w/r.docx.txt' }), undefined, 'a file on disk named so is a report like any other');
  assert.equal(fixAllRefusal({ scheme: 'untitled', path: 'Untitled-1' }), undefined);
  // The words it says, in both languages.
  const hint = 'This draft is read-only. To change the report, edit the Word document (or write the recomputed totals back with “Write fixes back to the .docx”).';
  assert.match(translate('zh-CN', hint), /只读/);
  assert.match(translate('zh-CN', '{0}: fixes cannot be written back into a web page or PDF; fix the document it was made from.', 'r.pdf'), /^r\.pdf：/);
});

test('"Applied the automatic fixes." is said once: not beside the fixes’ channel’s "N change(s) applied", nor when the server applied nothing', () => {
  assert.equal(saysApplied(undefined), true, 'an edit alone: nothing else says it was applied');
  assert.equal(saysApplied({ command: CLIENT_COMMANDS.reportFixes, result: undefined }), false, 'the fixes’ channel says "N change(s) applied" itself');
  assert.equal(saysApplied({ command: SERVER_COMMANDS.recompute, result: { applied: false } }), false, 'the server applied nothing (stale, nothing to recompute, or the edit refused)');
  assert.equal(saysApplied({ command: SERVER_COMMANDS.recompute, result: { applied: true } }), true);
  assert.equal(saysApplied({ command: SERVER_COMMANDS.recompute, result: null }), true);
});
