// The language server's feature logic in-process, on a ReportModel, with no server: hover text,
// table verdicts and code lens titles, inlay hints, document symbols, folding ranges and the
// diagnostics conversion (severity overrides, `off`), in Chinese and English. The spawned-server
// tests (actions, features, pull, robustness) are about the protocol; the words are held here.
// Run: node test/run.mjs test/lsp/logic.test.ts
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ReportModel, tableCoverage, type Cell } from '../../server/src/core/index';
import { codeLenses } from '../../server/src/lsp/features/codeLens';
import { readData } from '../../server/src/lsp/convert';
import { LIMIT_CODE, toLspDiagnostics } from '../../server/src/lsp/features/diagnostics';
import { foldingRanges } from '../../server/src/lsp/features/folding';
import { hoverText } from '../../server/src/lsp/features/hover';
import { inlayHints } from '../../server/src/lsp/features/inlayHints';
import { documentSymbols } from '../../server/src/lsp/features/symbols';
import { severityFor } from '../../server/src/lsp/settings';
import { cellAt, verdict } from '../../server/src/lsp/tables';
import { tableVerdictTitle, verdictTitle } from '../../server/src/lsp/verdict';
import { cleanReport, t3Cell, t4Cell } from './fixture';

const clean = cleanReport();
const HEADINGS = ['一、总体情况', '二、主动公开政府信息情况', '三、收到和处理政府信息公开申请情况', '四、政府信息公开行政复议、行政诉讼情况', '五、存在的主要问题及改进情况', '六、其他需要报告的事项'];
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100000, character: 0 } };

/** The clean report with one cell's text replaced. */
function withCell(cell: Cell, value: string): string {
  return clean.text
    .split('\n')
    .map((l, i) => (i === cell.line ? l.slice(0, cell.start) + value + l.slice(cell.end) : l))
    .join('\n');
}

function model(text: string) {
  const m = new ReportModel(text);
  return { m, a: m.analysis() };
}

const hoverAt = (text: string, cell: Cell, locale: 'zh-CN' | 'en' = 'zh-CN', markdown = true) => {
  const { a } = model(text);
  const placed = cellAt(a, { line: cell.line, character: cell.start });
  assert.ok(placed, `a cell at ${cell.line}:${cell.start}`);
  return hoverText(placed, a.format, locale, markdown);
};

