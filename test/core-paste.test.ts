// Text pasted from a PDF viewer or from Word: a long row label of table 三 wrapped onto the next
// line (before or after the row's numbers), table 四's fifteen numbers wrapped over lines, and
// headings and paragraphs indented by tabs or full-width spaces. The damaged text must give the
// undamaged report's findings at the same cells, in every layout.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from './helpers/fc.ts';
import { analyzeText, cellsOf, ReportModel, type Analysis } from '../server/src/core/index.ts';
import { composeReport, exampleReport, LAYOUTS, type Layout } from './helpers/compose.mjs';

/** The example with arithmetic errors on wrapped rows and in table 四. */
function faulty() {
  const r = exampleReport();
  r.cells['t3.partial.total'] = 9; // 2 → 9
  r.cells['t3.other1.natural'] = 1; // the row total and the column no longer agree
  r.cells['t3.other2.total'] = 4;
  r.cells['t4.direct.total'] = 7; // 1 → 7
  return r;
}
const findings = (a: Analysis) => a.diagnostics.map((d) => [d.rule, d.cell ?? d.row ?? null, d.expected ?? null, d.actual ?? null]);
const values = (a: Analysis) => Object.fromEntries(cellsOf(a).map((k) => [k.key, k.cell.value]));

/** Wrapped labels: the label as the format prints it, and where a narrow cell breaks it. */
const WRAPS: [string, number[]][] = [
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [14]],
  ['（二）部分公开（区分处理的，只计这一情形，不计其他情形）', [7, 14, 21]],
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [16]],
  ['1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', [10, 22]],
  ['2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', [20]],
  ['5.要求行政机关确认或重新出具已获取信息', [9]],
  ['一、本年新收政府信息公开申请数量', [8]],
  ['四、结转下年度继续办理', [7]],
];
const pieces = (label: string, at: number[]) => [0, ...at].map((a, i) => label.slice(a, at[i] ?? label.length));

/** The label broken onto lines before the row's numbers: its last piece carries them. */
function wrapBefore(text: string, label: string, at: number[]): string {
  assert.ok(text.includes(label), label);
  return text.replace(label, pieces(label, at).join('\n'));
}
/** The numbers on the label's first line, the rest of the label on lines of its own after them. */
function wrapAfter(text: string, label: string, at: number[]): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.includes(label));
  const [first, ...rest] = pieces(label, at);
  lines.splice(i, 1, lines[i].replace(label, first), ...rest);
  return lines.join('\n');
}

/** Table 四's row of fifteen numbers broken after the given counts. */
function wrapT4(text: string, layout: Layout, at: number[]): string {
  const lines = text.split('\n');
  const i = lines.findIndex((l) => l.startsWith('四、政府信息公开')) + 4;
  const sep = layout === 'pipe' ? ' | ' : layout === 'tab' ? '\t' : '  ';
  const cells = lines[i].replace(/ \|$/, '').split(sep);
  assert.equal(cells.length, 15);
  const parts = [0, ...at].map((a, k) => cells.slice(a, at[k] ?? 15).join(sep) + (layout === 'pipe' ? ' |' : ''));
  lines.splice(i, 1, ...parts);
  return lines.join('\n');
}

