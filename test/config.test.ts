// The workspace configuration file `.disclosure-report.json` (server/src/config): reading it
// (positions of every problem), applying it (severities, reviewed findings by cell, row or
// fingerprint, stale entries), adding an entry without disturbing the file's formatting; the JSON
// schema against package.json; the `$disclosure-report` problem matcher against the CLI's output;
// and `check` with a config file (found upward, or --config).
// Run: node test/run.mjs test/config.test.ts
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { pathToFileURL } from 'node:url';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { applyEdits as applyJsonEdits } from 'jsonc-parser';
import {
  applyConfig, fingerprint, isoDate, MAX_CONFIG_BYTES, newConfigText, THRESHOLD_DEFAULTS, thresholdOf, replaceReviewedEdits, REVIEW_STATUSES, reviewMessage, settledIn, parseConfig, removeReviewedEdits, reviewedEntry, reviewedPositions, staleDiagnostic, withReviewed, type Checkable, type ProjectConfig,
} from '../server/src/config/index';
import { analyzeText, RULE_BY_ID, splitWithEols } from '../server/src/core/index';
import { ConfigFinder } from '../server/src/cli/config';
import { nodeUris } from '../server/src/host/nodeRuntime';
import { canonicalUri, parentUri } from '../server/src/lsp/files';
import { ProjectConfigs } from '../server/src/lsp/projectConfig';
import { fileError } from '../server/src/sources/fileErrors';
import { buildCli } from './lsp/build';
import { composeReport } from './lsp/fixture';

