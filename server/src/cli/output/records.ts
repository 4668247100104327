// `export`'s records (../shared/CONTRACT.md "export"): one per report — path, office, year
// (read from the title line, the statistical period or the file name), format (2021 or 2019,
// from its table 二), every cell by its contract key, the counts of errors and warnings and the
// rules that failed — and the columns every record is laid out on, in a stable order taken from
// the format data: table 二 (2021), table 三 (（六） as three rows, then as one), table 四, and
// last the keys only a 2019-format table 二 has; then the coverage (core/coverage): rows found per
// table, identities evaluated, those not evaluable, what of table 二 was not read as numbers, and
// whether the report was fully verified.

import { basename } from 'node:path';
import { cellsOf, coverage, fullyChecked, RULES, TABLE2_2019, TABLE2_2021, TABLE3, TABLE4, type Analysis, type Cell, type Coverage, type Diagnostic } from '../../core/index.js';
import { reportIdentity } from '../../core/years/index.js';
import type { Table2Spec } from '../../core/format/index.js';

export type CellValue = number | string;

export interface ExportRecord {
  path: string;
  office: string | null;
  year: number | null;
  format: '2021' | '2019' | null;
  /** Every cell the report has, by key: a number, or the text as written ('' for a blank cell). */
  cells: Record<string, CellValue>;
  errors: number;
  warnings: number;
  /** The rules with at least one diagnostic, in the registry's order. */
  failing: string[];
  /** What was verified (additive): rows found per table, identities evaluated, and why the others were not. */
  coverage: Coverage;
  /** Every row found, every cell of table 二 read as a number and every identity evaluated. */
  verified: boolean;
}

const t2Keys = (spec: Table2Spec) => spec.items.flatMap((it) => it.rows.flatMap((r) => it.values.map((v) => `t2.${r.key}.${v.key}`)));

/** Every cell key, in the order of the export's columns. */
export const CELL_COLUMNS: readonly string[] = (() => {
  const t3 = [...TABLE3.rows.flatMap((r) => (r.key === 'total' ? [TABLE3.otherSingle, r] : [r]))];
  const keys = [
    ...t2Keys(TABLE2_2021),
    ...t3.flatMap((r) => TABLE3.columns.map((c) => `t3.${r.key}.${c.key}`)),
    ...TABLE4.groups.flatMap((g) => TABLE4.results.map((r) => `t4.${g.key}.${r.key}`)),
    ...t2Keys(TABLE2_2019),
  ];
  return [...new Set(keys)];
})();

/**
 * The coverage columns of the CSV: rows found and in the format per table, identities evaluated and
 * declared, those not evaluable (`id=why`), what of table 二 was not read as numbers (`key=why`), verified.
 */
export const COVERAGE_COLUMNS: readonly string[] = [
  ...(['t2', 't3', 't4'] as const).flatMap((k) => [`coverage.${k}.rows`, `coverage.${k}.of`]),
  'coverage.identities.evaluated',
  'coverage.identities.of',
  'coverage.notEvaluable',
  'coverage.t2.unread',
  'verified',
];

/** The columns of the CSV, as its header. */
export const COLUMNS: readonly string[] = ['path', 'office', 'year', 'format', ...CELL_COLUMNS, 'errors', 'warnings', 'failing', ...COVERAGE_COLUMNS];

/** Problems whose cell still holds a number as written (full-width digits, a negative or fractional count). */
const NUMBER_PROBLEMS = new Set([null, 'fullwidth', 'negative', 'fractional']);

/** A cell's value for the export: its number when its text is one, else the text as written. */
export function cellValue(c: Cell): CellValue {
  return c.value !== null && NUMBER_PROBLEMS.has(c.problem) ? c.value : c.text;
}

const ORDER = new Map<string, number>(RULES.map((r, i) => [r.id, i]));

export function exportRecord(path: string, text: string, analysis: Analysis, diagnostics: Diagnostic[] = analysis.diagnostics): ExportRecord {
  const id = reportIdentity(text.split(/\r\n|\r|\n/), basename(path));
  const t2 = analysis.tables.find((t) => t.kind === 't2');
  const cells: Record<string, CellValue> = {};
  for (const k of cellsOf(analysis)) if (!(k.key in cells)) cells[k.key] = cellValue(k.cell);
  const failing = [...new Set(diagnostics.map((d) => d.rule as string))].sort((a, b) => (ORDER.get(a) ?? 1e9) - (ORDER.get(b) ?? 1e9) || a.localeCompare(b));
  const cov = coverage(analysis);
  return {
    path,
    office: id.office,
    year: id.year,
    format: t2 && t2.kind === 't2' ? t2.format : null,
    cells,
    errors: diagnostics.filter((d) => d.severity === 'error').length,
    warnings: diagnostics.filter((d) => d.severity === 'warning').length,
    failing,
    coverage: cov,
    verified: fullyChecked(cov),
  };
}

/** The record as the CSV's fields, in COLUMNS' order (null and absent cells empty; `failing` space-separated). */
export function recordFields(r: ExportRecord): string[] {
  const s = (v: CellValue | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const c = r.coverage;
  const cov = [
    ...(['t2', 't3', 't4'] as const).flatMap((k) => [String(c.tables[k].rows), String(c.tables[k].of)]),
    String(c.identities.evaluated),
    String(c.identities.of),
    c.identities.notEvaluable.map((x) => `${x.id}=${x.why}`).join(' '),
    (c.tables.t2.unread ?? []).map((x) => `${x.cell ?? x.row}=${x.why}`).join(' '),
    String(r.verified),
  ];
  return [r.path, s(r.office), s(r.year), s(r.format), ...CELL_COLUMNS.map((k) => s(r.cells[k])), String(r.errors), String(r.warnings), r.failing.join(' '), ...cov];
}
