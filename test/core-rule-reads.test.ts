// What a document rule reads is declared once, in its registry entry (`reads`), and the runner
// keeps its findings on that (core/rules/memo.ts). A wrong declaration is caught here: a rule
// declared 'prose' is handed a context whose tables throw (every test that analyses a report runs
// it so), and its findings must not change when every number in the tables does (so it reads no
// table line's text either); after a one-number edit the model hands back the very findings of
// the 'prose' rules, and reads the others again.
// Run: node test/run.mjs test/core-rule-reads.test.ts
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { analyzeText, keyedCells, ReportModel, RULES, type Analysis, type DocumentRule } from '../server/src/core/index.ts';
import { runDocumentRule } from '../server/src/core/rules/registry.ts';
import type { DocumentContext } from '../server/src/core/rules/rule.ts';
import { composeReport, exampleReport } from './helpers/compose.mjs';
import { examples } from './lsp/fixture.ts';
import { SKIP_SHARED, sharedFiles } from './helpers/shared.ts';
import { canon } from './helpers/canon.ts';

const DOCUMENT = RULES.filter((r): r is DocumentRule => r.scope === 'document');
const PROSE = DOCUMENT.filter((r) => r.reads === 'prose');

const OPENING = /^2025年，青禾县数据资源局认真贯彻.*$/m;
/** The composed report with prose that several rules read: a zero claim, a stated figure, slips. */
const rich = composeReport({ office: '青禾县数据资源局', year: 2025, cells: exampleReport().cells }).replace(
  OPENING,
  '2025年度全年未收到政府信息公开申请。本年新收政府信息公开申请25件，上年结转2件。我局加强资金资金管理,提升服务质量。依据《条例（试行）开展工作。',
);

/** The report as the assembler hands it to the document rules (without a memo). */
function contextOf(text: string): DocumentContext {
  const a = analyzeText(text);
  const lines = text.split('\n');
  const last = lines.length - 1;
  const end = { start: { line: last, character: lines[last].length }, end: { line: last, character: lines[last].length } };
  return { headings: a.headings, sections: a.sections, tables: a.tables, spans: a.tables, reportYear: a.reportYear, periodYears: [], lines, end, identity: a.identity };
}

const YEARISH = /(?:19|20)\d\d/;
/** `text` with every number in its tables' cells changed (never to one that reads as a year). */
function everyCellChanged(text: string, a: Analysis): string {
  const lines = text.split('\n');
  const cells = a.tables.flatMap((t) => keyedCells(t)).map((k) => k.cell).filter((c) => /^\d+$/.test(c.text) && !YEARISH.test(c.text));
  cells.sort((x, y) => x.line - y.line || y.start - x.start);
  for (const c of cells) {
    let v = Number(c.text) + 1;
    while (YEARISH.test(String(v))) v++;
    lines[c.line] = lines[c.line].slice(0, c.start) + v + lines[c.line].slice(c.end);
  }
  return lines.join('\n');
}

const byRule = (a: Analysis, id: string) => JSON.stringify(a.diagnostics.filter((d) => d.rule === id));
const spans = (a: Analysis) => a.tables.map((t) => [t.kind, t.startLine, t.endLine]);

function sameProseFindings(name: string, text: string): number {
  const a = analyzeText(text);
  const b = analyzeText(everyCellChanged(text, a));
  assert.deepEqual(spans(b), spans(a), `${name}: the tables read as before`);
  let found = 0;
  for (const r of PROSE) {
    assert.equal(byRule(b, r.id), byRule(a, r.id), `${name}: ${r.id} is declared 'prose' and its findings follow the tables' numbers`);
    found += a.diagnostics.filter((d) => d.rule === r.id).length;
  }
  return found;
}

describe('a rule declared to read the prose reads no table', () => {
  test('every document rule declares what it reads', () => {
    for (const r of DOCUMENT) assert.ok(['headings', 'prose', 'prose+tables', 'all', 'previous'].includes(r.reads), r.id);
    assert.ok(PROSE.length >= 8, PROSE.map((r) => r.id).join(' '));
  });

  test('declared as prose, a rule that reads the tables throws, naming itself', () => {
    const ctx = contextOf(rich);
    for (const id of ['prose-table-mismatch', 'prose-zero-claim']) {
      const r = DOCUMENT.find((x) => x.id === id)!;
      assert.ok(runDocumentRule(r, ctx).length > 0, `${id} finds something in the composed text`);
      const wrong = { ...r, reads: 'prose' } as DocumentRule;
      assert.throws(() => runDocumentRule(wrong, ctx), new RegExp(`${id} declares reads: 'prose'`));
    }
  });

  test('the composed report: the prose rules find the same whatever the tables’ numbers', () => {
    assert.ok(sameProseFindings('composed', rich) >= 3);
  });

  test('the examples', () => {
    for (const e of examples()) sameProseFindings(e.name, e.text);
  });

  test('the seeds and published reports', { skip: SKIP_SHARED }, () => {
    for (const f of [...sharedFiles('seeds'), ...sharedFiles('real')]) sameProseFindings(f.name, f.text);
  });
});

describe('the model keeps each rule’s findings by its declaration', () => {
  test('a number typed into table 三: the prose rules’ findings are the same objects, the tables’ read again', () => {
    const m = new ReportModel(rich);
    const a = m.analysis();
    const cell = a.tables.filter((t) => t.kind === 't3').flatMap((t) => keyedCells(t)).find((k) => k.key === 't3.new.total')!.cell;
    m.apply({ range: { start: { line: cell.line, character: cell.start }, end: { line: cell.line, character: cell.end } }, text: '25' });
    const b = m.analysis();
    const of = (x: Analysis, ids: string[]) => x.diagnostics.filter((d) => ids.includes(d.rule));
    const prose = PROSE.map((r) => r.id);
    assert.ok(of(a, prose).length >= 3);
    assert.equal(of(b, prose).length, of(a, prose).length);
    assert.ok(of(b, prose).every((d, i) => d === of(a, prose)[i]), 'kept');
    // prose-table-mismatch reads the tables too: 25 now agrees with the prose's 25.
    assert.equal(of(a, ['prose-table-mismatch']).length, 1);
    assert.deepEqual(of(b, ['prose-table-mismatch']), []);
    assert.deepEqual(canon(b), canon(analyzeText(m.getText())));
  });
});