const ROOT = resolve(__dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
const schema = JSON.parse(readFileSync(join(ROOT, 'schemas/disclosure-report.schema.json'), 'utf8'));

const at = (line: number, character: number, endLine = line, endChar = character + 1) => ({ start: { line, character }, end: { line: endLine, character: endChar } });
const diag = (rule: string, range = at(0, 0), extra: Partial<Checkable> = {}): Checkable => ({ rule, severity: 'warning', range, ...extra });

describe('parseConfig', () => {
  test('reads severities and reviewed entries; an entry without a status (written before statuses) reads as accepted', () => {
    const { config, problems } = parseConfig(
      JSON.stringify({ severity: { 'cell-blank': 'off', 'review-total': 'warning' }, reviewed: [{ rule: 'cell-blank', file: 'a.txt', cell: 't3.new.total', reason: 'ok' }, { rule: 'section-title', file: 'b/c.txt', fingerprint: '0123abcd' }] }),
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(config.severity, { 'cell-blank': 'off', 'review-total': 'warning' });
    assert.deepEqual(config.reviewed, [
      { rule: 'cell-blank', file: 'a.txt', cell: 't3.new.total', status: 'accepted', reason: 'ok' },
      { rule: 'section-title', file: 'b/c.txt', fingerprint: '0123abcd', status: 'accepted', reason: '' },
    ]);
  });

  test('a syntax error is fatal and says where (0-based line and character)', () => {
    const { config, problems } = parseConfig('{\n  "severity": {\n    "cell-blank": "off",\n  }\n}');
    assert.equal(problems[0].fatal, true);
    assert.deepEqual([problems[0].line, problems[0].character], [3, 2]);
    assert.match(problems[0].message.en, /syntax error/);
    assert.deepEqual(config, { severity: {}, reviewed: [] });
    // Comments are not JSON.
    assert.equal(parseConfig('// x\n{}').problems[0]?.fatal, true);
  });

  test('a bad entry or value is dropped with its position; the rest is used', () => {
    const text = '{\n  "severity": { "no-such-rule": "off", "cell-blank": "loud", "review-total": "hint" },\n  "reviewed": [\n    { "rule": "cell-blank", "file": "a.txt" },\n    { "rule": "cell-blank", "file": "a.txt", "row": "t3.new" }\n  ],\n  "extra": 1\n}';
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config.severity, { 'review-total': 'hint' });
    assert.deepEqual(config.reviewed, [{ rule: 'cell-blank', file: 'a.txt', row: 't3.new', status: 'accepted', reason: '' }]);
    assert.deepEqual(parseConfig(text).reviewedAt, [{ line: 4, character: 4 }]);
    assert.ok(problems.every((p) => !p.fatal));
    const where = problems.map((p) => `${p.line}:${p.character} ${p.message.en}`);
    assert.deepEqual(where, [
      '6:2 unknown field "extra" (known: severity, reviewed, thresholds)',
      '1:16 unknown rule "no-such-rule", ignored',
      '1:39 the severity of cell-blank must be error, warning, information, hint or off',
      '3:4 reviewed entry 1 ignored: needs one of cell, row or fingerprint',
    ]);
  });

  test('thresholds: a percentage per rule that has one; a wrong one is dropped with its position', () => {
    assert.deepEqual(parseConfig('{ "thresholds": { "prose-copied": 65 } }'), { config: { severity: {}, reviewed: [], thresholds: { 'prose-copied': 65 } }, problems: [], reviewedAt: [] });
    const text = '{\n  "thresholds": { "prose-copied": 150, "cell-blank": 10 }\n}';
    const { config, problems } = parseConfig(text);
    assert.equal(config.thresholds, undefined);
    assert.deepEqual(problems.map((p) => `${p.line}:${p.character} ${p.message.en}`), [
      '1:18 the threshold of prose-copied must be a percentage from 0 to 100',
      '1:39 the rule "cell-blank" has no threshold, ignored (rules with one: prose-copied)',
    ]);
    assert.match(parseConfig('{ "thresholds": 50 }').problems[0].message.en, /thresholds must be an object/);
    // As a share: the file's, else the setting's, else the rule's default.
    assert.equal(thresholdOf('prose-copied', { 'prose-copied': 65 }, { 'prose-copied': 90 }), 0.65);
    assert.equal(thresholdOf('prose-copied', undefined, { 'prose-copied': 90 }), 0.9);
    assert.equal(thresholdOf('prose-copied', {}, undefined), 0.5);
  });

  test('an empty file, a BOM, and a value that is not an object', () => {
    assert.deepEqual(parseConfig('').problems, []);
    assert.deepEqual(parseConfig('\ufeff{"severity":{}}').problems, []);
    assert.equal(parseConfig('[]').problems[0].fatal, true);
  });
});

describe('applyConfig', () => {
  const lines = ['标题', '五、存在的问题', '三、收到和处理', '七 | 8 | 9'];
  const target = { file: 'reports/a.txt', lines };
  const config = (c: Partial<ProjectConfig>): ProjectConfig => ({ severity: {}, reviewed: [], ...c });

  test('severities override the defaults; off drops the rule', () => {
    const ds = [diag('cell-blank'), diag('review-total', at(1, 0)), diag('label-wording')];
    const r = applyConfig(ds, target, config({ severity: { 'cell-blank': 'off', 'review-total': 'hint' } }));
    assert.deepEqual(r.kept.map((d) => [d.rule, d.severity]), [['review-total', 'hint'], ['label-wording', 'warning']]);
    assert.equal(r.silencedCount, 0);
  });

  test('a reviewed cell is silenced whatever the cell holds; another cell is not', () => {
    const entry = { rule: 'request-row-total', file: 'reports/a.txt', cell: 't3.new.total', reason: 'checked' };
    const ds = [diag('request-row-total', at(3, 10), { cell: 't3.new.total' }), diag('request-row-total', at(3, 14), { cell: 't3.carried.total' })];
    const r = applyConfig(ds, target, config({ reviewed: [entry] }));
    assert.deepEqual(r.kept.map((d) => d.cell), ['t3.carried.total']);
    assert.equal(r.silencedCount, 1);
    assert.deepEqual(r.staleReviewed, []);
  });

  test('a reviewed row; the path as written (./, backslashes) still matches; another file does not', () => {
    const ds = [diag('cell-blank', at(3, 0), { row: 't3.denied2' })];
    assert.equal(applyConfig(ds, target, config({ reviewed: [{ rule: 'cell-blank', file: './reports\\a.txt', row: 't3.denied2', reason: '' }] })).kept.length, 0);
    const other = applyConfig(ds, target, config({ reviewed: [{ rule: 'cell-blank', file: 'reports/b.txt', row: 't3.denied2', reason: '' }] }));
    assert.equal(other.kept.length, 1);
    assert.deepEqual(other.staleReviewed, []); // an entry for another file is that file's business
  });

  test('a finding without a cell is recognised by the fingerprint of its text, which changes with the text', () => {
    const d = diag('section-title', at(1, 0, 1, 7));
    const fp = fingerprint(d, lines);
    assert.match(fp, /^[0-9a-f]{8}$/);
    // White space does not count; the rule and the words do.
    assert.equal(fingerprint(d, ['标题', '五、 存在的问题 ']), fp);
    assert.notEqual(fingerprint(d, ['标题', '五、存在的主要问题']), fp);
    assert.notEqual(fingerprint({ ...d, rule: 'section-order' }, lines), fp);
    const entry = reviewedEntry(d, target, 'wording accepted');
    assert.deepEqual(entry, { rule: 'section-title', file: 'reports/a.txt', fingerprint: fp, status: 'accepted', reason: 'wording accepted' });
    assert.equal(applyConfig([d], target, config({ reviewed: [entry] })).kept.length, 0);
    // The heading reworded: the finding is new, and the entry is stale.
    const reworded = { file: 'reports/a.txt', lines: ['标题', '五、存在问题'] };
    const r = applyConfig([d], reworded, config({ reviewed: [entry] }));
    assert.equal(r.kept.length, 1);
    assert.deepEqual(r.staleReviewed, [{ entry, index: 0 }]);
  });

  test('an entry recorded with a cell prefers the cell; one made before cells existed keeps its fingerprint', () => {
    const withCell = diag('request-row-total', at(3, 10), { cell: 't3.new.total' });
    assert.equal(reviewedEntry(withCell, target).cell, 't3.new.total');
    assert.equal(reviewedEntry(withCell, target).fingerprint, undefined);
    const old = reviewedEntry(diag('request-row-total', at(3, 10)), target);
    assert.equal(applyConfig([withCell], target, config({ reviewed: [old] })).kept.length, 0);
  });

  test('a stale entry: information at the top of the report, naming the entry; none when its rule is off', () => {
    const entry = { rule: 'cell-blank', file: 'reports/a.txt', cell: 't3.new.natural', reason: '原表如此' };
    const r = applyConfig([], target, config({ reviewed: [entry] }));
    assert.deepEqual(r.staleReviewed, [{ entry, index: 0 }]);
    const s = staleDiagnostic(entry, '.disclosure-report.json');
    assert.equal(s.rule, 'reviewed-stale');
    assert.equal(s.severity, 'information');
    assert.deepEqual(s.range, at(0, 0, 0, 0));
    assert.match(s.message.zh, /cell-blank t3\.new\.natural（原表如此）已不再出现/);
    assert.match(s.message.en, /no longer occurs/);
    assert.deepEqual(applyConfig([], target, config({ reviewed: [entry], severity: { 'cell-blank': 'off' } })).staleReviewed, []);
  });

  test('reviewed-stale is a rule of the registry: its severity from the file, off drops the notes', () => {
    const entry = { rule: 'cell-blank', file: 'reports/a.txt', cell: 't3.new.natural', reason: '' };
    assert.equal(RULE_BY_ID.get('reviewed-stale')?.severity, 'information');
    assert.equal(staleDiagnostic(entry, '.disclosure-report.json', config({ severity: { 'reviewed-stale': 'hint' } })).severity, 'hint');
    assert.deepEqual(applyConfig([], target, config({ reviewed: [entry], severity: { 'reviewed-stale': 'off' } })).staleReviewed, []);
  });
});

describe('review statuses', () => {
  const lines = ['标题', '五、存在的问题', '三、收到和处理', '七 | 8 | 9'];
  const target = { file: 'reports/a.txt', lines };
  const message = { zh: '总计应为 18，实为 19', en: '总计 should be 18, is 19' };
  const wrong = (cell: string, character = 10) => ({ ...diag('request-row-total', at(3, character), { cell }), severity: 'error' as const, message });

  test('new entries read with status, reviewer and date; a bad status or reviewer drops the entry with its position', () => {
    const text = JSON.stringify(
      {
        reviewed: [
          { rule: 'request-row-total', file: 'a.txt', cell: 't3.new.total', status: 'confirmed', reason: '请改为 18', reviewer: '张三', date: '2026-03-01' },
          { rule: 'label-wording', file: 'a.txt', row: 't3.denied2', status: 'false-alarm', reason: '' },
          { rule: 'cell-blank', file: 'a.txt', row: 't3.new', status: 'done', reason: '' },
          { rule: 'cell-blank', file: 'a.txt', row: 't3.new', reviewer: 7, reason: '' },
        ],
      },
      null,
      2,
    );
    const { config, problems } = parseConfig(text);
    assert.deepEqual(config.reviewed, [
      { rule: 'request-row-total', file: 'a.txt', cell: 't3.new.total', status: 'confirmed', reason: '请改为 18', reviewer: '张三', date: '2026-03-01' },
      { rule: 'label-wording', file: 'a.txt', row: 't3.denied2', status: 'false-alarm', reason: '' },
    ]);
    assert.deepEqual(problems.map((p) => `${p.line}:${p.character} ${p.message.en}`), [
      '18:4 reviewed entry 3 ignored: status must be confirmed, accepted or false-alarm',
      '25:4 reviewed entry 4 ignored: reviewer and date must be strings',
    ]);
  });

  test('confirmed: still reported, as information, its message with the review; accepted and false alarm: silenced; every one listed with its entry', () => {
    const entries = [
      { rule: 'request-row-total', file: 'reports/a.txt', cell: 't3.new.total', status: 'confirmed' as const, reason: '请改为 18' },
      { rule: 'request-row-total', file: 'reports/a.txt', cell: 't3.carried.total', status: 'false-alarm' as const, reason: '原表如此' },
      { rule: 'request-row-total', file: 'reports/a.txt', cell: 't3.granted.total', reason: '' },
    ];
    const ds = [wrong('t3.new.total', 10), wrong('t3.carried.total', 14), wrong('t3.granted.total', 18), wrong('t3.partial.total', 22)];
    const r = applyConfig(ds, target, { severity: {}, reviewed: entries });
    assert.deepEqual(r.kept.map((d) => [d.cell, d.severity]), [['t3.new.total', 'information'], ['t3.partial.total', 'error']]);
    assert.deepEqual(r.kept[0].message, { zh: '总计应为 18，实为 19（已确认，待改正：请改为 18）', en: '总计 should be 18, is 19 (confirmed, to be corrected: 请改为 18)' });
    assert.equal(r.silencedCount, 2);
    assert.deepEqual(r.reviewed.map((x) => [x.d.cell, x.d.severity, x.entry.status ?? 'accepted']), [['t3.new.total', 'error', 'confirmed'], ['t3.carried.total', 'error', 'false-alarm'], ['t3.granted.total', 'error', 'accepted']]);
    assert.deepEqual(r.staleReviewed, []);
    assert.deepEqual(reviewMessage(message, { ...entries[1] }).en, '总计 should be 18, is 19 (reviewed, a false alarm: 原表如此)');
  });

  test('settled cells: accepted and false alarm ones, not confirmed ones, of this file only', () => {
    const config = {
      severity: {},
      reviewed: [
        { rule: 'request-row-total', file: 'reports/a.txt', cell: 't3.new.total', status: 'confirmed' as const, reason: '' },
        { rule: 'request-row-total', file: 'reports/a.txt', cell: 't3.carried.total', status: 'false-alarm' as const, reason: '' },
        { rule: 'review-total', file: './reports/a.txt', cell: 't4.review.total', reason: '' },
        { rule: 'review-total', file: 'reports/b.txt', cell: 't4.direct.total', reason: '' },
        { rule: 'label-wording', file: 'reports/a.txt', row: 't3.denied2', reason: '' },
      ],
    };
    const s = settledIn(config, 'reports/a.txt');
    assert.deepEqual([...s.cells].sort(), ['t3.carried.total', 't4.review.total']);
    assert.equal(s.has('review-total', 't4.review.total'), true);
    assert.equal(s.has('request-row-total', 't4.review.total'), false);
    assert.equal(s.has('request-row-total', 't3.new.total'), false);
  });

  test('reviewedEntry records status, reason, reviewer and date, in that order after the key', () => {
    const e = reviewedEntry(wrong('t3.new.total'), target, { status: 'confirmed', reason: '请改为 18', reviewer: '李四', date: '2026-03-02' });
    assert.equal(newConfigText(e).split('\n')[2], '    { "rule": "request-row-total", "file": "reports/a.txt", "cell": "t3.new.total", "status": "confirmed", "reason": "请改为 18", "reviewer": "李四", "date": "2026-03-02" }');
  });

  test('an entry replaced in place (a finding reviewed again keeps one entry); the rest of the file as it was', () => {
    const text = '{\n  "reviewed": [\n    { "rule": "x", "file": "a", "cell": "t3.new.total", "reason": "" },\n    { "rule": "y", "file": "a", "cell": "t3.new.natural", "reason": "" }\n  ]\n}\n';
    const e = { rule: 'y', file: 'a', cell: 't3.new.natural', status: 'accepted' as const, reason: '已核' };
    const out = applyJsonEdits(text, replaceReviewedEdits(text, 1, e)!);
    assert.equal(out, text.replace('{ "rule": "y", "file": "a", "cell": "t3.new.natural", "reason": "" }', '{ "rule": "y", "file": "a", "cell": "t3.new.natural", "status": "accepted", "reason": "已核" }'));
    assert.equal(replaceReviewedEdits(text, 2, e), undefined);
    assert.equal(replaceReviewedEdits('{ "reviewed": [', 0, e), undefined);
  });
});

describe('adding a reviewed entry', () => {
  const entry = { rule: 'cell-blank', file: 'a.txt', cell: 't3.new.natural', reason: '' };

  test('a new file', () => {
    const text = newConfigText(entry);
    assert.deepEqual(parseConfig(text).config.reviewed, [{ ...entry, status: 'accepted' }]);
    assert.ok(text.endsWith('}\n'));
  });

  test('appended to reviewed, the rest of the file as it was (CRLF kept)', () => {
    const text = '{\r\n    "severity": { "cell-blank": "warning" },\r\n    "reviewed": [\r\n        { "rule": "review-total", "file": "b.txt", "cell": "t4.review.total", "reason": "x" }\r\n    ]\r\n}\r\n';
    const out = withReviewed(text, entry)!;
    assert.equal(
      out,
      '{\r\n    "severity": { "cell-blank": "warning" },\r\n    "reviewed": [\r\n        { "rule": "review-total", "file": "b.txt", "cell": "t4.review.total", "reason": "x" },\r\n        { "rule": "cell-blank", "file": "a.txt", "cell": "t3.new.natural", "reason": "" }\r\n    ]\r\n}\r\n',
    );
    assert.ok(!/[^\r]\n/.test(out), 'only CRLF line ends');
    assert.deepEqual(parseConfig(out).config.reviewed.map((e) => e.rule), ['review-total', 'cell-blank']);
  });

  test('reviewed created when absent; an empty file becomes a config; broken JSON is left alone', () => {
    const out = withReviewed('{ "severity": {} }', entry)!;
    assert.deepEqual(parseConfig(out).config, { severity: {}, reviewed: [{ ...entry, status: 'accepted' }] });
    assert.deepEqual(parseConfig(withReviewed('', entry)!).config.reviewed, [{ ...entry, status: 'accepted' }]);
    assert.equal(withReviewed('{ "reviewed": [ }', entry), undefined);
    assert.equal(withReviewed('[1]', entry), undefined);
    // An empty array gets the entry on a line of its own; a BOM stays.
    assert.equal(withReviewed('{\n  "reviewed": []\n}\n', entry), `{\n  "reviewed": [\n    { "rule": "cell-blank", "file": "a.txt", "cell": "t3.new.natural", "reason": "" }\n  ]\n}\n`);
    const bom = withReviewed('\ufeff{"reviewed":[{"rule":"x","file":"y","row":"t3.new","reason":""}]}', entry)!;
    assert.ok(bom.startsWith('\ufeff{"reviewed":[{"rule":"x","file":"y","row":"t3.new","reason":""}, { "rule": "cell-blank"'), bom);
    assert.equal(parseConfig(bom).config.reviewed.length, 2);
  });
});

describe('removing a reviewed entry', () => {
  const three = '{\n  "reviewed": [\n    { "rule": "x", "file": "a", "cell": "t3.new.total", "reason": "" },\n    { "rule": "y", "file": "a", "cell": "t3.new.natural", "reason": "" },\n    { "rule": "z", "file": "a", "cell": "t3.new.other", "reason": "" }\n  ]\n}\n';
  const lines = (t: string) => t.split('\n');
  const apply = (t: string, i: number) => {
    const edits = removeReviewedEdits(t, i);
    return edits && applyJsonEdits(t, edits);
  };

  test('first, middle and last: the line goes, with its comma; the rest stays as it was', () => {
    const all = lines(three);
    assert.deepEqual(lines(apply(three, 0)!), [all[0], all[1], all[3], all[4], ...all.slice(5)]);
    assert.deepEqual(lines(apply(three, 1)!), [all[0], all[1], all[2], all[4], ...all.slice(5)]);
    assert.deepEqual(lines(apply(three, 2)!), [all[0], all[1], all[2], all[3].replace(/,$/, ''), ...all.slice(5)]);
    for (const i of [0, 1, 2]) assert.equal(parseConfig(apply(three, i)!).config.reviewed.length, 2);
  });

  test('the only entry leaves an empty array; no such entry or broken JSON: nothing', () => {
    const one = withReviewed('{}', { rule: 'x', file: 'a', cell: 't3.new.total', reason: '' })!;
    assert.deepEqual(JSON.parse(apply(one, 0)!), { reviewed: [] });
    assert.equal(removeReviewedEdits(three, 3), undefined);
    assert.equal(removeReviewedEdits(three, -1), undefined);
    assert.equal(removeReviewedEdits('{ "reviewed": [', 0), undefined);
  });

  test('reviewedPositions: every element, valid or not, in file order', () => {
    const t = '{\n  "reviewed": [\n    { "rule": "x" },\n    { "rule": "y", "file": "a", "row": "t3.new", "reason": "" }\n  ]\n}';
    assert.deepEqual(reviewedPositions(t), [{ line: 2, character: 4 }, { line: 3, character: 4 }]);
    // The loader keeps only the valid one, with its position.
    assert.deepEqual(parseConfig(t).reviewedAt, [{ line: 3, character: 4 }]);
  });
});

describe('the JSON schema', () => {
  test('its rule ids are exactly package.json’s severity enum', () => {
    const pkgEnum = pkg.contributes.configuration.properties['disclosureReport.severity'].propertyNames.enum;
    assert.deepEqual(schema.properties.severity.propertyNames.enum, pkgEnum);
    assert.deepEqual(schema.properties.severity.additionalProperties.enum, pkg.contributes.configuration.properties['disclosureReport.severity'].additionalProperties.enum);
  });

  test('its thresholds are the rules that have one, as the setting disclosureReport.thresholds has them', () => {
    const setting = pkg.contributes.configuration.properties['disclosureReport.thresholds'];
    assert.deepEqual(Object.keys(schema.properties.thresholds.properties), Object.keys(THRESHOLD_DEFAULTS));
    assert.deepEqual(Object.keys(setting.properties), Object.keys(THRESHOLD_DEFAULTS));
    for (const [rule, share] of Object.entries(THRESHOLD_DEFAULTS)) {
      const { type, minimum, maximum, default: d } = schema.properties.thresholds.properties[rule];
      assert.deepEqual({ type, minimum, maximum, default: d }, { type: 'number', minimum: 0, maximum: 100, default: share * 100 });
      assert.deepEqual({ ...setting.properties[rule], markdownDescription: undefined }, { type, minimum, maximum, default: d, markdownDescription: undefined });
    }
  });

  test('is contributed for .disclosure-report.json and shipped', () => {
    assert.deepEqual(pkg.contributes.jsonValidation, [{ fileMatch: '.disclosure-report.json', url: './schemas/disclosure-report.schema.json' }]);
    assert.match(readFileSync(join(ROOT, '.vscodeignore'), 'utf8'), /^!schemas\/\*\*$/m);
  });

  test('describes what the loader reads: an entry the schema requires parses without problems', () => {
    const item = schema.properties.reviewed.items;
    assert.deepEqual(item.required, ['rule', 'file', 'reason']);
    assert.deepEqual(Object.keys(item.properties).sort(), ['cell', 'date', 'file', 'fingerprint', 'reason', 'reviewer', 'row', 'rule', 'status']);
    assert.deepEqual(item.properties.status.enum, [...REVIEW_STATUSES]);
    assert.match(isoDate(), new RegExp(item.properties.date.pattern));
    const e = reviewedEntry(diag('section-title', at(1, 0)), { file: 'a.txt', lines: ['x', 'y'] });
    assert.match(e.fingerprint!, new RegExp(item.properties.fingerprint.pattern));
    assert.match('t3.new.total', new RegExp(item.properties.cell.pattern));
    assert.match('t3.denied2', new RegExp(item.properties.row.pattern));
  });
});

// ---- the CLI -------------------------------------------------------------------------------------

let dir: string;
before(async () => {
  await buildCli(); // unless dist/cli.js is newer than the sources
  dir = mkdtempSync(join(tmpdir(), 'dr-config-'));
});
after(() => dir && rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[], cwd = dir) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
const wrong = readFileSync(join(ROOT, 'examples/wrong-totals.report.txt'), 'utf8');

describe('the $disclosure-report problem matcher', () => {
  const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'disclosure-report');
  const re = new RegExp(matcher.pattern.regexp);
  /** VS Code's reading of the severity group: error, warning, info (and hint, as info); anything else would be an error. */
  const vscodeSeverity = (s: string) => ({ error: 'error', warning: 'warning', info: 'info', hint: 'info' })[s.toLowerCase()] ?? 'error (fallback)';

  test('matches every diagnostic line of real CLI output, each severity, and nothing else', () => {
    mkdirSync(join(dir, 'pm'), { recursive: true });
    writeFileSync(join(dir, 'pm/wrong.txt'), wrong);
    writeFileSync(join(dir, 'pm/.disclosure-report.json'), JSON.stringify({ severity: { 'review-total': 'information', 'request-outcome-total': 'warning', 'request-balance': 'hint' } }));
    for (const locale of ['zh-CN', 'en']) {
      const r = cli(['check', '--locale', locale, 'pm/wrong.txt']);
      const lines = r.stdout.trim().split('\n');
      const matched = lines.map((l) => re.exec(l)).filter((m): m is RegExpExecArray => !!m);
      assert.equal(matched.length, lines.length - 2, r.stdout); // all but the report's verdict line and the summary
      assert.equal(re.exec(lines[lines.length - 2]), null);
      assert.match(lines[lines.length - 2], /^pm\/wrong\.txt: /);
      assert.equal(re.exec(lines[lines.length - 1]), null);
      const got = matched.map((m) => [m[matcher.pattern.file], Number(m[matcher.pattern.line]), Number(m[matcher.pattern.column]), vscodeSeverity(m[matcher.pattern.severity]), m[matcher.pattern.code]]);
      const expected = analyzeText(wrong).diagnostics.map((d) => {
        const sev = ({ 'review-total': 'info', 'request-outcome-total': 'warning', 'request-balance': 'info' } as Record<string, string>)[d.rule] ?? 'error';
        return ['pm/wrong.txt', d.range.start.line + 1, d.range.start.character + 1, sev, d.rule];
      });
      assert.deepEqual(got, expected);
      for (const m of matched) assert.ok(m[matcher.pattern.message].length > 5);
    }
  });

  test('a Windows path with a drive letter', () => {
    const m = re.exec('C:\\reports\\a.txt:12:3: information section-fee 第六部分未提及信息处理费')!;
    assert.deepEqual([m[1], m[2], m[3], m[4], m[5]], ['C:\\reports\\a.txt', '12', '3', 'info', 'section-fee']);
  });
});

