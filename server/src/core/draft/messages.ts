// The words of the drafting completions (core/draft/completion.ts) that are not format data:
// the detail lines of a heading item and of a whole table.

import type { Localized } from '../i18n.js';

export const draftText = {
  section: (numeral: string, id: number, en: string): Localized => ({ zh: `第${numeral}部分`, en: `Section ${id}: ${en}` }),
  wholeTable: { zh: '整张表格：全部行列名称，单元格为 0', en: 'the whole table: every label, 0 in every cell' } as Localized,
};