describe('hover text', () => {
  test('a derived cell: its formula with the numbers, ✓, its row and column', () => {
    const cell = t3Cell(clean.text, 'new', 6);
    const inputs = [0, 1, 2, 3, 4, 5].map((c) => t3Cell(clean.text, 'new', c).text);
    const text = hoverAt(clean.text, cell);
    assert.ok(text.includes(`总计 = ${inputs.join(' + ')} = ${cell.text}`), text);
    assert.match(text, /✓ 成立/);
    assert.match(text, /行: \*\*一、本年新收政府信息公开申请数量\*\*/);
    assert.match(text, /合计单元格（由其他单元格计算）/);
  });

  test('an input cell: its labels and every identity it takes part in', () => {
    const text = hoverAt(clean.text, t3Cell(clean.text, 'granted', 1));
    assert.match(text, /行: \*\*（一）予以公开\*\*/);
    assert.match(text, /列: \*\*商业企业\*\*/);
    assert.doesNotMatch(text, /合计单元格/);
    // The formulas as text that wraps, not code spans (a long one was cut off at the hover's edge).
    assert.match(text, /- 行合计: 总计 = /);
    assert.match(text, /- 办理结果合计: /);
    assert.doesNotMatch(text, /`[^`\n]*总计 =/);
  });

  test('a wrong total: ✗ with what it should be, in Chinese and English, markdown or plain', () => {
    const cell = t4Cell(clean.text, 4);
    const right = Number(cell.text);
    const text = withCell(cell, String(right + 3));
    assert.match(hoverAt(text, cell), new RegExp(`总计 = .* = ${right} ✗ 应为 ${right}（实为 ${right + 3}）`));
    const en = hoverAt(text, cell, 'en', false);
    assert.match(en, new RegExp(`✗ should be ${right} \\(is ${right + 3}\\)`));
    assert.match(en, /^Row: administrative review$/m);
    assert.doesNotMatch(en, /\*\*|`/, 'plain text has no markdown');
  });

  test('a blank cell says so, and its identities are not checked', () => {
    const cell = t3Cell(clean.text, 'new', 6);
    const text = hoverAt(withCell(cell, ''), { ...cell, end: cell.start });
    assert.match(text, /数值: `—` \(单元格为空\)/);
    assert.match(text, /未校验：相关单元格为空或不是数字/);
  });

  test('prose has no cell', () => {
    assert.equal(cellAt(model(clean.text).a, { line: 0, character: 1 }), undefined);
  });
});

describe('verdicts and code lens titles', () => {
  test('a clean report: table 三 39/39 by rows and columns, table 四 3/3; no recompute lens', () => {
    const { a } = model(clean.text);
    assert.deepEqual(codeLenses('file:///x', 1, a, 'zh-CN').map((l) => l.command?.title), ['勾稽关系 39/39 成立（行 25/25，列 7/7）', '勾稽关系 3/3 成立']);
    assert.deepEqual(codeLenses('file:///x', 1, a, 'en').map((l) => l.command?.title), ['identities: 39/39 hold (rows 25/25, columns 7/7)', 'identities: 3/3 hold']);
    assert.deepEqual(a.tables.map((t) => tableVerdictTitle(t, a.format, 'zh-CN')), ['', '勾稽关系 39/39 成立（行 25/25，列 7/7）', '勾稽关系 3/3 成立']);
  });

  test('a wrong row total: the verdict drops by the row and its column, and a recompute lens for that table at that version', () => {
    const cell = t3Cell(clean.text, 'new', 6);
    const { a } = model(withCell(cell, String(Number(cell.text) + 1)));
    const lenses = codeLenses('file:///x', 7, a, 'en');
    assert.deepEqual(lenses.map((l) => l.command?.title), ['identities: 37/39 hold (rows 24/25, columns 6/7)', 'Recompute the totals', 'identities: 3/3 hold']);
    const t3 = a.tables.find((t) => t.kind === 't3')!;
    assert.deepEqual(lenses[1].command?.arguments, [{ uri: 'file:///x', version: 7, tableAt: t3.startLine }]);
    assert.equal(lenses[1].command?.command, 'disclosure-report.server.recompute');
  });

  test('blank cells: identities not evaluated are counted as such, and the table is not fully checked', () => {
    const t4 = t4Cell(clean.text, 0);
    const { a } = model(withCell(t4, ''));
    const table = a.tables.find((t) => t.kind === 't4')!;
    const v = verdict(table, a.format);
    assert.equal(v.possible, 3);
    assert.equal(verdictTitle(v, 't4', 'zh-CN', tableCoverage(table, a.format)), `勾稽关系 ${v.hold}/${v.evaluated} 成立；未完全核对：1/3 个勾稽关系无法核对（1 个因单元格空白）`);
    assert.equal(tableVerdictTitle(table, a.format, 'en'), `identities: ${v.hold}/${v.evaluated} hold; not fully checked: 1 of 3 identities could not be checked (1 for a blank cell)`);
  });

  test('rows missing: the lens of table 三 says it was not fully checked, and what could not be', () => {
    const text = clean.text.split('\n').filter((l) => !/^(一、本年新收|二、上年结转)/.test(l)).join('\n');
    const { a } = model(text);
    assert.deepEqual(codeLenses('file:///x', 1, a, 'zh-CN').map((l) => l.command?.title), [
      '勾稽关系 30/30 成立（行 23/23，列 7/7）；未完全核对：表三缺 2 行；9/39 个勾稽关系无法核对（9 个因缺行）',
      '勾稽关系 3/3 成立',
    ]);
    assert.equal(codeLenses('file:///x', 1, a, 'en')[0].command?.title, 'identities: 30/30 hold (rows 23/23, columns 7/7); not fully checked: table 三 lacks 2 of its 25 rows; 9 of 39 identities could not be checked (9 for a row missing)');
  });

  test('table 三 with only its header: none checked, every row missing said', () => {
    const lines = clean.text.split('\n');
    const first = lines.findIndex((l) => l.startsWith('一、本年新收'));
    const last = lines.findIndex((l) => l.startsWith('四、结转下年度'));
    const { a } = model([...lines.slice(0, first), ...lines.slice(last + 1)].join('\n'));
    assert.equal(codeLenses('file:///x', 1, a, 'zh-CN')[0].command?.title, '勾稽关系 39 项均未核对；未完全核对：表三缺 25 行；39/39 个勾稽关系无法核对（39 个因缺行）');
  });
});

describe('inlay hints', () => {
  const cell = t4Cell(clean.text, 4);
  const right = Number(cell.text);
  const { a } = model(withCell(cell, String(right + 3)));

  test('after a wrong derived cell, what it should be', () => {
    const hints = inlayHints(a, WHOLE, 'zh-CN', (rule) => severityFor(rule, { severity: {}, locale: 'auto', debounceMs: 0 }));
    assert.deepEqual(hints.map((h) => [h.label, h.position]), [[`应为 ${right}`, { line: cell.line, character: cell.start + String(right + 3).length }]]);
    assert.deepEqual(inlayHints(a, WHOLE, 'en', () => 'error').map((h) => h.label), [`should be ${right}`]);
  });

  test('none for a rule that is off, none outside the range', () => {
    assert.deepEqual(inlayHints(a, WHOLE, 'zh-CN', () => 'off'), []);
    assert.deepEqual(inlayHints(a, { start: { line: 0, character: 0 }, end: { line: cell.line - 1, character: 0 } }, 'zh-CN', () => 'error'), []);
    assert.deepEqual(inlayHints(model(clean.text).a, WHOLE, 'zh-CN', () => 'error'), []);
  });
});

describe('document symbols and folding', () => {
  test('the six sections as written, each table under its section with its verdict', () => {
    const { m, a } = model(clean.text);
    const symbols = documentSymbols(m, a, 'zh-CN');
    assert.deepEqual(symbols.map((s) => s.name), HEADINGS);
    assert.deepEqual(symbols.map((s) => (s.children ?? []).map((c) => [c.name, c.detail])), [[], [['表二 主动公开政府信息情况', '']], [['表三 收到和处理政府信息公开申请情况', '勾稽关系 39/39 成立（行 25/25，列 7/7）']], [['表四 行政复议、行政诉讼情况', '勾稽关系 3/3 成立']], [], []]);
    assert.ok(symbols.every((s) => s.detail === undefined), 'official headings carry no detail');
    for (const s of symbols) for (const c of s.children ?? []) assert.ok(c.range.start.line > s.range.start.line && c.range.end.line <= s.range.end.line);
    assert.deepEqual(documentSymbols(m, a, 'en')[2].children?.map((c) => c.name), ['Table 三: requests received and handled']);
  });

  test('a heading off the official wording shows the official one', () => {
    const text = clean.text.replace('五、存在的主要问题及改进情况', '五、存在的主要问题和改进情况');
    const { m, a } = model(text);
    const five = documentSymbols(m, a, 'zh-CN').find((s) => s.name.startsWith('五'))!;
    assert.equal(five.name, '五、存在的主要问题和改进情况');
    assert.equal(five.detail, '规定措辞：五、存在的主要问题及改进情况');
  });

  test('tables outside every section stand on their own', () => {
    const t3 = model(clean.text).a.tables.find((t) => t.kind === 't3')!;
    const lines = clean.text.split('\n').slice(t3.startLine, t3.endLine + 1).join('\n');
    const { m, a } = model(lines);
    assert.deepEqual(documentSymbols(m, a, 'zh-CN').map((s) => s.name), ['表三 收到和处理政府信息公开申请情况']);
  });

  test('folding: a range per section (trailing blank lines left out) and per table, sorted', () => {
    const { m, a } = model(clean.text);
    const ranges = foldingRanges(m, a);
    for (const t of a.tables) assert.ok(ranges.some((r) => r.startLine === t.startLine && r.endLine === t.endLine), `table at ${t.startLine}`);
    for (const s of a.sections.filter((x) => x.endLine > x.heading.line)) {
      const r = ranges.find((x) => x.startLine === s.heading.line);
      assert.ok(r, `section at ${s.heading.line}`);
      assert.notEqual(m.line(r.endLine).trim(), '', 'ends on a line with text');
    }
    assert.deepEqual(ranges, [...ranges].sort((x, y) => x.startLine - y.startLine || y.endLine - x.endLine));
  });
});

describe('diagnostics in LSP terms', () => {
  const cell = t3Cell(clean.text, 'new', 6);
  const { a } = model(withCell(cell, String(Number(cell.text) + 1)));

  test('code = rule, source, the message in the locale, the version in data; off drops, overrides apply', () => {
    const opts = { uri: 'file:///x', version: 3, locale: 'en' as const };
    const all = toLspDiagnostics(a.diagnostics, { ...opts, severity: (rule) => severityFor(rule, { severity: {}, locale: 'auto', debounceMs: 0 }) });
    assert.deepEqual(all.map((d) => [d.code, d.severity, d.source]).sort(), [['request-balance', 1, 'disclosure-report'], ['request-row-total', 1, 'disclosure-report']]);
    const row = all.find((d) => d.code === 'request-row-total')!;
    assert.match(String(row.message), /should be/);
    assert.deepEqual(row.data, { version: 3, at: row.range.start, cell: 't3.new.total', suspect: { cell: 't3.new.total', value: Number(cell.text) } });
    assert.deepEqual(readData(row), { version: 3, rule: 'request-row-total', at: row.range.start });
    assert.equal(readData({ ...row, data: { version: 'x' } }), undefined);
    assert.equal(readData({ ...row, source: 'other' }), undefined);
    assert.equal(readData({ ...row, data: { version: 3, at: { line: 'x' } } }), undefined);
    assert.deepEqual(readData({ ...row, data: { version: 3 } })?.at, row.range.start);
    assert.ok(row.relatedInformation?.every((r) => r.location.uri === 'file:///x'));
    const some = toLspDiagnostics(a.diagnostics, { ...opts, locale: 'zh-CN', severity: (rule) => severityFor(rule, { severity: { 'request-row-total': 'off', 'request-balance': 'hint' }, locale: 'auto', debounceMs: 0 }) });
    assert.deepEqual(some.map((d) => [d.code, d.severity]), [['request-balance', 4]]);
    assert.match(String(some[0].message), /应为/);
  });

  test('at most `max` diagnostics, the first in document order, and one at the top saying how many more', () => {
    const pasted = model(Array.from({ length: 4 }, () => withCell(cell, String(Number(cell.text) + 1))).join('\n')).a;
    const opts = { uri: 'file:///x', version: 1, locale: 'en' as const, severity: () => 'error' as const };
    const all = toLspDiagnostics(pasted.diagnostics, { ...opts, max: 100 });
    assert.ok(pasted.diagnostics.length > 5 && all.length === pasted.diagnostics.length && all.every((d) => d.code !== LIMIT_CODE));
    const few = toLspDiagnostics(pasted.diagnostics, { ...opts, max: 3 });
    assert.equal(few.length, 4);
    assert.deepEqual(few.slice(1), all.slice(0, 3));
    assert.equal(few[0].code, LIMIT_CODE);
    assert.equal(few[0].severity, 3);
    assert.deepEqual(few[0].range.start, { line: 0, character: 0 });
    assert.match(String(few[0].message), new RegExp(`^${pasted.diagnostics.length - 3} more diagnostics not shown: at most 3`));
    assert.equal(readData(few[0]), undefined, 'not one a fix can be asked for');
  });
});