describe('check with .disclosure-report.json', () => {
  const setup = (name: string, config?: unknown, git = false) => {
    const root = join(dir, name);
    mkdirSync(join(root, 'reports/2025'), { recursive: true });
    if (git) mkdirSync(join(root, 'reports/.git'));
    writeFileSync(join(root, 'reports/2025/wrong.txt'), wrong);
    if (config !== undefined) writeFileSync(join(root, '.disclosure-report.json'), typeof config === 'string' ? config : JSON.stringify(config, null, 2));
    return root;
  };
  /** The diagnostic lines (not the report's verdict line, not the summary). */
  const rows = (out: string) => out.trim().split('\n').filter((l) => /:\d+:\d+: /.test(l)).map((l) => l.split(' ').slice(0, 3).join(' '));
  const all = analyzeText(wrong).diagnostics;

  test('found upward from the checked file; reviewed findings are silenced; the exit code follows', () => {
    const reviewed = all.map((d) => ({ rule: d.rule, file: 'reports/2025/wrong.txt', fingerprint: fingerprint(d, splitWithEols(wrong)[0]), reason: 'accepted' }));
    const root = setup('up', { reviewed });
    const r = cli(['check', 'reports/2025/wrong.txt'], root);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    // Each reviewed finding is said as reviewed, with its status and reason; none counts, and the
    // verdict line says no error.
    const out = r.stdout.split('\n');
    assert.deepEqual(out.slice(0, -3).map((l) => / reviewed \S+ .*（已审核：按原样接受：accepted）$/.test(l)), all.map(() => true), r.stdout);
    assert.match(out.at(-3)!, /^reports\/2025\/wrong\.txt: 全部核对：/);
    assert.match(out.at(-2)!, /^检查了 1 个文件：0 个错误，0 个警告，0 个提示$/);
    // From another working directory, by another path: the same config, the same result.
    const r2 = cli(['check', join(root, 'reports')], dir);
    assert.equal(r2.status, 0, r2.stdout);
  });

  test('a stale entry is information at line 1; severities change the exit code', () => {
    const root = setup('stale', { severity: { 'request-row-total': 'warning', 'request-outcome-total': 'off', 'request-balance': 'warning', 'review-total': 'warning' }, reviewed: [{ rule: 'cell-blank', file: 'reports/2025/wrong.txt', cell: 't3.new.natural', reason: '' }] });
    const r = cli(['check', '--format', 'json', 'reports/2025/wrong.txt'], root);
    assert.equal(r.status, 0, r.stderr);
    const ds = JSON.parse(r.stdout).files[0].diagnostics;
    assert.deepEqual(ds[0], { ...ds[0], rule: 'reviewed-stale', severity: 'information', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } });
    assert.deepEqual(ds.slice(1).map((d: { rule: string; severity: string }) => `${d.rule}:${d.severity}`), all.filter((d) => d.rule !== 'request-outcome-total').map((d) => `${d.rule}:warning`));
    const text = cli(['check', 'reports/2025/wrong.txt'], root).stdout;
    assert.match(text.split('\n')[0], /^reports\/2025\/wrong\.txt:1:1: information reviewed-stale /);
  });

  test('the search stops at a folder holding .git', () => {
    const root = setup('git', { severity: { 'request-row-total': 'off' } }, true);
    const r = cli(['check', 'reports/2025/wrong.txt'], root);
    assert.equal(r.status, 1);
    assert.deepEqual(rows(r.stdout), all.map((d) => `reports/2025/wrong.txt:${d.range.start.line + 1}:${d.range.start.character + 1}: error ${d.rule}`));
  });

  test('--config FILE is used instead of the search; its paths are relative to it', () => {
    const root = setup('explicit', { severity: { 'request-row-total': 'off' } });
    mkdirSync(join(root, 'elsewhere'));
    writeFileSync(join(root, 'elsewhere/team.json'), JSON.stringify({ severity: { 'review-total': 'off' }, reviewed: [{ rule: 'request-balance', file: '../reports/2025/wrong.txt', fingerprint: fingerprint(all.find((d) => d.rule === 'request-balance')!, splitWithEols(wrong)[0]), reason: '' }] }));
    const r = cli(['check', '--config', 'elsewhere/team.json', 'reports/2025/wrong.txt'], root);
    const rules = rows(r.stdout).filter((l) => l.split(' ')[1] !== 'reviewed').map((l) => l.split(' ')[2]);
    assert.ok(rules.includes('request-row-total'), r.stdout); // the searched config is not used
    assert.ok(!rules.includes('review-total'));
    // Both request-balance findings sit on one row: one fingerprint covers both.
    assert.ok(!rules.includes('request-balance'), r.stdout);
    assert.equal(cli(['check', '--config=elsewhere/team.json', 'reports/2025/wrong.txt'], root).stdout, r.stdout);
  });

  test('a syntax error: said with its position on stderr, the config unused, exit 2; a missing --config: exit 2', () => {
    const root = setup('broken', '{ "severity": { "request-row-total": "off", } }');
    const r = cli(['check', 'reports/2025/wrong.txt'], root);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /\.disclosure-report\.json:1:45: JSON 语法错误（PropertyNameExpected）/);
    assert.ok(rows(r.stdout).some((l) => l.endsWith('request-row-total')));
    const m = cli(['check', '--config', 'nope.json', 'reports/2025/wrong.txt'], root);
    assert.equal(m.status, 2);
    assert.match(m.stderr, /nope\.json: 无法读取：文件或目录不存在/);
  });

  test('--config is in the help, in both languages', () => {
    assert.match(cli(['check', '--help']).stdout, /--config 文件/);
    assert.match(cli(['check', '--help', '--locale', 'en']).stdout, /--config FILE/);
  });
});

