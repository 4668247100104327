// What was verified (coverage/index.ts), in words, Chinese and English: the CLI's line per report,
// the editor's code lens and status bar.

import type { Localized } from '../i18n.js';
import type { TableKind } from '../format/index.js';
import type { Coverage, NotEvaluableWhy, OneTableCoverage } from './index.js';

const L = (zh: string, en: string): Localized => ({ zh, en });


const WHY: Record<NotEvaluableWhy, Localized> = {
  'table-missing': L('缺表', 'its table missing'),
  'row-missing': L('缺行', 'a row missing'),
  'cell-missing': L('缺单元格', 'a cell missing'),
  'not-number': L('单元格非数字', 'a cell not a number'),
  blank: L('单元格空白', 'a blank cell'),
};
const TABLE_WORD: Record<TableKind, Localized> = { t2: L('表二', 'table 二'), t3: L('表三', 'table 三'), t4: L('表四', 'table 四') };
const ROW_UNIT = (k: TableKind) => (k === 't4' ? L('组', ' groups') : L('行', ' rows'));

/** The rows found per table: `表二 6/6 行，表三 23/25 行，表四 3/3 组`. */
function rowsFound(c: Coverage): Localized {
  const parts = (Object.keys(c.tables) as TableKind[]).map((k) => {
    const { rows, of } = c.tables[k];
    return L(`${TABLE_WORD[k].zh} ${rows}/${of} ${ROW_UNIT(k).zh}`, `${TABLE_WORD[k].en} ${rows}/${of}`);
  });
  return L(parts.map((p) => p.zh).join('，'), parts.map((p) => p.en).join(', '));
}

/** What could not be checked: the tables lacking rows, the identities not evaluable by reason. */
function gaps(c: Coverage | OneTableCoverage): Localized {
  const zh: string[] = [];
  const en: string[] = [];
  for (const k of Object.keys(c.tables) as TableKind[]) {
    const t = c.tables[k];
    if (!t || t.rows === t.of) continue;
    const { rows, of } = t;
    // The table itself missing (its identities say so; table 二 has none, and no rows means no table).
    const gone = rows === 0 && (k === 't2' || c.identities.notEvaluable.some((x) => x.why === 'table-missing' && x.id.includes(`:${k}.`)));
    if (gone) { zh.push(`缺${TABLE_WORD[k].zh}`); en.push(`${TABLE_WORD[k].en} missing`); continue; }
    zh.push(`${TABLE_WORD[k].zh}缺 ${of - rows} ${ROW_UNIT(k).zh}`);
    en.push(`${TABLE_WORD[k].en} lacks ${of - rows} of its ${of}${ROW_UNIT(k).en}`);
  }
  const n = c.identities.of - c.identities.evaluated;
  if (n > 0) {
    // By reason, in the order of WHY (the most telling first).
    const counts = (Object.keys(WHY) as NotEvaluableWhy[]).map((w) => [w, c.identities.notEvaluable.filter((x) => x.why === w).length] as const).filter(([, x]) => x > 0);
    zh.push(`${n}/${c.identities.of} 个勾稽关系无法核对（${counts.map(([w, x]) => `${x} 个因${WHY[w].zh}`).join('、')}）`);
    en.push(`${n} of ${c.identities.of} identities could not be checked (${counts.map(([w, x]) => `${x} for ${WHY[w].en}`).join(', ')})`);
  }
  return L(zh.join('；'), en.join('; '));
}

export const coverageText = {
  /** A report with errors. */
  errors: (errors: number, c: Coverage) =>
    L(
      `有 ${errors} 个错误（核对了 ${c.identities.evaluated}/${c.identities.of} 个勾稽关系；${rowsFound(c).zh}）`,
      `${errors} error${errors === 1 ? '' : 's'} (${c.identities.evaluated}/${c.identities.of} identities checked; rows found: ${rowsFound(c).en})`,
    ),
  /** Every row found and every identity evaluated, no error. */
  full: (c: Coverage) =>
    L(`全部核对：三张表的行齐全（${rowsFound(c).zh}），${c.identities.of} 个勾稽关系全部核对，未发现错误`, `fully verified: every row of the three tables found (${rowsFound(c).en}), all ${c.identities.of} identities checked, no error`),
  /** No error, but not everything could be checked: what could not. */
  partial: (c: Coverage) => {
    const g = gaps(c);
    return L(`未发现错误，但未完全核对：${g.zh}`, `no error found, but not fully checked: ${g.en}`);
  },
  /** The short form (status bar, code lens). */
  notFully: () => L('未完全核对', 'not fully checked'),
  /** What could not be checked, alone (a tooltip, the lens). */
  gaps,
};
