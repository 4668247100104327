// A table's verdict in words, shared by the code lens (its title) and the outline (a table's
// detail): `勾稽关系 39/39 成立（行 25/25，列 7/7）`, `identities: 3/3 hold`; where the table was not
// fully checked (rows missing, identities not evaluable, cells of table 二 not read: core/coverage),
// it says so and what could not be.

import { coverageText, fullyChecked, pick, tableCoverage, type Format, type Locale, type OneTableCoverage, type Table } from '../core/index.js';
import { text } from './messages.js';
import { verdict, type Verdict } from './tables.js';

export function verdictTitle(v: Verdict, kind: Table['kind'], locale: Locale, coverage: OneTableCoverage): string {
  let title: string;
  if (v.evaluated === 0) title = pick(text.noneEvaluated(v.possible), locale);
  else title = kind === 't3' && v.rows && v.columns ? pick(text.verdictT3(v.hold, v.evaluated, v.rows, v.columns), locale) : pick(text.verdict(v.hold, v.evaluated), locale);
  if (!fullyChecked(coverage)) title += pick(text.notFullyChecked(coverageText.notFully(), coverageText.gaps(coverage)), locale);
  return title;
}

/**
 * Table 二's title: it has no identities, so '' where every row was found and every cell read as a
 * number, else what was not (`未完全核对：表二 1 处未读入数字（1 个因单元格空白）`).
 */
export function t2Title(t: Table, format: Format, locale: Locale, tables: readonly Table[] = [t]): string {
  const coverage = tableCoverage(t, format, tables);
  return fullyChecked(coverage) ? '' : pick(text.notFullyCheckedOnly(coverageText.notFully(), coverageText.gaps(coverage)), locale);
}

/**
 * The verdict of a table with identities, in words; for table 二 (it has none) only what of it was
 * not read (t2Title). `tables`: the report's (a table cut in two by other text is read in parts).
 */
export function tableVerdictTitle(t: Table, format: Format, locale: Locale, tables: readonly Table[] = [t]): string {
  return t.kind === 't2' ? t2Title(t, format, locale, tables) : verdictTitle(verdict(t, format), t.kind, locale, tableCoverage(t, format, tables));
}