// A composed report is clean: with no config, and with an empty one, nothing changes.
test('an empty config changes nothing', () => {
  const root = join(dir, 'empty');
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'r.txt'), composeReport());
  writeFileSync(join(root, '.disclosure-report.json'), '{}');
  const r = cli(['check', 'r.txt'], root);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stderr, '');
});

describe('where the config file is: one search for check and the server (config/find.ts)', () => {
  const CASES: [file: string, expected: string | null][] = [
    ['top/near/deep/r.txt', 'top/near/.disclosure-report.json'], // the nearest wins
    ['top/plain/deep/r.txt', 'top/.disclosure-report.json'], // outside a repository: up to the root
    ['top/repo/reports/2025/r.txt', null], // a repository's root is the last folder searched …
    ['top/repo2/sub/r.txt', 'top/repo2/.disclosure-report.json'], // … and it is searched
    ['top/worktree/r.txt', null], // `.git` as a file (a worktree, a submodule) ends it too
    ['top/odd/r.txt', 'top/.disclosure-report.json'], // a folder of that name is no config file
  ];
  const tree = () => {
    const root = join(dir, 'lookup');
    const file = (p: string, text = '{}') => {
      mkdirSync(resolve(root, p, '..'), { recursive: true });
      writeFileSync(join(root, p), text);
    };
    file('top/.disclosure-report.json');
    file('top/near/.disclosure-report.json');
    mkdirSync(join(root, 'top/repo/.git'), { recursive: true });
    mkdirSync(join(root, 'top/repo2/.git'), { recursive: true });
    file('top/repo2/.disclosure-report.json', JSON.stringify({ severity: { 'section-missing': 'hint' } }));
    file('top/worktree/.git', 'gitdir: ../repo/.git/worktrees/w');
    mkdirSync(join(root, 'top/odd/.disclosure-report.json'), { recursive: true });
    for (const [f] of CASES) file(f, '');
    return root;
  };

  test('check (paths) and the server (URIs, over its file system) find the same file: the nearest upward, ending after a folder holding .git', async () => {
    const root = tree();
    const finder = new ConfigFinder();
    const want = (e: string | null) => (e === null ? undefined : join(root, e));
    for (const [f, e] of CASES) assert.equal((await finder.forFile(join(root, f)))?.where, want(e), f);
    // The server, whatever folder the editor opened: the report's own folder here, the deepest one.
    const configs = new ProjectConfigs({ fs: nodeUris, folderOf: (uri) => parentUri(uri), log: { error: () => {}, info: () => {} } });
    for (const [f, e] of CASES) {
      const got = await configs.forDocument(pathToFileURL(join(root, f)).href);
      assert.equal(got?.uri, e === null ? undefined : canonicalUri(pathToFileURL(join(root, e)).href), f);
    }
  });

  test('check takes the same file from any working directory; a broken file above a repository is never read for its reports', () => {
    const root = tree();
    const outputs = [root, join(root, 'top/near'), dir].map((cwd) => {
      const r = cli(['check', '--format', 'json', join(root, 'top/repo2/sub/r.txt'), join(root, 'top/repo/reports/2025/r.txt')], cwd);
      assert.equal(r.stderr, '');
      return r.stdout;
    });
    assert.deepEqual(new Set(outputs).size, 1);
    // An empty report is missing every section: a hint by top/repo2's file, an error without one.
    const severities = JSON.parse(outputs[0]).files.map((f: { diagnostics: { rule: string; severity: string }[] }) => f.diagnostics.map((d) => `${d.rule}:${d.severity}`));
    assert.deepEqual(severities, [['section-missing:hint'], ['section-missing:error']]);
    writeFileSync(join(root, 'top/.disclosure-report.json'), '{ broken');
    assert.notEqual(cli(['check', join(root, 'top/repo/reports/2025/r.txt')], root).status, 2);
    const broken = cli(['check', join(root, 'top/plain/deep/r.txt')], root);
    assert.equal(broken.status, 2);
    assert.match(broken.stderr, /top\/\.disclosure-report\.json:1:/);
  });
  test('a file the search finds but cannot read is named on stderr (exit 2), the report still checked', () => {
    const root = join(dir, 'unreadable');
    mkdirSync(join(root, 'r'), { recursive: true });
    writeFileSync(join(root, 'r/a.txt'), '');
    writeFileSync(join(root, '.disclosure-report.json'), '');
    truncateSync(join(root, '.disclosure-report.json'), MAX_CONFIG_BYTES + 1); // sparse: nothing written
    const r = cli(['check', 'r/a.txt'], root);
    assert.equal(r.status, 2);
    assert.equal(r.stderr.trim(), `${join(root, '.disclosure-report.json')}: 无法读取：文件过大（16.0 MB，上限 16 MB）`);
    assert.match(r.stdout, /section-missing/);
  });
});

