// The words of the drafting completions (core/draft/completion.ts) that are not format data:
// the detail line of a heading item.

import type { Localized } from '../i18n.js';

export const draftText = {
  section: (numeral: string, id: number, en: string): Localized => ({ zh: `第${numeral}部分`, en: `Section ${id}: ${en}` }),
};
