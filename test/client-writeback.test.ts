// What "Write fixes back to the .docx" says of the server's answer (client/src/writeBackNotice.ts):
// one notification, and the cells, written or not, listed in the fixes' output channel without
// that channel's own "N change(s) applied" (notify: false) — beside a refused write it claimed
// changes that were never written (seen in the real editor, test/e2e scenario z).
// Run: node test/run.mjs test/client-writeback.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { writeBackNotice, type WriteBackWords } from '../client/src/writeBackNotice.ts';
import type { WrittenChange } from '../server/src/protocol.ts';

const URI = 'file:///w/r.docx';
const words: WriteBackWords = {
  written: (n, skipped) => `written ${n} skipped ${skipped}`,
  nothing: () => 'nothing',
  failed: (why) => `failed: ${why}`,
  notWritten: (n) => `not written ${n}`,
  pick: (l) => l.en,
};
const CHANGES: WrittenChange[] = [
  { rule: 'request-row-total', key: 't3.new.total', label: { zh: '本年新收 / 总计', en: 'new requests this year / total' }, old: '19', new: '18', line: 23 },
  { rule: 'review-total', key: 't4.review.total', label: { zh: '行政复议 / 总计', en: 'administrative review: total' }, old: '3', new: '2', line: 52 },
];
const LISTED = [
  { line: 23, rule: 'request-row-total', key: 't3.new.total', what: 'new requests this year / total', old: '19', new: '18' },
  { line: 52, rule: 'review-total', key: 't4.review.total', what: 'administrative review: total', old: '3', new: '2' },
];

test('a refused write: the error alone says what happened; the cells not written are listed without a notification claiming them applied', () => {
  const n = writeBackNotice(URI, { error: { zh: '没有权限', en: 'permission denied' }, unwritten: CHANGES }, words);
  assert.deepEqual(n, { severity: 'error', text: 'failed: permission denied', list: { uri: URI, title: 'not written 2', changes: LISTED, notify: false }, written: false });
});

test('a refused write with nothing it would have changed (the file unreadable): the error, no list', () => {
  assert.deepEqual(writeBackNotice(URI, { error: { zh: '文件或目录不存在', en: 'no such file or directory' } }, words), { severity: 'error', text: 'failed: no such file or directory', list: undefined, written: false });
  assert.equal(writeBackNotice(URI, { error: { zh: 'x', en: 'x' }, unwritten: [] }, words).list, undefined);
});

test('cells written back: one notification saying so, the cells listed under the same words without a second one', () => {
  const n = writeBackNotice(URI, { changes: CHANGES, skipped: 1, text: '' }, words);
  assert.deepEqual(n, { severity: 'information', text: 'written 2 skipped 1', list: { uri: URI, title: 'written 2 skipped 1', changes: LISTED, notify: false }, written: true });
});

test('nothing to write: says so, lists nothing, the draft is not read again', () => {
  assert.deepEqual(writeBackNotice(URI, { changes: [], skipped: 0, text: '' }, words), { severity: 'information', text: 'nothing', written: false });
});

test('the labels in the client’s language', () => {
  const zh = writeBackNotice(URI, { error: { zh: '没有权限', en: 'permission denied' }, unwritten: CHANGES }, { ...words, pick: (l) => l.zh });
  assert.equal(zh.text, 'failed: 没有权限');
  assert.deepEqual(zh.list?.changes.map((c) => c.what), ['本年新收 / 总计', '行政复议 / 总计']);
});