describe('what the config file says: one reader for check and the server (config/find.ts over the runtime)', () => {
  test('a BOM, a symbolic link to the file, a file over the size limit: check and the server read the same or refuse with the same reason', async () => {
    const root = join(dir, 'reader');
    const report = (sub: string) => {
      mkdirSync(join(root, sub), { recursive: true });
      writeFileSync(join(root, sub, 'r.txt'), '');
      return join(root, sub, 'r.txt');
    };
    const bom = report('bom');
    writeFileSync(join(root, 'bom/.disclosure-report.json'), `\ufeff${JSON.stringify({ severity: { 'section-missing': 'hint' } })}`);
    const linked = report('link');
    symlinkSync(join(root, 'bom/.disclosure-report.json'), join(root, 'link/.disclosure-report.json'));
    const big = report('big');
    writeFileSync(join(root, 'big/.disclosure-report.json'), '');
    truncateSync(join(root, 'big/.disclosure-report.json'), MAX_CONFIG_BYTES + 1);
    const warned: string[] = [];
    const server = new ProjectConfigs({ fs: nodeUris, folderOf: (uri) => parentUri(uri), log: { error: () => {}, info: () => {} }, warn: (_, m) => warned.push(m.en) });
    const said = (config: { config: ProjectConfig; text: string } | undefined) => (config ? JSON.stringify([config.config.severity, config.text]) : undefined);
    for (const file of [bom, linked, big]) {
      const cli = await new ConfigFinder().forFile(file).then(said, (e: unknown) => `refused: ${fileError(e).en}`);
      warned.length = 0;
      const got = said(await server.forDocument(pathToFileURL(file).href)) ?? `refused: ${warned.join()}`;
      assert.equal(got.replace(/^refused: cannot read it, not used: /, 'refused: '), cli, file);
    }
    warned.length = 0;
    assert.match(String(said(await server.forDocument(pathToFileURL(linked).href))), /"section-missing":"hint"/);
    assert.deepEqual(warned, []);
    assert.match(String(await new ConfigFinder().forFile(big).catch((e: unknown) => fileError(e).en)), /file too large \(16\.0 MB; the limit is 16 MB\)/);
  });
});

