// The report texts the language server tests open: the repository's example drafts when they are
// there (examples/clean.report.txt), else the invented office's report composed by
// test/helpers/report.ts; and the shared seeds when ../shared exists beside the checkout.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeText, type Cell, type Table3, type Table4 } from '../../server/src/core/index';
import { buildReport, exampleData } from '../helpers/report';
import { SKIP_SHARED, sharedFiles } from '../helpers/shared';

const ROOT = resolve(__dirname, '../..');
export const SEEDS_SKIP = SKIP_SHARED;
export const seeds = () => sharedFiles('seeds');

/** A clean report of the invented office, in the ` | ` layout (used when examples/ has no clean draft). */
export function composeReport(year = 2025): string {
  return buildReport({ ...exampleData(), year }, 'pipe');
}

/**
 * The clean report the tests start from: examples/clean.report.txt, else the composed one
 * (always the composed one with LSP_TEST_COMPOSED=1).
 */
export function cleanReport(): { name: string; text: string } {
  const p = join(ROOT, 'examples/clean.report.txt');
  if (existsSync(p) && !process.env.LSP_TEST_COMPOSED) return { name: 'examples/clean.report.txt', text: readFileSync(p, 'utf8') };
  return { name: 'composed report (test/lsp/fixture.ts)', text: composeReport() };
}

/** Every example draft, for whole-document checks. */
export function examples(): { name: string; text: string }[] {
  const dir = join(ROOT, 'examples');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.txt'))
    .sort()
    .map((n) => ({ name: `examples/${n}`, text: readFileSync(join(dir, n), 'utf8') }));
}

/** Cells found by the core: table 三 by row key and column, table 四 by index. */
export function t3Cell(text: string, key: string, column: number): Cell {
  const t = analyzeText(text).tables.find((x): x is Table3 => x.kind === 't3');
  const c = t?.byKey.get(key)?.cells[column];
  if (!c) throw new Error(`no table 三 cell ${key}/${column}`);
  return c;
}

export function t4Cell(text: string, index: number): Cell {
  const t = analyzeText(text).tables.find((x): x is Table4 => x.kind === 't4');
  const c = t?.cells[index];
  if (!c) throw new Error(`no table 四 cell ${index}`);
  return c;
}

export const cellRange = (c: Cell) => ({ start: { line: c.line, character: c.start }, end: { line: c.line, character: c.end } });
