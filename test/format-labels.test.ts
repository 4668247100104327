// Labels are spelled in core/format/ only: outside it, in the server's LSP layer and the client,
// no row or column label of the format (four characters or more) occurs in code, only inside the
// sentences of a message catalogue; hover's formula names the derived cell by the format's label
// (the identity's anchorName), and the client recognises a report by the format's words
// (client/src/detect.ts imports core/format/f2021.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { analyzeText, identities, TABLE2_2019, TABLE2_2021, TABLE3, TABLE4 } from '../server/src/core/index.ts';
import { composeReport, exampleReport } from './helpers/compose.mjs';

const ROOT = resolve(__dirname, '..');
const CATALOGUES = /(^|\/)(messages|reviewMessages|workspaceMessages|bundle)\.ts$/;

function formatLabels(): string[] {
  const out = new Set<string>();
  for (const f of [TABLE2_2021, TABLE2_2019]) for (const it of f.items) { for (const c of it.values) out.add(c.label); for (const r of it.rows) out.add(r.label); }
  for (const c of TABLE3.columns) out.add(c.label);
  for (const r of [...TABLE3.rows, TABLE3.otherSingle]) out.add(r.text);
  for (const g of TABLE3.groups) out.add(g.text);
  for (const g of TABLE4.groups) out.add(g.label);
  for (const r of TABLE4.results) out.add(r.label);
  return [...out].filter((l) => l.length >= 4);
}

const walk = (d: string): string[] => readdirSync(d).flatMap((n) => { const p = join(d, n); return statSync(p).isDirectory() ? walk(p) : p.endsWith('.ts') ? [p] : []; });
/** The code without its comments (line and block comments; good enough for these sources). */
const code = (s: string) => s.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');

describe('labels are spelled in core/format/ only', () => {
  test('no format label in the code of server/src/lsp and client/src outside the message catalogues', () => {
    const labels = formatLabels();
    assert.ok(labels.includes('本年新收政府信息公开申请数量') && labels.includes('行政复议'));
    const offending: string[] = [];
    for (const f of [...walk(join(ROOT, 'server/src/lsp')), ...walk(join(ROOT, 'client/src'))]) {
      const rel = relative(ROOT, f);
      if (CATALOGUES.test(rel)) continue;
      const s = code(readFileSync(f, 'utf8'));
      for (const l of labels) if (s.includes(l)) offending.push(`${rel}: ${l}`);
    }
    assert.deepEqual(offending, []);
  });

  test('hover’s formula names the derived cell by the format’s label: the row’s for a column identity, else the column’s', () => {
    const a = analyzeText(composeReport(exampleReport()));
    const names = new Set<string>();
    for (const t of a.tables) for (const id of identities(t, a.format)) names.add(id.anchorName.zh);
    const total = TABLE3.rows.find((r) => r.role === 'total')!;
    const carryOver = TABLE3.rows.find((r) => r.role === 'carryOver')!;
    assert.deepEqual([...names].sort(), ['总计', total.ordinal + total.text, carryOver.ordinal + carryOver.text].sort());
  });
});