describe('package.json: what the workspace features contribute', () => {
  const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8'));
  const zh = JSON.parse(readFileSync(join(ROOT, 'package.nls.zh-cn.json'), 'utf8'));

  test('every %key% of package.json has its text in English and in Chinese', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.includes('command.checkWorkspace') && keys.includes('config.previousReport') && keys.includes('problemMatcher.label'));
    for (const k of keys) {
      assert.equal(typeof nls[k], 'string', `package.nls.json lacks ${k}`);
      assert.equal(typeof zh[k], 'string', `package.nls.zh-cn.json lacks ${k}`);
    }
    assert.equal(nls['command.checkWorkspace'], 'Check All Reports in Workspace');
    assert.equal(zh['command.checkWorkspace'], '检查工作区中的所有报告');
  });

  test('the previousReport setting: a resource-scoped string the server reads', async () => {
    const { normalizeSettings } = await import('../server/src/lsp/settings');
    const setting = pkg.contributes.configuration.properties['disclosureReport.previousReport'];
    assert.deepEqual([setting.type, setting.scope, setting.default], ['string', 'resource', '']);
    assert.equal(normalizeSettings({ previousReport: ' 2024/报告.txt ' }).previousReport, '2024/报告.txt');
    assert.equal(normalizeSettings({ previousReport: 7 }).previousReport, '');
  });
});