describe('a row label wrapped onto the next line', () => {
  for (const layout of LAYOUTS) {
    const base = composeReport(faulty(), layout);
    const reference = analyzeText(base);
    test(`${layout}: joined, no row-unknown, the numbers in their cells, the same findings`, () => {
      assert.equal(findings(reference).length, 6, 'the undamaged report’s arithmetic findings');
      for (const [label, at] of WRAPS) {
        const before = analyzeText(wrapBefore(base, label, at));
        assert.deepEqual(findings(before), findings(reference), `${label} ${at} before its numbers`);
        assert.deepEqual(values(before), values(reference), `${label} ${at}: cells`);
        if (layout === 'cell-per-line') continue; // there a label is a line of its own already
        const after = analyzeText(wrapAfter(base, label, at));
        assert.deepEqual(findings(after), findings(reference), `${label} ${at} after its numbers`);
        assert.deepEqual(values(after), values(reference), `${label} ${at}: cells`);
      }
    });
  }

  test('every wrapped row at once, indented by Word', () => {
    for (const layout of LAYOUTS) {
      const base = composeReport(faulty(), layout);
      let text = base;
      for (const [label, at] of WRAPS.filter((_, i) => i % 2 === 0 || i > 4)) text = wrapBefore(text, label, at);
      assert.deepEqual(findings(analyzeText(text)), findings(analyzeText(base)), layout);
    }
  });

  test('a wrapped label written in other words is one label-wording over its lines, without a fix', () => {
    const base = composeReport(exampleReport(), 'pipe');
    const text = base.replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形）', '（二）部分公开（区分处理的，\n只计这一情形，不计其他情形');
    const a = analyzeText(text);
    assert.deepEqual(findings(a), [['label-wording', 't3.partial', null, null]]);
    const d = a.diagnostics[0];
    assert.equal(d.range.end.line, d.range.start.line + 1);
    assert.equal(d.fix, undefined);
  });

  test('a row label of its own is never taken for the rest of the one before', () => {
    // （二）部分公开 (the short form, reported with its fix) alone on a line, its numbers on the
    // next, then （三）不予公开: each row keeps its own label and numbers.
    const base = composeReport(exampleReport(), 'pipe');
    const text = base.replace('（二）部分公开（区分处理的，只计这一情形，不计其他情形） |', '（二）部分公开\n|');
    const a = analyzeText(text);
    assert.deepEqual(findings(a), [['label-wording', 't3.partial', null, null]]);
    assert.equal(a.diagnostics[0].fix?.edits[0].newText, '（二）部分公开（区分处理的，只计这一情形，不计其他情形）');
    assert.deepEqual(values(a), values(analyzeText(base)));
  });

  test('a first piece that matches no row, completed on the next line', () => {
    const base = composeReport(exampleReport(), 'tab');
    const text = base.replace('5.要求行政机关确认或重新出具已获取信息', '5.要求\n行政机关确认或重新出具已获取信息');
    assert.deepEqual(findings(analyzeText(text)), []);
  });
});

