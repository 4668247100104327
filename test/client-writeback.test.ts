// What "Write fixes back to the .docx" says of the server's answer (client/src/writeBackNotice.ts):
// one notification, and the cells, written or not, listed in the fixes' output channel without
// that channel's own "N change(s) applied" (notify: false) — beside a refused write it claimed
// changes that were never written (seen in the real editor, test/e2e scenario z). A write-back
// that could write none of its cells says nothing changed and names them, and why (it said
// "nothing to recompute"); the channel's heading names the file once, in both languages (it read
// "r.docx — r.docx: …").
// Run: node test/run.mjs test/client-writeback.test.ts
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { translate, writeBackStrings, type UiLocale } from '../client/src/bundle.ts';
import { fixLogHeading, writeBackNotice, type WriteBackWords } from '../client/src/writeBackNotice.ts';
import type { SkippedChange, WrittenChange, WrittenFixes } from '../server/src/protocol.ts';
import { NO_RUN } from '../server/src/sources/fixSource.ts';

const URI = 'file:///w/r.docx';
const words: WriteBackWords = {
  written: (n, skipped, why) => `written ${n} skipped ${skipped}${skipped ? ` (${why})` : ''}`,
  nothing: () => 'nothing',
  noneWritten: (n, why, cells) => `none of ${n} written (${why}): ${cells}`,
  failed: (why) => `failed: ${why}`,
  writtenList: (n) => `list written ${n}`,
  notWritten: (n) => `not written ${n}`,
  skippedList: (n, why) => `skipped ${n} (${why})`,
  join: (names) => names.join('; '),
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
const SKIPPED: SkippedChange[] = [{ rule: 'litigation-total', key: 't4.direct.total', label: { zh: '未经复议直接起诉 / 总计', en: 'direct suit: total' }, old: '-', new: '4', line: 52, why: NO_RUN }];
const SKIPPED_LISTED = [{ line: 52, rule: 'litigation-total', key: 't4.direct.total', what: 'direct suit: total', old: '-', new: '4' }];

test('a refused write: the error alone says what happened; the cells not written are listed without a notification claiming them applied', () => {
  const n = writeBackNotice(URI, { error: { zh: '没有权限', en: 'permission denied' }, unwritten: CHANGES }, words);
  assert.deepEqual(n, { severity: 'error', text: 'failed: permission denied', lists: [{ uri: URI, title: 'not written 2', changes: LISTED, notify: false }], written: false });
});

test('a refused write with nothing it would have changed (the file unreadable): the error, no list', () => {
  assert.deepEqual(writeBackNotice(URI, { error: { zh: '文件或目录不存在', en: 'no such file or directory' } }, words), { severity: 'error', text: 'failed: no such file or directory', lists: [], written: false });
  assert.deepEqual(writeBackNotice(URI, { error: { zh: 'x', en: 'x' }, unwritten: [] }, words).lists, []);
});

test('cells written back: one notification saying so, the cells listed without a second one', () => {
  const n = writeBackNotice(URI, { changes: CHANGES, skipped: [], text: '' }, words);
  assert.deepEqual(n, { severity: 'information', text: 'written 2 skipped 0', lists: [{ uri: URI, title: 'list written 2', changes: LISTED, notify: false }], written: true });
});

test('cells written back and one that could not be: the notification counts both apart and says why; the one not written is listed under its own heading', () => {
  const n = writeBackNotice(URI, { changes: CHANGES, skipped: SKIPPED, text: '' }, words);
  assert.deepEqual(n, {
    severity: 'information',
    text: `written 2 skipped 1 (${NO_RUN.en})`,
    lists: [
      { uri: URI, title: 'list written 2', changes: LISTED, notify: false },
      { uri: URI, title: `skipped 1 (${NO_RUN.en})`, changes: SKIPPED_LISTED, notify: false },
    ],
    written: true,
  });
});

test('nothing to recompute: says so, lists nothing, the draft is not read again', () => {
  assert.deepEqual(writeBackNotice(URI, { changes: [], skipped: [], text: '' }, words), { severity: 'information', text: 'nothing', lists: [], written: false });
});

test('nothing written because no cell could be: a warning that nothing changed, naming the cells and why (never "nothing to recompute"), the cells listed', () => {
  const n = writeBackNotice(URI, { changes: [], skipped: SKIPPED, text: '' }, words);
  assert.deepEqual(n, {
    severity: 'warning',
    text: `none of 1 written (${NO_RUN.en}): direct suit: total - → 4`,
    lists: [{ uri: URI, title: `skipped 1 (${NO_RUN.en})`, changes: SKIPPED_LISTED, notify: false }],
    written: false,
  });
  // Many cells: the first three named, the rest said to be there.
  const many = Array.from({ length: 5 }, (_, i) => ({ ...SKIPPED[0], key: `k${i}`, label: { zh: `格${i}`, en: `cell ${i}` } }));
  assert.equal(writeBackNotice(URI, { changes: [], skipped: many, text: '' }, words).text, `none of 5 written (${NO_RUN.en}): cell 0 - → 4; cell 1 - → 4; cell 2 - → 4; …`);
});

test('the labels in the client’s language', () => {
  const zh = writeBackNotice(URI, { error: { zh: '没有权限', en: 'permission denied' }, unwritten: CHANGES }, { ...words, pick: (l) => l.zh });
  assert.equal(zh.text, 'failed: 没有权限');
  assert.deepEqual(zh.lists[0].changes.map((c) => c.what), ['本年新收 / 总计', '行政复议 / 总计']);
});

/** Every answer the write-back can get, as the real words in `locale` say it for the file `name`. */
function said(locale: UiLocale, name: string) {
  const pick = (l: { zh: string; en: string }) => (locale === 'zh-CN' ? l.zh : l.en);
  const real = writeBackStrings((m, ...a) => translate(locale, m, ...a), name, pick);
  const uri = `file:///w/${encodeURIComponent(name)}`;
  const answers: Record<string, WrittenFixes> = {
    written: { changes: CHANGES, skipped: [], text: '' },
    mixed: { changes: CHANGES, skipped: SKIPPED, text: '' },
    none: { changes: [], skipped: SKIPPED, text: '' },
    nothing: { changes: [], skipped: [], text: '' },
    refused: { error: { zh: '没有权限', en: 'permission denied' }, unwritten: CHANGES },
  };
  return Object.fromEntries(Object.entries(answers).map(([k, a]) => [k, writeBackNotice(uri, a, real)]));
}

const count = (s: string, part: string) => s.split(part).length - 1;

for (const locale of ['en', 'zh-CN'] as const) {
  test(`the fixes' output channel names the file once in each heading, and each notification names it once (${locale})`, () => {
    const name = '青禾县 2025 年报.docx';
    for (const [k, n] of Object.entries(said(locale, name))) {
      assert.equal(count(n.text, name), 1, `${k}: ${n.text}`);
      for (const list of n.lists) {
        const heading = fixLogHeading(list, '10:00:00');
        assert.equal(count(heading, name), 1, `${k}: ${heading}`);
        assert.ok(heading.startsWith(`[10:00:00] ${name} — `), heading);
      }
    }
  });

  test(`nothing written as no cell could be: the words say nothing changed, name the cell and why, and never that there was nothing to recompute (${locale})`, () => {
    const s = said(locale, 'r.docx');
    const why = locale === 'zh-CN' ? NO_RUN.zh : NO_RUN.en;
    const label = locale === 'zh-CN' ? SKIPPED[0].label.zh : SKIPPED[0].label.en;
    assert.equal(s.none.severity, 'warning');
    assert.ok(s.none.text.includes(why) && s.none.text.includes(label) && s.none.text.includes('- → 4'), s.none.text);
    assert.match(s.none.text, locale === 'zh-CN' ? /未作任何改动/ : /nothing changed/);
    assert.notEqual(s.none.text, s.nothing.text);
    assert.doesNotMatch(s.none.text, locale === 'zh-CN' ? /没有需要重算/ : /no total to recompute/);
    assert.ok(s.mixed.text.includes(why), s.mixed.text);
    assert.ok(s.none.lists[0].title.includes(why), s.none.lists[0].title);
  });
}
