// What was verified (coverage/index.ts), in words, Chinese and English: the CLI's line per report,
// the editor's code lens and status bar.

import type { Localized } from '../i18n.js';
import type { TableKind } from '../format/index.js';
import type { Coverage, NotEvaluableWhy, OneTableCoverage, TableCoverage } from './index.js';

const L = (zh: string, en: string): Localized => ({ zh, en });


const WHY: Record<NotEvaluableWhy, Localized> = {
  'table-missing': L('缺表', 'its table missing'),
  'row-missing': L('缺行', 'a row missing'),
  'table-split': L('该行在被其他文字隔断的另一段表格中', 'its row in another part of a table cut in two by other text'),
  'row-unread': L('行已找到但其中的数无法读入各列', 'a row found but its numbers not read into their columns'),
  'cell-missing': L('缺单元格', 'a cell missing'),
  'not-number': L('单元格非数字', 'a cell not a number'),
  blank: L('单元格空白', 'a blank cell'),
};
const TABLE_WORD: Record<TableKind, Localized> = { t2: L('表二', 'table 二'), t3: L('表三', 'table 三'), t4: L('表四', 'table 四') };
const ROW_UNIT = (k: TableKind) => (k === 't4' ? L('组', ' groups') : L('行', ' rows'));

/** By reason, in the order of WHY (the most telling first): `2 个因单元格空白`, `2 for a blank cell`. */
function byReason(list: readonly { why: NotEvaluableWhy }[]): Localized {
  const counts = (Object.keys(WHY) as NotEvaluableWhy[]).map((w) => [w, list.filter((x) => x.why === w).length] as const).filter(([, x]) => x > 0);
  return L(counts.map(([w, x]) => `${x} 个因${WHY[w].zh}`).join('、'), counts.map(([w, x]) => `${x} for ${WHY[w].en}`).join(', '));
}

/** What of table 二 was not read as numbers (it has no identities to say so): `表二 1 处未读入数字（1 个因单元格空白）`. */
function unreadText(t: TableCoverage): Localized {
  const n = t.unread!.length;
  const why = byReason(t.unread!);
  return L(`${TABLE_WORD.t2.zh} ${n} 处未读入数字（${why.zh}）`, `${TABLE_WORD.t2.en}: ${n} not read as numbers (${why.en})`);
}

/** The rows found per table: `表二 6/6 行，表三 23/25 行，表四 3/3 组` (and what of table 二 was not read: `表二 6/6 行（1 处未读入数字）`). */
function rowsFound(c: Coverage): Localized {
  const parts = (Object.keys(c.tables) as TableKind[]).map((k) => {
    const { rows, of, unread } = c.tables[k];
    const zh = unread?.length ? `（${unread.length} 处未读入数字）` : '';
    const en = unread?.length ? ` (${unread.length} not read as numbers)` : '';
    return L(`${TABLE_WORD[k].zh} ${rows}/${of} ${ROW_UNIT(k).zh}${zh}`, `${TABLE_WORD[k].en} ${rows}/${of}${en}`);
  });
  return L(parts.map((p) => p.zh).join('，'), parts.map((p) => p.en).join(', '));
}

/** What could not be checked: the tables lacking rows, the identities not evaluable by reason. */
function gaps(c: Coverage | OneTableCoverage): Localized {
  const zh: string[] = [];
  const en: string[] = [];
  for (const k of Object.keys(c.tables) as TableKind[]) {
    const t = c.tables[k];
    if (!t) continue;
    if (t.unread?.length) {
      const u = unreadText(t);
      zh.push(u.zh);
      en.push(u.en);
    }
    if (t.rows === t.of) continue;
    const { rows, of } = t;
    // The table itself missing (its identities say so; table 二 has none, and no rows means no table).
    const gone = rows === 0 && (k === 't2' || c.identities.notEvaluable.some((x) => x.why === 'table-missing' && x.id.includes(`:${k}.`)));
    if (gone) { zh.push(`缺${TABLE_WORD[k].zh}`); en.push(`${TABLE_WORD[k].en} missing`); continue; }
    zh.push(`${TABLE_WORD[k].zh}缺 ${of - rows} ${ROW_UNIT(k).zh}`);
    en.push(`${TABLE_WORD[k].en} lacks ${of - rows} of its ${of}${ROW_UNIT(k).en}`);
  }
  const n = c.identities.of - c.identities.evaluated;
  if (n > 0) {
    const why = byReason(c.identities.notEvaluable);
    zh.push(`${n}/${c.identities.of} 个勾稽关系无法核对（${why.zh}）`);
    en.push(`${n} of ${c.identities.of} identities could not be checked (${why.en})`);
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
