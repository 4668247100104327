// Words for the slips-of-the-pen rules (rules/slips.ts): what a word typed twice in a row may
// legitimately be. Measured on the seeds and the published reports in ../shared (docs/assessment.md):
// the only doubled word there is r09's 资金资金, a slip; these are the reduplications Chinese prose
// uses on purpose (verbs tried out, 研究研究; counted steps, 一件一件), kept out of the rule.

/** Reduplicated words written on purpose (ABAB), never a slip. */
export const LEGIT_REDUPLICATIONS: readonly string[] = [
  '研究研究', '讨论讨论', '商量商量', '考虑考虑', '学习学习', '了解了解', '交流交流', '检查检查',
  '一个一个', '一件一件', '一项一项', '一条一条', '一步一步', '一天一天', '一年一年', '一次一次',
  '一点一点', '一层一层', '一级一级', '一批一批',
];

/** Characters the half-width , ; : stand between when they are slips in Chinese prose. */
export const HAN = '\\u3400-\\u9fff';

/** The full-width form of each half-width punctuation mark the rule replaces. */
export const FULLWIDTH: Readonly<Record<string, string>> = { ',': '，', ';': '；', ':': '：' };

/** Bracket pairs whose balance the rule checks on one prose line: opening and closing forms. */
export const BRACKETS: readonly { open: string; close: string; name: string }[] = [
  { open: '《', close: '》', name: '书名号' },
  { open: '“', close: '”', name: '引号' },
  // Half-width parentheses pair with full-width ones here: mixing the widths is not unbalance.
  { open: '（(', close: '）)', name: '括号' },
];

/** sentence-unfinished: a paragraph that reads as a sentence has one of these; a name, a title or a date has none. */
export const SENTENCE_MARKS = /[，,。；;]/;
/** What ends a title line's words and opens its text (（二）依申请公开：我办…), or ends a sentence. */
export const TITLE_BREAK = /[。！？；：;:!?]/;
/** Words that lead into what follows (具体如下, 主要包括): the paragraph's mark is then ：, not 。. */
export const LEAD_IN = /(?:如下|以下|下列|包括|主要有|分别是|分别为)$/;
/** After a numeral, the words of a citation broken over two lines (…第三十六条第 / （三）项规定): no title. */
export const CITATION_AFTER_NUMERAL = /^[项条款目号]/;