describe('a header label wrapped onto the next line', () => {
  const HEADERS: [string, number][] = [['未经复议直接起诉', 4], ['本年收费金额（单位：万元）', 6], ['社会公益组织', 4], ['法律服务机构', 4], ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', 20]];
  for (const layout of LAYOUTS) {
    test(`${layout}: joined, no label-wording`, () => {
      const base = composeReport(faulty(), layout);
      const reference = findings(analyzeText(base));
      for (const [label, at] of HEADERS) {
        const a = analyzeText(base.replace(label, label.slice(0, at) + '\n' + label.slice(at)));
        assert.deepEqual(findings(a), reference, label);
      }
    });
  }
});

describe('table 四’s fifteen numbers wrapped over lines', () => {
  for (const layout of LAYOUTS.filter((l) => l !== 'cell-per-line')) {
    test(`${layout}: 10 + 5, 8 + 7, 5 + 5 + 5, 14 + 1`, () => {
      const base = composeReport(faulty(), layout);
      const reference = analyzeText(base);
      for (const at of [[10], [8], [5, 10], [14]]) {
        const a = analyzeText(wrapT4(base, layout, at));
        assert.deepEqual(findings(a), findings(reference), `${at}`);
        assert.deepEqual(values(a), values(reference), `${at}`);
      }
    });
  }
});

describe('headings and paragraphs indented by tabs or full-width spaces', () => {
  const INDENTS = ['\t', '\t\t', '\u3000\u3000', ' \t\u3000', '\u00a0\u00a0'];
  const isTableLine = (l: string) => /[|\t]/.test(l) || /\S {2}\S/.test(l);
  for (const layout of LAYOUTS) {
    test(`${layout}: the same findings, the paragraphs prose, nothing read as a cell`, () => {
      const base = composeReport(faulty(), layout);
      const reference = analyzeText(base);
      for (const indent of INDENTS) {
        const indented = base.split('\n').map((l) => (l && !isTableLine(l) ? indent + l : l)).join('\n');
        const a = analyzeText(indented);
        assert.deepEqual(findings(a), findings(reference), JSON.stringify(indent));
        assert.equal(a.headings.length, 6);
        // Short indented paragraphs beside the tables, with numbers in them.
        const beside = base
          .replace('四、政府信息公开行政复议、行政诉讼情况\n', `四、政府信息公开行政复议、行政诉讼情况\n${indent}本年度发生行政复议2件\n${indent}具体情况如下：\n`)
          .replace('五、存在的主要问题及改进情况\n', `${indent}注：数据截至12月31日\n五、存在的主要问题及改进情况\n`);
        assert.deepEqual(findings(analyzeText(beside)), findings(reference), `${JSON.stringify(indent)} beside the tables`);
      }
    });
  }

  test('a tab-indented long paragraph is prose, not a row of cells', () => {
    const base = composeReport(exampleReport(), 'pipe');
    const para = '本机关严格按照《条例》规定办理政府信息公开申请，全年共收到申请18件，均在法定期限内答复，未发生因政府信息公开引发的行政复议或行政诉讼';
    const text = base.replace('五、存在的主要问题及改进情况\n', `五、存在的主要问题及改进情况\n\t${para}\n`);
    const a = analyzeText(text);
    assert.deepEqual(findings(a), []);
    const line = text.split('\n').findIndex((l) => l.includes(para));
    assert.ok(!a.tables.some((t) => t.startLine <= line && line <= t.endLine));
  });

  test('a row split by spaces (PDF text) indented by a tab is still split by its spaces', () => {
    const base = composeReport(faulty(), 'spaces');
    const text = base.split('\n').map((l) => (l ? '\t' + l : l)).join('\n');
    assert.deepEqual(findings(analyzeText(text)), findings(analyzeText(base)));
  });
});

describe('editing damaged text: the incremental model equals a fresh parse', () => {
  /** Line breaks, indentation and placeholders typed anywhere in table 三 and 四 of a damaged report. */
  const PIECES = ['\n', '\t', '\u3000\u3000', '—', '无', '/', '12件', '1,234', ' | ', '只计这一情形，不计其他情形）', '行政机关不再处理其政府信息公开申请', ''];
  for (const layout of ['pipe', 'tab', 'spaces'] as Layout[]) {
    test(`${layout}: random edits of a report with wrapped labels and dashes`, () => {
      let start = composeReport(faulty(), layout);
      for (const [label, at] of [WRAPS[0], WRAPS[2], WRAPS[4]]) start = wrapBefore(start, label, at);
      start = start.replace(/ 0 \|/g, ' — |').replace(/\t0\t/g, '\t—\t');
      const lines = start.split('\n');
      const from = lines.findIndex((l) => l.startsWith('三、收到和处理'));
      const edit = fc.record({ line: fc.integer({ min: from, max: lines.length - 1 }), at: fc.nat({ max: 200 }), cut: fc.nat({ max: 3 }), text: fc.constantFrom(...PIECES) });
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
          const model = new ReportModel(start);
          model.analysis();
          let text = start;
          for (const e of edits) {
            const ls = text.split('\n');
            const line = e.line % ls.length;
            const ch = e.at % (ls[line].length + 1);
            const end = Math.min(ls[line].length, ch + e.cut);
            model.apply({ range: { start: { line, character: ch }, end: { line, character: end } }, text: e.text });
            ls[line] = ls[line].slice(0, ch) + e.text + ls[line].slice(end);
            text = ls.join('\n');
            assert.equal(model.getText(), text);
            assert.deepEqual(JSON.stringify(model.analysis().diagnostics), JSON.stringify(analyzeText(text).diagnostics));
            assert.deepEqual(values(model.analysis()), values(analyzeText(text)));
          }
        }),
        { numRuns: Number(process.env.FC_RUNS) || 40, seed: 9 },
      );
    });
  }
});
